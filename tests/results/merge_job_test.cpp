// MergeJob: the school-folder merge in slices. Its end state is checked against
// the one-shot algorithm the merge used before it was sliced (each snapshot read
// whole, then added by the store's insertForeign in one transaction), written out
// here from public parts as the reference.
// Sections:
//   1. helpers: stores, the reference merge, hand-written snapshots
//   2. the same end state: in steps, with tombstones, stopped half-way
//   3. hostile files: endless views, huge values, rows claiming this PC's id
//   4. the store changing underneath: an erasure mid-job, nothing to do
#include "results/merge_job.hpp"

#include "results/teacher_trust.hpp"
#include "results/uuid.hpp"
#include "support/temp_dir.hpp"
#include "support/test_teacher.hpp"

#include <doctest/doctest.h>
#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <random>
#include <sstream>

namespace fs = std::filesystem;
using namespace sq;
using sq::test::TempDir;
using Clock = std::chrono::steady_clock;

// ---- helpers ---------------------------------------------------------------------

namespace {

std::unique_ptr<ResultsStore> openStore(const fs::path& dir) {
  std::string error;
  auto s = ResultsStore::open(dir.string(), error, sq::test::trustingTestTeacher());
  INFO(error);
  REQUIRE(s);
  return s;
}

void record(ResultsStore& s, const std::string& pupil, int n = 0) {
  EventDraft d;
  d.kind = n % 3 == 2 ? EventKind::LessonCompleted : EventKind::ActivityCompleted;
  d.pupilId = pupil;
  d.activityId = "activity-" + std::to_string(n);
  d.score = n % 5;
  d.maxScore = 4;
  std::string error;
  REQUIRE(s.record(d, error));
}

// The merge as it was before slicing: every snapshot read whole, then added in one
// transaction that ends by applying the tombstones.
MergeResult referenceMerge(ResultsStore& store, const fs::path& folder) {
  MergeResult m;
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(folder / "results")) {
    const auto name = e.path().filename().string();
    if (!name.empty() && name[0] != '.' && e.path().extension() == ".sqlite") {
      files.push_back(e.path());
    }
  }
  std::sort(files.begin(), files.end());
  m.ok = true;
  for (const auto& f : files) {
    MergeFileReport rep;
    rep.file = f.filename().string();
    SnapshotRead read = readSnapshot(f.string());
    rep.skippedRows = read.skippedRows;
    if (!read.error.empty()) {
      rep.error = read.error;
    } else {
      ForeignCounts counts;
      rep.added = store.insertForeign(read.events, m.error, rep.file, &counts);
      REQUIRE(rep.added >= 0);
      rep.conflicts = counts.conflicts;
      rep.held = counts.held;
      m.tombstonesRefused += counts.tombstonesRefused;
      m.added += rep.added;
      m.released += counts.released;
    }
    m.files.push_back(rep);
  }
  return m;
}

// Everything a merge can change: every event, field by field, and the class list.
std::string state(const ResultsStore& s) {
  std::vector<std::string> rows;
  for (const auto& e : s.events()) {
    std::ostringstream row;
    row << e.uuid << '|' << e.deviceId << '|' << e.seq << '|' << e.pupilId << '|'
        << eventKindId(e.kind) << '|' << e.packId << '|' << e.activityId << '|'
        << e.score.value_or(-1) << '|' << e.maxScore.value_or(-1) << '|' << e.timeUtc << '|'
        << e.choices << '|' << e.data;
    rows.push_back(row.str());
  }
  std::sort(rows.begin(), rows.end());
  std::string out;
  for (const auto& r : rows) {
    out += r + "\n";
  }
  for (const auto& p : s.loadRoster().pupils) {
    out += "pupil " + p.id + "\n";
  }
  return out;
}

std::string describe(const MergeResult& m) {
  std::ostringstream out;
  out << m.ok << ' ' << m.added << ' ' << m.released << ' ' << m.tombstonesRefused << ' ' << m.error
      << '\n';
  for (const auto& f : m.files) {
    out << f.file << ' ' << f.added << ' ' << f.skippedRows << ' ' << f.conflicts << ' ' << f.held
        << ' ' << f.error << '\n';
  }
  return out.str();
}

