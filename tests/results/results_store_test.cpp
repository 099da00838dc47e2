#include "results/results_store.hpp"

#include "results/uuid.hpp"
#include "support/fault_vfs.hpp"
#include "support/temp_dir.hpp"
#include "support/test_teacher.hpp"

#include <doctest/doctest.h>
#include <sqlite3.h>

#include <fstream>
#include <set>

using namespace sq;
using sq::test::TempDir;

namespace {

std::unique_ptr<ResultsStore> openOk(const std::string& dir, const StoreOptions& o = {}) {
  std::string error;
  auto store = ResultsStore::open(dir, error, o);
  INFO(error);
  REQUIRE(store != nullptr);
  return store;
}

EventDraft lessonDone(const std::string& pupil, const std::string& lesson) {
  EventDraft d;
  d.kind = EventKind::LessonCompleted;
  d.pupilId = pupil;
  d.packId = "core";
  d.packVersion = "1.0.0";
  d.activityId = lesson;
  return d;
}

std::string integrity(const std::string& path) {
  sqlite3* db = nullptr;
  sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
  sqlite3_stmt* s = nullptr;
  std::string result = "no answer";
  if (sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &s, nullptr) == SQLITE_OK &&
      sqlite3_step(s) == SQLITE_ROW) {
    result = reinterpret_cast<const char*>(sqlite3_column_text(s, 0));
  }
  sqlite3_finalize(s);
  sqlite3_close(db);
  return result;
}

} // namespace

TEST_CASE("a new store is created, versioned, and keeps its device id") {
  TempDir dir;
  std::string device;
  {
    auto store = openOk(dir.str());
    device = store->deviceId();
    CHECK(isUuid(device));
    CHECK(store->rosterKey().size() >= 64);
  }
  auto again = openOk(dir.str());
  CHECK(again->deviceId() == device);
  sqlite3_stmt* s = nullptr;
  REQUIRE(sqlite3_prepare_v2(again->handle(), "PRAGMA user_version", -1, &s, nullptr) == SQLITE_OK);
  REQUIRE(sqlite3_step(s) == SQLITE_ROW);
  CHECK(sqlite3_column_int(s, 0) == ResultsStore::kSchemaVersion);
  sqlite3_finalize(s);
  REQUIRE(sqlite3_prepare_v2(again->handle(), "PRAGMA journal_mode", -1, &s, nullptr) == SQLITE_OK);
  REQUIRE(sqlite3_step(s) == SQLITE_ROW);
  CHECK(std::string(reinterpret_cast<const char*>(sqlite3_column_text(s, 0))) == "wal");
  sqlite3_finalize(s);
}

TEST_CASE("recorded events come back with ids, sequence numbers and times") {
  TempDir dir;
  StoreOptions o;
  o.now = [] { return std::int64_t{1795000000}; };
  auto store = openOk(dir.str(), o);
  const std::string pupil = newUuid();
  std::string error;
  auto a = store->record(lessonDone(pupil, "y3-a"), error);
  auto b = store->record(lessonDone(pupil, "y3-b"), error);
  REQUIRE(a);
  REQUIRE(b);
  CHECK(isUuid(a->uuid));
  CHECK(a->uuid != b->uuid);
  CHECK(a->seq == 1);
  CHECK(b->seq == 2);
  CHECK(a->timeUtc == "2026-11-18T11:06:40Z");
  EventFilter f;
  f.pupilId = pupil;
  const auto events = store->events(f);
  REQUIRE(events.size() == 2);
  CHECK(events[0].activityId == "y3-a");
  CHECK(events[1].packVersion == "1.0.0");
}

TEST_CASE("the butterfly button is never tied to a pupil") {
  TempDir dir;
  auto store = openOk(dir.str());
  EventDraft d;
  d.kind = EventKind::HelpAsked;
  d.pupilId = newUuid();
  d.data = R"({"classId":"3B"})";
  std::string error;
  auto e = store->record(d, error);
  REQUIRE(e);
  CHECK(e->pupilId.empty());
  CHECK(store->events().at(0).pupilId.empty());
}

