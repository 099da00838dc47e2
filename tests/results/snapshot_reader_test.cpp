// SnapshotReader and the snapshot rules: what a genuine snapshot (published by a
// real store) looks like passes whole; the limits decide before the work; every
// refused row is counted with its reason. The corpus of hostile files is run by
// hostile_snapshot_test.cpp.
#include "results/snapshot_reader.hpp"

#include "results/civil_time.hpp"
#include "results/event_payload.hpp"
#include "results/merge_job.hpp"
#include "results/school_folder.hpp"
#include "results/snapshot_rules.hpp"
#include "results/uuid.hpp"
#include "support/sql_database.hpp"
#include "support/temp_dir.hpp"
#include "support/test_teacher.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <chrono>
#include <filesystem>

namespace fs = std::filesystem;
using namespace sq;
using sq::test::TempDir;

namespace {

using Clock = std::chrono::steady_clock;

// 2026-11-01T12:00:00Z.
constexpr std::int64_t kNow = 1793534400;

std::unique_ptr<ResultsStore> openStore(const fs::path& dir) {
  std::string error;
  auto s = ResultsStore::open(dir.string(), error);
  INFO(error);
  REQUIRE(s);
  return s;
}

SnapshotLimits pinned(std::int64_t now = kNow) {
  SnapshotLimits limits;
  limits.now = [now] { return now; };
  return limits;
}

// The tables a genuine snapshot has, as ResultsStore::writeEventSnapshot creates them.
const char* const kShape =
    "PRAGMA application_id=1397835091;"
    "CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);"
    "CREATE TABLE events(uuid TEXT, device_id TEXT, seq INT, pupil_id TEXT, kind TEXT, "
    "pack_id TEXT, pack_version TEXT, content_hash TEXT, activity_id TEXT, score INT, "
    "max_score INT, choices TEXT, time_utc TEXT, data TEXT);";

// `rows` lesson.completed rows numbered 1..rows, made by SQLite in one statement.
std::string manyRows(int rows) {
  return "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < " +
         std::to_string(rows) +
         ") INSERT INTO events SELECT printf('e1000000-0000-4000-8000-%012d', i), "
         "'d1000000-0000-4000-8000-000000000001', i, 'a1000000-0000-4000-8000-000000000001', "
         "'lesson.completed', 'core', '1.0.0', '', 'y3-smart-explorers', NULL, NULL, '', "
         "'2026-10-01T09:00:00Z', '' FROM n;";
}

std::string row(int n, const std::string& kind, const std::string& score,
                const std::string& maxScore, const std::string& time) {
  return "INSERT INTO events VALUES(printf('e1000000-0000-4000-8000-%012d', " + std::to_string(n) +
         "), 'd1000000-0000-4000-8000-000000000001', " + std::to_string(n) +
         ", 'a1000000-0000-4000-8000-000000000001', '" + kind + "', 'core', '1.0.0', '', 'quiz', " +
         score + ", " + maxScore + ", '', '" + time + "', '');";
}

fs::path build(const fs::path& file, const std::string& sql) {
  std::string error;
  fs::create_directories(file.parent_path());
  INFO(error);
  REQUIRE(test::buildDatabase(file, std::string(kShape) + sql, error));
  return file;
}

// Reads a whole file with no deadline.
struct Whole {
  bool opened = false;
  std::string error;
  std::vector<Event> events;
  std::int64_t rowsRead = 0;
  std::map<std::string, int> skipped;
};

Whole readWhole(const fs::path& file, const SnapshotLimits& limits, int pageRows = 64) {
  Whole w;
  SnapshotReader r;
  w.opened = r.open(file.string(), limits, std::nullopt);
  if (w.opened) {
    while (r.readPage(pageRows, std::nullopt, w.events) == SnapshotReader::Page::More) {
    }
  }
  w.error = r.error();
  w.rowsRead = r.rowsRead();
  w.skipped = r.skippedReasons();
  return w;
}

} // namespace

// ---- genuine snapshots ----------------------------------------------------------

