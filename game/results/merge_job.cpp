#include "results/merge_job.hpp"

#include <sqlite3.h>

#include <algorithm>

namespace fs = std::filesystem;

namespace sq {

namespace {

// Rows asked of a snapshot at a time. Halved when a page cannot be read within a
// whole step (a slow share), down to one row; a single row that cannot be read in
// a whole step refuses the file.
constexpr int kFirstPageRows = 256;

// How many rows go by between looks at the clock while adding rows or listing.
constexpr int kRowsBetweenClockChecks = 32;

constexpr auto kMinStepTime = std::chrono::milliseconds(1);

constexpr const char* kInsertEvent =
    "INSERT OR IGNORE INTO events(uuid, device_id, seq, pupil_id, kind, pack_id, pack_version, "
    "content_hash, activity_id, score, max_score, choices, time_utc, data) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

// The same removals as the store's own tombstone rule, all at once (used when the
// job first writes, and again if another writer changed the store between steps).
constexpr const char* kApplyAllTombstones =
    "DELETE FROM events WHERE kind <> 'pupil.erased' AND pupil_id <> '' AND pupil_id IN "
    "(SELECT pupil_id FROM events WHERE kind = 'pupil.erased') RETURNING uuid, device_id, seq";
constexpr const char* kRemoveAllErasedPupils =
    "DELETE FROM pupils WHERE id IN (SELECT pupil_id FROM events WHERE kind = 'pupil.erased')";
constexpr const char* kErasedPupils =
    "SELECT DISTINCT pupil_id FROM events WHERE kind = 'pupil.erased'";
// ... and the same rule for one pupil, or one new event, at a time.
constexpr const char* kRemovePupilEvents =
    "DELETE FROM events WHERE pupil_id = ?1 AND pupil_id <> '' AND kind <> 'pupil.erased' "
    "RETURNING uuid, device_id, seq";
constexpr const char* kRemovePupil = "DELETE FROM pupils WHERE id = ?1";
constexpr const char* kRemoveEvent =
    "DELETE FROM events WHERE uuid = ?1 AND kind <> 'pupil.erased' RETURNING uuid, device_id, seq";

class Stmt {
public:
  Stmt(sqlite3* db, const char* sql) { sqlite3_prepare_v2(db, sql, -1, &mStmt, nullptr); }
  ~Stmt() { sqlite3_finalize(mStmt); }
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;
  sqlite3_stmt* get() const { return mStmt; }
  bool ok() const { return mStmt != nullptr; }
  void text(int i, const std::string& s) {
    sqlite3_bind_text(mStmt, i, s.c_str(), static_cast<int>(s.size()), SQLITE_TRANSIENT);
  }
  void integer(int i, std::int64_t v) { sqlite3_bind_int64(mStmt, i, v); }
  void optional(int i, const std::optional<std::int64_t>& v) {
    if (v) {
      sqlite3_bind_int64(mStmt, i, *v);
    } else {
      sqlite3_bind_null(mStmt, i);
    }
  }
  int step() { return sqlite3_step(mStmt); }
  void reset() {
    sqlite3_reset(mStmt);
    sqlite3_clear_bindings(mStmt);
  }
  std::string column(int col) const {
    const auto* p = sqlite3_column_text(mStmt, col);
    return p ? std::string(reinterpret_cast<const char*>(p),
                           static_cast<std::size_t>(sqlite3_column_bytes(mStmt, col)))
             : std::string();
  }

private:
  sqlite3_stmt* mStmt = nullptr;
};

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

std::int64_t dataVersion(sqlite3* db) {
  Stmt s(db, "PRAGMA data_version");
  return s.ok() && s.step() == SQLITE_ROW ? sqlite3_column_int64(s.get(), 0) : -1;
}

} // namespace

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
    mReader.reset();
    mPhase = Phase::Insert;
    return true;
  case SnapshotReader::Page::Refused:
    mFile.error = mReader->error();
    mFile.skippedRows = mReader->skippedRows();
    finishFile();
    return true;
  case SnapshotReader::Page::Interrupted:
    break;
  }
  if (hadWholeStep(began, deadline)) {
    if (mPageRows == 1) {
      mFile.error = "a row of the snapshot could not be read in the time a step allows";
      mFile.skippedRows = mReader->skippedRows();
      finishFile();
      return true;
    }
    mPageRows /= 2;
  }
  return false;
}

bool MergeJob::storeChangedElsewhere() {
  sqlite3* db = mStore.handle();
  return sqlite3_total_changes64(db) != mChangesAfterCommit || dataVersion(db) != mDataVersion;
}

