#include "authoring/voice_job.hpp"

#include "authoring/asset_files.hpp"
#include "authoring/narration_tools.hpp"

#include <filesystem>
#include <utility>

#include <unistd.h>

namespace fs = std::filesystem;

namespace sq::authoring {

namespace {

// A temporary WAV name no other job of this process (or another editor) uses.
std::string temporaryWav() {
  static std::atomic<unsigned> counter{0};
  std::error_code ec;
  const fs::path dir = fs::temp_directory_path(ec);
  return (dir / ("safequest-voice-" + std::to_string(::getpid()) + "-" + std::to_string(++counter) +
                 ".wav"))
      .string();
}

} // namespace

VoiceJob::~VoiceJob() {
  stopWorker();
}

void VoiceJob::stopWorker() {
  if (mWorker.joinable()) {
    mCancel = true; // espeak-ng is stopped within a few milliseconds
    mWorker.join();
  }
}

bool VoiceJob::start(std::string file, std::string objectPointer, std::string words,
                     std::string program, int timeoutMs) {
  if (mStarted) {
    return false;
  }
  if (mWorker.joinable()) {
    mWorker.join(); // the last job's worker has finished: its result was taken
  }
  mStarted = true;
  mFinished = false;
  mCancel = false;
  mFile = file;
  mPointer = objectPointer;
  {
    std::lock_guard<std::mutex> lock(mMutex);
    mResult = Result{};
  }
  mWorker = std::thread([this, forFile = std::move(file), forLine = std::move(objectPointer),
                         said = std::move(words), voice = std::move(program), timeoutMs] {
    Result r;
    r.file = forFile;
    r.objectPointer = forLine;
    r.words = said;
    const std::string wav = temporaryWav();
    std::error_code ec;
    fs::remove(wav, ec);
    std::string error;
    if (!runEspeak(said, wav, error, voice, timeoutMs, &mCancel)) {
      r.error = error;
    } else if (auto bytes = readFileLimited(wav, 16ull * 1024 * 1024, error)) {
      r.bytes = std::move(*bytes);
    } else {
      r.error = "The computer voice made a file too long for the pack: " + error;
    }
    fs::remove(wav, ec);
    {
      std::lock_guard<std::mutex> lock(mMutex);
      mResult = std::move(r);
    }
    mFinished = true;
  });
  return true;
}

bool VoiceJob::busy() const {
  return mStarted;
}

bool VoiceJob::isFor(const std::string& file, const std::string& objectPointer) const {
  return mStarted && mFile == file && mPointer == objectPointer;
}

std::optional<VoiceJob::Result> VoiceJob::take() {
  if (!mStarted || !mFinished) {
    return std::nullopt;
  }
  mWorker.join();
  mStarted = false;
  std::lock_guard<std::mutex> lock(mMutex);
  return std::exchange(mResult, Result{});
}

} // namespace sq::authoring
