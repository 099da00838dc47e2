// A pack being edited, as the editor window drives it: duplicate the core pack,
// edit, autosave, come back after a crash, save, close.
#include "authoring/editing_session.hpp"

#include "support/read_file.hpp"
#include "support/temp_dir.hpp"

#include <doctest/doctest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

using namespace sq::authoring;
namespace fs = std::filesystem;

namespace {

const std::string kCore = std::string(SQ_SOURCE_DIR) + "/content/core";

} // namespace

TEST_CASE(
    "duplicating the core pack gives a valid pack of our own, differing only in id and title") {
  sq::test::TempDir dir;
  const fs::path copy = dir.path() / "our-lessons";
  std::string error;
  REQUIRE_MESSAGE(duplicatePack(kCore, copy.string(), "st-marys", "St Mary's lessons", error),
                  error);
  const sq::LoadResult loaded = sq::loadPack(copy.string());
  CHECK(loaded.valid());
  CHECK(loaded.packId == "st-marys");
  CHECK(loaded.title == "St Mary's lessons");
  std::size_t compared = 0;
  for (const auto& e : fs::recursive_directory_iterator(kCore)) {
    if (!e.is_regular_file() || e.path().filename() == "pack.json") {
      continue;
    }
    const fs::path rel = fs::relative(e.path(), kCore);
    CHECK_MESSAGE(sq::test::readWholeFile(copy / rel) == sq::test::readWholeFile(e.path()),
                  rel.string());
    ++compared;
  }
  CHECK(compared > 100);
  // Not over an existing folder.
  CHECK_FALSE(duplicatePack(kCore, copy.string(), "x", "x", error));
  CHECK(error.find("already exists") != std::string::npos);
}

TEST_CASE("an editing session autosaves after a change, offers the work back, and saves it") {
  sq::test::TempDir dir;
  const fs::path pack = dir.path() / "pack";
  std::string error;
  REQUIRE(duplicatePack(kCore, pack.string(), "mine", "Mine", error));
  const std::string recoveryDir = (dir.path() / "recovery").string();
  const std::string lesson = "lessons/y4-is-it-true.json";
  {
    EditingSession session(pack.string(), {recoveryDir, false, 3000});
    CHECK_FALSE(session.recovery().has_value());
    CHECK_FALSE(session.tick(10000, "t0")); // nothing changed: nothing written
    REQUIRE(session.edit(Edit{"Change the title", {EditOp::set(lesson, "/title", "True or not?")}},
                         error, lesson + "#/title"));
    CHECK(session.dirty());
    CHECK(session.tick(10001, "2026-12-06T09:00:00Z"));
    CHECK_FALSE(session.tick(10002, "t")); // too soon after the last write
    CHECK(fs::exists(recoveryPathFor(recoveryDir, pack.string())));
    // The session ends without saving or closing, as a crash would end it.
  }
  EditingSession again(pack.string(), {recoveryDir, false, 3000});
  REQUIRE(again.recovery().has_value());
  CHECK(again.recovery()->written == "2026-12-06T09:00:00Z");
  CHECK_FALSE(again.tick(99999, "t")); // the recovery file is kept while the question is open
  REQUIRE(again.takeRecovery(error));
  CHECK((*again.document().value(lesson))["title"] == "True or not?");
  CHECK_FALSE(again.close(false)); // unsaved: the window must ask first
  REQUIRE(again.save().ok());
  CHECK_FALSE(again.dirty());
  CHECK_FALSE(fs::exists(recoveryPathFor(recoveryDir, pack.string())));
  CHECK(sq::test::readWholeFile(pack / lesson).find("\"title\": \"True or not?\"") !=
        std::string::npos);
  CHECK(again.close(false));
}

TEST_CASE("declining recovered work removes it; closing without saving discards the autosave") {
  sq::test::TempDir dir;
  const fs::path pack = dir.path() / "pack";
  std::string error;
  REQUIRE(duplicatePack(kCore, pack.string(), "mine", "Mine", error));
  const std::string recoveryDir = (dir.path() / "recovery").string();
  {
    EditingSession s(pack.string(), {recoveryDir, false, 0});
    REQUIRE(s.edit(Edit{"t", {EditOp::set("pack.json", "/title", "Changed")}}, error));
    REQUIRE(s.tick(1, "t"));
  }
  {
    EditingSession s(pack.string(), {recoveryDir, false, 0});
    REQUIRE(s.recovery());
    s.declineRecovery();
    CHECK_FALSE(fs::exists(recoveryPathFor(recoveryDir, pack.string())));
    REQUIRE(s.edit(Edit{"t", {EditOp::set("pack.json", "/title", "Again")}}, error));
    REQUIRE(s.tick(1, "t"));
    CHECK(s.close(true));
    CHECK_FALSE(fs::exists(recoveryPathFor(recoveryDir, pack.string())));
  }
  CHECK(sq::loadPack(pack.string()).title == "Mine");
}