TEST_CASE("the class list round-trips and is replaced all at once") {
  TempDir dir;
  auto store = openOk(dir.str());
  Roster r;
  r.classes.push_back({newUuid(), "3B"});
  Pupil p;
  p.id = newUuid();
  p.firstName = "Siân";
  p.initial = "J";
  p.classId = r.classes[0].id;
  p.yearGroup = YearGroup::Y4;
  r.pupils.push_back(p);
  r.staff.push_back({newUuid(), "Mrs Evans"});
  r.settings.schoolName = "Ysgol Test";
  r.settings.safeguardingLead = "Mr Jones";
  r.settings.incidentSteps = {"Listen", "Write it down", "Tell the DSL"};
  r.settings.retentionYears = 3;
  std::string error;
  REQUIRE(store->saveRoster(r, error));
  const Roster back = store->loadRoster();
  REQUIRE(back.pupils.size() == 1);
  CHECK(back.pupils[0].firstName == "Siân");
  CHECK(back.pupils[0].yearGroup == YearGroup::Y4);
  CHECK(back.staff.at(0).name == "Mrs Evans");
  CHECK(back.settings.incidentSteps == r.settings.incidentSteps);
  CHECK(back.settings.retentionYears == 3);
  CHECK(back.settings.safeguardingLead == "Mr Jones");

  // A class list that breaks a rule (two classes with one name) changes nothing.
  Roster bad = r;
  bad.classes.push_back({newUuid(), "3B"});
  bad.pupils.clear();
  CHECK_FALSE(store->saveRoster(bad, error));
  CHECK(store->loadRoster().pupils.size() == 1);
}

TEST_CASE("erasing a pupil removes their events and name and leaves a tombstone") {
  TempDir dir;
  auto store = openOk(dir.str());
  Roster r;
  r.classes.push_back({newUuid(), "2A"});
  Pupil keep{newUuid(), "Ava", "K", r.classes[0].id, YearGroup::Y2, "", ""};
  Pupil gone{newUuid(), "Ben", "G", r.classes[0].id, YearGroup::Y2, "", ""};
  r.pupils = {keep, gone};
  std::string error;
  REQUIRE(store->saveRoster(r, error));
  REQUIRE(store->record(lessonDone(keep.id, "a"), error));
  REQUIRE(store->record(lessonDone(gone.id, "a"), error));
  REQUIRE(store->erasePupil(gone.id, sq::test::testTeacher(), error));
  const auto events = store->events();
  REQUIRE(events.size() == 2);
  CHECK(events[0].pupilId == keep.id);
  CHECK(events[1].kind == EventKind::PupilErased);
  CHECK(store->loadRoster().findPupil(gone.id) == nullptr);
  CHECK(store->loadRoster().findPupil(keep.id) != nullptr);
  CHECK_FALSE(store->erasePupil("not-a-uuid", sq::test::testTeacher(), error));
}

TEST_CASE("retention keeps the current and previous academic year by default") {
  TempDir dir;
  auto store = openOk(dir.str());
  const std::string pupil = newUuid();
  std::string error;
  for (const char* t : {"2024-08-31T10:00:00Z", "2024-09-01T10:00:00Z", "2026-01-10T10:00:00Z"}) {
    EventDraft d = lessonDone(pupil, "x");
    d.timeUtc = t;
    REQUIRE(store->record(d, error));
  }
  // In academic year 2025 (Sep 2025 - Aug 2026) the default keeps 2024 and 2025.
  CHECK(store->applyRetention(2025, nullptr, error) == 1);
  const auto events = store->events();
  REQUIRE(events.size() == 2);
  CHECK(events[0].timeUtc == "2024-09-01T10:00:00Z");
}

