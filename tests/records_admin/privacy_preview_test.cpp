// Erase and retention previews: the numbers the teacher is asked about match what
// erasePupil and applyRetention then delete, and counting changes nothing.
#include "records_admin/privacy_preview.hpp"

#include "results/uuid.hpp"
#include "support/temp_dir.hpp"
#include "support/test_teacher.hpp"

#include <doctest/doctest.h>

using namespace sq;
using sq::test::TempDir;

namespace {

std::unique_ptr<ResultsStore> openStore(const TempDir& dir) {
  std::string error;
  auto store = ResultsStore::open(dir.str(), error, sq::test::trustingTestTeacher());
  INFO(error);
  REQUIRE(store != nullptr);
  return store;
}

void record(ResultsStore& store, const std::string& pupil, EventKind kind, const char* time) {
  EventDraft d;
  d.kind = kind;
  d.pupilId = pupil;
  d.packId = "core";
  d.activityId = "y3-a";
  d.timeUtc = time;
  std::string error;
  REQUIRE(store.record(d, error));
}

} // namespace

TEST_CASE("erase preview: names the pupil and counts what goes, and the erase deletes that") {
  TempDir dir;
  auto store = openStore(dir);
  Roster r;
  r.classes.push_back({newUuid(), "3B"});
  const Pupil sian{newUuid(), "Si\u00e2n", "K", r.classes[0].id, YearGroup::Y3, "", ""};
  const Pupil tom{newUuid(), "Tom", "B", r.classes[0].id, YearGroup::Y3, "", ""};
  r.pupils = {sian, tom};
  std::string error;
  REQUIRE(store->saveRoster(r, error));
  record(*store, sian.id, EventKind::LessonCompleted, "2026-10-01T10:00:00Z");
  record(*store, sian.id, EventKind::LessonCompleted, "2026-10-02T10:00:00Z");
  record(*store, sian.id, EventKind::ActivityCompleted, "2026-10-02T10:00:00Z");
  record(*store, tom.id, EventKind::LessonCompleted, "2026-10-01T10:00:00Z");

  const admin::ErasePreview preview = admin::previewErase(*store, sian.id);
  REQUIRE(preview.found);
  CHECK(preview.records == 3);
  CHECK(preview.question() ==
        "Erase Si\u00e2n K (3B)? This deletes 3 records about them (2 lessons completed, 1 lesson "
        "step finished) and takes them off the class list, on this PC and, at the next merge, "
        "on every PC. It cannot be undone.");
  CHECK(preview.held() == "SafeQuest holds their class-list entry and 3 records about them (2 "
                          "lessons completed, 1 lesson step finished).");
  CHECK(store->events().size() == 4); // counting deleted nothing

  REQUIRE(store->erasePupil(sian.id, sq::test::testTeacher(), error));
  EventFilter mine;
  mine.pupilId = sian.id;
  int left = 0;
  for (const Event& e : store->events(mine)) {
    left += e.kind != EventKind::PupilErased ? 1 : 0;
  }
  CHECK(left == 0);
  CHECK_FALSE(admin::previewErase(*store, sian.id).found);
  CHECK(admin::previewErase(*store, tom.id).records == 1);
}

TEST_CASE("retention preview: the count is what applying then deletes") {
  TempDir dir;
  auto store = openStore(dir);
  const std::string pupil = newUuid();
  for (const char* t : {"2023-05-01T10:00:00Z", "2024-08-31T10:00:00Z", "2024-09-01T10:00:00Z",
                        "2026-01-10T10:00:00Z"}) {
    record(*store, pupil, EventKind::LessonCompleted, t);
  }
  const admin::RetentionPreview preview = admin::previewRetention(*store, 2025);
  CHECK(preview.retentionYears == 2);
  CHECK(preview.plan.keepFrom == "2024-09-01");
  CHECK(preview.plan.events == 2);
  CHECK(preview.plan.leaversToErase.empty());
  CHECK(preview.summary() ==
        "Keeping 2 academic years deletes 2 records from before 1 September 2024.");
  CHECK(store->events().size() == 4); // counting deleted nothing

  std::string error;
  CHECK(store->applyRetention(2025, nullptr, error) == preview.plan.events);
  const admin::RetentionPreview after = admin::previewRetention(*store, 2025);
  CHECK(after.nothingToDo());
  CHECK(after.summary() ==
        "Keeping 2 academic years: nothing is older than 1 September 2024, so nothing would go.");
}

TEST_CASE("retention preview: leavers from before the kept years are named, to be erased") {
  TempDir dir;
  auto store = openStore(dir);
  Roster r;
  r.classes.push_back({newUuid(), "6A"});
  Pupil gone{newUuid(), "Ola", "N", r.classes[0].id, YearGroup::Y6, "", "2023-07-20"};
  Pupil recent{newUuid(), "Pip", "M", r.classes[0].id, YearGroup::Y6, "", "2025-07-20"};
  r.pupils = {gone, recent};
  std::string error;
  REQUIRE(store->saveRoster(r, error));
  const admin::RetentionPreview preview = admin::previewRetention(*store, 2025);
  REQUIRE(preview.leaverNames.size() == 1);
  CHECK(preview.leaverNames[0] == "Ola N");
  CHECK(preview.summary() == "Keeping 2 academic years deletes 0 records from before 1 September "
                             "2024 and erases 1 pupil who left before then, with all their "
                             "records.");
  CHECK(admin::withCommas(1204) == "1,204");
  CHECK(admin::withCommas(999) == "999");
  CHECK(admin::withCommas(1000000) == "1,000,000");
}
