// Sections:
//   1. statements: the schema's constants, statements, reading and binding events
//   2. opening: creating and migrating the database
//   3. events: recording, adding another device's, reading them back
//   4. the roster: loading and saving classes, pupils and staff
//   5. erasing and retention: a pupil's records, years past keeping
//   6. snapshots: the events copied to the school folder
#include "results/results_store.hpp"

#include "results/sqlite_statement.hpp"
#include "results/store_meta.hpp"

#include "results/civil_time.hpp"
#include "results/teacher_trust.hpp"
#include "results/uuid.hpp"

#include <sqlite3.h>

#include <cerrno>
#include <chrono>
#include <filesystem>
#include <limits>
#include <set>

namespace fs = std::filesystem;

namespace sq {

namespace {

// ---- statements ---------------------------------------------------------------------

// 'SQES': marks the file as ours, so a foreign SQLite database is never migrated.
constexpr int kApplicationId = 0x53514553;

// Each entry migrates from version i to i + 1. Append only; never edit a shipped step.
const char* const kMigrations[] = {
    // 0 -> 1
    R"sql(
    CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
    CREATE TABLE events(
      uuid TEXT PRIMARY KEY,
      device_id TEXT NOT NULL,
      seq INTEGER NOT NULL,
      pupil_id TEXT NOT NULL DEFAULT '',
      kind TEXT NOT NULL,
      pack_id TEXT NOT NULL DEFAULT '',
      pack_version TEXT NOT NULL DEFAULT '',
      content_hash TEXT NOT NULL DEFAULT '',
      activity_id TEXT NOT NULL DEFAULT '',
      score INTEGER,
      max_score INTEGER,
      choices TEXT NOT NULL DEFAULT '',
      time_utc TEXT NOT NULL,
      data TEXT NOT NULL DEFAULT '',
      UNIQUE(device_id, seq));
    CREATE INDEX events_by_pupil ON events(pupil_id);
    CREATE INDEX events_by_time ON events(time_utc);
    CREATE TABLE classes(id TEXT PRIMARY KEY, name TEXT NOT NULL UNIQUE);
    CREATE TABLE pupils(
      id TEXT PRIMARY KEY,
      first_name TEXT NOT NULL,
      initial TEXT NOT NULL,
      class_id TEXT NOT NULL,
      year_group TEXT NOT NULL,
      mis_key TEXT NOT NULL DEFAULT '',
      archived_on TEXT NOT NULL DEFAULT '');
    CREATE TABLE staff(id TEXT PRIMARY KEY, name TEXT NOT NULL);
    CREATE TABLE settings(key TEXT PRIMARY KEY, value TEXT NOT NULL);
    )sql",
    // 1 -> 2: what a merge keeps aside (results/merge_rows). `quarantine` holds every
    // version of a clashing event, `held` rows whose pupil is not on the class list,
    // and `relayed` the merged events seen only in another PC's snapshot so far.
    // Events merged before this step are taken as relayed until their own device's
    // snapshot is read again.
    R"sql(
    CREATE TABLE quarantine(
      id INTEGER PRIMARY KEY,
      uuid TEXT NOT NULL,
      device_id TEXT NOT NULL,
      seq INTEGER NOT NULL,
      pupil_id TEXT NOT NULL DEFAULT '',
      kind TEXT NOT NULL,
      pack_id TEXT NOT NULL DEFAULT '',
      pack_version TEXT NOT NULL DEFAULT '',
      content_hash TEXT NOT NULL DEFAULT '',
      activity_id TEXT NOT NULL DEFAULT '',
      score INTEGER,
      max_score INTEGER,
      choices TEXT NOT NULL DEFAULT '',
      time_utc TEXT NOT NULL,
      data TEXT NOT NULL DEFAULT '',
      source TEXT NOT NULL,
      own INTEGER NOT NULL,
      seen_utc TEXT NOT NULL,
      reason TEXT NOT NULL,
      dropped INTEGER NOT NULL DEFAULT 0);
    CREATE INDEX quarantine_by_uuid ON quarantine(uuid);
    CREATE INDEX quarantine_by_slot ON quarantine(device_id, seq);
    CREATE INDEX quarantine_by_pupil ON quarantine(pupil_id);
    CREATE TABLE held(
      id INTEGER PRIMARY KEY,
      uuid TEXT NOT NULL,
      device_id TEXT NOT NULL,
      seq INTEGER NOT NULL,
      pupil_id TEXT NOT NULL DEFAULT '',
      kind TEXT NOT NULL,
      pack_id TEXT NOT NULL DEFAULT '',
      pack_version TEXT NOT NULL DEFAULT '',
      content_hash TEXT NOT NULL DEFAULT '',
      activity_id TEXT NOT NULL DEFAULT '',
      score INTEGER,
      max_score INTEGER,
      choices TEXT NOT NULL DEFAULT '',
      time_utc TEXT NOT NULL,
      data TEXT NOT NULL DEFAULT '',
      source TEXT NOT NULL,
      seen_utc TEXT NOT NULL);
    CREATE INDEX held_by_pupil ON held(pupil_id);
    CREATE INDEX held_by_uuid ON held(uuid);
    CREATE TABLE relayed(uuid TEXT PRIMARY KEY, source TEXT NOT NULL DEFAULT '');
    INSERT INTO relayed(uuid) SELECT uuid FROM events WHERE device_id <>
      COALESCE((SELECT value FROM meta WHERE key = 'device_id'), '');
    )sql",
};
constexpr int kMigrationCount = static_cast<int>(sizeof(kMigrations) / sizeof(kMigrations[0]));
static_assert(kMigrationCount == ResultsStore::kSchemaVersion);