TEST_CASE("a snapshot published by a real store passes the schema check and every row") {
  TempDir dir;
  auto store = openStore(dir.path() / "pc");
  const std::string pupil = newUuid();
  const PackRef pack{"core", "1.0.0", "6c2ce9b779f10516"};
  AupRef aup{pack, "ks2-aup", "1", AupPhase::Ks2};
  std::vector<EventDraft> drafts = {
      makeActivityCompleted(pupil, pack, "y3-smart-explorers", "smart-quiz", "quiz", 4, 5,
                            {"a", "b"}),
      makeActivityCompleted(pupil, pack, "y3-smart-explorers", "rules", "slides", std::nullopt,
                            std::nullopt, {}),
      makeLessonProgress(pupil, pack, "y3-smart-explorers", "building-game", "{\"v\":1}"),
      makeLessonCompleted(pupil, pack, "y3-smart-explorers"),
      makeClassLessonCompleted(pupil, pack, "y3-smart-explorers", "class-3b"),
      makeAupSigned(pupil, aup, SignedBy::Pupil, "class-3b"),
      makeAupClassConfirmed(aup, "class-3b", "staff-1"),
      makeAupParentAgreed(pupil, "class-3b", &aup),
      makeHelpAsked("class-3b"),
      makeAssemblyGiven(pack, "smart-assembly", "2026-10-14", {YearGroup::Y3}, "Mrs Jones"),
  };
  std::string error;
  for (const auto& d : drafts) {
    REQUIRE(store->record(d, error));
  }
  REQUIRE(store->erasePupil(newUuid(), sq::test::testTeacher(), error));
  const PublishResult p = publish(*store, (dir.path() / "share").string(), nullptr);
  REQUIRE(p.ok);
  // The store's clock is the system's: judge the rows by it too.
  const SnapshotRead read = readSnapshot(p.snapshotPath);
  INFO(read.error);
  CHECK(read.error.empty());
  CHECK(read.skippedRows == 0);
  CHECK(read.skippedReasons.empty());
  CHECK(read.events.size() == drafts.size() + 1);
  CHECK(read.events.size() == store->events().size());
}

TEST_CASE("the events as the code wrote them before typed events pass every row rule") {
  const auto text = test::readTextFile(fs::path(SQ_SOURCE_DIR) / "tests" / "fixtures" /
                                       "events-v1" / "events.json");
  const auto doc = nlohmann::json::parse(text, nullptr, false);
  REQUIRE(doc.is_object());
  int n = 0;
  for (const auto& f : doc["events"]) {
    const auto& j = f["event"];
    SnapshotRow r;
    r.types.fill(ValueType::Text);
    r.types[2] = ValueType::Integer;
    r.types[9] = j.contains("score") ? ValueType::Integer : ValueType::Null;
    r.types[10] = j.contains("maxScore") ? ValueType::Integer : ValueType::Null;
    r.event.uuid = j["uuid"];
    r.event.deviceId = j["deviceId"];
    r.event.seq = j["seq"];
    r.event.pupilId = j["pupilId"];
    r.kind = j["kind"];
    r.event.packId = j["packId"];
    r.event.packVersion = j["packVersion"];
    r.event.contentHash = j["contentHash"];
    r.event.activityId = j["activityId"];
    if (j.contains("score")) {
      r.event.score = j["score"].get<std::int64_t>();
      r.event.maxScore = j["maxScore"].get<std::int64_t>();
    }
    r.event.choices = j["choices"];
    r.event.timeUtc = j["timeUtc"];
    r.event.data = j["data"];
    CAPTURE(f["writer"].get<std::string>());
    CHECK(rowProblem(r, kNow) == "");
    CHECK(r.event.kind == *parseEventKind(r.kind));
    ++n;
  }
  CHECK(n == 27);
}

// ---- the schema -----------------------------------------------------------------

TEST_CASE("the schema rules name what they found") {
  CHECK(schemaObjectProblem({"table", "events", "events", "CREATE TABLE events(a)"}) == "");
  CHECK(schemaObjectProblem({"index", "sqlite_autoindex_meta_1", "meta", ""}) == "");
  CHECK(schemaObjectProblem({"view", "events", "events", "CREATE VIEW events AS SELECT 1"}) ==
        "the snapshot has a view named events");
  CHECK(schemaObjectProblem({"table", "events", "events",
                             "create /* hidden */\n virtual table events using fts4(a)"}) ==
        "the snapshot has a virtual table named events");
  CHECK(schemaObjectProblem({"trigger", "t", "events", "CREATE TRIGGER t ..."}) ==
        "the snapshot has a trigger named t");
  // SQLite's own index on a table no snapshot has, or for a UNIQUE column of events
  // (which CREATE TABLE AS never makes), and a made-up one.
  CHECK(schemaObjectProblem({"index", "sqlite_autoindex_x_1", "x", ""}) != "");
  CHECK(schemaObjectProblem({"index", "sqlite_autoindex_events_1", "events", ""}) ==
        "the snapshot has an index named sqlite_autoindex_events_1");
  CHECK(schemaObjectProblem({"index", "by_time", "events", "CREATE INDEX by_time ON events(a)"}) ==
        "the snapshot has an index named by_time");
  CHECK(schemaObjectProblem({"table", std::string("no\ntes"), "x", "CREATE TABLE x(a)"}) ==
        "the snapshot has an extra table named no?tes");

  const std::vector<DeclaredColumn> meta = {{"key", "TEXT", 0}, {"value", "text", 0}};
  CHECK(columnsProblem("meta", meta) == "");
  CHECK(columnsProblem("meta", {{"key", "TEXT", 0}}) == "the table meta has no column value");
  CHECK(columnsProblem("meta", {{"key", "TEXT", 0}, {"value", "TEXT", 2}}) != "");
  CHECK(columnsProblem("meta", {{"key", "BLOB", 0}, {"value", "TEXT", 0}}) ==
        "column key has type BLOB, where a snapshot's meta table has TEXT");
}