// A school: devices that record, erase pupils, merge their neighbour's snapshot
// (so snapshots overlap, as they do once PCs merge at sign-in) and publish into
// one shared folder; and a teacher's store, closed, to be copied for each run.
struct School {
  TempDir root;
  fs::path share;
  fs::path teacher;
  std::vector<std::string> pupils;
  std::vector<std::string> erased;

  School(int devices, unsigned seed, bool erasures = true) {
    share = root.path() / "share";
    teacher = root.path() / "teacher";
    std::mt19937 rng(seed);
    for (int i = 0; i < 24; ++i) {
      pupils.push_back(newUuid());
    }
    std::string error;
    {
      // The teacher's class list holds every pupil; a merge removes erased ones.
      auto t = openStore(teacher);
      Roster roster;
      roster.classes.push_back({newUuid(), "Class 3"});
      for (const auto& p : pupils) {
        roster.pupils.push_back({p, "Pupil", "P", roster.classes[0].id, YearGroup::Y3, "", ""});
      }
      REQUIRE(t->saveRoster(roster, error));
      record(*t, pupils[1]);
      if (erasures) {
        // Erased here, then recorded again (an old class list on this PC): a merge
        // removes the new event too.
        REQUIRE(t->erasePupil(pupils[2], sq::test::testTeacher(), error));
        erased.push_back(pupils[2]);
        record(*t, pupils[2]);
      }
    }
    for (int d = 0; d < devices; ++d) {
      auto s = openStore(root.path() / ("pc" + std::to_string(d)));
      if (d > 0) {
        REQUIRE(merge(*s, share.string()).ok);
      }
      const int n = 5 + static_cast<int>(rng() % 30);
      for (int e = 0; e < n; ++e) {
        record(*s, pupils[rng() % pupils.size()], e);
      }
      if (erasures && d % 4 == 1) {
        const std::string who = pupils[3 + static_cast<std::size_t>(d) % 8];
        REQUIRE(s->erasePupil(who, sq::test::testTeacher(), error));
        erased.push_back(who);
        // Events about the pupil recorded after the erasure on other PCs.
        record(*s, who, 1);
      }
      REQUIRE(publish(*s, share.string(), nullptr).ok);
    }
  }

  // A fresh copy of the teacher's store.
  std::unique_ptr<ResultsStore> teacherCopy(const std::string& name) const {
    const fs::path dir = root.path() / name;
    fs::copy(teacher, dir, fs::copy_options::recursive);
    return openStore(dir);
  }
};

// Writes a snapshot by hand: SQL after the header is set (application id and an
// events table of the published shape, unless `sql` replaces it).
void writeSnapshot(const fs::path& path, const std::string& sql) {
  fs::create_directories(path.parent_path());
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(path.string().c_str(), &db) == SQLITE_OK);
  char* message = nullptr;
  const std::string all = "PRAGMA application_id=" + std::to_string(0x53514553) + ";" + sql;
  const int rc = sqlite3_exec(db, all.c_str(), nullptr, nullptr, &message);
  INFO((message ? message : ""));
  sqlite3_free(message);
  sqlite3_close(db);
  REQUIRE(rc == SQLITE_OK);
}

const char* const kEventsTable =
    "CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);"
    "CREATE TABLE events(uuid TEXT, device_id TEXT, seq INT, pupil_id TEXT, kind TEXT, "
    "pack_id TEXT, pack_version TEXT, content_hash TEXT, activity_id TEXT, score INT, "
    "max_score INT, choices TEXT, time_utc TEXT, data TEXT);";

std::string eventRow(const std::string& uuid, const std::string& device, int seq,
                     const std::string& pupil, const char* kind, const std::string& data = "") {
  return "INSERT INTO events VALUES('" + uuid + "','" + device + "'," + std::to_string(seq) + ",'" +
         pupil + "','" + kind + "','core','1','','a',NULL,NULL,'','2026-10-01T10:00:00Z','" + data +
         "');";
}

