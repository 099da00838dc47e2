#include "records_admin/background_job.hpp"

#include <utility>

namespace sq::admin {

BackgroundJob::BackgroundJob(std::string firstStage, Work work) : mStage(std::move(firstStage)) {
  mThread = std::thread([this, w = std::move(work)] {
    JobResult r = w(mControl);
    const std::lock_guard<std::mutex> lock(mMutex);
    mResult = std::move(r);
    mFinished = true;
  });
}

BackgroundJob::~BackgroundJob() {
  mControl.stop = true;
  if (mThread.joinable()) {
    mThread.join();
  }
}

void BackgroundJob::Control::stage(std::string words) {
  const std::lock_guard<std::mutex> lock(mJob.mMutex);
  mJob.mStage = std::move(words);
}

std::string BackgroundJob::stage() const {
  const std::lock_guard<std::mutex> lock(mMutex);
  return mStage;
}

JobResult BackgroundJob::result() const {
  const std::lock_guard<std::mutex> lock(mMutex);
  return mResult;
}

} // namespace sq::admin
