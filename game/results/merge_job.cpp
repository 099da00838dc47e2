// Sections:
//   1. SQLite helpers: page sizes, statements, errors, sync off
//   2. the job's steps: listing the snapshots, opening one, reading its rows
//   3. erasures: the tombstone scan and removing erased pupils
//   4. adding rows: inserting, finishing a file, failing
#include "results/merge_job.hpp"

#include "results/civil_time.hpp"
#include "results/sqlite_statement.hpp"
#include "results/teacher_trust.hpp"

#include <sqlite3.h>

#include <algorithm>

namespace fs = std::filesystem;

namespace sq {

namespace {

// ---- SQLite helpers -----------------------------------------------------------------

// Rows asked of a snapshot at a time. Halved when a page cannot be read within a
// whole step (a slow share), down to one row; a single row that cannot be read in
// a whole step refuses the file.
constexpr int kFirstPageRows = 256;

// How many rows go by between looks at the clock while adding rows or listing.
constexpr int kRowsBetweenClockChecks = 32;

// Rowids of the store looked at by one query of the tombstone scan.
constexpr int kScanRows = 1024;

constexpr auto kMinStepTime = std::chrono::milliseconds(1);

// The store's own tombstone rule (insertForeign) removes every event, other than
// tombstones, about a pupil with a tombstone, and their class-list entry. Here it
// is applied a pupil, or a new event, at a time.
constexpr const char* kErasedPupilsIn =
    "SELECT pupil_id FROM events WHERE rowid BETWEEN ?1 AND ?2 AND kind = 'pupil.erased'";
constexpr const char* kRemovePupilEvents =
    "DELETE FROM events WHERE pupil_id = ?1 AND pupil_id <> '' AND kind <> 'pupil.erased' "
    "RETURNING uuid, device_id, seq";
constexpr const char* kRemovePupil = "DELETE FROM pupils WHERE id = ?1";
constexpr const char* kRemovePupilHeld = "DELETE FROM held WHERE pupil_id = ?1";
constexpr const char* kRemovePupilQuarantined =
    "DELETE FROM quarantine WHERE pupil_id = ?1 AND pupil_id <> '' AND kind <> 'pupil.erased'";

std::string dbError(sqlite3* db, const std::string& what) {
  return what + ": " + sqlite3_errmsg(db);
}

bool exec(sqlite3* db, const char* sql, std::string& error) {
  char* message = nullptr;
  if (sqlite3_exec(db, sql, nullptr, nullptr, &message) != SQLITE_OK) {
    error = std::string("records store: ") + (message ? message : sqlite3_errmsg(db));
    sqlite3_free(message);
    return false;
  }
  return true;
}

// Sets synchronous=NORMAL on the store's connection for its lifetime, then puts
// back what was there.
class SyncOff {
public:
  explicit SyncOff(sqlite3* db) : mDb(db) {
    SqlStatement s(db, "PRAGMA synchronous");
    if (s.ok() && s.step() == SQLITE_ROW) {
      mWas = sqlite3_column_int(s.get(), 0);
    }
    std::string ignored;
    if (mWas > 1) {
      exec(mDb, "PRAGMA synchronous=NORMAL", ignored);
    }
  }
  ~SyncOff() {
    if (mWas > 1) {
      std::string ignored;
      const std::string sql = "PRAGMA synchronous=" + std::to_string(mWas);
      exec(mDb, sql.c_str(), ignored);
    }
  }
  SyncOff(const SyncOff&) = delete;
  SyncOff& operator=(const SyncOff&) = delete;

private:
  sqlite3* mDb;
  int mWas = -1;
};

std::int64_t dataVersion(sqlite3* db) {
  SqlStatement s(db, "PRAGMA data_version");
  return s.ok() && s.step() == SQLITE_ROW ? sqlite3_column_int64(s.get(), 0) : -1;
}

} // namespace

// ---- the job's steps ----------------------------------------------------------------

MergeJob::MergeJob(ResultsStore& store, std::string schoolFolder, SnapshotLimits limits)
    : mStore(store), mFolder(std::move(schoolFolder)), mLimits(limits) {}

MergeJob::~MergeJob() = default;

MergeProgress MergeJob::step(const MergeBudget& budget) {
  const auto start = Clock::now();
  mStepTime = std::max<Clock::duration>(budget.time, kMinStepTime);
  const auto deadline = start + mStepTime;
  int rowsLeft = std::max(1, budget.rows);
  const int rowsAtStart = rowsLeft;
  if (mPhase == Phase::Start) {
    startListing();
  }
  bool more = true;
  while (more && mPhase != Phase::Finished && rowsLeft > 0 && Clock::now() < deadline) {
    switch (mPhase) {
    case Phase::List:
      listSome(rowsLeft, deadline);
      break;
    case Phase::Open:
      more = openNext(rowsLeft, deadline);
      break;
    case Phase::Read:
      more = readSome(rowsLeft, deadline);
      break;
    case Phase::Insert:
      insertSome(rowsLeft, deadline);
      break;
    case Phase::Start:
    case Phase::Finished:
      more = false;
      break;
    }
  }
  mProgress.stepRows = rowsAtStart - rowsLeft;
  mProgress.finished = finished();
  return mProgress;
}

void MergeJob::startListing() {
  const fs::path results = fs::path(mFolder) / "results";
  std::error_code ec;
  if (!fs::is_directory(results, ec)) {
    mResult.ok = false;
    mResult.error = "no results folder in " + mFolder + " (nothing has been published yet)";
    mPhase = Phase::Finished;
    return;
  }
  mDir = fs::directory_iterator(results, ec);
  if (ec) {
    mDir = fs::directory_iterator();
  }
  mPhase = Phase::List;
}

void MergeJob::listSome(int& rowsLeft, Clock::time_point deadline) {
  int seen = 0;
  std::error_code ec;
  while (mDir != fs::directory_iterator() && rowsLeft > 0) {
    if (++seen % kRowsBetweenClockChecks == 0 && Clock::now() >= deadline) {
      return;
    }
    --rowsLeft;
    const fs::path path = mDir->path();
    const auto name = path.filename().string();
    // Temporary files are other devices' publishes in progress: never read them.
    if (!name.empty() && name[0] != '.' && path.extension() == ".sqlite") {
      if (mFiles.size() >= mLimits.maxFiles) {
        mDir = fs::directory_iterator();
        break;
      }
      mFiles.push_back(path);
    }
    mDir.increment(ec);
    if (ec) {
      mDir = fs::directory_iterator();
    }
  }
  if (mDir != fs::directory_iterator()) {
    return;
  }
  std::sort(mFiles.begin(), mFiles.end());
  mResult.ok = true;
  mProgress.listed = true;
  mProgress.snapshotsTotal = static_cast<int>(mFiles.size());
  mPhase = mFiles.empty() ? Phase::Finished : Phase::Open;
}

bool MergeJob::hadWholeStep(Clock::time_point began, Clock::time_point deadline) const {
  // A statement that began in the first half of the step had time enough: being
  // interrupted then is the file's doing. One that began late is tried again at
  // the start of the next step.
  return deadline - began >= mStepTime / 2;
}

bool MergeJob::openNext(int& rowsLeft, Clock::time_point deadline) {
  const fs::path& path = mFiles[mNextFile];
  mFile = MergeFileReport();
  mFile.file = path.filename().string();
  mStaged.clear();
  mInserted = 0;
  mPageRows = kFirstPageRows;
  mReader = std::make_unique<SnapshotReader>();
  --rowsLeft;
  const auto began = Clock::now();
  if (mReader->open(path.string(), mLimits, deadline)) {
    mPhase = Phase::Read;
    return true;
  }
  if (mReader->refused()) {
    mFile.error = mReader->error();
    finishFile();
    return true;
  }
  if (hadWholeStep(began, deadline)) {
    mFile.error = "the snapshot could not be opened in the time a step allows";
    finishFile();
    return true;
  }
  mReader.reset();
  return false; // opened again at the start of the next step
}

bool MergeJob::readSome(int& rowsLeft, Clock::time_point deadline) {
  const auto began = Clock::now();
  const std::int64_t before = mReader->rowsRead();
  const auto page = mReader->readPage(std::min(mPageRows, rowsLeft), deadline, mStaged);
  const std::int64_t read = mReader->rowsRead() - before;
  mProgress.eventsRead += read;
  rowsLeft -= static_cast<int>(std::min<std::int64_t>(read, rowsLeft));
  switch (page) {
  case SnapshotReader::Page::More:
    return true;
  case SnapshotReader::Page::Done:
    mFile.skippedRows = mReader->skippedRows();
    mFile.skippedReasons = mReader->skippedReasons();
    mReader.reset();
    leaveOutUntrustedTombstones();
    for (const Event& e : mStaged) {
      if (e.kind == EventKind::PupilErased) {
        mFileErased.insert(e.pupilId);
      }
    }
    mPhase = Phase::Insert;
    return true;
  case SnapshotReader::Page::Refused:
    mFile.error = mReader->error();
    mFile.skippedRows = mReader->skippedRows();
    mFile.skippedReasons = mReader->skippedReasons();
    finishFile();
    return true;
  case SnapshotReader::Page::Interrupted:
    break;
  }
  if (hadWholeStep(began, deadline)) {
    if (mPageRows == 1) {
      mFile.error = "a row of the snapshot could not be read in the time a step allows";
      mFile.skippedRows = mReader->skippedRows();
      mFile.skippedReasons = mReader->skippedReasons();
      finishFile();
      return true;
    }
    mPageRows /= 2;
  }
  return false;
}

void MergeJob::leaveOutUntrustedTombstones() {
  // Only the trusted teacher key's signature makes a tombstone erase anyone, as in
  // ResultsStore::insertForeign. (Rows claiming this device's id are skipped later.)
  const std::string trusted = trustedTeacherKey(mStore).key;
  const auto untrusted = [&](const Event& e) {
    return e.kind == EventKind::PupilErased && e.deviceId != mStore.deviceId() &&
           checkTombstone(e, trusted) != TombstoneCheck::Valid;
  };
  const auto from = std::remove_if(mStaged.begin(), mStaged.end(), untrusted);
  mResult.tombstonesRefused += static_cast<int>(mStaged.end() - from);
  mStaged.erase(from, mStaged.end());
}

bool MergeJob::storeChangedElsewhere() {
  sqlite3* db = mStore.handle();
  return sqlite3_total_changes64(db) != mSeenChanges || dataVersion(db) != mSeenDataVersion;
}

void MergeJob::noteStoreSeen() {
  sqlite3* db = mStore.handle();
  mSeenChanges = sqlite3_total_changes64(db);
  mSeenDataVersion = dataVersion(db);
}

// ---- erasures -----------------------------------------------------------------------

bool MergeJob::scanTombstones(int& rowsLeft, Clock::time_point deadline) {
  sqlite3* db = mStore.handle();
  if (!mScanning || storeChangedElsewhere()) {
    // (Re)start: someone else may have written since the scan began.
    mScanning = true;
    mTombstonesKnown = false;
    mScanErased.clear();
    SqlStatement range(db, "SELECT min(rowid), max(rowid) FROM events");
    if (!range.ok() || range.step() != SQLITE_ROW) {
      fail(dbError(db, "records store"));
      return false;
    }
    noteStoreSeen();
    if (sqlite3_column_type(range.get(), 0) == SQLITE_NULL) {
      mScanning = false;
      mTombstonesKnown = true;
      mApplyAllTombstones = true;
      mErased.clear();
      return true;
    }
    mScanNext = sqlite3_column_int64(range.get(), 0);
    mScanEnd = sqlite3_column_int64(range.get(), 1);
  }
  // The store is read by rowid range, so each query looks at a bounded number of
  // rows whatever the store holds.
  SqlStatement s(db, kErasedPupilsIn);
  if (!s.ok()) {
    fail(dbError(db, "records store"));
    return false;
  }
  while (rowsLeft > 0 && Clock::now() < deadline) {
    const int chunk = std::min(kScanRows, rowsLeft);
    rowsLeft -= chunk;
    const std::int64_t from = mScanNext;
    // (Unsigned: the distance between any two rowids, without overflow.)
    const bool last = static_cast<std::uint64_t>(mScanEnd) - static_cast<std::uint64_t>(from) <
                      static_cast<std::uint64_t>(chunk);
    const std::int64_t to = last ? mScanEnd : from + (chunk - 1);
    s.reset();
    s.bind(1, from);
    s.bind(2, to);
    int rc = SQLITE_ROW;
    while ((rc = s.step()) == SQLITE_ROW) {
      mScanErased.insert(s.text(0));
    }
    if (rc != SQLITE_DONE) {
      fail(dbError(db, "records store"));
      return false;
    }
    if (to == mScanEnd) {
      mErased = std::move(mScanErased);
      mScanErased.clear();
      mScanning = false;
      mTombstonesKnown = true;
      mApplyAllTombstones = true;
      return true;
    }
    mScanNext = to + 1;
  }
  return false;
}

bool MergeJob::deleteReturning(const char* sql, const std::string& key, std::string& error) {
  sqlite3* db = mStore.handle();
  SqlStatement s(db, sql);
  if (!s.ok()) {
    error = dbError(db, "records store");
    return false;
  }
  s.bind(1, key);
  int rc = SQLITE_ROW;
  while ((rc = s.step()) == SQLITE_ROW) {
    mFreedUuids.insert(s.text(0));
    mFreedSlots.emplace(s.text(1), sqlite3_column_int64(s.get(), 2));
  }
  if (rc != SQLITE_DONE) {
    error = dbError(db, "could not merge");
    return false;
  }
  return true;
}

bool MergeJob::removeErasedPupil(const std::string& pupil, std::string& error) {
  sqlite3* db = mStore.handle();
  if (!deleteReturning(kRemovePupilEvents, pupil, error)) {
    return false;
  }
  for (const char* sql : {kRemovePupil, kRemovePupilHeld, kRemovePupilQuarantined}) {
    SqlStatement s(db, sql);
    if (!s.ok()) {
      error = dbError(db, "records store");
      return false;
    }
    s.bind(1, pupil);
    if (s.step() != SQLITE_DONE) {
      error = dbError(db, "could not merge");
      return false;
    }
  }
  return true;
}

// ---- adding rows --------------------------------------------------------------------

void MergeJob::insertSome(int& rowsLeft, Clock::time_point deadline) {
  sqlite3* db = mStore.handle();
  std::string error;
  std::string ignored;
  // Merged rows are copies of snapshots that stay in the school folder, so their
  // commits skip the wait for the disk (synchronous=NORMAL: in WAL mode a killed
  // process still loses nothing committed; a power cut can lose the last slices,
  // which the next merge adds again). The store's own records keep FULL.
  // The first write of the job applies every tombstone the store holds, as the
  // one-shot merge did after its first file; so does a write after someone else
  // changed the store, since the list of erased pupils may be out of date. The
  // list comes from a scan of the store spread over steps.
  if ((!mTombstonesKnown || storeChangedElsewhere()) && !scanTombstones(rowsLeft, deadline)) {
    return;
  }
  const SyncOff syncOff(db);
  if (!exec(db, "BEGIN IMMEDIATE", error)) {
    fail(error);
    return;
  }
  auto rollback = [&](const std::string& why) {
    exec(db, "ROLLBACK", ignored);
    fail(why);
  };
  // Rows stop early enough to leave time for the commit, judged by the last ones.
  const auto rowsDeadline = deadline - mCommitCost;
  if (mApplyAllTombstones) {
    for (const auto& pupil : mErased) {
      if (!removeErasedPupil(pupil, error)) {
        rollback(error);
        return;
      }
    }
    mApplyAllTombstones = false;
  }
  int added = 0;
  int conflicts = 0;
  int held = 0;
  int released = 0;
  std::vector<std::string> newlyErased;
  {
    RowMerger merger(db, mStore.deviceId(), formatUtc(mStore.nowSeconds()));
    if (!mHeldReleased && rowsLeft > 0) {
      // Held rows whose pupil is on the class list now, within the step's rows.
      const int limit = rowsLeft;
      const int taken = merger.releaseHeld(limit, released, error);
      if (taken < 0) {
        rollback(error);
        return;
      }
      rowsLeft -= std::min(taken, rowsLeft);
      mHeldReleased = taken < limit;
    }
    const RowMerger::ErasedTest erasedTest = [this](const std::string& pupil) {
      return mErased.count(pupil) != 0 || mFileErased.count(pupil) != 0;
    };
    int offered = 0;
    while (mInserted < mStaged.size() && rowsLeft > 0) {
      if (++offered % kRowsBetweenClockChecks == 0 && Clock::now() >= rowsDeadline) {
        break;
      }
      const Event& e = mStaged[mInserted];
      ++mInserted;
      --rowsLeft;
      if (mFreedUuids.count(e.uuid) != 0 || mFreedSlots.count({e.deviceId, e.seq}) != 0) {
        continue;
      }
      if (e.kind != EventKind::PupilErased && !e.pupilId.empty() &&
          (mErased.count(e.pupilId) != 0 || mFileErased.count(e.pupilId) != 0)) {
        continue;
      }
      // The rest is decided where ResultsStore::insertForeign decides it.
      const RowOutcome outcome = merger.offer(e, mFile.file, error, erasedTest);
      if (outcome == RowOutcome::Failed) {
        rollback(error);
        return;
      }
      conflicts += outcome == RowOutcome::Conflict || outcome == RowOutcome::Replaced ? 1 : 0;
      held += outcome == RowOutcome::Held ? 1 : 0;
      if (outcome != RowOutcome::Added && outcome != RowOutcome::Replaced) {
        continue;
      }
      ++added;
      // Rows about erased pupils were skipped above, so only a tombstone can
      // erase anyone here.
      if (e.kind == EventKind::PupilErased && mErased.insert(e.pupilId).second) {
        newlyErased.push_back(e.pupilId);
      }
    }
  }
  for (const auto& pupil : newlyErased) {
    if (!removeErasedPupil(pupil, error)) {
      rollback(error);
      return;
    }
  }
  const auto commitStart = Clock::now();
  if (!exec(db, "COMMIT", error)) {
    rollback(error);
    return;
  }
  // Remembered high, forgotten slowly: a slow commit is likely to come again.
  mCommitCost = std::max<Clock::duration>(Clock::now() - commitStart, mCommitCost * 7 / 8);
  noteStoreSeen();
  mFile.added += added;
  mFile.conflicts += conflicts;
  mFile.held += held;
  mResult.released += released;
  mProgress.eventsNew += added;
  if (mInserted == mStaged.size()) {
    mResult.added += mFile.added;
    finishFile();
  }
}

void MergeJob::finishFile() {
  mResult.files.push_back(std::move(mFile));
  mFile = MergeFileReport();
  mReader.reset();
  mStaged.clear();
  mStaged.shrink_to_fit();
  mFileErased.clear();
  mInserted = 0;
  // The one-shot merge removed erased pupils' rows at the end of each file, so
  // keys freed during this file are free again for the next one.
  mFreedUuids.clear();
  mFreedSlots.clear();
  ++mNextFile;
  ++mProgress.snapshotsDone;
  mPhase = mNextFile < mFiles.size() ? Phase::Open : Phase::Finished;
}

void MergeJob::fail(const std::string& error) {
  mResult.ok = false;
  mResult.error = error;
  mResult.files.push_back(std::move(mFile));
  mFile = MergeFileReport();
  mReader.reset();
  mStaged.clear();
  mFileErased.clear();
  mPhase = Phase::Finished;
}

} // namespace sq
