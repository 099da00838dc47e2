// The app's records side: the one recorder over the store, the butterfly button's
// help.asked going through it like every record (refused, it stays queued and is
// saved later, never lost), and saves refused while the store is not open.
#include "app/records_service.hpp"
#include "results/event_payload.hpp"
#include "support/fault_vfs.hpp"
#include "support/temp_dir.hpp"

#include <doctest/doctest.h>

using namespace sq;
using namespace sq::test;

namespace {

const std::string k3B = "c0000000-0000-4000-8000-000000000001";

// The fault plan is process-wide: back to no faults whatever happens.
struct FaultsOff {
  ~FaultsOff() { setFaultPlan({}); }
};

std::vector<Event> helpEvents(const RecordsService& records) {
  return records.classEvents(EventKind::HelpAsked);
}

} // namespace

TEST_CASE("records: the butterfly button pressed before the store opens is saved once it does") {
  TempDir dir;
  RecordsService records;
  // The first frames: nothing is open yet. The press keeps the time it happened.
  CHECK(records.helpAsked(k3B, 1795000000) == "2026-11-18T11:06:40Z");
  CHECK(records.recorder().stalled());
  CHECK(records.recorder().lastError() == "the records store is not open");
  CHECK(records.helpAsked({}, 1795000000).empty()); // a guest: nothing at all
  CHECK(records.recorder().unsaved().size() == 1);

  std::string error;
  REQUIRE(records.open(dir.str(), error));
  records.share({}); // a good moment to try again (no school folder to publish to)
  CHECK(records.recorder().allSaved());
  const auto help = helpEvents(records);
  REQUIRE(help.size() == 1);
  CHECK(help.front().pupilId.empty()); // never the pupil
  const auto data = payloadAs<HelpAskedData>(help.front());
  REQUIRE(data.has_value());
  CHECK(data->classId == k3B);
  CHECK_FALSE(data->closedQuickly);
  CHECK(help.front().timeUtc == "2026-11-18T11:06:40Z"); // when pressed, not when saved
}

TEST_CASE("records: a refused help.asked stays first in the queue and is saved with the next") {
  TempDir dir;
  StoreOptions o;
  o.vfs = registerFaultVfs();
  FaultsOff faultsOff;
  RecordsService records;
  std::string error;
  REQUIRE(records.open(dir.str(), error, o));
  setFaultPlan({0, false, false}); // the disk is full
  records.helpAsked(k3B, 1795000000);
  CHECK(records.recorder().stalled());
  CHECK_FALSE(records.recorder().lastError().empty());
  CHECK_FALSE(records.pump()); // pumping alone does not hammer a full disk
  setFaultPlan({});
  const std::string pupil = "a0000000-0000-4000-8000-000000000001";
  records.recorder().submit(makeLessonCompleted(pupil, PackRef{"core", "1", "h"}, "lesson"));
  CHECK(records.recorder().allSaved());
  CHECK(records.recorder().lastError().empty());
  REQUIRE(helpEvents(records).size() == 1);
  const auto all = records.store()->events();
  REQUIRE(all.size() == 2);
  CHECK(all[0].kind == EventKind::HelpAsked); // in the order they happened
  CHECK(all[1].kind == EventKind::LessonCompleted);
}

TEST_CASE("records: the class list is the store's when there is no school folder") {
  TempDir dir;
  RecordsService records;
  std::string error;
  REQUIRE(records.open(dir.str(), error));
  records.loadRoster({});
  CHECK(records.rosterSource() == records.store()->path());
  CHECK(records.pupilEvents({}).empty());
}