TEST_CASE("a foreign database, a newer version and a corrupt file are refused untouched") {
  TempDir dir;
  const std::string path = dir.str() + "/safequest.sqlite";
  {
    sqlite3* db = nullptr;
    sqlite3_open(path.c_str(), &db);
    sqlite3_exec(db, "CREATE TABLE marks(x); INSERT INTO marks VALUES (42);", nullptr, nullptr,
                 nullptr);
    sqlite3_close(db);
  }
  std::string error;
  CHECK(ResultsStore::open(dir.str(), error) == nullptr);
  CHECK(error.find("another program") != std::string::npos);

  TempDir newer;
  {
    auto store = openOk(newer.str());
    sqlite3_exec(store->handle(), "PRAGMA user_version=99", nullptr, nullptr, nullptr);
  }
  CHECK(ResultsStore::open(newer.str(), error) == nullptr);
  CHECK(error.find("newer") != std::string::npos);

  TempDir junk;
  const std::string junkPath = junk.str() + "/safequest.sqlite";
  std::ofstream(junkPath, std::ios::binary) << std::string(5000, 'x');
  CHECK(ResultsStore::open(junk.str(), error) == nullptr);
  std::ifstream in(junkPath, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  CHECK(bytes == std::string(5000, 'x'));
}

TEST_CASE("a full disk refuses the write, keeps what was saved, and recovers") {
  TempDir dir;
  StoreOptions o;
  o.vfs = test::registerFaultVfs();
  const std::string pupil = newUuid();
  std::string error;
  {
    auto store = openOk(dir.str(), o);
    REQUIRE(store->record(lessonDone(pupil, "before"), error));
    test::setFaultPlan({0, false, false});
    CHECK_FALSE(store->record(lessonDone(pupil, "lost"), error));
    CHECK(test::refusedWrites() > 0);
    CHECK_FALSE(error.empty());
    test::setFaultPlan({});
    // The same store goes on working once there is room again.
    REQUIRE(store->record(lessonDone(pupil, "after"), error));
  }
  auto reopened = openOk(dir.str());
  const auto events = reopened->events();
  REQUIRE(events.size() == 2);
  CHECK(events[0].activityId == "before");
  CHECK(events[1].activityId == "after");
  CHECK(integrity(dir.str() + "/safequest.sqlite") == "ok");
}

TEST_CASE("a torn write loses only the event being written") {
  TempDir dir;
  StoreOptions o;
  o.vfs = test::registerFaultVfs();
  const std::string pupil = newUuid();
  std::string error;
  {
    auto store = openOk(dir.str(), o);
    for (int i = 0; i < 5; ++i) {
      REQUIRE(store->record(lessonDone(pupil, "ok" + std::to_string(i)), error));
    }
    test::setFaultPlan({0, true, false});
    CHECK_FALSE(store->record(lessonDone(pupil, "torn"), error));
    test::setFaultPlan({});
  }
  auto reopened = openOk(dir.str());
  CHECK(reopened->events().size() == 5);
  CHECK(integrity(dir.str() + "/safequest.sqlite") == "ok");
}

TEST_CASE("a read-only folder is reported, not crashed on") {
  TempDir dir;
  {
    auto store = openOk(dir.str());
    std::string error;
    REQUIRE(store->record(lessonDone(newUuid(), "x"), error));
  }
  StoreOptions o;
  o.vfs = test::registerFaultVfs();
  test::setFaultPlan({-1, false, true});
  std::string error;
  auto store = ResultsStore::open(dir.str(), error, o);
  if (store) {
    // SQLite may fall back to opening read-only; then writing must fail cleanly.
    CHECK_FALSE(store->record(lessonDone(newUuid(), "y"), error));
  }
  CHECK_FALSE(error.empty());
  test::setFaultPlan({});
  CHECK(openOk(dir.str())->events().size() == 1);
}

TEST_CASE("record never reports as saved an event it did not keep") {
  // A row already holding this device's next sequence number (written behind the
  // store's back) makes the next record fail with a reason, not vanish.
  TempDir dir;
  std::string error;
  auto store = ResultsStore::open(dir.str(), error);
  REQUIRE(store);
  EventDraft d;
  d.kind = EventKind::LessonCompleted;
  d.pupilId = newUuid();
  REQUIRE(store->record(d, error));
  const std::string sql = "INSERT INTO events(uuid, device_id, seq, kind, time_utc) VALUES ('" +
                          newUuid() + "', '" + store->deviceId() +
                          "', 2, 'lesson.completed', '2026-10-01T10:00:00Z')";
  REQUIRE(sqlite3_exec(store->handle(), sql.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK);
  const std::size_t before = store->events().size();
  CHECK_FALSE(store->record(d, error).has_value());
  CHECK_FALSE(error.empty());
  CHECK(store->events().size() == before);
}
