// safequest-cli pin run as separate programs, as a pupil at a shell could: 20
// `pin check`s started at once are all counted (five wrong tries lock the PIN,
// and the other fifteen are refused without the PIN being checked), and the
// lockout file of older versions no longer counts.
#include "support/run_program.hpp"
#include "support/temp_dir.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <string>

using sq::test::ProgramRun;
using sq::test::shellQuote;
using sq::test::TempDir;

namespace {

struct Pc {
  TempDir dir;
  std::string data() const { return dir.str() + "/data"; }
  std::string config() const { return dir.str() + "/etc/config.json"; }
  ProgramRun pin(std::vector<std::string> args) const {
    args.insert(args.begin(), "pin");
    args.insert(args.end(), {"--data", data(), "--config", config()});
    return sq::test::runProgram(SQ_CLI_PATH, args, dir.path());
  }
};

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) {
    ++n;
  }
  return n;
}

} // namespace

TEST_CASE("cli pin: 20 checks at once are all counted; once locked the rest are refused") {
  Pc pc;
  std::filesystem::create_directories(pc.dir.path() / "etc");
  REQUIRE(pc.pin({"set", "--pin", "4705"}).status == 0); // IT's machine configuration
  // Each check writes its answer to a file of its own, so the lines cannot mix.
  const std::string check = shellQuote(SQ_CLI_PATH) + " pin check --pin 9999 --data " +
                            shellQuote(pc.data()) + " --config " + shellQuote(pc.config());
  const std::string outDir = shellQuote(pc.dir.str());
  const std::string script = "for i in $(seq 1 20); do " + check + " >" + outDir +
                             "/out.$i 2>&1 & done; wait; cat " + outDir + "/out.*";
  const ProgramRun all = sq::test::runProgram("/bin/sh", {"-c", script}, pc.dir.path());
  INFO(all.out);
  CHECK(count(all.out, "wrong PIN;") == 5);
  // One after another: each wrong try saw the one before it.
  for (const char* seen : {"4 tries left", "3 tries left", "2 tries left", "1 tries left",
                           "wrong PIN; locked for 60 s"}) {
    CHECK_MESSAGE(count(all.out, seen) == 1, seen);
  }
  CHECK(count(all.out, "locked after too many wrong PINs") == 15);
  CHECK(count(all.out, "\n") == 20);
  // The lock holds for the right PIN too, in a later run.
  const ProgramRun right = pc.pin({"check", "--pin", "4705"});
  CHECK(right.status == 1);
  CHECK(right.out.find("locked") != std::string::npos);
  CHECK(pc.pin({"status"}).out.find("lockout: locked for") != std::string::npos);
}

TEST_CASE("cli pin: the old lockout file can be removed or replaced without unlocking") {
  Pc pc;
  std::filesystem::create_directories(pc.dir.path() / "etc");
  REQUIRE(pc.pin({"set", "--pin", "4705"}).status == 0);
  for (int i = 0; i < 5; ++i) {
    REQUIRE(pc.pin({"check", "--pin", "9999"}).status == 1);
  }
  const auto old = std::filesystem::path(pc.data()) / "teacher-lockout.json";
  std::filesystem::create_directories(old); // a folder where the file was
  CHECK(pc.pin({"check", "--pin", "4705"}).out.find("locked") != std::string::npos);
  // A records store filled with garbage is refused, and the PIN stays locked.
  const auto store = std::filesystem::path(pc.data()) / "safequest.sqlite";
  std::ofstream(store, std::ios::binary | std::ios::trunc) << std::string(8192, 'G');
  const ProgramRun r = pc.pin({"check", "--pin", "4705"});
  CHECK(r.status == 1);
  CHECK(r.err.find("pin unlock") != std::string::npos);
}
