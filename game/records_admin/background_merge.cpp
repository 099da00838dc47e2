#include "records_admin/background_merge.hpp"

#include <chrono>
#include <map>
#include <utility>

namespace sq::admin {

BackgroundMerge::BackgroundMerge(std::string dataDir, std::string schoolFolder,
                                 StoreOptions options, SnapshotLimits limits)
    : mDataDir(std::move(dataDir)), mFolder(std::move(schoolFolder)), mOptions(std::move(options)),
      mLimits(std::move(limits)) {
  mThread = std::thread([this] { run(); });
}

BackgroundMerge::~BackgroundMerge() {
  mStop = true;
  if (mThread.joinable()) {
    mThread.join();
  }
}

MergeProgress BackgroundMerge::progress() const {
  const std::lock_guard<std::mutex> lock(mMutex);
  return mProgress;
}

MergeResult BackgroundMerge::result() const {
  const std::lock_guard<std::mutex> lock(mMutex);
  return mResult;
}

void BackgroundMerge::run() {
  MergeResult result;
  std::string error;
  // This thread's own connection: the window's store is never touched from here.
  std::unique_ptr<ResultsStore> store = ResultsStore::open(mDataDir, error, mOptions);
  if (!store) {
    result.ok = false;
    result.error = error;
  } else {
    MergeJob job(*store, mFolder, mLimits);
    // Slices as merge() uses: long enough to be quick, short enough to stop soon.
    MergeBudget budget;
    budget.time = std::chrono::milliseconds(100);
    budget.rows = 20000;
    while (!job.finished() && !mStop.load()) {
      const MergeProgress p = job.step(budget);
      const std::lock_guard<std::mutex> lock(mMutex);
      mProgress = p;
    }
    result = job.result();
    if (!job.finished()) {
      result.ok = false;
      result.error = "the merge was stopped before the end";
    } else if (result.ok) {
      // What waits for the teacher, as merge() in results/school_folder counts it.
      std::map<std::string, int> sources;
      for (const QuarantineEntry& q : store->quarantine()) {
        ++sources[q.source];
        ++result.openConflicts;
      }
      result.quarantineSources.assign(sources.begin(), sources.end());
      result.heldRows = static_cast<int>(store->heldRows().size());
    }
  }
  const std::lock_guard<std::mutex> lock(mMutex);
  mResult = std::move(result);
  mProgress.finished = true;
  mFinished = true;
}

} // namespace sq::admin
