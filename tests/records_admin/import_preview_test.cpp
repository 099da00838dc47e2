// The class-list import preview: what it lists (new, changed, left, refused lines),
// that applying saves exactly the previewed list, that a refused file or a class list
// changed since the preview changes nothing, that erased pupils stay erased, that
// pupils an import makes look alike are said before and after, and that a full disk
// changes nothing and says so.
#include "records_admin/import_preview.hpp"

#include "results/results_store.hpp"
#include "support/fault_vfs.hpp"
#include "support/temp_dir.hpp"
#include "support/test_teacher.hpp"

#include <doctest/doctest.h>

#include <algorithm>

using namespace sq;
using sq::test::TempDir;

namespace {

const char* kAutumn = "Forename,Surname,Reg Group,Year,Adno\n"
                      "Amy,Zed,3B,Year 3,1001\n"
                      "Ben,Young,3B,Year 3,1002\n"
                      "Cat,Xu,4A,Year 4,1003\n";

ImportResult csv(const std::string& text) {
  return importMisCsv(text);
}

std::unique_ptr<ResultsStore> openStore(const TempDir& dir) {
  std::string error;
  auto store = ResultsStore::open(dir.str(), error, sq::test::trustingTestTeacher());
  INFO(error);
  REQUIRE(store != nullptr);
  return store;
}

bool lists(const std::vector<admin::PupilLine>& lines, const std::string& name) {
  return std::any_of(lines.begin(), lines.end(),
                     [&](const admin::PupilLine& l) { return l.name == name; });
}

} // namespace

TEST_CASE("import preview: a first import lists every pupil as new, and apply saves them") {
  TempDir dir;
  auto store = openStore(dir);
  const admin::ImportPreview preview = admin::previewImport(*store, csv(kAutumn), "2026-09-02");
  REQUIRE(preview.canApply());
  CHECK(preview.added.size() == 3);
  CHECK(preview.changed.empty());
  CHECK(preview.left.empty());
  CHECK(lists(preview.added, "Amy Z"));
  CHECK(preview.added[0].className == "3B"); // by class, then name
  CHECK(preview.summary() == "3 new, 0 changed, 0 left, 0 unchanged");
  // Previewing changed nothing.
  CHECK(store->loadRoster().pupils.empty());

  std::string error;
  REQUIRE(admin::applyImport(*store, preview, error));
  const Roster saved = store->loadRoster();
  CHECK(admin::sameRoster(saved, preview.plan.roster));
  CHECK(saved.pupils.size() == 3);
}

TEST_CASE("import preview: a re-import names who changed, how, and who left") {
  TempDir dir;
  auto store = openStore(dir);
  std::string error;
  REQUIRE(
      admin::applyImport(*store, admin::previewImport(*store, csv(kAutumn), "2026-09-02"), error));
  const std::string amyId = store->loadRoster().pupils[0].id;

  // Amy's name gains its accent, Ben moves class, Cat leaves, Dev joins.
  const char* spring = "Forename,Surname,Reg Group,Year,Adno\n"
                       "Amé,Zed,3B,Year 3,1001\n"
                       "Ben,Young,3C,Year 3,1002\n"
                       "Dev,Wu,4A,Year 4,1004\n";
  const admin::ImportPreview preview = admin::previewImport(*store, csv(spring), "2027-01-05");
  REQUIRE(preview.canApply());
  REQUIRE(preview.added.size() == 1);
  CHECK(preview.added[0].name == "Dev W");
  REQUIRE(preview.left.size() == 1);
  CHECK(preview.left[0].name == "Cat X");
  CHECK(preview.left[0].className == "4A");
  REQUIRE(preview.changed.size() == 2);
  const auto amy = std::find_if(preview.changed.begin(), preview.changed.end(),
                                [&](const admin::PupilLine& l) { return l.pupilId == amyId; });
  REQUIRE(amy != preview.changed.end());
  REQUIRE(amy->what.size() == 1);
  CHECK(amy->what[0] == "name Amy Z \u2192 Am\u00e9 Z");
  const auto ben = std::find_if(preview.changed.begin(), preview.changed.end(),
                                [](const admin::PupilLine& l) { return l.name == "Ben Y"; });
  REQUIRE(ben != preview.changed.end());
  CHECK(ben->what == std::vector<std::string>{"class 3B \u2192 3C"});
  CHECK(preview.summary() == "1 new, 2 changed, 1 left, 0 unchanged");

  REQUIRE(admin::applyImport(*store, preview, error));
  const Roster saved = store->loadRoster();
  const Pupil* cat = nullptr;
  for (const Pupil& p : saved.pupils) {
    if (p.firstName == "Cat") {
      cat = &p;
    }
  }
  REQUIRE(cat != nullptr);
  CHECK(cat->archivedOn == "2027-01-05");                 // archived, never deleted
  CHECK(saved.findPupil(amyId)->firstName == "Am\u00e9"); // the same pupil, the same id
}

