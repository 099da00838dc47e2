// The app's pupil session (PupilSessionService) on its own, over a FakeHost's stack:
// choices made before anyone signs in carry into a pupil's first sign-in and come
// back at sign-out, a pupil's own choices are kept and read back next time, and
// with a school folder set, sign-in waits behind the fetching screen for the merge.
#include "app/pupil_session_service.hpp"
#include "support/temp_dir.hpp"
#include "ui_fixtures.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <iterator>

using namespace sq;
using namespace sq::test;

namespace {

struct SessionRig {
  TempDir dir;
  FakeHost host;
  RecordsService records;
  std::string schoolFolder;
  int applied = 0;
  PupilSessionService pupils{
      PupilSessionService::Deps{host.stack, host, records, [this] { return dir.path().string(); },
                                [this] { return schoolFolder; }, [this] { ++applied; }}};

  std::string apply() {
    host.stack.applyRequests(host, 0);
    return std::string(host.stack.topId());
  }
  const Pupil& sian() const { return *host.rosterData.findPupil(kSian); }
};

} // namespace

TEST_CASE("pupil session: a first sign-in keeps the sign-in screen's choices, and sign-out "
          "brings them back") {
  SessionRig r;
  PupilSettings before = r.pupils.prefs();
  before.highContrast = true;
  r.pupils.setPrefs(before); // nobody signed in: this run's device choice
  CHECK(r.applied == 1);

  r.pupils.signIn(r.sian());
  // No school folder: no merge. Her first visit asks for her picture before home.
  CHECK(r.apply() == "avatar");
  CHECK_FALSE(r.pupils.merging());
  CHECK(r.pupils.session().pupilId == kSian);
  CHECK(r.pupils.prefs().highContrast);
  CHECK(r.applied == 2);

  PupilSettings mine = r.pupils.prefs();
  mine.highContrast = false;
  r.pupils.setPrefs(mine);
  CHECK_FALSE(r.pupils.prefs().highContrast);

  r.pupils.signOut();
  CHECK(r.apply() == "sign-in");
  CHECK_FALSE(r.pupils.session().signedIn());
  CHECK(r.pupils.prefs().highContrast); // the device's choice again

  // Her own choice was kept: she signs in with strong colours off.
  r.pupils.signIn(r.sian());
  CHECK(r.apply() == "avatar"); // still no picture chosen

  CHECK_FALSE(r.pupils.prefs().highContrast);
}

TEST_CASE("pupil session: a guest's choices are not kept for anyone") {
  SessionRig r;
  r.pupils.signInGuest();
  CHECK(r.apply() == "home");
  CHECK(r.pupils.session().guest());
  PupilSettings p = r.pupils.prefs();
  p.highContrast = true;
  r.pupils.setPrefs(p);
  r.pupils.signOut();
  CHECK(r.apply() == "sign-in");
  CHECK_FALSE(r.pupils.prefs().highContrast);
}

TEST_CASE("pupil session: with a school folder, sign-in waits behind the fetching screen") {
  SessionRig r;
  std::string error;
  REQUIRE(r.records.open((r.dir.path() / "records").string(), error));
  const auto school = r.dir.path() / "school";
  std::filesystem::create_directories(school / "results");
  r.schoolFolder = school.string();

  r.pupils.signIn(r.sian());
  CHECK(r.apply() == "fetching");
  CHECK(r.pupils.merging());
  int steps = 0;
  while (r.pupils.merging() && steps < 1000) {
    r.pupils.stepMerge(0);
    ++steps;
  }
  CHECK_FALSE(r.pupils.merging());
  CHECK(r.apply() == "avatar"); // her first visit: her picture, then home

  // Signing out during a merge abandons it.
  r.pupils.signOut();
  CHECK(r.apply() == "sign-in");
  r.pupils.signIn(r.sian());
  CHECK(r.apply() == "fetching");
  CHECK(r.pupils.merging());
  r.pupils.signOut();
  CHECK_FALSE(r.pupils.merging());
  CHECK(r.apply() == "sign-in");
}