bool MergeJob::deleteReturning(const char* sql, const std::string* key, std::string& error) {
  sqlite3* db = mStore.handle();
  Stmt s(db, sql);
  if (!s.ok()) {
    error = dbError(db, "records store");
    return false;
  }
  if (key != nullptr) {
    s.text(1, *key);
  }
  int rc = SQLITE_ROW;
  while ((rc = s.step()) == SQLITE_ROW) {
    mFreedUuids.insert(s.column(0));
    mFreedSlots.emplace(s.column(1), sqlite3_column_int64(s.get(), 2));
  }
  if (rc != SQLITE_DONE) {
    error = dbError(db, "could not merge");
    return false;
  }
  return true;
}

bool MergeJob::reloadTombstones(std::string& error) {
  sqlite3* db = mStore.handle();
  if (!deleteReturning(kApplyAllTombstones, nullptr, error) ||
      !exec(db, kRemoveAllErasedPupils, error)) {
    return false;
  }
  mErased.clear();
  Stmt s(db, kErasedPupils);
  if (!s.ok()) {
    error = dbError(db, "records store");
    return false;
  }
  int rc = SQLITE_ROW;
  while ((rc = s.step()) == SQLITE_ROW) {
    mErased.insert(s.column(0));
  }
  if (rc != SQLITE_DONE) {
    error = dbError(db, "records store");
    return false;
  }
  mTombstonesKnown = true;
  return true;
}

void MergeJob::insertSome(int& rowsLeft, Clock::time_point deadline) {
  sqlite3* db = mStore.handle();
  std::string error;
  std::string ignored;
  if (!exec(db, "BEGIN IMMEDIATE", error)) {
    fail(error);
    return;
  }
  auto rollback = [&](const std::string& why) {
    exec(db, "ROLLBACK", ignored);
    fail(why);
  };
  // The first write of the job applies every tombstone the store holds, as the
  // one-shot merge did after its first file; so does a write after someone else
  // changed the store, since our list of erased pupils may be out of date.
  if ((!mTombstonesKnown || storeChangedElsewhere()) && !reloadTombstones(error)) {
    rollback(error);
    return;
  }
  int added = 0;
  std::vector<std::string> newlyErased;
  std::vector<std::string> lateEvents; // new events about pupils already erased
  {
    Stmt insert(db, kInsertEvent);
    if (!insert.ok()) {
      rollback(dbError(db, "records store"));
      return;
    }
    int offered = 0;
    while (mInserted < mStaged.size() && rowsLeft > 0) {
      if (++offered % kRowsBetweenClockChecks == 0 && Clock::now() >= deadline) {
        break;
      }
      const Event& e = mStaged[mInserted];
      ++mInserted;
      --rowsLeft;
      if (mFreedUuids.count(e.uuid) != 0 || mFreedSlots.count({e.deviceId, e.seq}) != 0) {
        continue;
      }
      insert.text(1, e.uuid);
      insert.text(2, e.deviceId);
      insert.integer(3, e.seq);
      insert.text(4, e.pupilId);
      insert.text(5, std::string(eventKindId(e.kind)));
      insert.text(6, e.packId);
      insert.text(7, e.packVersion);
      insert.text(8, e.contentHash);
      insert.text(9, e.activityId);
      insert.optional(10, e.score);
      insert.optional(11, e.maxScore);
      insert.text(12, e.choices);
      insert.text(13, e.timeUtc);
      insert.text(14, e.data);
      if (insert.step() != SQLITE_DONE) {
        const std::string why = dbError(db, "could not merge");
        insert.reset();
        rollback(why);
        return;
      }
      insert.reset();
      if (sqlite3_changes(db) == 0) {
        continue;
      }
      ++added;
      if (e.kind == EventKind::PupilErased) {
        if (mErased.insert(e.pupilId).second) {
          newlyErased.push_back(e.pupilId);
        }
      } else if (!e.pupilId.empty() && mErased.count(e.pupilId) != 0) {
        lateEvents.push_back(e.uuid);
      }
    }
  }
  for (const auto& pupil : newlyErased) {
    Stmt removePupil(db, kRemovePupil);
    removePupil.text(1, pupil);
    if (!deleteReturning(kRemovePupilEvents, &pupil, error) || !removePupil.ok() ||
        removePupil.step() != SQLITE_DONE) {
      rollback(error.empty() ? dbError(db, "could not merge") : error);
      return;
    }
  }
  for (const auto& uuid : lateEvents) {
    if (!deleteReturning(kRemoveEvent, &uuid, error)) {
      rollback(error);
      return;
    }
  }
  if (!exec(db, "COMMIT", error)) {
    rollback(error);
    return;
  }
  mChangesAfterCommit = sqlite3_total_changes64(db);
  mDataVersion = dataVersion(db);
  mFile.added += added;
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
  mPhase = Phase::Finished;
}

} // namespace sq
