// Autosave and recovery: work survives the editor being killed, and a damaged
// recovery file is refused with a reason, never trusted.
#include "authoring/edit_history.hpp"
#include "authoring/recovery.hpp"

#include "support/read_file.hpp"
#include "support/temp_dir.hpp"

#include <doctest/doctest.h>

#include <csignal>
#include <filesystem>
#include <fstream>
#include <sys/wait.h>
#include <unistd.h>

using namespace sq::authoring;
namespace fs = std::filesystem;

namespace {

fs::path smallPack(const sq::test::TempDir& dir) {
  const fs::path pack = dir.path() / "pack";
  fs::create_directories(pack / "lessons");
  std::ofstream(pack / "pack.json") << "{\n  \"id\": \"mine\",\n  \"title\": \"My pack\"\n}\n";
  std::ofstream(pack / "lessons/a.json") << "{\n  \"id\": \"a\",\n  \"title\": \"Lesson A\"\n}\n";
  return pack;
}

// The child: opens the pack, edits the title over and over, autosaving each time,
// and reports each autosaved edit number down the pipe, until it is killed.
[[noreturn]] void editUntilKilled(const std::string& pack, const std::string& recoveryDir, int fd) {
  PackDocument doc = PackDocument::open(pack);
  for (int n = 1;; ++n) {
    std::string error;
    applyOp(doc, EditOp::set("lessons/a.json", "/title", "Edit " + std::to_string(n)), error);
    if (n == 1) {
      applyOp(doc,
              EditOp::putFile("lessons/b.json", FileState::fromValue(Json::object({{"id", "b"}}))),
              error);
    }
    if (!writeRecovery(recoveryDir, doc, "2026-12-06T10:00:00Z", error)) {
      _exit(3);
    }
    if (::write(fd, &n, sizeof n) != static_cast<ssize_t>(sizeof n)) {
      _exit(4);
    }
  }
}

} // namespace

TEST_CASE("work autosaved before SIGKILL is offered back on reopening, exactly as it was") {
  sq::test::TempDir dir;
  const fs::path pack = smallPack(dir);
  const std::string recoveryDir = (dir.path() / "recovery").string();
  const std::string packBefore = sq::test::readWholeFile(pack / "pack.json");
  for (int kill = 0; kill < 10; ++kill) {
    int fds[2];
    REQUIRE(::pipe(fds) == 0);
    const pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) {
      ::close(fds[0]);
      editUntilKilled(pack.string(), recoveryDir, fds[1]);
    }
    ::close(fds[1]);
    // Let it autosave a few (a different number each round), then kill it mid-stride.
    int last = 0;
    for (int i = 0; i < 3 + kill * 7; ++i) {
      REQUIRE(::read(fds[0], &last, sizeof last) == static_cast<ssize_t>(sizeof last));
    }
    ::kill(child, SIGKILL);
    int status = 0;
    ::waitpid(child, &status, 0);
    ::close(fds[0]);
    REQUIRE(WIFSIGNALED(status));
    CHECK(WTERMSIG(status) == SIGKILL);

    PackDocument reopened = PackDocument::open(pack.string());
    std::string error;
    const std::optional<Recovery> recovery = readRecovery(recoveryDir, reopened, error);
    REQUIRE_MESSAGE(recovery.has_value(), error);
    CHECK(recovery->written == "2026-12-06T10:00:00Z");
    REQUIRE(recovery->files.size() == 2);
    for (const RecoveredFile& f : recovery->files) {
      CHECK(f.diskUnchanged);
    }
    EditHistory history;
    REQUIRE(history.apply(reopened, recoveryEdit(*recovery), error));
    // At least the last edit it reported (it may have autosaved more before the kill:
    // the pipe does not make it wait), and a whole one, never a torn file.
    const std::string title = (*reopened.value("lessons/a.json"))["title"].get<std::string>();
    REQUIRE(title.rfind("Edit ", 0) == 0);
    CHECK(std::stoi(title.substr(5)) >= last);
    CHECK((*reopened.value("lessons/b.json"))["id"] == "b");
    // Taking the work back is one undo step, and nothing on disk changed yet.
    CHECK(history.undoLabel() == "Undo: Take back unsaved work");
    CHECK(sq::test::readWholeFile(pack / "pack.json") == packBefore);
    CHECK(sq::test::readWholeFile(pack / "lessons/a.json").find("Lesson A") != std::string::npos);
  }
  // Saving with nothing left unsaved removes the recovery file.
  PackDocument doc = PackDocument::open(pack.string());
  std::string error;
  REQUIRE(writeRecovery(recoveryDir, doc, "now", error));
  CHECK_FALSE(fs::exists(recoveryPathFor(recoveryDir, pack.string())));
}

