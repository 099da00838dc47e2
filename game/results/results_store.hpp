// The records store: one SQLite database per device, on local disk, holding the
// append-only events and the class list. WAL journal with synchronous=FULL: a
// write returns success only once its commit is durable, so "saved" is true.
// Device and instance identity is in results/store_identity.cpp.
// Depends on: results/event, results/roster, results/merge_rows (merged rows and
// what is kept aside), sqlite3 (inside the .cpp only).
#pragma once

#include "results/event.hpp"
#include "results/merge_rows.hpp"
#include "results/roster.hpp"

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

struct sqlite3;

namespace sq {

class TeacherSigner;

// What a caller fills in; the store adds uuid, device id, sequence number and
// (unless given) the time.
struct EventDraft {
  EventKind kind = EventKind::ActivityCompleted;
  std::string pupilId;
  std::string packId;
  std::string packVersion;
  std::string contentHash;
  std::string activityId;
  std::optional<std::int64_t> score;
  std::optional<std::int64_t> maxScore;
  std::string choices; // JSON array text or ""
  std::string data;    // JSON object text or ""
  std::string timeUtc; // "" means now
};

struct EventFilter {
  std::string pupilId;           // "" for all
  std::optional<EventKind> kind; // nullopt for all
  std::string fromUtc;           // inclusive, "" for no bound
  std::string toUtc;             // exclusive, "" for no bound
};

// What insertForeign did with the rows it was given.
struct ForeignCounts {
  int added = 0;             // new in events, counted
  int conflicts = 0;         // clashing with another version: in quarantine, reported
  int held = 0;              // about a pupil not on the class list: held, reported
  int released = 0;          // held rows counted now their pupil is on the class list
  int tombstonesRefused = 0; // pupil.erased rows not signed by the trusted teacher key
};

// How every failure caused by a full disk is reported, in open and in writes.
inline constexpr const char* kDiskFullMessage =
    "the disk is full: free some space on it (or ask IT to), then try again";

struct StoreOptions {
  // The SQLite VFS to open the database with; "" for the default. Tests use a
  // fault-injecting VFS to simulate a full disk, a read-only folder or a torn write.
  std::string vfs;
  // The clock, as seconds since the Unix epoch; tests pin it.
  std::function<std::int64_t()> now;
  // Where the store lives ("home", see results/store_identity): when set, used in
  // place of this machine's identity plus the store file's canonical path. Tests
  // give a copied folder a second "PC" this way, or two PCs one image.
  std::function<std::string()> homeFingerprint;
  // The teacher's public key set by IT (the machine configuration's
  // teacherPublicKey), "" for none: when set, the only key this store trusts for
  // erasures and class lists (results/teacher_trust).
  std::string teacherPublicKey;
};

// How the store came by its current device id, when this open or a publish gave it
// a fresh one: the folder was copied or restored (see results/store_identity).
struct DeviceIdChange {
  std::string previousDeviceId;
  std::string newDeviceId;
  std::string newInstanceId;
  std::int64_t since = 0; // when the new id was taken (Unix seconds)
  int renumbered = 0;     // own events moved to the new id, keeping their uuids
};

class ResultsStore {
public:
  // Opens (creating if needed) `dataDir`/safequest.sqlite, migrating an older
  // schema. On failure returns nullptr and sets `error`; a corrupt or foreign file
  // is never overwritten.
  static std::unique_ptr<ResultsStore> open(const std::string& dataDir, std::string& error,
                                            const StoreOptions& options = {});
  ~ResultsStore();
  ResultsStore(const ResultsStore&) = delete;
  ResultsStore& operator=(const ResultsStore&) = delete;

  static constexpr int kSchemaVersion = 2;
  // The layout of a published snapshot (an events table and the device id), which
  // the store's own migrations do not change.
  static constexpr int kSnapshotVersion = 1;

  const std::string& deviceId() const { return mDeviceId; }
  const std::string& path() const { return mPath; }

  // The store's identity beside its device id (results/store_identity.cpp): a
  // random instance id, taken with each device id, and since when (Unix seconds).
  const std::string& instanceId() const { return mInstanceId; }
  std::int64_t instanceSince() const { return mInstanceSince; }
  // The device ids this store published under before its current one, oldest
  // first. Their rows are history: a merge treats them as any other PC's.
  std::vector<std::string> previousDeviceIds() const;
  // The last sequence number this device gave its own events (0 for none).
  std::int64_t localSeq() const;
  // (seq, uuid) of every event carrying the current device id, by seq.
  std::vector<std::pair<std::int64_t, std::string>> ownSequence() const;
  // Set when open() found the folder copied or restored elsewhere and took a fresh
  // device id before recording anything.
  const std::optional<DeviceIdChange>& changedOnOpen() const { return mChangedOnOpen; }
  // Takes a fresh device id and instance id, in one transaction: this device's
  // events with seq >= `renumberFrom` move to the new id with fresh sequence
  // numbers 1, 2, ... (in their old order, keeping their uuids), the counter goes
  // on from there, and the old id joins previousDeviceIds(). Its other events keep
  // the old id. Fails (nothing changed) when another process changed the id first.
  std::optional<DeviceIdChange> takeFreshDeviceId(std::int64_t renumberFrom, std::string& error);
  // Reads the device id again, in case another process using the same store
  // (the game and safequest-cli) took a fresh one.
  void reloadIdentity();

