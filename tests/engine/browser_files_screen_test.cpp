// The web game's class-list and results files (screens/teacher/browser_files and
// its screen), with the page's file chooser and download played by the test: a
// class list the teachers' app signed is checked as the school folder's would be
// and becomes the game's school folder's class list; a forged or foreign file is
// refused in words and changes nothing; "Download results" hands over a snapshot
// the school folder's reader takes, with every event.
#include "screen_rig.hpp"
#include "screens/teacher/browser_files.hpp"
#include "screens/teacher/browser_files_screen.hpp"
#include "screens/teacher/teacher_settings_screen.hpp"

#include "results/school_folder.hpp"
#include "results/teacher_trust.hpp"
#include "results/uuid.hpp"
#include "support/temp_dir.hpp"
#include "support/test_teacher.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

using namespace sq;
using namespace sq::test;
namespace fs = std::filesystem;

namespace {

Roster twoPupils() {
  Roster r;
  r.classes = {{newUuid(), "5C"}};
  r.pupils = {{newUuid(), "Ola", "N", r.classes[0].id, YearGroup::Y5, "", ""},
              {newUuid(), "Tom", "P", r.classes[0].id, YearGroup::Y5, "", ""}};
  return r;
}

// The class list for browsers as the teachers' app saves it.
std::string signedList(const Roster& roster) {
  return signedClassListJson(classListJson(roster), testTeacher());
}

std::string readTextFileOf(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void writeFile(const fs::path& p, const std::string& bytes) {
  std::ofstream out(p, std::ios::binary);
  out << bytes;
}

// The page, played by the test: what the game asked of it.
struct FakePage {
  std::string chooseTarget;
  std::string downloadPath;
  std::string downloadName;
  std::string downloaded; // the bytes handed over
  explicit FakePage(const fs::path& root) {
    BrowserFilePort port;
    port.chooseFile = [this](const std::string& target) {
      chooseTarget = target;
      return true;
    };
    port.download = [this](const std::string& path, const std::string& name) {
      downloadPath = path;
      downloadName = name;
      std::ifstream in(path, std::ios::binary);
      downloaded.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
      return true;
    };
    port.schoolFolder = (root / "school").string();
    port.scratchFolder = (root / "scratch").string();
    setBrowserFilePort(std::move(port));
  }
  ~FakePage() { setBrowserFilePort({}); }
  // The person picks a file: its bytes go where the game said, then the answer.
  void choose(const std::string& name, const std::string& bytes) {
    REQUIRE_FALSE(chooseTarget.empty());
    writeFile(chooseTarget, bytes);
    browserFileArrived({true, name, ""});
  }
};

std::unique_ptr<ResultsStore> browserStore(const fs::path& dir) {
  std::string error;
  auto store = ResultsStore::open(dir.string(), error);
  REQUIRE_MESSAGE(store != nullptr, error);
  return store;
}

} // namespace

TEST_CASE("browser files: offered in teacher settings only when the page gives them") {
  Rig plain([](FakeHost& h) { return makeTeacherSettingsScreen(h); });
  CHECK_FALSE(plain.has("browser-files"));
  CHECK(plain.has("quit"));
  TempDir dir;
  FakePage page(dir.path());
  Rig web([](FakeHost& h) { return makeTeacherSettingsScreen(h); });
  CHECK(web.has("browser-files"));
  CHECK_FALSE(web.has("quit")); // closing the game means nothing in a browser
  web.press("browser-files");
  web.host.apply();
  CHECK(web.screen() == "browser-files");
}

TEST_CASE("browser files: a signed class list loads as the school folder's") {
  TempDir dir;
  FakePage page(dir.path());
  auto store = browserStore(dir.path() / "data");
  Rig rig;
  rig.host.storeData = store.get();
  rig.host.rosterData = Roster{};
  auto made = std::make_unique<BrowserFilesScreen>(rig.host);
  const BrowserFilesScreen& screen = *made;
  rig.show(std::move(made));
  CHECK(rig.shown().find("No class list yet") != std::string::npos);

  rig.press("load-class-list");
  CHECK(rig.shown().find("Choose the class list file") != std::string::npos);
  const Roster roster = twoPupils();
  page.choose("safequest-class-list-for-browsers.json", signedList(roster));
  rig.host.rosterData = roster;          // what the app reads from the folder on reloadRoster
  const std::string shown = rig.shown(); // the layout pass reads the file
  INFO(shown);
  CHECK(screen.message() == "Class list loaded: 5C (2 pupils). They can sign in now.");
  CHECK_FALSE(screen.messageIsProblem());
  CHECK(shown.find("Class list: 5C (2 pupils)") != std::string::npos);
  CHECK(rig.host.cfg.schoolFolder == (dir.path() / "school").string());
  CHECK(rig.host.rosterReloads == 1);
  // The school folder's class list now, read as every game PC reads it.
  const ClassListRead read = readTrustedClassList(*store, rig.host.cfg.schoolFolder);
  REQUIRE(read.roster.has_value());
  CHECK(read.roster->pupils.size() == 2);
  CHECK(trustedTeacherKey(*store).key == testTeacher().publicKey());
  CHECK_FALSE(fs::exists(page.chooseTarget)); // the chosen copy is not kept
}

TEST_CASE("browser files: forged, foreign and unreadable files are refused in words") {
  TempDir dir;
  FakePage page(dir.path());
  auto store = browserStore(dir.path() / "data");
  Rig rig;
  rig.host.storeData = store.get();
  auto made = std::make_unique<BrowserFilesScreen>(rig.host);
  const BrowserFilesScreen& screen = *made;
  rig.show(std::move(made));
  const fs::path list = dir.path() / "school" / "classlist.json";

  // The first list pins its teacher's key.
  rig.press("load-class-list");
  page.choose("ours.json", signedList(twoPupils()));
  rig.shown();
  CHECK(screen.message().rfind("Class list loaded", 0) == 0);
  const std::string kept = readTextFileOf(list);

  struct Bad {
    std::string name;
    std::string bytes;
    std::string why;
  };
  std::string forged = signedList(twoPupils());
  forged[forged.find("Ola")] = 'E';
  const auto other = TeacherSigner::generate();
  const std::vector<Bad> bad = {
      {"notes.txt", "my notes", "was not used"},
      {"forged.json", forged, "was not used"},
      {"other-school.json", signedClassListJson(classListJson(twoPupils()), *other),
       "was not used"},
      {"empty.json", "", "the file is empty"},
      {"unsigned.json", classListJson(twoPupils()), "was not used"},
  };
  for (const Bad& b : bad) {
    CAPTURE(b.name);
    rig.press("load-class-list");
    page.choose(b.name, b.bytes);
    rig.shown();
    const std::string& said = screen.message();
    INFO(said);
    CHECK(said.rfind(b.name + " was not used: ", 0) == 0);
    CHECK(said.find(b.why) != std::string::npos);
    CHECK(said.find("Nothing has changed.") != std::string::npos);
    CHECK(screen.messageIsProblem());
    CHECK(readTextFileOf(list) == kept);
  }
  // The chooser closed with nothing chosen; a file the page could not read.
  rig.press("load-class-list");
  browserFileArrived({false, "", ""});
  rig.shown();
  CHECK(screen.message() == "No file was chosen. Nothing has changed.");
  rig.press("load-class-list");
  browserFileArrived({false, "huge.json", "the file is too large to be a class list"});
  rig.shown();
  CHECK(screen.message() ==
        "The file could not be read: the file is too large to be a class list. Nothing has "
        "changed.");
  CHECK(readTextFileOf(list) == kept);
}

TEST_CASE("browser files: Download results hands over the device snapshot") {
  TempDir dir;
  FakePage page(dir.path());
  auto store = browserStore(dir.path() / "data");
  const Roster roster = twoPupils();
  std::string error;
  for (int i = 0; i < 4; ++i) {
    EventDraft d;
    d.kind = EventKind::ActivityCompleted;
    d.pupilId = roster.pupils[static_cast<std::size_t>(i % 2)].id;
    d.packId = "core";
    d.activityId = "y5-digital-footprint";
    d.timeUtc = "2026-11-18T10:00:00Z";
    REQUIRE(store->record(d, error));
  }
  Rig rig;
  rig.host.storeData = store.get();
  auto made = std::make_unique<BrowserFilesScreen>(rig.host);
  const BrowserFilesScreen& screen = *made;
  rig.show(std::move(made));
  rig.press("download-results");
  INFO(screen.message());
  CHECK(screen.message().rfind("Downloaded 4 records as " + page.downloadName + ".", 0) == 0);
  CHECK(rig.shown().find("Downloaded 4 records") != std::string::npos);
  CHECK(page.downloadName.rfind("safequest-results-2026-11-18-", 0) == 0);
  CHECK(page.downloadName.find(store->deviceId().substr(0, 8)) != std::string::npos);
  REQUIRE_FALSE(page.downloaded.empty());
  // What the teachers' app will read: the school folder's snapshot reader takes it.
  const fs::path copy = dir.path() / "copy.sqlite";
  writeFile(copy, page.downloaded);
  const SnapshotRead read = readSnapshot(copy.string());
  CHECK(read.error.empty());
  CHECK(read.events.size() == 4);
  CHECK(page.downloaded.find("Ola") == std::string::npos); // never a name

  // A second download is made afresh and holds what was recorded since.
  EventDraft d;
  d.kind = EventKind::ActivityCompleted;
  d.pupilId = roster.pupils[0].id;
  d.packId = "core";
  d.activityId = "y5-digital-footprint";
  d.timeUtc = "2026-11-18T11:00:00Z";
  REQUIRE(store->record(d, error));
  rig.press("download-results");
  writeFile(copy, page.downloaded);
  CHECK(readSnapshot(copy.string()).events.size() == 5);
}
