// The computer voice off the window's thread (authoring/voice_job): start returns
// at once while a slow stand-in for espeak-ng works, the result is taken once with
// the WAV's bytes and the line it is for, a failure comes back in words, only one
// job runs at a time, dropping a job stops the program, and the real espeak-ng
// gives a WAV the game accepts.
#include "authoring/voice_job.hpp"

#include "authoring/narration_tools.hpp"
#include "core/asset_probe.hpp"

#include "support/temp_dir.hpp"

#include <doctest/doctest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

using namespace sq::authoring;
namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

const std::string kWav = "RIFF0000WAVEfmt 0123456789012345678901234567890123456789-spoken";

// A stand-in for espeak-ng that takes `seconds`, then writes kWav to the file after
// -w ($8), or fails with status 3 when `fail`.
fs::path fakeEspeak(const fs::path& dir, const std::string& seconds, bool fail = false) {
  const fs::path fake = dir / (fail ? "fake-espeak-fails" : "fake-espeak");
  {
    std::ofstream out(fake);
    out << "#!/bin/sh\ncat > /dev/null\nsleep " << seconds << "\n";
    out << (fail ? "exit 3\n" : "printf '%s' '" + kWav + "' > \"$8\"\n");
  }
  fs::permissions(fake, fs::perms::owner_all);
  return fake;
}

std::optional<VoiceJob::Result> waitFor(VoiceJob& job, int ms) {
  const auto until = Clock::now() + std::chrono::milliseconds(ms);
  while (Clock::now() < until) {
    if (auto r = job.take()) {
      return r;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return std::nullopt;
}

long msSince(Clock::time_point t) {
  return static_cast<long>(
      std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - t).count());
}

} // namespace

TEST_CASE("the computer voice works on a worker: start returns at once, the result comes once") {
  sq::test::TempDir dir;
  const fs::path fake = fakeEspeak(dir.path(), "0.6");
  VoiceJob job;
  CHECK_FALSE(job.busy());
  CHECK_FALSE(job.take().has_value()); // nothing started

  const auto before = Clock::now();
  REQUIRE(job.start("lessons/a.json", "/steps/0/slides/1", "Tell a trusted adult.", fake.string()));
  CHECK(msSince(before) < 300); // the window is not held while the voice speaks
  CHECK(job.busy());
  CHECK(job.isFor("lessons/a.json", "/steps/0/slides/1"));
  CHECK_FALSE(job.isFor("lessons/a.json", "/steps/0/slides/2"));
  CHECK_FALSE(job.take().has_value()); // still speaking
  // A second job waits for the first.
  CHECK_FALSE(job.start("lessons/a.json", "/steps/0/slides/2", "Other words.", fake.string()));

  const auto r = waitFor(job, 10000);
  REQUIRE(r.has_value());
  CHECK(msSince(before) >= 500);
  CHECK(r->ok());
  CHECK(r->bytes == kWav);
  CHECK(r->file == "lessons/a.json");
  CHECK(r->objectPointer == "/steps/0/slides/1");
  CHECK(r->words == "Tell a trusted adult.");
  CHECK_FALSE(job.busy());
  CHECK_FALSE(job.take().has_value()); // taken once

  // Free again for the next line.
  REQUIRE(job.start("lessons/a.json", "/steps/0/slides/2", "Other words.", fake.string()));
  const auto again = waitFor(job, 10000);
  REQUIRE(again.has_value());
  CHECK(again->objectPointer == "/steps/0/slides/2");
  CHECK(again->bytes == kWav);
}

TEST_CASE("a failing or missing voice comes back as words, not bytes") {
  sq::test::TempDir dir;
  VoiceJob job;
  REQUIRE(job.start("f.json", "/promises/0", "Words.", fakeEspeak(dir.path(), "0", true).string()));
  auto r = waitFor(job, 10000);
  REQUIRE(r.has_value());
  CHECK_FALSE(r->ok());
  CHECK(r->bytes.empty());
  CHECK(r->error.find("failed") != std::string::npos);

  REQUIRE(job.start("f.json", "/promises/0", "Words.", (dir.path() / "no-such").string()));
  r = waitFor(job, 10000);
  REQUIRE(r.has_value());
  CHECK(r->error.find("could not be started") != std::string::npos);
}

TEST_CASE("dropping a job stops the voice at once") {
  sq::test::TempDir dir;
  const fs::path fake = fakeEspeak(dir.path(), "30");
  const auto before = Clock::now();
  {
    VoiceJob job;
    REQUIRE(job.start("f.json", "/promises/0", "Words.", fake.string()));
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  CHECK(msSince(before) < 5000); // not the 30 s the program would take
}

TEST_CASE("the real espeak-ng, through the job, gives a WAV the loader's probe accepts") {
  REQUIRE_MESSAGE(espeakAvailable(), "espeak-ng is installed by tools/setup.sh");
  VoiceJob job;
  REQUIRE(job.start("lessons/a.json", "/steps/0/slides/0", "Stop, think, tell."));
  const auto r = waitFor(job, 60000);
  REQUIRE(r.has_value());
  REQUIRE_MESSAGE(r->ok(), r->error);
  CHECK(sq::sniffAssetType(r->bytes) == sq::AssetType::Wav);
  CHECK_FALSE(narrationFileProblem(r->bytes).has_value());
}
