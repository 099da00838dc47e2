// What a merge does with rows that clash or that it cannot place: a claimed
// sequence number, a copied uuid, versions only ever relayed, rows about pupils not
// on the class list. Each case runs through merge() (the job run to the end), a
// MergeJob a row a step, and the store's one-shot insertForeign, which must agree;
// and the register, which reads events only, must count nothing kept aside.
// Sections:
//   1. helpers: a school with a class list, hand-written snapshots, the three merges
//   2. conflicts: claimed sequence numbers, copied uuids, relayed versions, resolving
//   3. held rows and older stores
#include "results/merge_job.hpp"
#include "results/register.hpp"
#include "results/teacher_trust.hpp"
#include "results/uuid.hpp"
#include "support/temp_dir.hpp"
#include "support/test_teacher.hpp"

#include <doctest/doctest.h>
#include <sqlite3.h>

#include <algorithm>
#include <filesystem>
#include <sstream>

namespace fs = std::filesystem;
using namespace sq;
using sq::test::TempDir;

// ---- helpers ---------------------------------------------------------------------

namespace {

const std::string kAmy = "aaaaaaaa-1111-4111-8111-111111111111";
const std::string kBen = "bbbbbbbb-2222-4222-8222-222222222222";
const std::string kCat = "cccccccc-3333-4333-8333-333333333333";
const std::string kClass = "c0000000-0000-4000-8000-000000000003";
// Device ids chosen so their snapshots sort before and after the genuine device's.
const std::string kEarly = "00000000-0000-4000-8000-00000000000e";
const std::string kDevice = "5d000000-0000-4000-8000-0000000000d0";
const std::string kLate = "ffffffff-0000-4000-8000-00000000000f";

enum class Way { Merge, Sliced, OneShot };
const Way kWays[] = {Way::Merge, Way::Sliced, Way::OneShot};

std::string name(Way w) {
  return w == Way::Merge ? "merge()" : w == Way::Sliced ? "a row a step" : "insertForeign";
}

Roster classList(bool withCat) {
  Roster r;
  r.classes = {{kClass, "Class 3"}};
  for (const auto& id : {kAmy, kBen}) {
    r.pupils.push_back({id, "Pupil", "P", kClass, YearGroup::Y3, "", ""});
  }
  if (withCat) {
    r.pupils.push_back({kCat, "Cat", "C", kClass, YearGroup::Y3, "", ""});
  }
  return r;
}

std::unique_ptr<ResultsStore> teacherStore(const fs::path& dir, bool withCat = false) {
  std::string error;
  // Trusting the test teacher, as a school's PCs trust their teacher's key.
  auto s = ResultsStore::open(dir.string(), error, sq::test::trustingTestTeacher());
  INFO(error);
  REQUIRE(s);
  REQUIRE(s->saveRoster(classList(withCat), error));
  return s;
}

// A lesson of the Year 3 unit done by `pupil`, recorded by `device` as number `seq`.
Event lesson(const std::string& uuid, const std::string& device, std::int64_t seq,
             const std::string& pupil, const std::string& lessonId,
             const std::string& time = "2026-10-01T10:00:00Z") {
  Event e;
  e.uuid = uuid;
  e.deviceId = device;
  e.seq = seq;
  e.pupilId = pupil;
  e.kind = EventKind::LessonCompleted;
  e.packId = "core";
  e.packVersion = "1.0.0";
  e.activityId = lessonId;
  e.timeUtc = time;
  return e;
}

// Writes results/<device>.sqlite holding exactly `events`, in the published shape.
void writeSnapshot(const fs::path& share, const std::string& device,
                   const std::vector<Event>& events) {
  const fs::path path = share / "results" / (device + ".sqlite");
  fs::create_directories(path.parent_path());
  fs::remove(path);
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(path.string().c_str(), &db) == SQLITE_OK);
  std::string sql = "PRAGMA application_id=" + std::to_string(0x53514553) +
                    ";CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);"
                    "CREATE TABLE events(uuid TEXT, device_id TEXT, seq INT, pupil_id TEXT, "
                    "kind TEXT, pack_id TEXT, pack_version TEXT, content_hash TEXT, "
                    "activity_id TEXT, score INT, max_score INT, choices TEXT, time_utc TEXT, "
                    "data TEXT);";
  for (const Event& e : events) {
    char* row = sqlite3_mprintf(
        "INSERT INTO events VALUES(%Q,%Q,%lld,%Q,%Q,%Q,%Q,'',%Q,NULL,NULL,'',%Q,%Q);",
        e.uuid.c_str(), e.deviceId.c_str(), static_cast<long long>(e.seq), e.pupilId.c_str(),
        std::string(eventKindId(e.kind)).c_str(), e.packId.c_str(), e.packVersion.c_str(),
        e.activityId.c_str(), e.timeUtc.c_str(), e.data.c_str());
    sql += row;
    sqlite3_free(row);
  }
  char* message = nullptr;
  const int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &message);
  INFO((message ? message : ""));
  sqlite3_free(message);
  sqlite3_close(db);
  REQUIRE(rc == SQLITE_OK);
}

