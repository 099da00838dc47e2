// The records store: one SQLite database per device, on local disk, holding the
// append-only events and the class list. WAL journal with synchronous=FULL: a
// write returns success only once its commit is durable, so "saved" is true.
// Depends on: results/event, results/roster, sqlite3 (inside the .cpp only).
#pragma once

#include "results/event.hpp"
#include "results/roster.hpp"

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
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

struct StoreOptions {
  // The SQLite VFS to open the database with; "" for the default. Tests use a
  // fault-injecting VFS to simulate a full disk, a read-only folder or a torn write.
  std::string vfs;
  // The clock, as seconds since the Unix epoch; tests pin it.
  std::function<std::int64_t()> now;
  // The teacher's public key set by IT (the machine configuration's
  // teacherPublicKey), "" for none: when set, the only key this store trusts for
  // erasures and class lists (results/teacher_trust).
  std::string teacherPublicKey;
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

  static constexpr int kSchemaVersion = 1;

  const std::string& deviceId() const { return mDeviceId; }
  const std::string& path() const { return mPath; }

  // Appends one event. Returns it (with uuid, device id, seq, time) only after the
  // commit is durable; on failure returns nullopt, sets `error`, and nothing is kept.
  std::optional<Event> record(const EventDraft& draft, std::string& error);
  // Inserts events recorded elsewhere (merge); existing uuids are ignored. A
  // tombstone not signed by the trusted teacher key (results/teacher_trust) is left
  // out and counted in `tombstonesRefused`, when given. Returns how many were new,
  // or -1 on failure.
  int insertForeign(const std::vector<Event>& events, std::string& error,
                    int* tombstonesRefused = nullptr);
  std::vector<Event> events(const EventFilter& filter = {}) const;

  Roster loadRoster() const;
  // Replaces the class list in one transaction: all or nothing.
  bool saveRoster(const Roster& roster, std::string& error);

  // A random per-store key for hashing admission numbers (Pupil::misKey).
  const std::string& rosterKey() const { return mRosterKey; }

  // Deletes every event about the pupil and their class-list entry, and records a
  // pupil.erased tombstone, signed with the teacher's key, so a later merge cannot
  // bring the data back and every other PC erases the pupil too.
  bool erasePupil(const std::string& pupilId, const TeacherSigner& signer, std::string& error);
  // Deletes events older than the retention setting allows, and archived pupils
  // who left before that (erasing them needs the teacher's key: with no `signer`
  // and such pupils to erase, nothing changes and it fails). Returns how many
  // events went, or -1 on failure.
  int applyRetention(int currentAcademicYear, const TeacherSigner* signer, std::string& error);

  // Writes a new SQLite file at `target` holding this device's id and every event,
  // and nothing else: names and the roster key never leave the device this way.
  bool writeEventSnapshot(const std::string& target, std::string& error) const;

  std::int64_t nowSeconds() const;
  sqlite3* handle() const { return mDb; }
  const std::string& configuredTeacherKey() const { return mOptions.teacherPublicKey; }

private:
  ResultsStore() = default;
  bool exec(const char* sql, std::string& error) const;
  // record(), with `finish` setting the data once the uuid, device and time are
  // known (a tombstone's signature covers them).
  std::optional<Event> recordWith(const EventDraft& draft,
                                  const std::function<std::string(const Event&)>& finish,
                                  std::string& error);

  sqlite3* mDb = nullptr;
  std::string mPath;
  std::string mDeviceId;
  std::string mRosterKey;
  StoreOptions mOptions;
};

} // namespace sq