TEST_CASE("checks a deadline cuts short are finished before any row is read") {
  TempDir dir;
  const fs::path good = build(dir.path() / "good.sqlite", manyRows(300));
  const fs::path view = dir.path() / "view.sqlite";
  std::string error;
  REQUIRE(test::buildDatabase(view,
                              test::readTextFile(fs::path(SQ_SOURCE_DIR) / "tests" / "fixtures" /
                                                 "hostile-snapshots" / "endless-view.sql"),
                              error));
  const auto past = [] { return Clock::now() - std::chrono::seconds(1); };
  for (int attempt = 0; attempt < 3; ++attempt) {
    // A genuine file is never refused for want of time.
    SnapshotReader r;
    CHECK(r.open(good.string(), pinned(), past()));
    CHECK_FALSE(r.refused());
    std::vector<Event> out;
    const auto page = r.readPage(300, past(), out);
    CHECK((page == SnapshotReader::Page::Interrupted || page == SnapshotReader::Page::More));
    if (page == SnapshotReader::Page::Interrupted) {
      CHECK(out.empty());
    }
    while (r.readPage(300, std::nullopt, out) == SnapshotReader::Page::More) {
    }
    CHECK(out.size() == 300);
    // A hostile one hands on no row, however its checks fall.
    SnapshotReader h;
    std::vector<Event> none;
    if (h.open(view.string(), pinned(), past())) {
      while (h.readPage(300, std::nullopt, none) == SnapshotReader::Page::More) {
      }
    }
    CHECK(h.refused());
    CHECK(h.error() == "the snapshot has a view named events");
    CHECK(none.empty());
  }
}

// ---- rows -----------------------------------------------------------------------