TEST_CASE("import preview: every refused line is listed and nothing can be applied") {
  TempDir dir;
  auto store = openStore(dir);
  const char* broken = "Forename,Surname,Reg Group,Year,Adno\n"
                       "Amy,Zed,3B,Year 3,1001\n"
                       ",Young,3B,Year 3,1002\n"
                       "Cat,Xu,4A,Year 12,1003\n";
  const admin::ImportPreview preview = admin::previewImport(*store, csv(broken), "2026-09-02");
  CHECK_FALSE(preview.canApply());
  REQUIRE(preview.refused.size() == 2);
  CHECK(preview.refused[0].line == 3);
  CHECK(preview.refused[1].line == 4);
  CHECK(preview.added.empty());
  CHECK(preview.summary() == "Refused: 2 lines need fixing in the file. Nothing has changed.");
  std::string error;
  CHECK_FALSE(admin::applyImport(*store, preview, error));
  CHECK(error.find("nothing was imported") != std::string::npos);
  CHECK(store->loadRoster().pupils.empty());
}

TEST_CASE("import preview: a class list changed since the preview is not overwritten") {
  TempDir dir;
  auto store = openStore(dir);
  std::string error;
  const admin::ImportPreview preview = admin::previewImport(*store, csv(kAutumn), "2026-09-02");
  // Meanwhile someone else saves a class list.
  Roster other;
  other.classes.push_back({"c1", "Oak"});
  REQUIRE(store->saveRoster(other, error));
  CHECK_FALSE(admin::applyImport(*store, preview, error));
  CHECK(error.find("changed since this preview") != std::string::npos);
  CHECK(admin::sameRoster(store->loadRoster(), other));
}

TEST_CASE("import preview: a pupil whose erasure this PC holds stays erased, and it says so") {
  TempDir dir;
  auto store = openStore(dir);
  std::string error;
  REQUIRE(
      admin::applyImport(*store, admin::previewImport(*store, csv(kAutumn), "2026-09-02"), error));
  const Roster current = store->loadRoster();
  const auto ben = std::find_if(current.pupils.begin(), current.pupils.end(),
                                [](const Pupil& p) { return p.firstName == "Ben"; });
  REQUIRE(ben != current.pupils.end());
  // An erasure merged from another PC names Ben, who is still on this list.
  const admin::ImportPreview again =
      admin::previewImport(current, csv(kAutumn), store->rosterKey(), "2026-09-03", {ben->id});
  REQUIRE(again.canApply());
  CHECK(again.erasedLeftOut == 1);
  CHECK(again.plan.roster.findPupil(ben->id) == nullptr);
  CHECK(again.unchanged == 2);
  CHECK(again.summary() == "0 new, 0 changed, 0 left, 2 unchanged, 1 erased (they stay erased)");
}