// A pupil.erased row as eventRow writes it, signed by the teacher the stores trust.
std::string tombstoneRow(const std::string& device, int seq, const std::string& pupil) {
  Event e;
  e.uuid = newUuid();
  e.deviceId = device;
  e.pupilId = pupil;
  e.kind = EventKind::PupilErased;
  e.timeUtc = "2026-10-01T10:00:00Z";
  return eventRow(e.uuid, device, seq, pupil, "pupil.erased",
                  signedTombstoneData(e, sq::test::testTeacher()));
}

MergeResult runJob(ResultsStore& store, const fs::path& share, MergeBudget budget,
                   int* steps = nullptr) {
  MergeJob job(store, share.string());
  int n = 0;
  while (!job.finished() && n < 100000) {
    job.step(budget);
    ++n;
  }
  REQUIRE(job.finished());
  if (steps) {
    *steps = n;
  }
  return job.result();
}

} // namespace

// ---- the same end state -------------------------------------------------------

TEST_CASE("a merge job works in steps within its row budget and ends as the one-shot merge") {
  for (unsigned seed = 1; seed <= 3; ++seed) {
    School school(12, seed);
    auto reference = school.teacherCopy("reference");
    const MergeResult expected = referenceMerge(*reference, school.share);
    REQUIRE(expected.ok);
    REQUIRE(expected.files.size() == 12);

    auto sliced = school.teacherCopy("sliced");
    MergeJob job(*sliced, school.share.string());
    MergeBudget budget;
    budget.rows = 37;
    budget.time = std::chrono::hours(1); // the row budget decides here
    int steps = 0;
    MergeProgress last;
    while (!job.finished()) {
      const MergeProgress p = job.step(budget);
      ++steps;
      REQUIRE(steps < 100000);
      CHECK(p.stepRows <= budget.rows);
      CHECK(p.stepRows > 0);
      CHECK(p.snapshotsDone >= last.snapshotsDone);
      CHECK(p.eventsRead >= last.eventsRead);
      CHECK(p.eventsNew >= last.eventsNew);
      if (p.listed) {
        CHECK(p.snapshotsTotal == 12);
      }
      last = p;
    }
    CHECK(steps > 12);
    CHECK(last.finished);
    CHECK(last.snapshotsDone == 12);
    CHECK(last.eventsNew == expected.added);
    CHECK(describe(job.result()) == describe(expected));
    CHECK(state(*sliced) == state(*reference));
    for (const auto& who : school.erased) {
      for (const auto& e : sliced->events(EventFilter{who, std::nullopt, "", ""})) {
        CHECK(e.kind == EventKind::PupilErased);
      }
    }
    // merge() is the same job run to the end.
    auto oneShot = school.teacherCopy("one-shot");
    CHECK(describe(merge(*oneShot, school.share.string())) == describe(expected));
    CHECK(state(*oneShot) == state(*reference));

    // Again, into stores that now hold the whole school (the scan of the store for
    // tombstones takes several steps), each with an event recorded after an erasure.
    std::string error;
    for (auto* s : {reference.get(), sliced.get()}) {
      REQUIRE(s->erasePupil(school.pupils[9], sq::test::testTeacher(), error));
    }
    for (auto* s : {reference.get(), sliced.get()}) {
      record(*s, school.pupils[9]);
    }
    const MergeResult expectedAgain = referenceMerge(*reference, school.share);
    int stepsAgain = 0;
    CHECK(describe(runJob(*sliced, school.share, budget, &stepsAgain)) == describe(expectedAgain));
    CHECK(stepsAgain > 12);
    // The two stores differ only by the uuids of what each recorded itself.
    const auto mine = sliced->events(EventFilter{school.pupils[9], std::nullopt, "", ""});
    const auto theirs = reference->events(EventFilter{school.pupils[9], std::nullopt, "", ""});
    CHECK(mine.size() == theirs.size());
    for (const auto& e : mine) {
      CHECK(e.kind == EventKind::PupilErased);
    }
    CHECK(sliced->events().size() == reference->events().size());
  }
}