TEST_CASE("a row's score, time and pupil are judged as strictly as the store's own") {
  const auto make = [](EventKind kind) {
    SnapshotRow r;
    r.types.fill(ValueType::Text);
    r.types[2] = ValueType::Integer;
    r.types[9] = ValueType::Null;
    r.types[10] = ValueType::Null;
    r.event.uuid = "e1000000-0000-4000-8000-000000000001";
    r.event.deviceId = "d1000000-0000-4000-8000-000000000001";
    r.event.seq = 1;
    r.event.pupilId = "a1000000-0000-4000-8000-000000000001";
    r.kind = std::string(eventKindId(kind));
    r.event.timeUtc = "2026-10-01T09:00:00Z";
    return r;
  };
  const auto scored = [&](std::int64_t score, std::int64_t max) {
    SnapshotRow r = make(EventKind::ActivityCompleted);
    r.types[9] = r.types[10] = ValueType::Integer;
    r.event.score = score;
    r.event.maxScore = max;
    return rowProblem(r, kNow);
  };
  CHECK(scored(5, 5) == "");
  CHECK(scored(0, 0) == "");
  CHECK(scored(kMaxScore, kMaxScore) == "");
  CHECK(scored(0, kMaxScore + 1) == "maximum above 1000");
  CHECK(scored(6, 5) == "score above its maximum");
  CHECK(scored(-1, 5) == "negative score");
  {
    SnapshotRow r = make(EventKind::ActivityCompleted);
    r.types[10] = ValueType::Integer;
    r.event.maxScore = 3;
    CHECK(rowProblem(r, kNow) == "maximum without a score");
  }
  {
    // Up to a day ahead of the clock is another PC's clock running fast; more is not.
    SnapshotRow r = make(EventKind::AupSigned);
    r.event.timeUtc = formatUtc(kNow + 24 * 60 * 60);
    CHECK(rowProblem(r, kNow) == "");
    r.event.timeUtc = formatUtc(kNow + 24 * 60 * 60 + 1);
    CHECK(rowProblem(r, kNow) == "time_utc is more than a day ahead");
    r.event.timeUtc = "2026-02-29T10:00:00Z";
    CHECK(rowProblem(r, kNow) == "time_utc is not a real time");
    r.event.timeUtc = "2026-10-01 09:00:00";
    CHECK(rowProblem(r, kNow) == "time_utc is not a real time");
  }
  {
    SnapshotRow r = make(EventKind::AssemblyGiven);
    CHECK(rowProblem(r, kNow) == "pupil_id on an event about no pupil");
    r.event.pupilId.clear();
    CHECK(rowProblem(r, kNow) == "");
  }
  {
    SnapshotRow r = make(EventKind::ActivityCompleted);
    r.event.choices = "[\"keep\",\"tell\"]";
    CHECK(rowProblem(r, kNow) == "");
    r.event.choices = "[[\"keep\"]]";
    CHECK(rowProblem(r, kNow) == "choices are not a list of choice ids");
    r.event.choices = "[\"keep\"";
    CHECK(rowProblem(r, kNow) == "choices are not a list of choice ids");
  }
  {
    SnapshotRow r = make(EventKind::LessonProgress);
    r.event.data = "{\"snapshot\": 12";
    CHECK(rowProblem(r, kNow) == "data does not decode");
    r.event.data = "{\"snapshot\":{\"v\":1},\"step\":\"s\"}";
    CHECK(rowProblem(r, kNow) == "");
  }
  {
    // The butterfly button: a press (old rows have only the class), and the mark that
    // it was left quickly, which names an earlier press.
    SnapshotRow r = make(EventKind::HelpAsked);
    r.event.pupilId.clear();
    r.event.data = "{\"classId\":\"3b\"}";
    CHECK(rowProblem(r, kNow) == "");
    r.event.data =
        "{\"askedAt\":\"2026-10-01T08:59:58Z\",\"classId\":\"3b\",\"closedQuickly\":true}";
    CHECK(rowProblem(r, kNow) == "");
    r.event.data = "{\"classId\":\"3b\",\"closedQuickly\":true}";
    CHECK(rowProblem(r, kNow) == "a quick close that names no earlier press");
    r.event.data =
        "{\"askedAt\":\"2026-10-01T09:00:01Z\",\"classId\":\"3b\",\"closedQuickly\":true}";
    CHECK(rowProblem(r, kNow) == "a quick close that names no earlier press");
    r.event.data = "{\"askedAt\":\"2026-10-01T08:59:58Z\",\"classId\":\"3b\"}";
    CHECK(rowProblem(r, kNow) == "askedAt on a help.asked that is not a quick close");
  }
}

TEST_CASE("rows are judged by the clock in the limits") {
  TempDir dir;
  const fs::path file = build(dir.path() / "a.sqlite",
                              row(1, "lesson.completed", "NULL", "NULL", "2026-11-10T09:00:00Z"));
  // On 1 November the row is nine days ahead; on 9 November, less than a day.
  const Whole early = readWhole(file, pinned());
  CHECK(early.error.empty());
  CHECK(early.events.empty());
  CHECK(early.skipped == std::map<std::string, int>{{"time_utc is more than a day ahead", 1}});
  const Whole later = readWhole(file, pinned(kNow + 8 * 24 * 60 * 60));
  CHECK(later.events.size() == 1);
  CHECK(later.skipped.empty());
}

// ---- limits ---------------------------------------------------------------------

TEST_CASE("more rows than the limit are refused when the file is opened, before any is read") {
  TempDir dir;
  const fs::path file = build(dir.path() / "a.sqlite", manyRows(51));
  SnapshotLimits limits = pinned();
  limits.maxEvents = 51;
  const Whole fits = readWhole(file, limits);
  CHECK(fits.error.empty());
  CHECK(fits.events.size() == 51);
  limits.maxEvents = 50;
  const Whole over = readWhole(file, limits);
  CHECK_FALSE(over.opened);
  CHECK(over.error.find("more events than the limit of 50") != std::string::npos);
  CHECK(over.rowsRead == 0);
}