TEST_CASE("import preview: pupils the import makes look alike are said before and after") {
  TempDir dir;
  auto store = openStore(dir);
  std::string error;
  REQUIRE(
      admin::applyImport(*store, admin::previewImport(*store, csv(kAutumn), "2026-09-02"), error));
  const admin::ImportPreview quiet = admin::previewImport(*store, csv(kAutumn), "2026-09-03");
  CHECK(quiet.nameClashes.empty());
  CHECK(admin::importedLine(quiet, "pupils.csv") ==
        "The class list from pupils.csv is imported: 0 new, 0 changed, 0 left, 3 unchanged.");

  // A second Amy Z joins 3B, and "amy z" too (the same to a reader), and 4A gains
  // a Cat X in another class's name only: 3B is the one clash.
  const char* spring = "Forename,Surname,Reg Group,Year,Adno\n"
                       "Amy,Zed,3B,Year 3,1001\n"
                       "Ben,Young,3B,Year 3,1002\n"
                       "Cat,Xu,4A,Year 4,1003\n"
                       "AMY,Zucker,3B,Year 3,1004\n"
                       "Cat,Xavier,3B,Year 3,1005\n";
  const admin::ImportPreview preview = admin::previewImport(*store, csv(spring), "2027-01-05");
  REQUIRE(preview.canApply());
  REQUIRE(preview.nameClashes.size() == 1);
  CHECK(preview.nameClashes[0].rfind("3B will have 2 pupils shown as \"Amy Z\": the sign-in "
                                     "screen gives each a picture of their own",
                                     0) == 0);
  const std::string line = admin::importedLine(preview, "pupils.csv");
  CHECK(line.rfind("The class list from pupils.csv is imported: 2 new, 0 changed, 0 left, 3 "
                   "unchanged. 3B will have 2 pupils shown as \"Amy Z\"",
                   0) == 0);
  REQUIRE(admin::applyImport(*store, preview, error)); // different people: allowed
  CHECK(store->loadRoster().pupils.size() == 5);
}

namespace {

// The fault plan is process-wide: back to no faults whatever happens.
struct FaultsOff {
  ~FaultsOff() { sq::test::setFaultPlan({}); }
};

} // namespace

TEST_CASE("import preview: a full disk imports nothing, says so, and keeps the class list") {
  TempDir dir;
  FaultsOff faultsOff;
  StoreOptions o = sq::test::trustingTestTeacher();
  o.vfs = sq::test::registerFaultVfs();
  std::string error;
  auto store = ResultsStore::open(dir.str(), error, o);
  REQUIRE(store);
  REQUIRE(
      admin::applyImport(*store, admin::previewImport(*store, csv(kAutumn), "2026-09-02"), error));
  const Roster before = store->loadRoster();
  const char* spring = "Forename,Surname,Reg Group,Year,Adno\n"
                       "Amy,Zed,3B,Year 3,1001\n"
                       "Dev,Wu,4A,Year 4,1004\n";
  const admin::ImportPreview preview = admin::previewImport(*store, csv(spring), "2027-01-05");
  REQUIRE(preview.canApply());
  for (const int writes : {0, 1, 3}) {
    for (const bool torn : {false, true}) {
      CAPTURE(writes);
      CAPTURE(torn);
      error.clear();
      sq::test::setFaultPlan({writes, torn, false, false});
      CHECK_FALSE(admin::applyImport(*store, preview, error));
      sq::test::setFaultPlan({});
      CHECK(error.rfind("The class list could not be saved, so nothing changed", 0) == 0);
      // A torn write is an I/O error, said as the store says it; a full disk in words.
      CHECK((torn || error.find("the disk is full: free some space") != std::string::npos));
      CHECK(admin::sameRoster(store->loadRoster(), before));
    }
  }
  // What is on disk is the old list too, and with room again the same preview applies.
  store.reset();
  store = ResultsStore::open(dir.str(), error, o);
  REQUIRE(store);
  CHECK(admin::sameRoster(store->loadRoster(), before));
  REQUIRE(admin::applyImport(*store, preview, error));
  CHECK(store->loadRoster().findPupil(before.pupils[0].id) != nullptr);
}