TEST_CASE("rows a tombstone removed mid-file keep their keys until the file is done") {
  // A hostile snapshot: an event and a different event with the same device and
  // sequence number, with the first one's pupil erased in between. Rows about a
  // pupil the file erases are never added (as ResultsStore::insertForeign does), so
  // the later rows are not duplicates of anything kept; adding a row per step must
  // end exactly as the one-shot merge, whatever the order of rows in the file.
  TempDir dir;
  const std::string device = newUuid();
  const std::string erased = newUuid();
  const std::string other = newUuid();
  const std::string first = newUuid();
  const std::string later = newUuid();
  writeSnapshot(dir.path() / "share" / "results" / (device + ".sqlite"),
                std::string(kEventsTable) + eventRow(first, device, 5, erased, "lesson.completed") +
                    tombstoneRow(device, 6, erased) +
                    eventRow(later, device, 5, other, "lesson.completed") +
                    eventRow(first, device, 7, other, "lesson.completed") +
                    eventRow(newUuid(), device, 8, other, "lesson.completed"));
  { openStore(dir.path() / "teacher"); }
  fs::copy(dir.path() / "teacher", dir.path() / "reference", fs::copy_options::recursive);
  auto reference = openStore(dir.path() / "reference");
  auto sliced = openStore(dir.path() / "teacher");
  const MergeResult expected = referenceMerge(*reference, dir.path() / "share");
  MergeBudget oneRow;
  oneRow.rows = 1;
  oneRow.time = std::chrono::hours(1);
  const MergeResult got = runJob(*sliced, dir.path() / "share", oneRow);
  CHECK(describe(got) == describe(expected));
  CHECK(state(*sliced) == state(*reference));
  CHECK(expected.added == 4); // the tombstone and the other pupil's three events
  CHECK(sliced->events().size() == 4);
}

TEST_CASE("a merge stopped half-way keeps what it added; merging again ends the same") {
  School school(10, 7);
  auto reference = school.teacherCopy("reference");
  REQUIRE(referenceMerge(*reference, school.share).ok);

  for (int stopAfter : {1, 5, 15}) {
    auto store = school.teacherCopy("stopped" + std::to_string(stopAfter));
    const std::size_t before = store->events().size();
    MergeProgress p;
    {
      MergeJob job(*store, school.share.string());
      MergeBudget budget;
      budget.rows = 50;
      budget.time = std::chrono::hours(1);
      for (int i = 0; i < stopAfter && !job.finished(); ++i) {
        p = job.step(budget);
      }
      REQUIRE_FALSE(job.finished());
    } // destroyed half-way, as when the game closes
    // What the job reported as new is in the store, less what tombstones removed.
    CHECK(store->events().size() <= before + static_cast<std::size_t>(p.eventsNew));
    REQUIRE(merge(*store, school.share.string()).ok);
    CHECK(state(*store) == state(*reference));
  }
}

TEST_CASE("a merge stopped half-way without erasures loses nothing it added") {
  School school(6, 11, false);
  auto store = school.teacherCopy("store");
  const std::size_t before = store->events().size();
  MergeJob job(*store, school.share.string());
  MergeBudget budget;
  budget.rows = 60;
  budget.time = std::chrono::hours(1);
  MergeProgress p;
  for (int i = 0; i < 6; ++i) {
    p = job.step(budget);
  }
  REQUIRE_FALSE(job.finished());
  CHECK(p.eventsNew > 0);
  CHECK(store->events().size() == before + static_cast<std::size_t>(p.eventsNew));
}

// ---- hostile files --------------------------------------------------------------