  // Appends one event. Returns it (with uuid, device id, seq, time) only after the
  // commit is durable; on failure returns nullopt, sets `error`, and nothing is kept.
  std::optional<Event> record(const EventDraft& draft, std::string& error);
  // Inserts events recorded elsewhere (the one-shot merge), read from the snapshot
  // file named `sourceFile` ("" when not known), each decided by results/merge_rows:
  // known ones change nothing, clashing ones go to quarantine, rows about pupils not
  // on the class list are held. A tombstone not signed by the trusted teacher key
  // (results/teacher_trust) is left out and counted in `counts->tombstonesRefused`.
  // Held rows whose pupil is now listed are released first. Returns how many were
  // new, or -1 on failure (nothing is kept then).
  int insertForeign(const std::vector<Event>& events, std::string& error,
                    const std::string& sourceFile = "", ForeignCounts* counts = nullptr);
  std::vector<Event> events(const EventFilter& filter = {}) const;

  Roster loadRoster() const;
  // Replaces the class list in one transaction: all or nothing. Held rows whose
  // pupil is on the new list are released into events in the same transaction.
  bool saveRoster(const Roster& roster, std::string& error);

  // The versions of clashing events a merge kept aside, none of them counted, until
  // the teacher keeps one (keepQuarantined), which drops every other version of it
  // for good. A version claiming this PC's id, or clashing with one of its records,
  // cannot be kept.
  std::vector<QuarantineEntry> quarantine() const;
  bool keepQuarantined(std::int64_t id, std::string& error);
  // Merged rows about pupils not on the class list, not counted until they are.
  std::vector<HeldEntry> heldRows() const;

  // A random per-store key for hashing admission numbers (Pupil::misKey).
  const std::string& rosterKey() const { return mRosterKey; }

  // Deletes every event about the pupil and their class-list entry, and records a
  // pupil.erased tombstone, signed with the teacher's key, so a later merge cannot
  // bring the data back and every other PC erases the pupil too. The store runs
  // with secure_delete on, and the erase then clears the log (clearLog), so the
  // erased bytes are in neither safequest.sqlite nor safequest.sqlite-wal. When the
  // log could not be cleared the erase still stands, and logNotCleared() says why.
  bool erasePupil(const std::string& pupilId, const TeacherSigner& signer, std::string& error);
  // What applyRetention(currentAcademicYear) would delete, counted without
  // changing anything, so the teacher sees the numbers before agreeing.
  struct RetentionPlan {
    std::string keepFrom;                    // "2025-09-01": everything recorded before this goes
    int events = 0;                          // events (tombstones are always kept)
    int setAside = 0;                        // held and quarantined rows from a merge
    std::vector<std::string> leaversToErase; // pupil ids archived before keepFrom
  };
  RetentionPlan planRetention(int currentAcademicYear) const;
  // Deletes events older than the retention setting allows, and archived pupils
  // who left before that (erasing them needs the teacher's key: with no `signer`
  // and such pupils to erase, nothing changes and it fails), then clears the log
  // like an erase. Returns how many events went, or -1 on failure.
  int applyRetention(int currentAcademicYear, const TeacherSigner* signer, std::string& error);
  // Copies the write-ahead log into the database and truncates it to nothing
  // (PRAGMA wal_checkpoint(TRUNCATE)). False, with `why`, when another connection is
  // reading: SQLite then keeps the log, and the last connection to close clears it.
  bool clearLog(std::string& why);
  // After erasePupil or applyRetention: "" when the log was cleared, else why not.
  const std::string& logNotCleared() const { return mLogNotCleared; }

  // Writes a new SQLite file at `target` holding every event and, in its meta, this
  // device's id, instance id and since, and sequence counter (`local_seq`), and
  // nothing else: names and the roster key never leave the device this way.
  bool writeEventSnapshot(const std::string& target, std::string& error) const;

  std::int64_t nowSeconds() const;
  sqlite3* handle() const { return mDb; }
  const std::string& configuredTeacherKey() const { return mOptions.teacherPublicKey; }

private:
  ResultsStore() = default;
  bool exec(const char* sql, std::string& error) const;
  bool establishIdentity(std::string& error);
  // takeFreshDeviceId's work inside the caller's transaction; members unchanged.
  std::optional<DeviceIdChange> moveToFreshDeviceId(std::int64_t renumberFrom, std::string& error);
  // record(), with `finish` setting the data once the uuid, device and time are
  // known (a tombstone's signature covers them).
  std::optional<Event> recordWith(const EventDraft& draft,
                                  const std::function<std::string(const Event&)>& finish,
                                  std::string& error);

  sqlite3* mDb = nullptr;
  std::string mPath;
  std::string mDeviceId;
  std::string mRosterKey;
  std::string mInstanceId;
  std::int64_t mInstanceSince = 0;
  std::optional<DeviceIdChange> mChangedOnOpen;
  StoreOptions mOptions;
  std::string mLogNotCleared;
};

} // namespace sq