TEST_CASE("a snapshot of hundreds of thousands of rows over the limit is refused in milliseconds") {
  TempDir dir;
  // 300,000 real rows: reading them would take seconds. Counting them is never done:
  // the last rowid is at the end of the table's b-tree.
  const fs::path file = build(dir.path() / "big.sqlite", manyRows(300000));
  SnapshotLimits limits = pinned();
  limits.maxEvents = 100000;
  SnapshotReader r;
  const auto t0 = Clock::now();
  CHECK_FALSE(r.open(file.string(), limits, Clock::now() + std::chrono::seconds(5)));
  const auto took = Clock::now() - t0;
  CHECK(r.refused());
  CHECK(r.error().find("last row is number 300000") != std::string::npos);
  INFO(std::chrono::duration<double, std::milli>(took).count() << " ms");
  CHECK(r.rowsRead() == 0);
  // A few page reads; reading the rows would take seconds. The bound allows for a
  // busy test machine.
  CHECK(took < std::chrono::seconds(1));
  // The same with the default limits, for a file claiming five million rows.
  const fs::path claim = build(
      dir.path() / "claim.sqlite",
      manyRows(2) + "INSERT INTO events(rowid, uuid) SELECT 5000000, uuid FROM events LIMIT 1;");
  SnapshotReader d;
  CHECK_FALSE(d.open(claim.string(), SnapshotLimits{}, std::nullopt));
  CHECK(d.error().find("more events than the limit of 1000000") != std::string::npos);
}

TEST_CASE("the bytes read from one snapshot are limited, over all its pages") {
  TempDir dir;
  const fs::path file = build(dir.path() / "a.sqlite", manyRows(40));
  SnapshotLimits limits = pinned();
  const Whole all = readWhole(file, limits, 5);
  REQUIRE(all.events.size() == 40);
  SnapshotReader r;
  REQUIRE(r.open(file.string(), limits, std::nullopt));
  std::vector<Event> out;
  while (r.readPage(5, std::nullopt, out) == SnapshotReader::Page::More) {
  }
  const std::uint64_t bytes = r.bytesRead();
  CHECK(bytes > 40 * 100);
  limits.maxBytesRead = bytes / 2;
  const Whole half = readWhole(file, limits, 5);
  CHECK(half.opened);
  CHECK(half.error.find("bytes of records") != std::string::npos);
}

TEST_CASE("a snapshot over its time budget is refused as too slow; a step's deadline is not") {
  TempDir dir;
  const fs::path file = build(dir.path() / "a.sqlite", manyRows(20000));
  {
    // A deadline already past interrupts the page and consumes nothing.
    SnapshotReader r;
    REQUIRE(r.open(file.string(), pinned(), std::nullopt));
    std::vector<Event> out;
    CHECK(r.readPage(20000, Clock::now() - std::chrono::seconds(1), out) ==
          SnapshotReader::Page::Interrupted);
    CHECK(out.empty());
    CHECK_FALSE(r.refused());
    CHECK(r.readPage(20000, std::nullopt, out) == SnapshotReader::Page::More);
    CHECK(out.size() == 20000);
  }
  {
    // 20,000 rows cannot be read in 2 ms of SQLite's time, however the pages fall.
    SnapshotLimits limits = pinned();
    limits.maxReadTime = std::chrono::milliseconds(2);
    SnapshotReader r;
    std::vector<Event> out;
    SnapshotReader::Page page = SnapshotReader::Page::More;
    if (r.open(file.string(), limits, std::nullopt)) {
      while ((page = r.readPage(50, std::nullopt, out)) == SnapshotReader::Page::More) {
      }
    }
    CHECK(r.refused());
    CHECK(r.error().find("too slow") != std::string::npos);
    CHECK(out.empty());
  }
}

TEST_CASE("rows left out are counted by reason, and the merge reports the reasons") {
  TempDir dir;
  build(dir.path() / "share" / "results" / "d1000000-0000-4000-8000-000000000001.sqlite",
        row(1, "activity.completed", "9", "5", "2026-10-01T09:00:00Z") +
            row(2, "activity.completed", "7", "3", "2026-10-01T09:00:00Z") +
            row(3, "activity.completed", "'lots'", "5", "2026-10-01T09:00:00Z") +
            row(4, "activity.completed", "3", "5", "2026-10-01T09:00:00Z") +
            row(5, "lesson.completed", "NULL", "NULL", "9999-99-99T99:99:99Z"));
  auto store = openStore(dir.path() / "teacher");
  const MergeResult m = merge(*store, (dir.path() / "share").string(), pinned());
  REQUIRE(m.ok);
  REQUIRE(m.files.size() == 1);
  CHECK(m.files[0].error.empty());
  CHECK(m.added == 1);
  CHECK(m.files[0].skippedRows == 4);
  CHECK(m.files[0].skippedReasons ==
        std::map<std::string, int>{{"score above its maximum", 2},
                                   {"score is not a whole number", 1},
                                   {"time_utc is not a real time", 1}});
}