// The merge of every snapshot in the share, one of three ways.
MergeResult mergeAll(ResultsStore& store, const fs::path& share, Way way) {
  if (way == Way::Merge) {
    return merge(store, share.string());
  }
  MergeResult m;
  if (way == Way::Sliced) {
    MergeJob job(store, share.string());
    MergeBudget oneRow;
    oneRow.rows = 1;
    oneRow.time = std::chrono::hours(1);
    for (int n = 0; n < 100000 && !job.finished(); ++n) {
      job.step(oneRow);
    }
    REQUIRE(job.finished());
    m = job.result();
  } else {
    std::vector<fs::path> files;
    for (const auto& f : fs::directory_iterator(share / "results")) {
      files.push_back(f.path());
    }
    std::sort(files.begin(), files.end());
    m.ok = true;
    for (const auto& f : files) {
      MergeFileReport rep;
      rep.file = f.filename().string();
      const SnapshotRead read = readSnapshot(f.string());
      REQUIRE(read.error.empty());
      ForeignCounts counts;
      rep.added = store.insertForeign(read.events, m.error, rep.file, &counts);
      REQUIRE(rep.added >= 0);
      rep.conflicts = counts.conflicts;
      rep.held = counts.held;
      m.added += rep.added;
      m.released += counts.released;
      m.files.push_back(rep);
    }
  }
  m.openConflicts = static_cast<int>(store.quarantine().size());
  m.heldRows = static_cast<int>(store.heldRows().size());
  return m;
}

const MergeFileReport& fileReport(const MergeResult& m, const std::string& device) {
  const auto it = std::find_if(m.files.begin(), m.files.end(), [&](const MergeFileReport& f) {
    return f.file == device + ".sqlite";
  });
  REQUIRE(it != m.files.end());
  return *it;
}

std::set<std::string> uuids(const ResultsStore& s) {
  std::set<std::string> out;
  for (const auto& e : s.events()) {
    out.insert(e.uuid);
  }
  return out;
}

// Everything a merge may change, to prove a second merge changes nothing.
std::string state(const ResultsStore& s) {
  std::ostringstream out;
  for (const auto& e : s.events()) {
    out << "event " << e.uuid << ' ' << e.deviceId << ' ' << e.seq << ' ' << e.activityId << '\n';
  }
  for (const auto& q : s.quarantine()) {
    out << "quarantine " << q.id << ' ' << q.event.uuid << ' ' << q.event.activityId << ' '
        << q.source << ' ' << q.own << '\n';
  }
  for (const auto& h : s.heldRows()) {
    out << "held " << h.event.uuid << ' ' << h.source << '\n';
  }
  return out.str();
}

// Required Year 3 lessons the register counts as done for `pupil`.
int lessonsDone(const ResultsStore& s, const std::string& pupil) {
  Pack pack;
  pack.id = "core";
  pack.version = "1.0.0";
  pack.languages = {"en-GB"};
  Unit y3;
  y3.id = "y3";
  y3.yearGroup = YearGroup::Y3;
  y3.lessons = {{"y3-a", true}, {"y3-b", true}};
  pack.units = {y3};
  for (const char* id : {"y3-a", "y3-b"}) {
    Lesson l;
    l.id = id;
    pack.lessons.push_back(l);
  }
  const Register reg = computeRegister(s.events(), s.loadRoster(), {&pack}, 2026, {});
  for (const auto& p : reg.pupils) {
    if (p.id == pupil) {
      return p.requiredDone;
    }
  }
  return -1;
}

} // namespace