TEST_CASE("a file saved on disk after the work was autosaved is flagged before the work is taken") {
  sq::test::TempDir dir;
  const fs::path pack = smallPack(dir);
  const std::string recoveryDir = (dir.path() / "recovery").string();
  PackDocument doc = PackDocument::open(pack.string());
  std::string error;
  REQUIRE(applyOp(doc, EditOp::set("lessons/a.json", "/title", "Mine"), error));
  REQUIRE(writeRecovery(recoveryDir, doc, "t", error));
  std::ofstream(pack / "lessons/a.json") << "{\"id\": \"a\", \"title\": \"Someone else's\"}";
  const auto recovery = readRecovery(recoveryDir, PackDocument::open(pack.string()), error);
  REQUIRE(recovery);
  REQUIRE(recovery->files.size() == 1);
  CHECK_FALSE(recovery->files[0].diskUnchanged);
}

TEST_CASE("damaged or foreign recovery files are refused with a reason") {
  sq::test::TempDir dir;
  const fs::path pack = smallPack(dir);
  const PackDocument doc = PackDocument::open(pack.string());
  const std::string p = pack.string();
  const std::string good =
      R"({"format":"safequest-editor-recovery","version":1,"pack":")" + p +
      R"(","written":"t","files":[{"path":"lessons/a.json","disk":null,"text":"{}"}]})";
  std::string error;
  REQUIRE(parseRecovery(good, doc, error).has_value());
  const std::pair<std::string, const char*> bad[] = {
      {"", "line 1"},
      {good.substr(0, good.size() / 2), "line 1"},
      {"[]", "not a SafeQuest"},
      {R"({"format":"other"})", "not a SafeQuest"},
      {R"({"format":"safequest-editor-recovery","version":2})", "different version"},
      {R"({"format":"safequest-editor-recovery","version":1,"pack":"/elsewhere","files":[]})",
       "another pack"},
      {R"({"format":"safequest-editor-recovery","version":1,"pack":")" + p + R"(","files":[]})",
       "list of files"},
      {R"({"format":"safequest-editor-recovery","version":1,"pack":")" + p +
           R"(","files":[{"path":"../../etc/passwd.json","text":"{}"}]})",
       "no usable path"},
      {R"({"format":"safequest-editor-recovery","version":1,"pack":")" + p +
           R"(","files":[{"path":"a.json","text":5}]})",
       "wrong type"},
      {R"({"format":"safequest-editor-recovery","version":1,"pack":")" + p + R"(","files":[7]})",
       "not an object"},
      {std::string(200, '['), "nested"},
  };
  for (const auto& entry : bad) {
    CHECK_FALSE(parseRecovery(entry.first, doc, error).has_value());
    CHECK_MESSAGE(error.find(entry.second) != std::string::npos, entry.first, " -> ", error);
  }
  RecoveryLimits tight;
  tight.maxTextBytes = 1;
  CHECK_FALSE(parseRecovery(good, doc, error, tight).has_value());
  CHECK(error.find("bigger than") != std::string::npos);
}

TEST_CASE("autosave waits for a change and for the interval") {
  AutosaveTimer timer(3000);
  CHECK_FALSE(timer.due(5000, 0)); // nothing changed yet
  CHECK(timer.due(5000, 1));
  CHECK(timer.pending(1));
  timer.written(5000, 1);
  CHECK_FALSE(timer.pending(1));
  CHECK_FALSE(timer.due(6000, 2)); // too soon
  CHECK(timer.due(8000, 2));
  CHECK_FALSE(timer.due(9000, 1 + 0)); // back at the written revision
}
