// One pupil's edits from the teacher's app: each change with what saving it leaves
// in the store, every refusal (empty or odd names, a class that does not exist, a
// pupil who left, a list changed meanwhile, a locked store) changing nothing.
#include "records_admin/pupil_edits.hpp"

#include "records_admin/import_preview.hpp"
#include "results/results_store.hpp"
#include "support/temp_dir.hpp"
#include "support/test_teacher.hpp"

#include <doctest/doctest.h>
#include <sqlite3.h>

using namespace sq;
using sq::test::TempDir;

namespace {

const char* kClasses = "Forename,Surname,Reg Group,Year,Adno\n"
                       "Amy,Zed,3B,Year 3,1001\n"
                       "Ben,Young,3B,Year 3,1002\n"
                       "Cat,Xu,4A,Year 4,1003\n";

std::unique_ptr<ResultsStore> storeWithClasses(const TempDir& dir) {
  std::string error;
  auto store = ResultsStore::open(dir.str(), error, sq::test::trustingTestTeacher());
  INFO(error);
  REQUIRE(store != nullptr);
  const admin::ImportPreview preview =
      admin::previewImport(*store, importMisCsv(kClasses), "2026-09-02");
  REQUIRE(admin::applyImport(*store, preview, error));
  return store;
}

const Pupil& pupilNamed(const Roster& roster, const std::string& firstName) {
  for (const Pupil& p : roster.pupils) {
    if (p.firstName == firstName) {
      return p;
    }
  }
  FAIL("no pupil called " << firstName);
  return roster.pupils.front();
}

std::string classOf(const Roster& roster, const Pupil& p) {
  const SchoolClass* c = roster.findClass(p.classId);
  return c != nullptr ? c->name : std::string();
}

} // namespace

TEST_CASE("pupil edits: a new name and alias are saved, tidied, and said in words") {
  TempDir dir;
  auto store = storeWithClasses(dir);
  const Roster before = store->loadRoster();
  const std::string amy = pupilNamed(before, "Amy").id;

  const admin::PupilEdit edit = admin::renamePupil(before, amy, "  Amelia   Rose ", " Zed ");
  REQUIRE(edit.ok());
  CHECK(edit.done == "Amy Z is now shown as Amelia Rose Zed.");
  CHECK(edit.warning.empty());
  CHECK(admin::sameRoster(store->loadRoster(), before)); // working it out saved nothing

  std::string error;
  REQUIRE(admin::saveEdit(*store, edit, error));
  const Roster saved = store->loadRoster();
  const Pupil* p = saved.findPupil(amy);
  REQUIRE(p != nullptr);
  CHECK(p->firstName == "Amelia Rose");
  CHECK(p->initial == "Zed");
  CHECK(classOf(saved, *p) == "3B");
  CHECK(p->misKey == before.findPupil(amy)->misKey); // still matches on re-import
  CHECK(admin::sameRoster(saved, edit.after));
}

TEST_CASE("pupil edits: bad names are refused and change nothing") {
  TempDir dir;
  auto store = storeWithClasses(dir);
  const Roster before = store->loadRoster();
  const std::string amy = pupilNamed(before, "Amy").id;

  struct Case {
    std::string first;
    std::string alias;
    std::string says;
  };
  const Case cases[] = {
      {"", "Z", "The first name cannot be empty."},
      {"   \t ", "Z", "The first name cannot be empty."},
      {"Amy\x07", "Z", "The first name has a character that cannot be shown."},
      {"Amy", "Z\xC3", "The initial or alias has characters that cannot be read."},
      {std::string(65, 'a'), "Z", "The first name is too long: at most 64 letters."},
      {"Amy", "Thirteen-char", "The initial or alias is too long: at most 12 letters."},
      {"Amy", "Z", "Amy Z is already shown like that."},
  };
  for (const Case& c : cases) {
    CAPTURE(c.first);
    const admin::PupilEdit edit = admin::renamePupil(before, amy, c.first, c.alias);
    CHECK_FALSE(edit.ok());
    CHECK(edit.refused == c.says);
    CHECK(edit.done.empty());
    CHECK(admin::sameRoster(edit.after, before));
    std::string error;
    CHECK_FALSE(admin::saveEdit(*store, edit, error));
    CHECK(error == c.says);
  }
  // 64 letters, some of them two bytes each, is still a name.
  std::string longest;
  for (int i = 0; i < 64; ++i) {
    longest += "\xC3\xA9"; // é
  }
  CHECK(admin::renamePupil(before, amy, longest, "").ok());
  CHECK_FALSE(admin::renamePupil(before, "no-such-pupil", "Amy", "Z").ok());
  CHECK(admin::sameRoster(store->loadRoster(), before));
}

TEST_CASE("pupil edits: a rename that makes two pupils alike warns, and still saves") {
  TempDir dir;
  auto store = storeWithClasses(dir);
  const Roster before = store->loadRoster();
  const admin::PupilEdit edit =
      admin::renamePupil(before, pupilNamed(before, "Ben").id, "amy", "z");
  REQUIRE(edit.ok());
  CHECK(edit.warning.find("3B now has 2 pupils shown as") == 0);
  std::string error;
  CHECK(admin::saveEdit(*store, edit, error));
}