TEST_CASE("the core pack opens read-only: it can be looked at and validated, not changed") {
  sq::test::TempDir dir;
  EditingSession s(kCore, {(dir.path() / "r").string(), true, 0});
  std::string error;
  CHECK_FALSE(s.edit(Edit{"t", {EditOp::set("pack.json", "/title", "x")}}, error));
  CHECK(error.find("read-only") != std::string::npos);
  CHECK_FALSE(s.tick(5, "t"));
  CHECK(s.validation().valid());
  CHECK(s.validationCurrent());
}

TEST_CASE("validation follows the document: stale after an edit, current after it runs") {
  sq::test::TempDir dir;
  const fs::path pack = dir.path() / "pack";
  std::string error;
  REQUIRE(duplicatePack(kCore, pack.string(), "mine", "Mine", error));
  EditingSession s(pack.string(), {});
  CHECK(s.validation().valid());
  REQUIRE(s.edit(Edit{"t", {EditOp::removeMember("pack.json", "", "id")}}, error));
  CHECK_FALSE(s.validationCurrent());
  CHECK_FALSE(s.validation().valid());
  REQUIRE(s.undo(error));
  CHECK(s.validation().valid());
}

namespace {

// Polls the worker until the verdict on the current document is in (at most 60 s:
// the asan build is slow), as the window does once a frame.
bool waitForVerdict(EditingSession& s) {
  for (int i = 0; i < 60000 && !s.validationCurrent(); ++i) {
    s.requestValidation();
    if (!s.pollValidation()) {
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
  }
  return s.validationCurrent();
}

std::vector<std::string> formatted(const sq::LoadResult& r) {
  std::vector<std::string> out;
  for (const sq::Diagnostic& d : r.diagnostics) {
    out.push_back(sq::formatDiagnostic(d));
  }
  return out;
}

} // namespace

TEST_CASE("validation off the frame: the worker's verdict is the loader's, and never stale") {
  sq::test::TempDir dir;
  const fs::path pack = dir.path() / "pack";
  std::string error;
  REQUIRE(duplicatePack(kCore, pack.string(), "mine", "Mine", error));
  EditingSession s(pack.string(), {});
  CHECK_FALSE(s.validationChecking());
  CHECK_FALSE(s.pollValidation()); // nothing asked yet: nothing to take, no thread
  CHECK(s.validationRuns() == 0);

  // A broken reference: the worker finds exactly what a direct run finds.
  REQUIRE(s.edit(Edit{"break", {EditOp::set("pack.json", "/units/0/lessons/0/lesson", "nope")}},
                 error));
  s.requestValidation();
  CHECK((s.validationChecking() || s.validationCurrent()));
  REQUIRE(waitForVerdict(s));
  CHECK_FALSE(s.validationChecking());
  CHECK_FALSE(s.lastValidation().valid());
  CHECK(formatted(s.lastValidation()) == formatted(validateDocument(s.document())));

  // Many edits while checks run: every verdict taken is for the document as it is
  // at that moment, never for a revision it has moved past.
  for (int i = 0; i < 40; ++i) {
    REQUIRE(s.edit(Edit{"type", {EditOp::set("pack.json", "/title", "Title " + std::to_string(i))}},
                   error, "pack.json#/title"));
    s.requestValidation();
    if (s.pollValidation()) {
      CHECK(s.validationCurrent());
    }
    s.requestValidation(); // the same revision: nothing new is asked
    if (s.pollValidation()) {
      CHECK(s.validationCurrent());
      CHECK(formatted(s.lastValidation()) == formatted(validateDocument(s.document())));
    }
  }
  // At most one check per revision asked for, however often the frame asks.
  CHECK(s.validationRuns() <= 42);
  REQUIRE(s.edit(
      Edit{"mend",
           {EditOp::set("pack.json", "/units/0/lessons/0/lesson", "reception-ask-a-grown-up")}},
      error));
  REQUIRE(waitForVerdict(s));
  CHECK(formatted(s.lastValidation()) == formatted(validateDocument(s.document())));
}

TEST_CASE("closing a session while a check runs waits for it and leaves nothing behind") {
  sq::test::TempDir dir;
  const fs::path pack = dir.path() / "pack";
  std::string error;
  REQUIRE(duplicatePack(kCore, pack.string(), "mine", "Mine", error));
  for (int round = 0; round < 3; ++round) {
    EditingSession s(pack.string(), {});
    REQUIRE(s.edit(Edit{"t", {EditOp::set("pack.json", "/title", "T")}}, error));
    s.requestValidation();
    // The session ends here, with the check still running or waiting: the
    // destructor joins the thread (ASan and TSan-free runs check nothing leaks).
  }
  EditingSession s(pack.string(), {});
  s.requestValidation();
  REQUIRE(waitForVerdict(s));
  CHECK(s.lastValidation().valid());
}