TEST_CASE("pupil session: a Reception pupil's first sign-in hears narration on its own") {
  SessionRig r;
  Pupil reception = r.sian();
  reception.yearGroup = YearGroup::Reception;
  r.pupils.signIn(reception);
  CHECK(r.pupils.prefs().narration == Narration::Auto);
  CHECK(r.pupils.prefs().scanIntervalMs == 3000);
  // A Year 4 pupil asks for it.
  r.pupils.signOut();
  Pupil y4 = r.sian();
  y4.yearGroup = YearGroup::Y4;
  r.pupils.signIn(y4);
  CHECK(r.pupils.prefs().narration == Narration::OnRequest);
}

TEST_CASE("pupil session: the picture chosen once is kept by pupil id and not asked again") {
  SessionRig r;
  r.pupils.signIn(r.sian());
  REQUIRE(r.apply() == "avatar");
  PupilSettings p = r.pupils.prefs();
  p.avatar = "owl";
  r.pupils.setPrefs(p);
  r.pupils.signOut();
  CHECK(r.apply() == "sign-in");
  // Kept in her preferences file, named by her id, with no name in it.
  const auto path = pupilSettingsPath(r.dir.path().string(), kSian);
  REQUIRE(path);
  std::ifstream in(*path);
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  CHECK(text.find("\"avatar\": \"owl\"") != std::string::npos);
  CHECK(text.find(r.sian().firstName) == std::string::npos);
  // The sign-in screen reads it for her tile while nobody is signed in.
  CHECK(r.pupils.avatarOf(kSian) == "owl");
  // Next time, straight home.
  r.pupils.signIn(r.sian());
  CHECK(r.apply() == "home");
  CHECK(r.pupils.prefs().avatar == "owl");
}

TEST_CASE("pupil session: a picture password removed in the teachers' app after it was set is "
          "not asked for; one set afterwards is") {
  SessionRig r;
  std::string error;
  REQUIRE(r.records.open((r.dir.path() / "records").string(), error));
  Roster roster = fixtureRoster();
  REQUIRE(r.records.store()->saveRoster(roster, error));
  r.records.loadRoster({});
  const std::string classId = roster.classes[0].id;
  REQUIRE(r.pupils.loadPicturePasswords(r.dir.str(), error));
  r.host.now = 1795000000; // 2026-11-18T11:06:40Z
  REQUIRE(r.pupils.setPicturePassword(classId, {1, 3, 5}, error));
  CHECK(r.pupils.picturePassword(classId) == std::vector<int>{1, 3, 5});

  // The teachers' app removes it the next day; the class list this PC reads says so.
  roster.classes[0].picturePasswordRemoved = "2026-11-19T09:00:00Z";
  REQUIRE(r.records.store()->saveRoster(roster, error));
  r.records.loadRoster({});
  CHECK(r.pupils.picturePassword(classId).empty());
  CHECK(r.pupils.picturePassword(roster.classes[1].id).empty()); // never had one

  // Read again from the file: still not asked for.
  REQUIRE(r.pupils.loadPicturePasswords(r.dir.str(), error));
  CHECK(r.pupils.picturePassword(classId).empty());

  // The class teacher sets a new one on this PC afterwards: it stands.
  r.host.now = 1795200000; // 2026-11-20
  REQUIRE(r.pupils.setPicturePassword(classId, {2, 4, 6}, error));
  CHECK(r.pupils.picturePassword(classId) == std::vector<int>{2, 4, 6});
  REQUIRE(r.pupils.loadPicturePasswords(r.dir.str(), error));
  CHECK(r.pupils.picturePassword(classId) == std::vector<int>{2, 4, 6});
}

TEST_CASE("pupil session: a password kept before set times were, is older than any removal") {
  SessionRig r;
  std::string error;
  REQUIRE(r.records.open((r.dir.path() / "records").string(), error));
  Roster roster = fixtureRoster();
  const std::string classId = roster.classes[0].id;
  std::ofstream(r.dir.path() / "picture-passwords.json")
      << "{\"formatVersion\": 1, \"classes\": {\"" << classId << "\": [1, 2, 3]}}";
  REQUIRE(r.pupils.loadPicturePasswords(r.dir.str(), error));
  REQUIRE(r.records.store()->saveRoster(roster, error));
  r.records.loadRoster({});
  CHECK(r.pupils.picturePassword(classId) == std::vector<int>{1, 2, 3});
  roster.classes[0].picturePasswordRemoved = "2026-11-19T09:00:00Z";
  REQUIRE(r.records.store()->saveRoster(roster, error));
  r.records.loadRoster({});
  CHECK(r.pupils.picturePassword(classId).empty());
}
