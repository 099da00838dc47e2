// Moving up at the new academic year: the numbers and class lines the teacher is
// shown are what applying saves; a second move-up in one year, a list changed
// since the preview and an empty list are refused and change nothing.
#include "records_admin/promote_preview.hpp"

#include "records_admin/import_preview.hpp"
#include "results/results_store.hpp"
#include "support/temp_dir.hpp"
#include "support/test_teacher.hpp"

#include <doctest/doctest.h>

using namespace sq;
using sq::test::TempDir;

namespace {

// 3B mixes Years 3 and 4; 6C is Year 6; Dan has left already.
const char* kSchool = "Forename,Surname,Reg Group,Year,Adno\n"
                      "Amy,Zed,3B,Year 3,1001\n"
                      "Ben,Young,3B,Year 3,1002\n"
                      "Cat,Xu,3B,Year 4,1003\n"
                      "Eve,Vale,6C,Year 6,1005\n"
                      "Fin,Ude,6C,Year 6,1006\n";

std::unique_ptr<ResultsStore> openStore(const TempDir& dir) {
  std::string error;
  auto store = ResultsStore::open(dir.str(), error, sq::test::trustingTestTeacher());
  INFO(error);
  REQUIRE(store != nullptr);
  return store;
}

void importInto(ResultsStore& store, const std::string& csv) {
  const admin::ImportPreview preview = admin::previewImport(store, importMisCsv(csv), "2026-07-01");
  std::string error;
  REQUIRE(admin::applyImport(store, preview, error));
}

} // namespace

TEST_CASE("promote preview: numbers and class lines, then applying saves exactly that") {
  TempDir dir;
  auto store = openStore(dir);
  importInto(*store, kSchool);
  const Roster before = store->loadRoster();

  const admin::PromotePreview preview = admin::previewPromote(before, "2026-09-03");
  REQUIRE(preview.canApply());
  CHECK(preview.academicYear == 2026);
  CHECK(preview.yearLabel() == "2026-27");
  CHECK_FALSE(preview.alreadyThisYear);
  CHECK(preview.summary.promoted == 3);
  CHECK(preview.summary.left == 2);
  CHECK(preview.summaryText() ==
        "3 pupils move up a year group; 2 in Year 6 leave (kept as leavers, not deleted).");
  REQUIRE(preview.classes.size() == 2);
  CHECK(preview.classes[0].className == "3B");
  CHECK(preview.classes[0].pupils == 3);
  CHECK(preview.classes[0].moves ==
        std::vector<std::string>{"2 from Year 3 to Year 4", "1 from Year 4 to Year 5"});
  CHECK(preview.classes[0].leaving == 0);
  CHECK(preview.classes[1].className == "6C");
  CHECK(preview.classes[1].moves == std::vector<std::string>{"2 in Year 6 leave"});
  CHECK(preview.classes[1].leaving == 2);
  CHECK(admin::sameRoster(store->loadRoster(), before)); // the preview changed nothing

  std::string error;
  REQUIRE(admin::applyPromote(*store, preview, false, error));
  const Roster saved = store->loadRoster();
  CHECK(admin::sameRoster(saved, preview.after));
  int onRoll = 0;
  for (const Pupil& p : saved.pupils) {
    if (p.firstName == "Amy" || p.firstName == "Ben") {
      CHECK(p.yearGroup == YearGroup::Y4);
    }
    if (p.firstName == "Cat") {
      CHECK(p.yearGroup == YearGroup::Y5);
    }
    if (p.firstName == "Eve" || p.firstName == "Fin") {
      CHECK(p.archivedOn == "2026-09-03"); // kept, as leavers
    }
    onRoll += p.archivedOn.empty() ? 1 : 0;
  }
  CHECK(onRoll == 3);
  CHECK(saved.settings.promotedForYear == 2026);
  CHECK(saved.classes.size() == before.classes.size()); // classes keep their names
}

TEST_CASE("promote preview: a second move-up in one academic year needs asking twice") {
  TempDir dir;
  auto store = openStore(dir);
  importInto(*store, kSchool);
  std::string error;
  REQUIRE(admin::applyPromote(*store, admin::previewPromote(store->loadRoster(), "2026-09-03"),
                              false, error));
  const Roster once = store->loadRoster();

  const admin::PromotePreview again = admin::previewPromote(once, "2026-10-01");
  REQUIRE(again.canApply());
  CHECK(again.alreadyThisYear);
  CHECK(again.summaryText().find("ALREADY moved up for 2026-27") != std::string::npos);
  CHECK_FALSE(admin::applyPromote(*store, again, false, error));
  CHECK(error == "The class list has already moved up for 2026-27; nothing was changed.");
  CHECK(admin::sameRoster(store->loadRoster(), once));
  CHECK(admin::applyPromote(*store, again, true, error));
  CHECK(store->loadRoster().settings.promotedForYear == 2026);

  // The next academic year is not a second time.
  CHECK_FALSE(admin::previewPromote(store->loadRoster(), "2027-09-02").alreadyThisYear);
}

TEST_CASE("promote preview: a list changed since the preview, a bad date, no pupils: refused") {
  TempDir dir;
  auto store = openStore(dir);
  const admin::PromotePreview empty = admin::previewPromote(store->loadRoster(), "2026-09-03");
  CHECK_FALSE(empty.canApply());
  CHECK(empty.summaryText() == "There is no pupil on roll to move up: import a class list first.");

  importInto(*store, kSchool);
  CHECK_FALSE(admin::previewPromote(store->loadRoster(), "03/09/2026").canApply());

  const admin::PromotePreview stale = admin::previewPromote(store->loadRoster(), "2026-09-03");
  importInto(*store, std::string(kSchool) + "Gus,Tan,3B,Year 3,1007\n");
  const Roster changed = store->loadRoster();
  std::string error;
  CHECK_FALSE(admin::applyPromote(*store, stale, false, error));
  CHECK(error.find("The class list changed since this was worked out") == 0);
  CHECK(admin::sameRoster(store->loadRoster(), changed));
}
