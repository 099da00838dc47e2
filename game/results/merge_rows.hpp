// The one decision about a row another PC's snapshot offers the records store: add
// it, know it already, keep it aside as a conflict (quarantine), or hold it until
// its pupil is on the class list. The sliced merge (merge_job) and the one-shot
// ResultsStore::insertForeign both ask here, so they cannot disagree.
//
// Who is counted when two versions clash (the same uuid, or the same device and
// sequence number, with any field different): a row recorded on this PC outranks
// everything; a row for device D read from D's own snapshot (results/D.sqlite)
// outranks a copy relayed in another PC's file. When exactly one side ranks higher
// it stays in `events` and the other goes to `quarantine`; when neither or both do,
// both go to quarantine and neither is counted. Which stored rows came only from
// someone else's file is kept in `relayed`. A version already in quarantine is not
// added again; one the teacher dropped (keepQuarantined) is passed over for good.
//
// The caller owns the transaction: every call here runs inside one.
// Depends on: results/event, results/sqlite_statement, sqlite3 (inside the .cpp only).
#pragma once

#include "results/event.hpp"

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

struct sqlite3;

namespace sq {

// What became of one offered row.
enum class RowOutcome {
  Added,    // new: now in events, counted
  Known,    // the store holds this very version already
  Replaced, // clashes, and outranks every other version: now counted in their place
  Conflict, // clashes with another version: kept aside, reported
  Held,     // its pupil is not on the class list: kept aside until they are
  PassedBy, // not for this store (claims this PC's id; a version the teacher dropped)
  Failed,   // the store could not be written: roll back
};

// A version kept aside because it clashes with another.
struct QuarantineEntry {
  std::int64_t id = 0;
  Event event;
  std::string source;  // the snapshot file it came from; "local" for this PC's own
  bool own = false;    // read from its device's own snapshot, or recorded here
  std::string seenUtc; // when it was first kept aside
  std::string reason;
};

// A row kept aside because its pupil is not on the class list.
struct HeldEntry {
  Event event;
  std::string source;
  std::string seenUtc;
};

// Whether `sourceFile` (a snapshot's file name) is the own snapshot of `deviceId`.
bool isOwnSnapshot(const std::string& sourceFile, const std::string& deviceId);

class RowMerger {
public:
  // `db` is the store's connection, inside a transaction; `localDevice` the store's
  // own device id; `nowUtc` stamps what is kept aside.
  RowMerger(sqlite3* db, std::string localDevice, std::string nowUtc);
  ~RowMerger();
  RowMerger(const RowMerger&) = delete;
  RowMerger& operator=(const RowMerger&) = delete;

  // Decides about one row read from `sourceFile` ("" when not known). Rows about
  // erased pupils are the caller's to leave out first (the tombstone rules), and
  // `erased` says who they are: a row clashing with a stored row about an erased
  // pupil is passed by, as it would be once the tombstone has removed that row,
  // and versions in quarantine about erased pupils are no rivals (they go too).
  using ErasedTest = std::function<bool(const std::string& pupilId)>;
  RowOutcome offer(const Event& e, const std::string& sourceFile, std::string& error,
                   const ErasedTest& erased = {});

  // Offers again up to `limit` held rows whose pupil is now on the class list.
  // Returns how many rows left `held` (fewer than `limit`: none are left), or -1;
  // `added` grows by those now counted.
  int releaseHeld(int limit, int& added, std::string& error);

  struct Statements; // the prepared SQL, defined in the .cpp

private:
  std::unique_ptr<Statements> mS;
  std::string mLocal;
  std::string mNow;
  bool mHasClassList = false;
  bool mOk = false;
};

// The open conflicts (dropped versions are left out), grouped by uuid.
std::vector<QuarantineEntry> readQuarantine(sqlite3* db);
std::vector<HeldEntry> readHeld(sqlite3* db);
// Keeps quarantined version `id` in events and drops every version it clashes
// with (in events or quarantine), for good: a later merge does not bring them
// back. Runs inside the caller's transaction. A version claiming `localDevice` is
// refused: this PC's own records are never replaced.
bool keepQuarantinedVersion(sqlite3* db, const std::string& localDevice, std::int64_t id,
                            const std::string& nowUtc, std::string& error);

} // namespace sq
