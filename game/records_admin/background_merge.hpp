// The merge of the school folder run off the window's thread, so the teacher's app
// draws its progress bar while 30 PCs' records come in. The worker opens its own
// connection to the records store (a ResultsStore is used by one thread only; the
// window keeps its own) and runs results/merge_job a slice at a time to the end,
// then counts what waits for the teacher exactly as results/school_folder's merge()
// does, so the result is the one `safequest-cli merge` reports. The window only
// reads progress() and, once finished(), result(). Stopping early (destroying
// this) keeps every slice already added: a later merge adds the rest.
// Depends on: results (results_store, merge_job, school_folder), std::thread.
#pragma once

#include "results/merge_job.hpp"
#include "results/results_store.hpp"
#include "results/school_folder.hpp"

#include <atomic>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

namespace sq::admin {

class BackgroundMerge {
public:
  // Starts merging `schoolFolder` into the store in `dataDir`, opened with
  // `options` (the same as the window's store). As authoring/editing_session's
  // worker, it needs one thread.
  BackgroundMerge(std::string dataDir, std::string schoolFolder, StoreOptions options,
                  SnapshotLimits limits = {});
  // Asks the worker to stop after its current slice and waits for it.
  ~BackgroundMerge();
  BackgroundMerge(const BackgroundMerge&) = delete;
  BackgroundMerge& operator=(const BackgroundMerge&) = delete;

  bool finished() const { return mFinished.load(); }
  MergeProgress progress() const;
  // Complete once finished(); before that, an empty result.
  MergeResult result() const;

private:
  void run();

  std::string mDataDir;
  std::string mFolder;
  StoreOptions mOptions;
  SnapshotLimits mLimits;
  mutable std::mutex mMutex;
  MergeProgress mProgress;
  MergeResult mResult;
  std::atomic<bool> mStop{false};
  std::atomic<bool> mFinished{false};
  std::thread mThread;
};

} // namespace sq::admin
