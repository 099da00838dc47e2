// The merge of the school folder, in slices: a MergeJob reads every snapshot in
// <school folder>/results and adds its events to the store, a bounded amount of
// work per step(), so the game can run one step a frame and draw a progress bar
// while 30 PCs' records come in. Run to completion it gives exactly what a one-shot
// merge gives (merge() in school_folder is this job run to the end).
//
// Each step reads at most budget.rows rows from snapshots and offers at most that
// many to the store, and stops at budget.time: every statement on a snapshot runs
// under that deadline, so a hostile file cannot hold a step. Rows are added in one
// transaction per step, so stopping (or being killed) half-way keeps what was
// added, and a later merge adds the rest. A snapshot is read to its end before any
// of its rows are added, so a damaged or refused file is never merged in part.
//
// Each row is decided by results/merge_rows, as insertForeign decides it: clashing
// versions go to quarantine and rows about pupils not on the class list are held
// (both counted per file in the result); held rows whose pupil is now listed are
// released in the job's first writes, a bounded number per step.
//
// Erasure tombstones (pupil.erased) win as in the store's insertForeign: after
// every slice no event of an erased pupil (nor their class-list entry, nor a row
// kept aside about them) is left. Only tombstones signed by the trusted teacher key
// count (results/teacher_trust); the others are left out and counted in
// MergeResult::tombstonesRefused.
// Depends on: results/results_store, results/merge_rows, results/snapshot_reader,
// results/school_folder (the result types), sqlite3 (inside the .cpp only).
#pragma once

#include "results/merge_rows.hpp"
#include "results/results_store.hpp"
#include "results/school_folder.hpp"
#include "results/snapshot_reader.hpp"

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <set>
#include <string>
#include <unordered_set>
#include <utility>
#include <vector>

namespace sq {

// What one step may spend. The time is the caller's (a frame's spare time).
struct MergeBudget {
  std::chrono::steady_clock::duration time = std::chrono::milliseconds(8);
  int rows = 2000; // rows read from snapshots plus rows offered to the store
};

struct MergeProgress {
  int snapshotsDone = 0;       // merged or refused so far
  int snapshotsTotal = 0;      // known once the folder is listed (listed == true)
  bool listed = false;         // the results folder has been listed
  std::int64_t eventsRead = 0; // rows read from snapshots so far
  std::int64_t eventsNew = 0;  // events the store did not have yet
  int stepRows = 0;            // rows read plus rows offered to the store in the last step
  bool finished = false;
};

class MergeJob {
public:
  // Nothing is read until the first step. The store must outlive the job.
  MergeJob(ResultsStore& store, std::string schoolFolder, SnapshotLimits limits = {});
  ~MergeJob();
  MergeJob(const MergeJob&) = delete;
  MergeJob& operator=(const MergeJob&) = delete;

  // Does a bounded slice of the merge and returns the progress so far. Once
  // finished, further steps do nothing. Never throws.
  MergeProgress step(const MergeBudget& budget = {});
  bool finished() const { return mPhase == Phase::Finished; }
  const MergeProgress& progress() const { return mProgress; }
  // The outcome, as merge() reports it. Complete once finished(); before that it
  // holds the snapshots done so far. Stopping early is just destroying the job.
  const MergeResult& result() const { return mResult; }

private:
  enum class Phase { Start, List, Open, Read, Insert, Finished };
  using Clock = std::chrono::steady_clock;

  void startListing();
  void listSome(int& rowsLeft, Clock::time_point deadline);
  bool openNext(int& rowsLeft, Clock::time_point deadline);
  bool readSome(int& rowsLeft, Clock::time_point deadline);
  void insertSome(int& rowsLeft, Clock::time_point deadline);
  bool hadWholeStep(Clock::time_point began, Clock::time_point deadline) const;
  void finishFile();
  void fail(const std::string& error);
  void leaveOutUntrustedTombstones();
  bool storeChangedElsewhere();
  void noteStoreSeen();
  bool scanTombstones(int& rowsLeft, Clock::time_point deadline);
  bool removeErasedPupil(const std::string& pupil, std::string& error);
  bool deleteReturning(const char* sql, const std::string& key, std::string& error);

  ResultsStore& mStore;
  std::string mFolder;
  SnapshotLimits mLimits;
  Phase mPhase = Phase::Start;
  Clock::duration mStepTime{};
  MergeProgress mProgress;
  MergeResult mResult;

  std::filesystem::directory_iterator mDir;
  std::vector<std::filesystem::path> mFiles;
  std::size_t mNextFile = 0;

  // The snapshot being read, then its checked rows waiting to be added.
  std::unique_ptr<SnapshotReader> mReader;
  std::string mPath;
  int mPageRows = 0;
  std::vector<Event> mStaged;
  std::size_t mInserted = 0;
  // Pupils the staged file itself erases: their other rows in the file are skipped
  // rather than added and removed again, as ResultsStore::insertForeign does, so
  // `added` counts only what the merge really kept.
  std::unordered_set<std::string> mFileErased;
  MergeFileReport mFile;

  // Pupils with a tombstone in the store, read once (a scan spread over steps) and
  // kept up to date; after a scan every one of them is applied once more.
  bool mTombstonesKnown = false;
  bool mApplyAllTombstones = false;
  std::unordered_set<std::string> mErased;
  bool mScanning = false;
  std::int64_t mScanNext = 0;
  std::int64_t mScanEnd = 0;
  std::unordered_set<std::string> mScanErased;
  // Keys of rows a tombstone removed while the current file was being added. The
  // one-shot merge added a whole file before removing anything, so a later row of
  // the file with one of these keys was a duplicate; it stays one here.
  std::unordered_set<std::string> mFreedUuids;
  std::set<std::pair<std::string, std::int64_t>> mFreedSlots;
  // Whether every held row that could be released has been.
  bool mHeldReleased = false;
  // How long a commit of ours takes, so rows stop in time for it.
  Clock::duration mCommitCost{};
  // The store's change counters when we last looked, to notice other writers.
  std::int64_t mSeenChanges = -1;
  std::int64_t mSeenDataVersion = -1;
};

} // namespace sq