TEST_CASE("pupil edits: moving to another class keeps the year group; no such class is refused") {
  TempDir dir;
  auto store = storeWithClasses(dir);
  const Roster before = store->loadRoster();
  const std::string ben = pupilNamed(before, "Ben").id;

  const admin::PupilEdit edit = admin::movePupil(before, ben, "4a"); // as a teacher types it
  REQUIRE(edit.ok());
  CHECK(edit.done == "Ben Y moved from 3B to 4A.");
  std::string error;
  REQUIRE(admin::saveEdit(*store, edit, error));
  const Roster saved = store->loadRoster();
  CHECK(classOf(saved, *saved.findPupil(ben)) == "4A");
  CHECK(saved.findPupil(ben)->yearGroup == YearGroup::Y3);
  CHECK(saved.classes.size() == before.classes.size()); // no class made

  const admin::PupilEdit nowhere = admin::movePupil(saved, ben, "5C");
  CHECK_FALSE(nowhere.ok());
  CHECK(nowhere.refused.find("There is no class called \"5C\"") == 0);
  CHECK_FALSE(admin::movePupil(saved, ben, "").ok());
  const admin::PupilEdit same = admin::movePupil(saved, ben, "4A");
  CHECK(same.refused == "Ben Y is already in 4A.");
  CHECK(admin::sameRoster(store->loadRoster(), saved));
}

TEST_CASE("pupil edits: a leaver is archived on the day, listed no more, and cannot be edited") {
  TempDir dir;
  auto store = storeWithClasses(dir);
  const Roster before = store->loadRoster();
  const std::string cat = pupilNamed(before, "Cat").id;
  const std::string fourA = before.findPupil(cat)->classId;
  CHECK(admin::pupilsOnRoll(before, fourA).size() == 1);

  CHECK_FALSE(admin::markLeaver(before, cat, "someday").ok());
  const admin::PupilEdit edit = admin::markLeaver(before, cat, "2027-02-10");
  REQUIRE(edit.ok());
  CHECK(edit.done.find("Cat X (4A) has left, from 2027-02-10.") == 0);
  std::string error;
  REQUIRE(admin::saveEdit(*store, edit, error));
  const Roster saved = store->loadRoster();
  REQUIRE(saved.findPupil(cat) != nullptr); // never deleted
  CHECK(saved.findPupil(cat)->archivedOn == "2027-02-10");
  CHECK(admin::pupilsOnRoll(saved, fourA).empty());
  const std::vector<admin::ClassRow> rows = admin::classRows(saved);
  REQUIRE(rows.size() == 2);
  CHECK(rows[0].name == "3B");
  CHECK(rows[0].onRoll == 2);
  CHECK(rows[1].name == "4A");
  CHECK(rows[1].onRoll == 0);

  CHECK(admin::renamePupil(saved, cat, "Kat", "X").refused.find("Cat X left on 2027-02-10") == 0);
  CHECK_FALSE(admin::markLeaver(saved, cat, "2027-02-11").ok());
  CHECK_FALSE(admin::movePupil(saved, cat, "3B").ok());
}

TEST_CASE("pupil edits: a class list changed meanwhile, or a locked store, saves nothing") {
  TempDir dir;
  auto store = storeWithClasses(dir);
  const Roster before = store->loadRoster();
  const std::string amy = pupilNamed(before, "Amy").id;
  const std::string ben = pupilNamed(before, "Ben").id;

  // Two edits worked out from the same list: the second would undo the first.
  const admin::PupilEdit first = admin::renamePupil(before, amy, "Amelia", "Z");
  const admin::PupilEdit second = admin::movePupil(before, ben, "4A");
  std::string error;
  REQUIRE(admin::saveEdit(*store, first, error));
  CHECK_FALSE(admin::saveEdit(*store, second, error));
  CHECK(error.find("The class list changed while you were working") == 0);
  const Roster afterFirst = store->loadRoster();
  CHECK(afterFirst.findPupil(amy)->firstName == "Amelia");
  CHECK(classOf(afterFirst, *afterFirst.findPupil(ben)) == "3B");

  // Another program holds the records: the reason is given and nothing changes.
  std::string openError;
  auto other = ResultsStore::open(dir.str(), openError, sq::test::trustingTestTeacher());
  REQUIRE(other != nullptr);
  REQUIRE(sqlite3_exec(other->handle(), "BEGIN EXCLUSIVE", nullptr, nullptr, nullptr) == SQLITE_OK);
  sqlite3_busy_timeout(store->handle(), 50);
  const admin::PupilEdit move = admin::movePupil(afterFirst, ben, "4A");
  CHECK_FALSE(admin::saveEdit(*store, move, error));
  CHECK(error.find("could not be saved, and nothing was changed: ") != std::string::npos);
  REQUIRE(sqlite3_exec(other->handle(), "ROLLBACK", nullptr, nullptr, nullptr) == SQLITE_OK);
  sqlite3_busy_timeout(store->handle(), 5000);
  CHECK(admin::sameRoster(store->loadRoster(), afterFirst));
  // Once it is free, the same edit saves.
  CHECK(admin::saveEdit(*store, move, error));
}
