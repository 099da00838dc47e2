// One piece of the teacher's app's work (a report, a publish) run on a worker thread,
// so the window keeps drawing on a big school while it runs. The work reports what it
// is doing in words ("Making the report...") and checks between its steps whether it
// was asked to stop; the window reads stage() each frame and, once finished(), the
// result line. Destroying the job (the tab or the window closed) asks it to stop and
// waits for the step under way: work that saves does so atomically, so nothing is
// half written and a stop before saving saves nothing.
// Depends on: std::thread only (the work brings its own store connection).
#pragma once

#include <atomic>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace sq::admin {

// What a finished job says.
struct JobResult {
  bool ok = false;
  std::string line;                  // the result line, in plain words
  std::vector<std::string> warnings; // e.g. packs left out of a report
  std::string savedPath;             // the file written, when the job saves one
  bool deviceIdChanged = false;      // a publish took a fresh id: reopen the store
};

// What the work sees of its job.
class JobControl {
public:
  virtual ~JobControl() = default;
  virtual bool stopRequested() const = 0;
  // The words shown while this step runs.
  virtual void stage(std::string words) = 0;
};

// A control for running work on the caller's thread (tests, the command line).
class InlineControl : public JobControl {
public:
  bool stopRequested() const override { return stop; }
  void stage(std::string words) override { stages.push_back(std::move(words)); }
  bool stop = false;
  std::vector<std::string> stages;
};

class BackgroundJob {
public:
  using Work = std::function<JobResult(JobControl&)>;
  // Starts `work` at once on a thread of its own; `firstStage` is shown until the
  // work says otherwise.
  BackgroundJob(std::string firstStage, Work work);
  // Asks the work to stop and waits for its current step.
  ~BackgroundJob();
  BackgroundJob(const BackgroundJob&) = delete;
  BackgroundJob& operator=(const BackgroundJob&) = delete;

  // Asks the work to stop at its next check; it finishes with a line saying so.
  void requestStop() { mControl.stop = true; }
  bool finished() const { return mFinished.load(); }
  std::string stage() const;
  // Complete once finished(); before that, an empty result.
  JobResult result() const;

private:
  class Control : public JobControl {
  public:
    explicit Control(BackgroundJob& job) : mJob(job) {}
    bool stopRequested() const override { return stop.load(); }
    void stage(std::string words) override;
    std::atomic<bool> stop{false};

  private:
    BackgroundJob& mJob;
  };

  mutable std::mutex mMutex;
  std::string mStage;
  JobResult mResult;
  Control mControl{*this};
  std::atomic<bool> mFinished{false};
  std::thread mThread;
};

} // namespace sq::admin