// ---- conflicts --------------------------------------------------------------------

TEST_CASE("a claimed sequence number of another PC is quarantined when the real event comes") {
  for (const Way way : kWays) {
    for (const std::string& attacker : {kEarly, kLate}) {
      for (const bool together : {false, true}) {
        CAPTURE(name(way));
        CAPTURE(attacker);
        CAPTURE(together);
        TempDir dir;
        const fs::path share = dir.path() / "share";
        auto store = teacherStore(dir.path() / "teacher");
        // The attacker's file claims the device's next number for its own event.
        const Event fake = lesson(newUuid(), kDevice, 2, kAmy, "y3-b");
        writeSnapshot(share, attacker, {fake});
        if (!together) {
          const MergeResult early = mergeAll(*store, share, way);
          CHECK(early.added == 1); // nothing to clash with yet
          CHECK(uuids(*store).count(fake.uuid) == 1);
        }
        // The device's own snapshot, with the real event numbered 2.
        const Event first = lesson(newUuid(), kDevice, 1, kBen, "y3-a");
        const Event real = lesson(newUuid(), kDevice, 2, kBen, "y3-b", "2026-10-02T09:00:00Z");
        writeSnapshot(share, kDevice, {first, real});
        const MergeResult m = mergeAll(*store, share, way);
        REQUIRE(m.ok);
        CHECK_FALSE(m.clean());
        CHECK(m.openConflicts == 1);
        // The conflict is found by the device's file (the real event replaces the
        // fake) or by the attacker's (the fake meets the real event), or both.
        CHECK(fileReport(m, kDevice).conflicts == (together && attacker == kLate ? 0 : 1));
        CHECK(fileReport(m, attacker).conflicts == (attacker == kLate ? 1 : 0));
        CHECK(fileReport(m, attacker).added == (together && attacker == kEarly ? 1 : 0));
        CHECK(m.added == fileReport(m, kDevice).added + fileReport(m, attacker).added);
        CHECK(fileReport(m, kDevice).added == 2); // first and real; the fake is kept aside
        if (way == Way::Merge) {
          // merge() names the file every version in quarantine came from.
          using Source = std::pair<std::string, int>;
          CHECK(m.quarantineSources == std::vector<Source>{{attacker + ".sqlite", 1}});
        }
        const auto events = uuids(*store);
        CHECK(events.count(real.uuid) == 1);
        CHECK(events.count(first.uuid) == 1);
        CHECK(events.count(fake.uuid) == 0);
        const auto q = store->quarantine();
        REQUIRE(q.size() == 1);
        CHECK(q[0].event.uuid == fake.uuid);
        CHECK(q[0].source == attacker + ".sqlite");
        CHECK_FALSE(q[0].own);
        CHECK_FALSE(q[0].reason.empty());
        CHECK_FALSE(q[0].seenUtc.empty());
        CHECK(lessonsDone(*store, kBen) == 2);
        CHECK(lessonsDone(*store, kAmy) == 0); // the fake counts for nobody

        // Merging again changes nothing and still reports the conflict.
        const std::string before = state(*store);
        const MergeResult again = mergeAll(*store, share, way);
        CHECK(again.added == 0);
        CHECK(fileReport(again, attacker).conflicts == 1);
        CHECK(fileReport(again, kDevice).conflicts == 0);
        CHECK_FALSE(again.clean());
        CHECK(state(*store) == before);
      }
    }
  }
}