// A full disk reaches SQLite as SQLITE_FULL from a write, or as an I/O error with
// ENOSPC (or a quota's EDQUOT) when it sizes its index or log files. Either way it
// is something a person can fix, so it is said plainly rather than as damage.
bool diskIsFull(sqlite3* db) {
  if (db == nullptr) {
    return false;
  }
  const int code = sqlite3_errcode(db) & 0xff;
  if (code == SQLITE_FULL) {
    return true;
  }
  // The system errno is kept from the last I/O error, so it counts only for one.
  const int errnoValue = sqlite3_system_errno(db);
  return (code == SQLITE_IOERR || code == SQLITE_CANTOPEN) && (errnoValue == ENOSPC
#ifdef EDQUOT
                                                               || errnoValue == EDQUOT
#endif
                                                              );
}

std::string dbError(sqlite3* db, const std::string& what) {
  if (diskIsFull(db)) {
    return what + ": " + kDiskFullMessage;
  }
  return what + ": " + (db ? sqlite3_errmsg(db) : "out of memory");
}

// Tombstones win over any event about the same pupil, whatever order data arrives in.
constexpr const char* kApplyTombstones =
    "DELETE FROM events WHERE kind <> 'pupil.erased' AND pupil_id <> '' AND pupil_id IN "
    "(SELECT pupil_id FROM events WHERE kind = 'pupil.erased');"
    "DELETE FROM pupils WHERE id IN (SELECT pupil_id FROM events WHERE kind = 'pupil.erased');"
    // Rows a merge kept aside about the pupil go too.
    "DELETE FROM held WHERE pupil_id IN (SELECT pupil_id FROM events WHERE kind = 'pupil.erased');"
    "DELETE FROM quarantine WHERE kind <> 'pupil.erased' AND pupil_id <> '' AND pupil_id IN "
    "(SELECT pupil_id FROM events WHERE kind = 'pupil.erased');";

} // namespace

// ---- opening ------------------------------------------------------------------------