TEST_CASE("a snapshot whose events are an endless view is refused within the budget") {
  School school(3, 5);
  // Rows without end, in an order only a full sort could give: reading even one
  // page would never finish without the deadline.
  writeSnapshot(school.share / "results" / "0-endless.sqlite",
                "CREATE VIEW events AS WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 "
                "FROM n) SELECT i AS rowid, lower(hex(randomblob(16))) AS uuid, '' AS device_id, "
                "i AS seq, '' AS pupil_id, 'lesson.completed' AS kind, '' AS pack_id, '' AS "
                "pack_version, '' AS content_hash, '' AS activity_id, 1 AS score, 1 AS max_score, "
                "'' AS choices, '2026-10-01T10:00:00Z' AS time_utc, '' AS data FROM n;");
  // A view with no rowid at all is refused as soon as it is opened.
  writeSnapshot(school.share / "results" / "1-view.sqlite",
                "CREATE VIEW events AS WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 "
                "FROM n) SELECT i AS uuid FROM n;");

  auto reference = school.teacherCopy("reference");
  const MergeResult expected = referenceMerge(*reference, school.share);
  auto store = school.teacherCopy("store");
  MergeJob job(*store, school.share.string());
  MergeBudget budget;
  budget.time = std::chrono::milliseconds(20);
  budget.rows = 100000;
  int steps = 0;
  auto longest = Clock::duration::zero();
  while (!job.finished() && steps < 200) {
    const auto t0 = Clock::now();
    job.step(budget);
    longest = std::max(longest, Clock::now() - t0);
    ++steps;
  }
  REQUIRE(job.finished());
  INFO("longest step " << std::chrono::duration<double, std::milli>(longest).count() << " ms");
  // The budget, plus what a heavily loaded test machine may add to any 20 ms: without
  // the deadline a step would never end, so a generous margin still proves it.
  CHECK(longest < budget.time + std::chrono::milliseconds(500));
  const MergeResult& m = job.result();
  REQUIRE(m.ok);
  REQUIRE(m.files.size() == 5);
  int refused = 0;
  for (const auto& f : m.files) {
    const bool bad = f.file == "0-endless.sqlite" || f.file == "1-view.sqlite";
    INFO(f.file << ": " << f.error);
    CHECK(f.error.empty() != bad);
    refused += bad ? 1 : 0;
    if (bad) {
      CHECK(f.added == 0);
      // Refused by its shape, before a row is read.
      CHECK(f.error.find("view named events") != std::string::npos);
    }
  }
  CHECK(refused == 2);
  // The good snapshots are merged as if the bad ones were not there.
  CHECK(state(*store) == state(*reference));
  CHECK(m.added == expected.added);
}

TEST_CASE("a value too big to be a snapshot's is refused before it is read") {
  TempDir dir;
  const std::string device = newUuid();
  const std::string pupil = newUuid();
  // 1.5 MB of data: read, and left out as malformed (over 1 MiB), as ever.
  writeSnapshot(dir.path() / "a" / "results" / (device + ".sqlite"),
                std::string(kEventsTable) +
                    eventRow(newUuid(), device, 1, pupil, "lesson.completed") +
                    "INSERT INTO events SELECT '" + newUuid() +
                    "', device_id, 2, pupil_id, kind, "
                    "pack_id, pack_version, content_hash, activity_id, score, max_score, choices, "
                    "time_utc, hex(zeroblob(750000)) FROM events;");
  // 8 MB in one value: refused whole, without reading it.
  writeSnapshot(dir.path() / "b" / "results" / (device + ".sqlite"),
                std::string(kEventsTable) +
                    eventRow(newUuid(), device, 1, pupil, "lesson.completed") +
                    "INSERT INTO events SELECT '" + newUuid() +
                    "', device_id, 2, pupil_id, kind, "
                    "pack_id, pack_version, content_hash, activity_id, score, max_score, choices, "
                    "time_utc, zeroblob(8000000) FROM events;");
  auto store = openStore(dir.path() / "teacher");
  const MergeResult a = merge(*store, (dir.path() / "a").string());
  REQUIRE(a.files.size() == 1);
  CHECK(a.files[0].error.empty());
  CHECK(a.files[0].skippedRows == 1);
  CHECK(a.added == 1);
  const auto t0 = Clock::now();
  const MergeResult b = merge(*store, (dir.path() / "b").string());
  REQUIRE(b.files.size() == 1);
  CHECK_FALSE(b.files[0].error.empty());
  CHECK(b.added == 0);
  CHECK(Clock::now() - t0 < std::chrono::seconds(2));
}

