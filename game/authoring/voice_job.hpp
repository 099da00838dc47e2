// Making a line's narration with the computer voice without holding up the window.
// espeak-ng (authoring/narration_tools' runEspeak) runs on a worker thread of the
// job's own and writes a temporary WAV, which the worker reads back as bytes. The
// window keeps drawing ("Making the recording…"), asks each frame whether the job
// has finished, and takes the result once: it then writes the pack's file and makes
// the one undoable edit itself. The worker never sees the document.
// One job at a time; destroying the job (closing the pack or the window) stops
// espeak-ng and waits for the worker.
// Depends on: authoring/narration_tools, authoring/asset_files, std::thread.
#pragma once

#include <atomic>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

namespace sq::authoring {

class VoiceJob {
public:
  struct Result {
    std::string file; // the pack file and the line the narration is for
    std::string objectPointer;
    std::string words; // the words it was made from
    std::string bytes; // the WAV's bytes ("" when it failed)
    std::string error; // why it failed, in words ("" when it worked)
    bool ok() const { return error.empty(); }
  };

  VoiceJob() = default;
  ~VoiceJob();
  VoiceJob(const VoiceJob&) = delete;
  VoiceJob& operator=(const VoiceJob&) = delete;

  // Starts making `words` into speech for the line at `objectPointer` in `file`.
  // Returns at once; false (nothing started) while another job is still running or
  // waiting to be taken. `program` and `timeoutMs` as runEspeak's.
  bool start(std::string file, std::string objectPointer, std::string words,
             std::string program = "espeak-ng", int timeoutMs = 60000);
  // Started, and its result not taken yet.
  bool busy() const;
  // Whether the job (running or finished) is for this line.
  bool isFor(const std::string& file, const std::string& objectPointer) const;
  // The result once the worker has finished (then the job is free again); nullopt
  // while it is still working or when nothing was started.
  std::optional<Result> take();

private:
  void stopWorker();

  std::thread mWorker;
  std::atomic<bool> mFinished{false};
  std::atomic<bool> mCancel{false};
  bool mStarted = false;
  std::string mFile;
  std::string mPointer;
  mutable std::mutex mMutex;
  Result mResult; // written by the worker before mFinished, read after it
};

} // namespace sq::authoring