TEST_CASE("a copied uuid in a file sorting first loses to the genuine event") {
  for (const Way way : kWays) {
    CAPTURE(name(way));
    TempDir dir;
    const fs::path share = dir.path() / "share";
    auto store = teacherStore(dir.path() / "teacher");
    const Event genuine = lesson(newUuid(), kDevice, 1, kAmy, "y3-a");
    Event copy = genuine;
    copy.activityId = "y3-b"; // same uuid, device and number; another lesson
    writeSnapshot(share, kEarly, {copy});
    writeSnapshot(share, kDevice, {genuine});
    const MergeResult m = mergeAll(*store, share, way);
    REQUIRE(m.ok);
    CHECK_FALSE(m.clean());
    CHECK(fileReport(m, kEarly).conflicts == 0); // the copy was read first: nothing to clash
    CHECK(fileReport(m, kDevice).conflicts == 1);
    const auto events = store->events();
    REQUIRE(events.size() == 1);
    CHECK(events[0].activityId == "y3-a");
    const auto q = store->quarantine();
    REQUIRE(q.size() == 1);
    CHECK(q[0].event.activityId == "y3-b");
    CHECK(q[0].source == kEarly + ".sqlite");
    CHECK(lessonsDone(*store, kAmy) == 1);
    const std::string before = state(*store);
    const MergeResult again = mergeAll(*store, share, way);
    CHECK(again.added == 0);
    CHECK(fileReport(again, kEarly).conflicts == 1); // named on every merge from now on
    CHECK(fileReport(again, kDevice).conflicts == 0);
    CHECK(state(*store) == before);
  }
}

TEST_CASE("a copied uuid claiming the copier's own device: neither version is counted") {
  for (const Way way : kWays) {
    CAPTURE(name(way));
    TempDir dir;
    const fs::path share = dir.path() / "share";
    auto store = teacherStore(dir.path() / "teacher");
    const Event genuine = lesson(newUuid(), kDevice, 1, kAmy, "y3-a");
    Event copy = genuine;
    copy.deviceId = kLate; // in its own file: both sides come from their own device
    writeSnapshot(share, kDevice, {genuine});
    writeSnapshot(share, kLate, {copy});
    const MergeResult m = mergeAll(*store, share, way);
    CHECK_FALSE(m.clean());
    CHECK(store->events().empty());
    CHECK(store->quarantine().size() == 2);
    CHECK(lessonsDone(*store, kAmy) == 0);
  }
}

TEST_CASE("versions only ever relayed are both quarantined until the device's own comes") {
  for (const Way way : kWays) {
    CAPTURE(name(way));
    TempDir dir;
    const fs::path share = dir.path() / "share";
    auto store = teacherStore(dir.path() / "teacher");
    const Event a = lesson(newUuid(), kDevice, 1, kAmy, "y3-a");
    Event b = a;
    b.timeUtc = "2026-10-05T10:00:00Z";
    const Event clean = lesson(newUuid(), kEarly, 1, kBen, "y3-a");
    // Two PCs relay different versions of the device's event; the device's own
    // snapshot is not there.
    writeSnapshot(share, kEarly, {clean, a});
    writeSnapshot(share, kLate, {b});
    const MergeResult m = mergeAll(*store, share, way);
    REQUIRE(m.ok);
    CHECK_FALSE(m.clean());
    CHECK(fileReport(m, kLate).conflicts == 1);
    CHECK(uuids(*store) == std::set<std::string>{clean.uuid});
    CHECK(store->quarantine().size() == 2);
    CHECK(lessonsDone(*store, kAmy) == 0); // the register counts neither
    CHECK(lessonsDone(*store, kBen) == 1);
    const std::string before = state(*store);
    const MergeResult again = mergeAll(*store, share, way);
    CHECK(again.added == 0);
    CHECK(fileReport(again, kEarly).conflicts == 1);
    CHECK(fileReport(again, kLate).conflicts == 1);
    CHECK(state(*store) == before);

    // A third relayed version is kept aside too: nothing slips in between.
    Event c = a;
    c.timeUtc = "2026-10-06T10:00:00Z";
    writeSnapshot(share, kLate, {b, c});
    mergeAll(*store, share, way);
    CHECK(store->quarantine().size() == 3);
    CHECK(lessonsDone(*store, kAmy) == 0);

    // The device's own snapshot settles it: its version counts, the others stay aside.
    writeSnapshot(share, kDevice, {a});
    const MergeResult settled = mergeAll(*store, share, way);
    CHECK(settled.added == 1);
    CHECK(lessonsDone(*store, kAmy) == 1);
    const auto q = store->quarantine();
    CHECK(q.size() == 2);
    for (const auto& entry : q) {
      CHECK(entry.event.timeUtc != a.timeUtc);
    }
    CHECK_FALSE(settled.clean()); // still reported until the teacher resolves it
  }
}