TEST_CASE("rows claiming this PC's own device id are never merged, and its records carry on") {
  // Anyone can read a PC's device id from its snapshot's file name. A hostile
  // snapshot claims it, once with the largest sequence number there is and once
  // with the PC's next one; an honest row from another PC travels with them.
  for (const bool sliced : {false, true}) {
    CAPTURE(sliced);
    TempDir dir;
    auto store = openStore(dir.path() / "pc");
    EventDraft d;
    d.kind = EventKind::LessonCompleted;
    d.pupilId = newUuid();
    d.packId = "core";
    d.activityId = "a";
    std::string error;
    REQUIRE(store->record(d, error));
    const std::string own = store->deviceId();
    const fs::path share = dir.path() / "share";
    writeSnapshot(
        share / "results" / (newUuid() + ".sqlite"),
        std::string(kEventsTable) + "INSERT INTO events VALUES('" + newUuid() + "','" + own +
            "',9223372036854775807,'" + d.pupilId +
            "','lesson.completed','core','1','','a',NULL,NULL,'','2026-10-01T10:00:00Z','');" +
            eventRow(newUuid(), own, 2, d.pupilId, "lesson.completed") +
            eventRow(newUuid(), newUuid(), 1, d.pupilId, "lesson.completed"));
    const MergeResult m =
        sliced ? runJob(*store, share, MergeBudget{}) : merge(*store, share.string());
    CHECK(m.ok);
    CHECK(m.added == 1); // only the other PC's row
    // Every later record is kept, numbered on from this PC's own last one.
    for (std::int64_t seq = 2; seq <= 4; ++seq) {
      const auto e = store->record(d, error);
      INFO(error);
      REQUIRE(e.has_value());
      CHECK(e->seq == seq);
    }
    std::size_t mine = 0;
    for (const Event& e : store->events()) {
      mine += e.deviceId == own ? 1 : 0;
    }
    CHECK(mine == 4);
  }
}

// ---- the store changing underneath ---------------------------------------------

TEST_CASE("a pupil erased while a merge job runs stays erased") {
  School school(8, 3, false);
  auto store = school.teacherCopy("store");
  MergeJob job(*store, school.share.string());
  MergeBudget budget;
  budget.rows = 40;
  budget.time = std::chrono::hours(1);
  for (int i = 0; i < 8; ++i) {
    job.step(budget);
  }
  REQUIRE_FALSE(job.finished());
  // The teacher erases a pupil between two frames of the merge.
  std::string error;
  REQUIRE(store->erasePupil(school.pupils[5], sq::test::testTeacher(), error));
  while (!job.finished()) {
    job.step(budget);
  }
  REQUIRE(job.result().ok);
  const auto left = store->events(EventFilter{school.pupils[5], std::nullopt, "", ""});
  REQUIRE(left.size() == 1);
  CHECK(left[0].kind == EventKind::PupilErased);
}

TEST_CASE("a merge job with nothing to do finishes at once") {
  TempDir dir;
  auto store = openStore(dir.path() / "teacher");
  MergeJob missing(*store, (dir.path() / "nowhere").string());
  const MergeProgress p = missing.step();
  CHECK(p.finished);
  CHECK_FALSE(missing.result().ok);
  CHECK_FALSE(missing.result().error.empty());
  fs::create_directories(dir.path() / "empty" / "results");
  MergeJob empty(*store, (dir.path() / "empty").string());
  const MergeProgress q = empty.step();
  CHECK(q.finished);
  CHECK(q.listed);
  CHECK(q.snapshotsTotal == 0);
  CHECK(empty.result().ok);
  // Steps after the end change nothing.
  CHECK(empty.step().finished);
  CHECK(empty.result().files.empty());
}