std::unique_ptr<ResultsStore> ResultsStore::open(const std::string& dataDir, std::string& error,
                                                 const StoreOptions& options) {
  std::error_code ec;
  fs::create_directories(dataDir, ec);
  if (ec) {
    error = "cannot create the data folder " + dataDir + ": " + ec.message();
    return nullptr;
  }
  std::unique_ptr<ResultsStore> store(new ResultsStore());
  store->mOptions = options;
  store->mPath = (fs::path(dataDir) / "safequest.sqlite").string();
  const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX;
  if (sqlite3_open_v2(store->mPath.c_str(), &store->mDb, flags,
                      options.vfs.empty() ? nullptr : options.vfs.c_str()) != SQLITE_OK) {
    error = dbError(store->mDb, "cannot open " + store->mPath);
    return nullptr;
  }
  sqlite3_busy_timeout(store->mDb, 5000);
  sqlite3* db = store->mDb;
#ifdef __EMSCRIPTEN__
  // The browser has no shared memory: exclusive locking, set before the first
  // read, so even a file last written in WAL mode (a store made on a desktop) is
  // read without the shared-memory index, until it is a rollback-journal file.
  if (!store->exec("PRAGMA locking_mode=EXCLUSIVE;", error)) {
    return nullptr;
  }
#endif

  // Identify the file before changing anything in it.
  int appId = 0;
  int version = 0;
  bool empty = true;
  {
    SqlStatement s(db, "PRAGMA application_id");
    if (!s.ok() || s.step() != SQLITE_ROW) {
      error =
          diskIsFull(db)
              ? dbError(db, "cannot open " + store->mPath)
              : dbError(db, store->mPath + " is not a SafeQuest records file (or it is damaged)");
      return nullptr;
    }
    appId = static_cast<int>(s.integer(0));
  }
  {
    SqlStatement s(db, "PRAGMA user_version");
    if (!s.ok() || s.step() != SQLITE_ROW) {
      error = dbError(db, store->mPath + " cannot be read");
      return nullptr;
    }
    version = static_cast<int>(s.integer(0));
  }
  {
    SqlStatement s(db, "SELECT count(*) FROM sqlite_master");
    if (!s.ok() || s.step() != SQLITE_ROW) {
      error = dbError(db, store->mPath + " cannot be read");
      return nullptr;
    }
    empty = s.integer(0) == 0;
  }
  if (!empty && appId != kApplicationId) {
    error = store->mPath + " is a database of another program; SafeQuest leaves it untouched";
    return nullptr;
  }
  if (version > kSchemaVersion) {
    error = store->mPath + " was written by a newer SafeQuest (records version " +
            std::to_string(version) + "); update SafeQuest to open it";
    return nullptr;
  }
  // secure_delete: a deleted row's bytes are overwritten, not left in free space, so
  // an erased pupil's name is gone from the file (whatever SQLite's build default).
#ifdef __EMSCRIPTEN__
  // No WAL in the browser (it needs shared memory): a rollback journal, deleted
  // after each commit. Then normal locking again: the page opens the store more
  // than once (the PIN's lockout, resealing the teacher's key), and an exclusive
  // lock held by the game's own connection would lock those out. One thread: no
  // two transactions ever overlap.
  const char* journal = "PRAGMA journal_mode=DELETE; PRAGMA locking_mode=NORMAL; SELECT count(*) "
                        "FROM sqlite_master; ";
#else
  const char* journal = "PRAGMA journal_mode=WAL; ";
#endif
  if (!store->exec((std::string(journal) +
                    "PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA secure_delete=ON;")
                       .c_str(),
                   error)) {
    return nullptr;
  }
  if (version < kSchemaVersion) {
    if (!store->exec("BEGIN IMMEDIATE", error)) {
      return nullptr;
    }
    for (int v = version; v < kSchemaVersion; ++v) {
      if (!store->exec(kMigrations[v], error)) {
        store->exec("ROLLBACK", error);
        return nullptr;
      }
    }
    const std::string stamp = "PRAGMA application_id=" + std::to_string(kApplicationId) +
                              "; PRAGMA user_version=" + std::to_string(kSchemaVersion) + ";";
    std::string ignored;
    if (!store->exec(stamp.c_str(), error) || !store->exec("COMMIT", error)) {
      store->exec("ROLLBACK", ignored);
      return nullptr;
    }
  }
  store->mDeviceId = readMetaValue(db, "device_id");
  store->mRosterKey = readMetaValue(db, "roster_key");
  if (store->mDeviceId.empty() || store->mRosterKey.empty()) {
    SqlStatement s(db, "INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)");
    if (store->mDeviceId.empty()) {
      store->mDeviceId = newUuid();
      s.bind(1, std::string("device_id"));
      s.bind(2, store->mDeviceId);
      if (s.step() != SQLITE_DONE) {
        error = dbError(db, "cannot write to " + store->mPath);
        return nullptr;
      }
      s.reset();
    }
    if (store->mRosterKey.empty()) {
      store->mRosterKey = newUuid() + newUuid();
      s.bind(1, std::string("roster_key"));
      s.bind(2, store->mRosterKey);
      if (s.step() != SQLITE_DONE) {
        error = dbError(db, "cannot write to " + store->mPath);
        return nullptr;
      }
    }
  }
  if (!store->establishIdentity(error)) {
    return nullptr;
  }
  return store;
}