TEST_CASE("the teacher keeps one version: the others are dropped for good") {
  TempDir dir;
  const fs::path share = dir.path() / "share";
  auto store = teacherStore(dir.path() / "teacher");
  const Event a = lesson(newUuid(), kDevice, 1, kAmy, "y3-a");
  Event b = a;
  b.activityId = "y3-b";
  writeSnapshot(share, kEarly, {a});
  writeSnapshot(share, kLate, {b});
  REQUIRE_FALSE(merge(*store, share.string()).clean());
  auto q = store->quarantine();
  REQUIRE(q.size() == 2);
  const auto keep = std::find_if(
      q.begin(), q.end(), [](const QuarantineEntry& e) { return e.event.activityId == "y3-b"; });
  REQUIRE(keep != q.end());
  std::string error;
  CHECK_FALSE(store->keepQuarantined(keep->id + 1000, error));
  CHECK_FALSE(error.empty());
  REQUIRE(store->keepQuarantined(keep->id, error));
  CHECK(store->quarantine().empty());
  REQUIRE(store->events().size() == 1);
  CHECK(store->events()[0].activityId == "y3-b");
  // The snapshots still hold the dropped version: it does not come back.
  const MergeResult again = merge(*store, share.string());
  CHECK(again.clean());
  CHECK(again.added == 0);
  CHECK(store->events().size() == 1);
  CHECK(store->events()[0].activityId == "y3-b");
  CHECK(lessonsDone(*store, kAmy) == 1);
}

TEST_CASE("a row clashing with this PC's own record is kept aside; the record stays") {
  TempDir dir;
  const fs::path share = dir.path() / "share";
  auto store = teacherStore(dir.path() / "teacher");
  EventDraft d;
  d.kind = EventKind::LessonCompleted;
  d.pupilId = kAmy;
  d.packId = "core";
  d.packVersion = "1.0.0";
  d.activityId = "y3-a";
  std::string error;
  const auto mine = store->record(d, error);
  REQUIRE(mine);
  Event forged = *mine;
  forged.activityId = "y3-b";
  writeSnapshot(share, kEarly, {forged});
  const MergeResult m = merge(*store, share.string());
  CHECK(fileReport(m, kEarly).conflicts == 1);
  REQUIRE(store->events().size() == 1);
  CHECK(store->events()[0].activityId == "y3-a");
  const auto q = store->quarantine();
  REQUIRE(q.size() == 1);
  CHECK_FALSE(store->keepQuarantined(q[0].id, error)); // never replaces this PC's own
  CHECK(store->events()[0].activityId == "y3-a");
}

// ---- held rows and older stores -------------------------------------------------

TEST_CASE("a row about a pupil not on the class list is held, then released") {
  for (const Way way : kWays) {
    CAPTURE(name(way));
    TempDir dir;
    const fs::path share = dir.path() / "share";
    auto store = teacherStore(dir.path() / "teacher");
    const Event stranger = lesson(newUuid(), kDevice, 1, kCat, "y3-a");
    const Event known = lesson(newUuid(), kDevice, 2, kAmy, "y3-a");
    writeSnapshot(share, kDevice, {stranger, known});
    const MergeResult m = mergeAll(*store, share, way);
    REQUIRE(m.ok);
    CHECK(fileReport(m, kDevice).held == 1);
    CHECK(fileReport(m, kDevice).added == 1);
    CHECK(m.heldRows == 1);
    CHECK(m.clean()); // held rows are reported, not a conflict
    CHECK(uuids(*store) == std::set<std::string>{known.uuid});
    REQUIRE(store->heldRows().size() == 1);
    CHECK(store->heldRows()[0].source == kDevice + ".sqlite");
    const std::string before = state(*store);
    const MergeResult again = mergeAll(*store, share, way);
    CHECK(fileReport(again, kDevice).held == 1);
    CHECK(state(*store) == before); // held once, not twice

    // Cat joins the class list: the held row is counted.
    std::string error;
    REQUIRE(store->saveRoster(classList(true), error));
    CHECK(store->heldRows().empty());
    CHECK(uuids(*store) == std::set<std::string>{known.uuid, stranger.uuid});
    CHECK(lessonsDone(*store, kCat) == 1);
    // Known from its device's own file: nothing more to do on the next merge.
    const MergeResult after = mergeAll(*store, share, way);
    CHECK(after.added == 0);
    CHECK(after.clean());
  }
}

