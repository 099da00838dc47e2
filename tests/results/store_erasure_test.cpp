// What an erase leaves on disk, and how a full disk is reported: the store runs
// with secure_delete on, an erase truncates the write-ahead log so the erased
// pupil's name is in neither safequest.sqlite nor safequest.sqlite-wal, and a full
// disk (the fault VFS) is said to be a full disk, when opening and when writing.
#include "results/results_store.hpp"

#include "results/uuid.hpp"
#include "support/fault_vfs.hpp"
#include "support/temp_dir.hpp"
#include "support/test_teacher.hpp"

#include <doctest/doctest.h>
#include <sqlite3.h>

#include <filesystem>
#include <fstream>

using namespace sq;
using sq::test::TempDir;

namespace {

// A first name that appears nowhere else in the file, so finding its bytes means
// a copy of the erased row survived.
constexpr const char* kErasedName = "Zephyrinella";

std::unique_ptr<ResultsStore> openOk(const std::string& dir, const StoreOptions& o = {}) {
  std::string error;
  auto store = ResultsStore::open(dir, error, o);
  INFO(error);
  REQUIRE(store != nullptr);
  return store;
}

std::string fileBytes(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

bool holds(const std::filesystem::path& path, const std::string& what) {
  return fileBytes(path).find(what) != std::string::npos;
}

// A class with the pupil to erase and one to keep, each with a few events.
std::string fillStore(ResultsStore& store) {
  Roster r;
  r.classes.push_back({newUuid(), "3B"});
  const Pupil keep{newUuid(), "Ava", "K", r.classes[0].id, YearGroup::Y3, "", ""};
  const Pupil gone{newUuid(), kErasedName, "Q", r.classes[0].id, YearGroup::Y3, "", ""};
  r.pupils = {keep, gone};
  std::string error;
  REQUIRE(store.saveRoster(r, error));
  for (const Pupil* p : {&keep, &gone}) {
    EventDraft d;
    d.kind = EventKind::LessonCompleted;
    d.pupilId = p->id;
    d.packId = "core";
    d.activityId = "y3-a";
    REQUIRE(store.record(d, error));
  }
  return gone.id;
}

int pragmaValue(sqlite3* db, const char* sql) {
  sqlite3_stmt* s = nullptr;
  int value = -1;
  if (sqlite3_prepare_v2(db, sql, -1, &s, nullptr) == SQLITE_OK && sqlite3_step(s) == SQLITE_ROW) {
    value = sqlite3_column_int(s, 0);
  }
  sqlite3_finalize(s);
  return value;
}

} // namespace

// Debian builds SQLite with secure_delete on by default; this turns it off for
// every new connection, as another build might, so the test shows the store's own.
int secureDeleteOff(sqlite3* db, char**, const sqlite3_api_routines*) {
  sqlite3_exec(db, "PRAGMA secure_delete=OFF", nullptr, nullptr, nullptr);
  return SQLITE_OK;
}

TEST_CASE("an open store has secure_delete on, whatever SQLite's build default") {
  TempDir dir;
  using Entry = void (*)();
  REQUIRE(sqlite3_auto_extension(reinterpret_cast<Entry>(secureDeleteOff)) == SQLITE_OK);
  std::string error;
  auto store = ResultsStore::open(dir.str(), error);
  sqlite3* plain = nullptr;
  sqlite3_open(":memory:", &plain);
  const int plainValue = pragmaValue(plain, "PRAGMA secure_delete");
  sqlite3_close(plain);
  sqlite3_cancel_auto_extension(reinterpret_cast<Entry>(secureDeleteOff));
  REQUIRE(store != nullptr);
  CHECK(plainValue == 0); // the default really was off for this test
  CHECK(pragmaValue(store->handle(), "PRAGMA secure_delete") == 1);
}

TEST_CASE("an erased pupil's name is in neither the database nor its log") {
  TempDir dir;
  const auto db = dir.path() / "safequest.sqlite";
  const auto wal = dir.path() / "safequest.sqlite-wal";
  auto store = openOk(dir.str());
  const std::string gone = fillStore(*store);
  // Before the erase the name is on disk (in the log, until a checkpoint).
  CHECK((holds(db, kErasedName) || holds(wal, kErasedName)));

  SUBCASE("with nothing else open") {
    std::string error;
    REQUIRE(store->erasePupil(gone, sq::test::testTeacher(), error));
    CHECK(store->logNotCleared().empty());
  }
  SUBCASE("with another connection open but not reading") {
    sqlite3* reader = nullptr;
    REQUIRE(sqlite3_open_v2(db.string().c_str(), &reader, SQLITE_OPEN_READONLY, nullptr) ==
            SQLITE_OK);
    CHECK(pragmaValue(reader, "SELECT count(*) FROM pupils") == 2);
    std::string error;
    REQUIRE(store->erasePupil(gone, sq::test::testTeacher(), error));
    CHECK(store->logNotCleared().empty());
    sqlite3_close(reader);
  }
  // Checked while the store is still open: closing would checkpoint anyway.
  CHECK_FALSE(holds(db, kErasedName));
  CHECK_FALSE(holds(wal, kErasedName));
  CHECK(std::filesystem::file_size(wal) == 0);
  CHECK(store->loadRoster().pupils.size() == 1);
}

TEST_CASE("an erase while another program is reading says the log is not yet cleared") {
  TempDir dir;
  const auto db = dir.path() / "safequest.sqlite";
  const auto wal = dir.path() / "safequest.sqlite-wal";
  std::string gone;
  {
    auto store = openOk(dir.str());
    gone = fillStore(*store);
    // A reader in the middle of a read transaction (say, the game drawing the
    // register) pins the log: SQLite cannot truncate it until the reader is done.
    sqlite3* reader = nullptr;
    REQUIRE(sqlite3_open_v2(db.string().c_str(), &reader, SQLITE_OPEN_READONLY, nullptr) ==
            SQLITE_OK);
    REQUIRE(sqlite3_exec(reader, "BEGIN", nullptr, nullptr, nullptr) == SQLITE_OK);
    REQUIRE(pragmaValue(reader, "SELECT count(*) FROM pupils") == 2);

    std::string error;
    REQUIRE(store->erasePupil(gone, sq::test::testTeacher(), error)); // the erase itself stands
    CHECK(store->loadRoster().findPupil(gone) == nullptr);
    const std::string note = store->logNotCleared();
    CHECK(note.find("-wal") != std::string::npos);
    // The name is still in the log: that is what the note is about.
    CHECK(holds(wal, kErasedName));

    sqlite3_exec(reader, "COMMIT", nullptr, nullptr, nullptr);
    sqlite3_close(reader);
    // Asked again once the reader has gone, the store clears it.
    std::string why;
    CHECK(store->clearLog(why));
    CHECK_FALSE(holds(wal, kErasedName));
    CHECK_FALSE(holds(db, kErasedName));
  }
  // The same reader, left to the end: the last connection to close checkpoints the
  // log into the database and deletes it, and secure_delete has zeroed the row.
  TempDir dir2;
  const auto db2 = dir2.path() / "safequest.sqlite";
  const auto wal2 = dir2.path() / "safequest.sqlite-wal";
  {
    auto store = openOk(dir2.str());
    gone = fillStore(*store);
    sqlite3* reader = nullptr;
    REQUIRE(sqlite3_open_v2(db2.string().c_str(), &reader, SQLITE_OPEN_READONLY, nullptr) ==
            SQLITE_OK);
    REQUIRE(sqlite3_exec(reader, "BEGIN", nullptr, nullptr, nullptr) == SQLITE_OK);
    REQUIRE(pragmaValue(reader, "SELECT count(*) FROM pupils") == 2);
    std::string error;
    REQUIRE(store->erasePupil(gone, sq::test::testTeacher(), error));
    CHECK_FALSE(store->logNotCleared().empty());
    sqlite3_exec(reader, "COMMIT", nullptr, nullptr, nullptr);
    sqlite3_close(reader);
  }
  CHECK_FALSE(std::filesystem::exists(wal2));
  CHECK_FALSE(holds(db2, kErasedName));
  // And opening it again finds the pupil gone.
  CHECK(openOk(dir2.str())->loadRoster().findPupil(gone) == nullptr);
}

TEST_CASE("a full disk is reported as a full disk") {
  const StoreOptions o = [] {
    StoreOptions s;
    s.vfs = test::registerFaultVfs();
    return s;
  }();
  std::string error;

  SUBCASE("when a write fails") {
    TempDir dir;
    auto store = openOk(dir.str(), o);
    test::setFaultPlan({0, false, false, false});
    EventDraft d;
    d.kind = EventKind::LessonCompleted;
    d.pupilId = newUuid();
    CHECK_FALSE(store->record(d, error));
    test::setFaultPlan({});
    CHECK(error.find("the disk is full") != std::string::npos);
  }
  SUBCASE("when a new store cannot be created") {
    TempDir dir;
    test::setFaultPlan({0, false, false, false});
    CHECK(ResultsStore::open(dir.str(), error, o) == nullptr);
    test::setFaultPlan({});
    CHECK(error.find("the disk is full") != std::string::npos);
  }
  SUBCASE("when an existing store is opened") {
    // Opening needs room for SQLite's shared-memory index: at 100% the unix VFS
    // fails to size it with ENOSPC, which once read as a damaged file.
    TempDir dir;
    {
      auto store = openOk(dir.str());
      fillStore(*store);
    }
    test::setFaultPlan({-1, false, false, true});
    CHECK(ResultsStore::open(dir.str(), error, o) == nullptr);
    CHECK(test::refusedWrites() > 0);
    test::setFaultPlan({});
    CHECK(error.find("the disk is full") != std::string::npos);
    CHECK(error.find("not a SafeQuest records file") == std::string::npos);
    // Once there is room again, it opens as before.
    CHECK(openOk(dir.str(), o)->loadRoster().pupils.size() == 2);
  }
}
