// The files between the teachers' app and the web game: the class list for
// browsers is the signed class list a game PC accepts (and holds no results); a
// browser's results file merges by uuid (a second import adds nothing); every file
// that is not a SafeQuest snapshot, including the whole hostile-snapshot corpus,
// is refused in words through the same reader as the school folder's merge.
#include "records_admin/browser_files.hpp"

#include "results/teacher_trust.hpp"
#include "results/uuid.hpp"
#include "support/sql_database.hpp"
#include "support/temp_dir.hpp"
#include "support/test_teacher.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

using namespace sq;
using sq::test::TempDir;
namespace fs = std::filesystem;

namespace {

// 2026-11-01T12:00:00Z, as the hostile-snapshot corpus is judged.
constexpr std::int64_t kPinnedNow = 1793534400;

SnapshotLimits pinned() {
  SnapshotLimits limits;
  limits.now = [] { return kPinnedNow; };
  return limits;
}

Roster aClass() {
  Roster r;
  r.classes = {{newUuid(), "3B"}};
  r.pupils = {{newUuid(), "Amy", "K", r.classes[0].id, YearGroup::Y3, "", ""},
              {newUuid(), "Ben", "L", r.classes[0].id, YearGroup::Y3, "", ""}};
  return r;
}

std::unique_ptr<ResultsStore> openStore(const fs::path& dir, StoreOptions options = {}) {
  std::string error;
  auto store = ResultsStore::open(dir.string(), error, options);
  REQUIRE_MESSAGE(store != nullptr, error);
  return store;
}

void recordCompletions(ResultsStore& store, const Roster& roster, int n) {
  std::string error;
  for (int i = 0; i < n; ++i) {
    EventDraft d;
    d.kind = EventKind::ActivityCompleted;
    d.pupilId = roster.pupils[static_cast<std::size_t>(i) % roster.pupils.size()].id;
    d.packId = "core";
    d.activityId = "y3-smart-explorers";
    d.timeUtc = "2026-10-05T10:00:00Z";
    REQUIRE_MESSAGE(store.record(d, error), error);
  }
}

std::string readAll(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

void writeAll(const fs::path& p, const std::string& bytes) {
  std::ofstream out(p, std::ios::binary);
  out << bytes;
}

} // namespace

TEST_CASE("browser class list: the signed list a game PC accepts, names without results") {
  TempDir work;
  const Roster roster = aClass();
  auto teacher = openStore(work.path() / "teacher", test::trustingTestTeacher());
  std::string error;
  REQUIRE(teacher->saveRoster(roster, error));
  recordCompletions(*teacher, roster, 3);

  const fs::path file = work.path() / admin::kBrowserClassListName;
  const admin::BrowserClassListSave saved =
      admin::saveClassListForBrowsers(*teacher, test::testTeacher(), file.string());
  INFO(saved.line);
  REQUIRE(saved.ok);
  CHECK(saved.classes == 1);
  CHECK(saved.pupils == 2);
  CHECK(saved.line.find("1 class, 2 pupils") != std::string::npos);
  const std::string bytes = readAll(file);
  // A class list, never a result: no activity, event or score in it.
  CHECK(bytes.find("y3-smart-explorers") == std::string::npos);
  CHECK(bytes.find("score") == std::string::npos);
  CHECK(bytes.find("safequest-signed-classlist/1") != std::string::npos);

  // A browser's store (no school folder, no key yet) accepts it, pinning the key.
  auto browser = openStore(work.path() / "browser");
  const ClassListRead read = acceptClassListBytes(*browser, bytes);
  INFO(read.refused);
  REQUIRE(read.roster.has_value());
  CHECK(read.refused.empty());
  CHECK(read.roster->pupils.size() == 2);
  CHECK(read.roster->findPupil(roster.pupils[1].id) != nullptr);
  CHECK(trustedTeacherKey(*browser).key == test::testTeacher().publicKey());

  // One byte changed and the signature no longer holds.
  std::string forged = bytes;
  forged[forged.find("Amy")] = 'E';
  auto other = openStore(work.path() / "other", test::trustingTestTeacher());
  CHECK_FALSE(acceptClassListBytes(*other, forged).refused.empty());
}

TEST_CASE("browser class list: refused in words when it cannot be saved") {
  TempDir work;
  auto teacher = openStore(work.path() / "teacher", test::trustingTestTeacher());
  const auto& signer = test::testTeacher();

  const auto empty =
      admin::saveClassListForBrowsers(*teacher, signer, (work.path() / "list.json").string());
  CHECK_FALSE(empty.ok);
  CHECK(empty.line.find("no pupils") != std::string::npos);
  CHECK_FALSE(fs::exists(work.path() / "list.json"));

  std::string error;
  REQUIRE(teacher->saveRoster(aClass(), error));
  const auto folder = admin::saveClassListForBrowsers(*teacher, signer, work.path().string());
  CHECK_FALSE(folder.ok);
  CHECK(folder.line.find("is a folder") != std::string::npos);

  const auto noFolder = admin::saveClassListForBrowsers(
      *teacher, signer, (work.path() / "missing" / "list.json").string());
  CHECK_FALSE(noFolder.ok);
  CHECK(noFolder.line.find("there is no folder") != std::string::npos);

  CHECK_FALSE(admin::saveClassListForBrowsers(*teacher, signer, "").ok);

  // An existing file is replaced whole.
  const fs::path file = work.path() / "list.json";
  writeAll(file, "old");
  REQUIRE(admin::saveClassListForBrowsers(*teacher, signer, file.string()).ok);
  CHECK(readAll(file).find("safequest-signed-classlist/1") != std::string::npos);
}

TEST_CASE("browser results: merged by uuid like a device snapshot; a second import adds 0") {
  TempDir work;
  const Roster roster = aClass();
  auto teacher = openStore(work.path() / "teacher", test::trustingTestTeacher());
  std::string error;
  REQUIRE(teacher->saveRoster(roster, error));
  recordCompletions(*teacher, roster, 2); // the teacher's own records stay as they are

  auto browser = openStore(work.path() / "browser");
  recordCompletions(*browser, roster, 7);
  const fs::path file = work.path() / "safequest-results.sqlite";
  REQUIRE_MESSAGE(browser->writeEventSnapshot(file.string(), error), error);

  const auto first = admin::importBrowserResults(*teacher, file.string());
  INFO(first.line);
  CHECK(first.ok);
  CHECK_FALSE(first.problem);
  CHECK(first.added == 7);
  CHECK(first.line == "Added 7 new records from safequest-results.sqlite.");
  CHECK(teacher->events({}).size() == 9);
  // Every event kept its uuid: the browser's own are now the teacher's.
  for (const Event& e : browser->events({})) {
    EventFilter f;
    f.pupilId = e.pupilId;
    const auto got = teacher->events(f);
    CHECK(std::any_of(got.begin(), got.end(), [&](const Event& t) { return t.uuid == e.uuid; }));
  }

  const auto again = admin::importBrowserResults(*teacher, file.string());
  INFO(again.line);
  CHECK(again.ok);
  CHECK(again.added == 0);
  CHECK(again.line.find("Added nothing new") != std::string::npos);
  CHECK(teacher->events({}).size() == 9);

  // Two more lessons in the browser: the next file adds just those.
  recordCompletions(*browser, roster, 2);
  fs::remove(file); // the browser makes each download afresh
  REQUIRE(browser->writeEventSnapshot(file.string(), error));
  CHECK(admin::importBrowserResults(*teacher, file.string()).added == 2);
  CHECK(teacher->events({}).size() == 11);
}

TEST_CASE("browser results: a pupil not on this class list is held and said") {
  TempDir work;
  auto teacher = openStore(work.path() / "teacher", test::trustingTestTeacher());
  std::string error;
  REQUIRE(teacher->saveRoster(aClass(), error));
  auto browser = openStore(work.path() / "browser");
  recordCompletions(*browser, aClass(), 3); // another school's pupils
  const fs::path file = work.path() / "results.sqlite";
  REQUIRE(browser->writeEventSnapshot(file.string(), error));
  const auto r = admin::importBrowserResults(*teacher, file.string());
  INFO(r.line);
  CHECK(r.ok);
  CHECK(r.problem);
  CHECK(r.added == 0);
  CHECK(r.line.rfind("Added nothing new from results.sqlite. 3 records are about pupils", 0) == 0);
  CHECK(r.line.find("not on this PC's class list") != std::string::npos);
}

TEST_CASE("browser results: files that are not results are refused in words") {
  TempDir work;
  auto teacher = openStore(work.path() / "teacher", test::trustingTestTeacher());
  struct Bad {
    std::string name;
    std::string bytes;
    std::string why;
  };
  const std::vector<Bad> bad = {
      {"empty.sqlite", "", "not a SafeQuest results file"},
      {"notes.txt", "These are my notes, not a results file.\n", "not a SafeQuest results file"},
      {"half.sqlite", std::string("SQLite format 3\0", 16) + std::string(100, 'x'),
       "not a SafeQuest results file"},
      {"class-list.json", "{\"format\":\"safequest-signed-classlist/1\"}",
       "not a SafeQuest results file"},
  };
  for (const Bad& b : bad) {
    CAPTURE(b.name);
    const fs::path file = work.path() / b.name;
    writeAll(file, b.bytes);
    const auto r = admin::importBrowserResults(*teacher, file.string());
    INFO(r.line);
    CHECK_FALSE(r.ok);
    CHECK(r.problem);
    CHECK(r.line.rfind("Nothing added from " + b.name + ": ", 0) == 0);
    CHECK(r.line.find(b.why) != std::string::npos);
  }
  CHECK(admin::importBrowserResults(*teacher, (work.path() / "gone.sqlite").string())
            .line.find("there is no such file") != std::string::npos);
  CHECK(admin::importBrowserResults(*teacher, work.path().string()).line.find("it is a folder") !=
        std::string::npos);
  CHECK_FALSE(admin::importBrowserResults(*teacher, "").ok);

  // Larger than the limit: refused before it is read.
  std::string error;
  auto browser = openStore(work.path() / "browser");
  recordCompletions(*browser, aClass(), 1);
  const fs::path big = work.path() / "big.sqlite";
  REQUIRE(browser->writeEventSnapshot(big.string(), error));
  SnapshotLimits small;
  small.maxFileBytes = 1024;
  const auto tooBig = admin::importBrowserResults(*teacher, big.string(), small);
  CHECK_FALSE(tooBig.ok);
  CHECK(tooBig.line.find("larger than a results file can be") != std::string::npos);
  CHECK(teacher->events({}).empty());
}

TEST_CASE("browser results: the hostile-snapshot corpus goes through the snapshot reader") {
  TempDir work;
  const fs::path corpus = fs::path(SQ_SOURCE_DIR) / "tests" / "fixtures" / "hostile-snapshots";
  const auto sources = test::hostileSnapshotSources(corpus);
  REQUIRE(sources.size() >= 20);
  int refused = 0;
  for (const fs::path& sql : sources) {
    const std::string name = sql.stem().string();
    CAPTURE(name);
    fs::path expectFile = sql;
    expectFile.replace_extension(".expect");
    const std::string expect = test::readTextFile(expectFile);
    std::string why;
    std::istringstream lines(expect);
    for (std::string line; std::getline(lines, line);) {
      if (line.rfind("refused: ", 0) == 0) {
        why = line.substr(9);
      }
    }
    const fs::path file = work.path() / (name + ".sqlite");
    std::string error;
    REQUIRE_MESSAGE(test::buildDatabase(file, test::readTextFile(sql), error), error);
    auto teacher = openStore(work.path() / ("teacher-" + name), test::trustingTestTeacher());
    const auto r = admin::importBrowserResults(*teacher, file.string(), pinned());
    INFO(r.line);
    if (why.empty()) {
      CHECK(r.ok);
      continue;
    }
    ++refused;
    CHECK_FALSE(r.ok);
    CHECK(r.line.find(why) != std::string::npos);
    CHECK(r.line.find("not a SafeQuest results file") != std::string::npos);
    CHECK(teacher->events({}).empty());
  }
  CHECK(refused >= 15);
}