TEST_CASE("held rows are released by the next merge once their pupil is listed") {
  for (const Way way : kWays) {
    CAPTURE(name(way));
    TempDir dir;
    const fs::path share = dir.path() / "share";
    auto store = teacherStore(dir.path() / "teacher");
    const Event stranger = lesson(newUuid(), kDevice, 1, kCat, "y3-a");
    writeSnapshot(share, kDevice, {stranger});
    mergeAll(*store, share, way);
    REQUIRE(store->heldRows().size() == 1);
    // The pupil reaches the list without saveRoster (an older build wrote it).
    REQUIRE(sqlite3_exec(store->handle(),
                         ("INSERT INTO pupils(id, first_name, initial, class_id, year_group) "
                          "VALUES ('" +
                          kCat + "', 'Cat', 'C', '" + kClass + "', 'y3')")
                             .c_str(),
                         nullptr, nullptr, nullptr) == SQLITE_OK);
    const MergeResult m = mergeAll(*store, share, way);
    CHECK(m.released == 1);
    CHECK(store->heldRows().empty());
    CHECK(uuids(*store) == std::set<std::string>{stranger.uuid});
  }
}

TEST_CASE("erasing a pupil removes what a merge kept aside about them") {
  TempDir dir;
  const fs::path share = dir.path() / "share";
  auto store = teacherStore(dir.path() / "teacher");
  const Event a = lesson(newUuid(), kDevice, 1, kAmy, "y3-a");
  Event b = a;
  b.activityId = "y3-b";
  writeSnapshot(share, kEarly, {a, lesson(newUuid(), kDevice, 2, kCat, "y3-a")});
  writeSnapshot(share, kLate, {b});
  merge(*store, share.string());
  REQUIRE(store->quarantine().size() == 2);
  REQUIRE(store->heldRows().size() == 1);
  std::string error;
  REQUIRE(store->erasePupil(kAmy, sq::test::testTeacher(), error));
  REQUIRE(store->erasePupil(kCat, sq::test::testTeacher(), error));
  CHECK(store->quarantine().empty());
  CHECK(store->heldRows().empty());
}