ResultsStore::~ResultsStore() {
  sqlite3_close_v2(mDb);
}

bool ResultsStore::exec(const char* sql, std::string& error) const {
  char* message = nullptr;
  if (sqlite3_exec(mDb, sql, nullptr, nullptr, &message) != SQLITE_OK) {
    error = diskIsFull(mDb)
                ? std::string("records store: ") + kDiskFullMessage
                : std::string("records store: ") + (message ? message : sqlite3_errmsg(mDb));
    sqlite3_free(message);
    return false;
  }
  return true;
}

std::int64_t ResultsStore::nowSeconds() const {
  if (mOptions.now) {
    return mOptions.now();
  }
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

// ---- events -------------------------------------------------------------------------

std::optional<Event> ResultsStore::record(const EventDraft& draft, std::string& error) {
  return recordWith(draft, nullptr, error);
}

std::optional<Event>
ResultsStore::recordWith(const EventDraft& draft,
                         const std::function<std::string(const Event&)>& finish,
                         std::string& error) {
  Event e;
  e.uuid = newUuid();
  e.deviceId = mDeviceId;
  e.pupilId = draft.pupilId;
  e.kind = draft.kind;
  e.packId = draft.packId;
  e.packVersion = draft.packVersion;
  e.contentHash = draft.contentHash;
  e.activityId = draft.activityId;
  e.score = draft.score;
  e.maxScore = draft.maxScore;
  e.choices = draft.choices;
  e.data = draft.data;
  e.timeUtc = draft.timeUtc.empty() ? formatUtc(nowSeconds()) : draft.timeUtc;
  if (e.kind == EventKind::HelpAsked) {
    e.pupilId.clear(); // the butterfly button is never tied to a pupil
  }
  if (finish) {
    e.data = finish(e);
  }
  std::string ignored;
  if (!exec("BEGIN IMMEDIATE", error)) {
    return std::nullopt;
  }
  // Another process on this store may have taken a fresh device id since.
  reloadIdentity();
  e.deviceId = mDeviceId;
  {
    // This device's sequence numbers come from its own counter, never from rows a
    // merge brought in: a snapshot on the share could claim this device's id with
    // any number. A store from before the counter starts from its own highest.
    SqlStatement next(mDb, "SELECT COALESCE((SELECT CAST(value AS INTEGER) FROM meta WHERE "
                           "key = 'local_seq'), (SELECT COALESCE(MAX(seq), 0) FROM events "
                           "WHERE device_id = ?1)) + 1");
    next.bind(1, mDeviceId);
    if (!next.ok() || next.step() != SQLITE_ROW) {
      error = dbError(mDb, "records store");
      exec("ROLLBACK", ignored);
      return std::nullopt;
    }
    e.seq = next.integer(0);
    SqlStatement insert(mDb, kAppendEventSql);
    bindEvent(insert, e);
    SqlStatement counter(mDb, "INSERT OR REPLACE INTO meta(key, value) VALUES ('local_seq', ?1)");
    counter.bind(1, std::to_string(e.seq));
    if (!insert.ok() || insert.step() != SQLITE_DONE || !counter.ok() ||
        counter.step() != SQLITE_DONE) {
      error = dbError(mDb, "could not save");
      exec("ROLLBACK", ignored);
      return std::nullopt;
    }
  }
  // With WAL and synchronous=FULL the commit returns only after the log is synced.
  if (!exec("COMMIT", error)) {
    exec("ROLLBACK", ignored);
    return std::nullopt;
  }
  return e;
}

int ResultsStore::insertForeign(const std::vector<Event>& events, std::string& error,
                                const std::string& sourceFile, ForeignCounts* counts) {
  // Only a tombstone signed by the trusted teacher key may erase anyone: the others
  // are left out, so they neither erase here nor spread from here.
  const std::string trusted = trustedTeacherKey(*this).key;
  std::set<std::string> refusedUuids;
  for (const Event& e : events) {
    if (e.kind == EventKind::PupilErased && e.deviceId != mDeviceId &&
        checkTombstone(e, trusted) != TombstoneCheck::Valid) {
      refusedUuids.insert(e.uuid);
    }
  }
  std::string ignored;
  if (!exec("BEGIN IMMEDIATE", error)) {
    return -1;
  }
  ForeignCounts n;
  n.tombstonesRefused = static_cast<int>(refusedUuids.size());
  {
    RowMerger merger(mDb, mDeviceId, formatUtc(nowSeconds()));
    if (merger.releaseHeld(std::numeric_limits<int>::max(), n.released, error) < 0) {
      exec("ROLLBACK", ignored);
      return -1;
    }
    // An event about an erased pupil would be deleted again by the tombstones below;
    // it is skipped instead, so `added` counts only what the merge really brought in
    // and merging the same snapshots twice adds nothing.
    std::set<std::string> erased;
    {
      SqlStatement tombstones(mDb, "SELECT pupil_id FROM events WHERE kind = 'pupil.erased'");
      while (tombstones.ok() && tombstones.step() == SQLITE_ROW) {
        erased.insert(tombstones.text(0));
      }
    }
    for (const Event& e : events) {
      if (e.kind == EventKind::PupilErased && refusedUuids.count(e.uuid) == 0) {
        erased.insert(e.pupilId);
      }
    }
    for (const Event& e : events) {
      if (e.kind != EventKind::PupilErased && !e.pupilId.empty() && erased.count(e.pupilId) != 0) {
        continue;
      }
      if (e.kind == EventKind::PupilErased && refusedUuids.count(e.uuid) != 0) {
        continue;
      }
      switch (merger.offer(e, sourceFile, error, [&erased](const std::string& pupil) {
        return erased.count(pupil) != 0;
      })) {
      case RowOutcome::Added:
        ++n.added;
        break;
      case RowOutcome::Replaced:
        ++n.added;
        ++n.conflicts;
        break;
      case RowOutcome::Conflict:
        ++n.conflicts;
        break;
      case RowOutcome::Held:
        ++n.held;
        break;
      case RowOutcome::Known:
      case RowOutcome::PassedBy:
        break;
      case RowOutcome::Failed:
        exec("ROLLBACK", ignored);
        return -1;
      }
    }
  }
  if (!exec(kApplyTombstones, error) || !exec("COMMIT", error)) {
    exec("ROLLBACK", ignored);
    return -1;
  }
  if (counts) {
    *counts = n;
  }
  return n.added;
}

std::vector<QuarantineEntry> ResultsStore::quarantine() const {
  return readQuarantine(mDb);
}

std::vector<HeldEntry> ResultsStore::heldRows() const {
  return readHeld(mDb);
}

bool ResultsStore::keepQuarantined(std::int64_t id, std::string& error) {
  std::string ignored;
  if (!exec("BEGIN IMMEDIATE", error)) {
    return false;
  }
  if (!keepQuarantinedVersion(mDb, mDeviceId, id, formatUtc(nowSeconds()), error) ||
      !exec(kApplyTombstones, error) || !exec("COMMIT", error)) {
    exec("ROLLBACK", ignored);
    return false;
  }
  return true;
}

std::vector<Event> ResultsStore::events(const EventFilter& filter) const {
  std::string sql = std::string("SELECT ") + kEventColumns + " FROM events WHERE 1";
  if (!filter.pupilId.empty()) {
    sql += " AND pupil_id = ?1";
  }
  if (filter.kind) {
    sql += " AND kind = ?2";
  }
  if (!filter.fromUtc.empty()) {
    sql += " AND time_utc >= ?3";
  }
  if (!filter.toUtc.empty()) {
    sql += " AND time_utc < ?4";
  }
  sql += " ORDER BY time_utc, device_id, seq";
  SqlStatement s(mDb, sql.c_str());
  std::vector<Event> out;
  if (!s.ok()) {
    return out;
  }
  if (!filter.pupilId.empty()) {
    s.bind(1, filter.pupilId);
  }
  if (filter.kind) {
    s.bind(2, std::string(eventKindId(*filter.kind)));
  }
  if (!filter.fromUtc.empty()) {
    s.bind(3, filter.fromUtc);
  }
  if (!filter.toUtc.empty()) {
    s.bind(4, filter.toUtc);
  }
  while (s.step() == SQLITE_ROW) {
    out.push_back(readEvent(s));
  }
  return out;
}

// ---- the roster ---------------------------------------------------------------------

Roster ResultsStore::loadRoster() const {
  Roster r;
  {
    SqlStatement s(mDb, "SELECT id, name FROM classes ORDER BY name");
    while (s.step() == SQLITE_ROW) {
      r.classes.push_back({s.text(0), s.text(1)});
    }
  }
  {
    SqlStatement s(mDb,
                   "SELECT id, first_name, initial, class_id, year_group, mis_key, archived_on "
                   "FROM pupils ORDER BY first_name, initial, id");
    while (s.step() == SQLITE_ROW) {
      Pupil p;
      p.id = s.text(0);
      p.firstName = s.text(1);
      p.initial = s.text(2);
      p.classId = s.text(3);
      p.yearGroup = parseYearGroup(s.text(4)).value_or(YearGroup::Reception);
      p.misKey = s.text(5);
      p.archivedOn = s.text(6);
      r.pupils.push_back(std::move(p));
    }
  }
  {
    SqlStatement s(mDb, "SELECT id, name FROM staff ORDER BY name");
    while (s.step() == SQLITE_ROW) {
      r.staff.push_back({s.text(0), s.text(1)});
    }
  }
  {
    SqlStatement s(mDb, "SELECT key, value FROM settings ORDER BY key");
    while (s.step() == SQLITE_ROW) {
      const std::string key = s.text(0);
      const std::string value = s.text(1);
      if (key == "school_name") {
        r.settings.schoolName = value;
      } else if (key == "safeguarding_lead") {
        r.settings.safeguardingLead = value;
      } else if (key == "retention_years") {
        r.settings.retentionYears = std::max(1, std::atoi(value.c_str()));
      } else if (key == "promoted_for_year") {
        r.settings.promotedForYear = std::atoi(value.c_str());
      } else if (key.rfind("incident_step.", 0) == 0) {
        r.settings.incidentSteps.push_back(value);
      } else if (key.rfind("term.", 0) == 0) {
        r.settings.termDates.push_back(value);
      } else if (key.rfind("class_emblem.", 0) == 0) {
        // Kept beside the school's settings, so the classes table is unchanged.
        const std::string classId = key.substr(std::string("class_emblem.").size());
        for (SchoolClass& c : r.classes) {
          if (c.id == classId) {
            c.emblem = value;
          }
        }
      } else if (key.rfind("class_picture_password_removed.", 0) == 0) {
        const std::string classId =
            key.substr(std::string("class_picture_password_removed.").size());
        for (SchoolClass& c : r.classes) {
          if (c.id == classId) {
            c.picturePasswordRemoved = value;
          }
        }
      }
    }
  }
  return r;
}

bool ResultsStore::saveRoster(const Roster& roster, std::string& error) {
  std::string ignored;
  if (!exec("BEGIN IMMEDIATE; DELETE FROM classes; DELETE FROM pupils; DELETE FROM staff; "
            "DELETE FROM settings;",
            error)) {
    exec("ROLLBACK", ignored);
    return false;
  }
  const auto fail = [&](const char* what) {
    error = dbError(mDb, what);
    exec("ROLLBACK", ignored);
    return false;
  };
  // One prepared statement per table, bound once per row.
  const auto insertAll = [&](const char* sql, const auto& rows, const auto& bindRow) {
    SqlStatement s(mDb, sql);
    for (const auto& row : rows) {
      bindRow(s, row);
      if (s.step() != SQLITE_DONE) {
        return false;
      }
      s.reset();
    }
    return true;
  };
  if (!insertAll("INSERT INTO classes(id, name) VALUES (?, ?)", roster.classes,
                 [](SqlStatement& s, const SchoolClass& c) {
                   s.bind(1, c.id);
                   s.bind(2, c.name);
                 })) {
    return fail("could not save the class list");
  }
  if (!insertAll("INSERT INTO pupils(id, first_name, initial, class_id, year_group, mis_key, "
                 "archived_on) VALUES (?, ?, ?, ?, ?, ?, ?)",
                 roster.pupils, [](SqlStatement& s, const Pupil& p) {
                   s.bind(1, p.id);
                   s.bind(2, p.firstName);
                   s.bind(3, p.initial);
                   s.bind(4, p.classId);
                   s.bind(5, std::string(yearGroupId(p.yearGroup)));
                   s.bind(6, p.misKey);
                   s.bind(7, p.archivedOn);
                 })) {
    return fail("could not save the class list");
  }
  if (!insertAll("INSERT INTO staff(id, name) VALUES (?, ?)", roster.staff,
                 [](SqlStatement& s, const StaffMember& m) {
                   s.bind(1, m.id);
                   s.bind(2, m.name);
                 })) {
    return fail("could not save the staff list");
  }
  std::vector<std::pair<std::string, std::string>> kv = {
      {"school_name", roster.settings.schoolName},
      {"safeguarding_lead", roster.settings.safeguardingLead},
      {"retention_years", std::to_string(roster.settings.retentionYears)},
      {"promoted_for_year", std::to_string(roster.settings.promotedForYear)}};
  // Zero-padded keys keep the lists in order when read back sorted.
  const auto padded = [](const char* prefix, std::size_t i) {
    std::string n = std::to_string(i);
    return prefix + std::string(n.size() < 4 ? 4 - n.size() : 0, '0') + n;
  };
  for (std::size_t i = 0; i < roster.settings.incidentSteps.size(); ++i) {
    kv.emplace_back(padded("incident_step.", i), roster.settings.incidentSteps[i]);
  }
  for (std::size_t i = 0; i < roster.settings.termDates.size(); ++i) {
    kv.emplace_back(padded("term.", i), roster.settings.termDates[i]);
  }
  for (const SchoolClass& c : roster.classes) {
    if (!c.emblem.empty()) {
      kv.emplace_back("class_emblem." + c.id, c.emblem);
    }
    if (!c.picturePasswordRemoved.empty()) {
      kv.emplace_back("class_picture_password_removed." + c.id, c.picturePasswordRemoved);
    }
  }
  if (!insertAll("INSERT INTO settings(key, value) VALUES (?, ?)", kv,
                 [](SqlStatement& s, const std::pair<std::string, std::string>& row) {
                   s.bind(1, row.first);
                   s.bind(2, row.second);
                 })) {
    return fail("could not save the school settings");
  }
  {
    // Rows a merge held for pupils now on the list are counted from now on.
    RowMerger merger(mDb, mDeviceId, formatUtc(nowSeconds()));
    int released = 0;
    if (merger.releaseHeld(std::numeric_limits<int>::max(), released, error) < 0) {
      exec("ROLLBACK", ignored);
      return false;
    }
  }
  if (!exec("COMMIT", error)) {
    exec("ROLLBACK", ignored);
    return false;
  }
  return true;
}

// ---- erasing and retention ----------------------------------------------------------

bool ResultsStore::erasePupil(const std::string& pupilId, const TeacherSigner& signer,
                              std::string& error) {
  if (!isUuid(pupilId)) {
    error = "\"" + pupilId + "\" is not a pupil id";
    return false;
  }
  EventDraft tombstone;
  tombstone.kind = EventKind::PupilErased;
  tombstone.pupilId = pupilId;
  // The tombstone is recorded first and durably; applying it is idempotent, so a
  // crash between the two steps is repaired by the next erase or merge.
  if (!recordWith(
          tombstone, [&](const Event& e) { return signedTombstoneData(e, signer); }, error)) {
    return false;
  }
  std::string ignored;
  if (!exec("BEGIN IMMEDIATE", error) || !exec(kApplyTombstones, error) || !exec("COMMIT", error)) {
    exec("ROLLBACK", ignored);
    return false;
  }
  mLogNotCleared.clear();
  clearLog(mLogNotCleared); // the erase stands either way; the caller reports a note
  return true;
}

bool ResultsStore::clearLog(std::string& why) {
  // A reader in the middle of a transaction keeps the checkpoint from finishing; a
  // short wait is enough for the game's own reads, and an erase must not hang.
  sqlite3_busy_timeout(mDb, 500);
  int logFrames = 0;
  int copied = 0;
  const int rc =
      sqlite3_wal_checkpoint_v2(mDb, "main", SQLITE_CHECKPOINT_TRUNCATE, &logFrames, &copied);
  sqlite3_busy_timeout(mDb, 5000);
  if (rc != SQLITE_OK) {
    why = rc == SQLITE_BUSY
              ? "another program has the records open, so the log file (" + mPath +
                    "-wal) still holds old copies of the erased records; they are cleared "
                    "when SafeQuest next opens and closes the records with nothing else "
                    "reading them (close the game, then run any safequest-cli command)"
              : dbError(mDb, "could not clear the log file " + mPath + "-wal");
    return false;
  }
  return true;
}

ResultsStore::RetentionPlan ResultsStore::planRetention(int currentAcademicYear) const {
  const Roster roster = loadRoster();
  RetentionPlan plan;
  plan.keepFrom = academicYearStart(currentAcademicYear - (roster.settings.retentionYears - 1));
  for (const Pupil& p : roster.pupils) {
    if (!p.archivedOn.empty() && p.archivedOn < plan.keepFrom) {
      plan.leaversToErase.push_back(p.id);
    }
  }
  // The same conditions as applyRetention's deletes.
  const auto count = [&](const char* sql) {
    SqlStatement s(mDb, sql);
    s.bind(1, plan.keepFrom);
    return s.ok() && s.step() == SQLITE_ROW ? static_cast<int>(s.integer(0)) : 0;
  };
  plan.events = count("SELECT COUNT(*) FROM events WHERE kind <> 'pupil.erased' AND time_utc < ?");
  plan.setAside =
      count("SELECT COUNT(*) FROM held WHERE time_utc < ?") +
      count("SELECT COUNT(*) FROM quarantine WHERE kind <> 'pupil.erased' AND time_utc < ?");
  return plan;
}

int ResultsStore::applyRetention(int currentAcademicYear, const TeacherSigner* signer,
                                 std::string& error) {
  const Roster roster = loadRoster();
  const int keepFrom = currentAcademicYear - (roster.settings.retentionYears - 1);
  const std::string cutoff = academicYearStart(keepFrom);
  // Leavers archived before the cutoff are erased, leaving tombstones.
  for (const Pupil& p : roster.pupils) {
    if (!p.archivedOn.empty() && p.archivedOn < cutoff) {
      if (signer == nullptr) {
        error = "pupils who left before the kept years must be erased, which needs the teacher "
                "PIN";
        return -1;
      }
      if (!erasePupil(p.id, *signer, error)) {
        return -1;
      }
    }
  }
  std::string ignored;
  if (!exec("BEGIN IMMEDIATE", error)) {
    return -1;
  }
  SqlStatement s(mDb, "DELETE FROM events WHERE kind <> 'pupil.erased' AND time_utc < ?");
  s.bind(1, cutoff);
  if (!s.ok() || s.step() != SQLITE_DONE) {
    error = dbError(mDb, "could not apply retention");
    exec("ROLLBACK", ignored);
    return -1;
  }
  const int removed = sqlite3_changes(mDb);
  // Rows a merge kept aside are kept no longer than events.
  SqlStatement held(mDb, "DELETE FROM held WHERE time_utc < ?");
  SqlStatement aside(mDb, "DELETE FROM quarantine WHERE kind <> 'pupil.erased' AND time_utc < ?");
  held.bind(1, cutoff);
  aside.bind(1, cutoff);
  if (!held.ok() || held.step() != SQLITE_DONE || !aside.ok() || aside.step() != SQLITE_DONE) {
    error = dbError(mDb, "could not apply retention");
    exec("ROLLBACK", ignored);
    return -1;
  }
  if (!exec("COMMIT", error)) {
    exec("ROLLBACK", ignored);
    return -1;
  }
  mLogNotCleared.clear();
  clearLog(mLogNotCleared);
  return removed;
}

// ---- snapshots ----------------------------------------------------------------------

bool ResultsStore::writeEventSnapshot(const std::string& target, std::string& error) const {
  std::string ignored;
  {
    SqlStatement attach(mDb, "ATTACH DATABASE ? AS snap");
    attach.bind(1, target);
    if (!attach.ok() || attach.step() != SQLITE_DONE) {
      error = dbError(mDb, "could not create the snapshot " + target);
      return false;
    }
  }
  const std::string sql =
      "PRAGMA snap.synchronous=FULL;"
      "BEGIN IMMEDIATE;"
      "CREATE TABLE snap.meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);"
      "INSERT INTO snap.meta SELECT key, value FROM main.meta WHERE key IN ('device_id',"
      "'instance_id', 'instance_since', 'local_seq');"
      "CREATE TABLE snap.events AS SELECT * FROM main.events WHERE 0;"
      "INSERT INTO snap.events SELECT * FROM main.events;"
      "PRAGMA snap.application_id=" +
      std::to_string(kApplicationId) +
      ";PRAGMA snap.user_version=" + std::to_string(kSnapshotVersion) + ";COMMIT;";
  const bool ok = exec(sql.c_str(), error);
  if (!ok) {
    exec("ROLLBACK", ignored);
  }
  exec("DETACH DATABASE snap", ignored);
  return ok;
}

} // namespace sq