TEST_CASE("a records store of version 1 migrates; its merged events count as relayed") {
  TempDir dir;
  const fs::path data = dir.path() / "old";
  fs::create_directories(data);
  const std::string local = newUuid();
  const Event merged = lesson(newUuid(), kDevice, 1, kAmy, "y3-a");
  {
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open((data / "safequest.sqlite").string().c_str(), &db) == SQLITE_OK);
    const std::string sql =
        "PRAGMA application_id=" + std::to_string(0x53514553) +
        ";PRAGMA user_version=1;"
        "CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);"
        "CREATE TABLE events(uuid TEXT PRIMARY KEY, device_id TEXT NOT NULL, seq INTEGER NOT "
        "NULL, pupil_id TEXT NOT NULL DEFAULT '', kind TEXT NOT NULL, pack_id TEXT NOT NULL "
        "DEFAULT '', pack_version TEXT NOT NULL DEFAULT '', content_hash TEXT NOT NULL DEFAULT "
        "'', activity_id TEXT NOT NULL DEFAULT '', score INTEGER, max_score INTEGER, choices "
        "TEXT NOT NULL DEFAULT '', time_utc TEXT NOT NULL, data TEXT NOT NULL DEFAULT '', "
        "UNIQUE(device_id, seq));"
        "CREATE TABLE classes(id TEXT PRIMARY KEY, name TEXT NOT NULL UNIQUE);"
        "CREATE TABLE pupils(id TEXT PRIMARY KEY, first_name TEXT NOT NULL, initial TEXT NOT "
        "NULL, class_id TEXT NOT NULL, year_group TEXT NOT NULL, mis_key TEXT NOT NULL DEFAULT "
        "'', archived_on TEXT NOT NULL DEFAULT '');"
        "CREATE TABLE staff(id TEXT PRIMARY KEY, name TEXT NOT NULL);"
        "CREATE TABLE settings(key TEXT PRIMARY KEY, value TEXT NOT NULL);"
        "INSERT INTO meta VALUES ('device_id', '" +
        local +
        "'), ('roster_key', 'k');"
        "INSERT INTO events(uuid, device_id, seq, pupil_id, kind, pack_id, pack_version, "
        "activity_id, time_utc) VALUES ('" +
        merged.uuid + "', '" + kDevice + "', 1, '" + kAmy +
        "', 'lesson.completed', 'core', '1.0.0', 'y3-a', '2026-10-01T10:00:00Z');";
    char* message = nullptr;
    const int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &message);
    INFO((message ? message : ""));
    sqlite3_free(message);
    sqlite3_close(db);
    REQUIRE(rc == SQLITE_OK);
  }
  std::string error;
  auto store = ResultsStore::open(data.string(), error);
  INFO(error);
  REQUIRE(store);
  CHECK(store->deviceId() == local);
  CHECK(uuids(*store) == std::set<std::string>{merged.uuid});
  // Taken as relayed: a clashing relayed version puts both aside...
  Event other = merged;
  other.activityId = "y3-b";
  const fs::path share = dir.path() / "share";
  writeSnapshot(share, kLate, {other});
  merge(*store, share.string());
  CHECK(store->events().empty());
  CHECK(store->quarantine().size() == 2);
  // ...until the device's own snapshot confirms it.
  writeSnapshot(share, kDevice, {merged});
  merge(*store, share.string());
  CHECK(uuids(*store) == std::set<std::string>{merged.uuid});
  CHECK(store->quarantine().size() == 1);
}

TEST_CASE("a row clashing with one a tombstone removes is passed by, in any order and way") {
  for (const bool tombstoneFirst : {false, true}) {
    std::vector<std::string> ends;
    for (const Way way : kWays) {
      CAPTURE(name(way));
      CAPTURE(tombstoneFirst);
      TempDir dir;
      auto store = teacherStore(dir.path() / "teacher");
      const Event relayed = lesson(newUuid(), kDevice, 1, kAmy, "y3-a");
      writeSnapshot(dir.path() / "first", kEarly, {relayed});
      mergeAll(*store, dir.path() / "first", way);
      REQUIRE(uuids(*store) == std::set<std::string>{relayed.uuid});
      // The device's own file: another event numbered 1, and Amy's erasure.
      const Event other = lesson(newUuid(), kDevice, 1, kBen, "y3-a");
      Event tombstone = lesson(newUuid(), kDevice, 2, kAmy, "");
      tombstone.kind = EventKind::PupilErased;
      tombstone.packId.clear();
      tombstone.packVersion.clear();
      tombstone.data = signedTombstoneData(tombstone, sq::test::testTeacher());
      writeSnapshot(dir.path() / "second", kDevice,
                    tombstoneFirst ? std::vector<Event>{tombstone, other}
                                   : std::vector<Event>{other, tombstone});
      const MergeResult m = mergeAll(*store, dir.path() / "second", way);
      REQUIRE(m.ok);
      CHECK(uuids(*store) == std::set<std::string>{tombstone.uuid});
      CHECK(store->quarantine().empty());
      ends.push_back(std::to_string(m.added) + " " +
                     std::to_string(fileReport(m, kDevice).conflicts));
      // Once the tombstone has removed the row, the next merge counts the event.
      CHECK(mergeAll(*store, dir.path() / "second", way).added == 1);
      CHECK(uuids(*store) == std::set<std::string>{tombstone.uuid, other.uuid});
    }
    CHECK(ends[0] == ends[1]);
    CHECK(ends[1] == ends[2]);
  }
}
