#include "authoring/editing_session.hpp"

#include <condition_variable>
#include <filesystem>
#include <mutex>
#include <system_error>
#include <thread>

namespace sq::authoring {

// The validation thread. It owns the copies it is given; the session only passes
// jobs in and takes verdicts out under the mutex, so the document the window edits
// is never read off the frame.
struct EditingSession::Worker {
  std::mutex mutex;
  std::condition_variable wake;
  std::unique_ptr<PackDocument> job; // the newest copy waiting to be checked
  std::uint64_t jobRevision = 0;
  std::optional<LoadResult> done; // the last verdict, not yet taken
  std::uint64_t doneRevision = 0;
  bool busy = false;
  bool stop = false;
  std::uint64_t runs = 0;
  std::thread thread;

  Worker() : thread([this] { run(); }) {}
  ~Worker() {
    {
      const std::lock_guard<std::mutex> lock(mutex);
      stop = true;
    }
    wake.notify_all();
    thread.join();
  }
  Worker(const Worker&) = delete;
  Worker& operator=(const Worker&) = delete;

  void run() {
    std::unique_lock<std::mutex> lock(mutex);
    for (;;) {
      wake.wait(lock, [this] { return stop || job != nullptr; });
      if (stop) {
        return;
      }
      std::unique_ptr<PackDocument> doc = std::move(job);
      const std::uint64_t revision = jobRevision;
      busy = true;
      lock.unlock();
      LoadResult result = validateDocument(*doc);
      doc.reset();
      lock.lock();
      busy = false;
      ++runs;
      done = std::move(result);
      doneRevision = revision;
    }
  }
};

EditingSession::EditingSession(const std::string& folder, Options options)
    : mDoc(PackDocument::open(folder)), mOptions(std::move(options)), mTimer(mOptions.autosaveMs) {
  mDoc.setReadOnly(mOptions.readOnly);
  if (!mOptions.recoveryDir.empty() && !mOptions.readOnly) {
    mRecovery = readRecovery(mOptions.recoveryDir, mDoc, mRecoveryProblem);
  }
  // The opened state is what autosave compares against.
  mTimer.written(0, mDoc.revision());
}

EditingSession::~EditingSession() = default; // Worker's destructor joins the thread

bool EditingSession::takeRecovery(std::string& error) {
  if (!mRecovery) {
    error = "there is no recovered work";
    return false;
  }
  const bool ok = mHistory.apply(mDoc, recoveryEdit(*mRecovery), error);
  mRecovery.reset();
  return ok;
}

void EditingSession::declineRecovery() {
  mRecovery.reset();
  if (!mOptions.recoveryDir.empty()) {
    discardRecovery(mOptions.recoveryDir, mDoc.folder());
  }
}

bool EditingSession::edit(const Edit& e, std::string& error, const std::string& mergeKey) {
  return mHistory.apply(mDoc, e, error, mergeKey);
}

bool EditingSession::undo(std::string& error) {
  return mHistory.undo(mDoc, error);
}

bool EditingSession::redo(std::string& error) {
  return mHistory.redo(mDoc, error);
}

SaveReport EditingSession::save() {
  mHistory.closeStep();
  SaveReport report = mDoc.save();
  if (report.ok() && !mOptions.recoveryDir.empty()) {
    std::string ignored;
    writeRecovery(mOptions.recoveryDir, mDoc, "", ignored); // removes it: nothing unsaved
  }
  return report;
}

bool EditingSession::tick(std::uint64_t nowMs, const std::string& nowIso) {
  if (mOptions.recoveryDir.empty() || mOptions.readOnly || mRecovery ||
      !mTimer.due(nowMs, mDoc.revision())) {
    return false; // while recovered work waits for an answer, its file is kept
  }
  std::string error;
  const bool ok = writeRecovery(mOptions.recoveryDir, mDoc, nowIso, error);
  mTimer.written(nowMs, mDoc.revision());
  return ok;
}

const LoadResult& EditingSession::validation() {
  if (!validationCurrent()) {
    mValidation = validateDocument(mDoc);
    mValidatedRevision = mDoc.revision();
    mValidated = true;
  }
  return mValidation;
}

void EditingSession::requestValidation() {
  if (validationCurrent() || (mRequested && mRequestedRevision == mDoc.revision())) {
    return;
  }
  // The copy is made here, on the frame, so the worker never sees the live document.
  auto copy = std::make_unique<PackDocument>(mDoc);
  if (mWorker == nullptr) {
    mWorker = std::make_unique<Worker>();
  }
  {
    const std::lock_guard<std::mutex> lock(mWorker->mutex);
    mWorker->job = std::move(copy); // replaces an older copy still waiting
    mWorker->jobRevision = mDoc.revision();
  }
  mWorker->wake.notify_one();
  mRequested = true;
  mRequestedRevision = mDoc.revision();
}

bool EditingSession::pollValidation() {
  if (mWorker == nullptr) {
    return false;
  }
  std::optional<LoadResult> result;
  std::uint64_t revision = 0;
  {
    const std::lock_guard<std::mutex> lock(mWorker->mutex);
    if (!mWorker->done) {
      return false;
    }
    result = std::move(mWorker->done);
    mWorker->done.reset();
    revision = mWorker->doneRevision;
  }
  if (revision != mDoc.revision()) {
    return false; // typed on since: a newer check is or will be asked for
  }
  mValidation = std::move(*result);
  mValidatedRevision = revision;
  mValidated = true;
  return true;
}

bool EditingSession::validationChecking() const {
  return mRequested && mRequestedRevision == mDoc.revision() && !validationCurrent();
}

std::uint64_t EditingSession::validationRuns() const {
  if (mWorker == nullptr) {
    return 0;
  }
  const std::lock_guard<std::mutex> lock(mWorker->mutex);
  return mWorker->runs;
}

bool EditingSession::close(bool discard) {
  if (mDoc.dirty() && !discard) {
    return false;
  }
  if (!mOptions.recoveryDir.empty() && !mRecovery) {
    discardRecovery(mOptions.recoveryDir, mDoc.folder());
  }
  return true;
}

bool duplicatePack(const std::string& from, const std::string& to, const std::string& newId,
                   const std::string& newTitle, std::string& error) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (fs::exists(to, ec)) {
    error = to + " already exists: choose a new folder";
    return false;
  }
  const PackDocument source = PackDocument::open(from);
  if (source.value("pack.json") == nullptr) {
    error = from + " has no readable pack.json";
    return false;
  }
  fs::create_directories(to, ec);
  if (ec) {
    error = "could not make " + to + ": " + ec.message();
    return false;
  }
  // Copy what the listing found: regular files only, never through a link.
  std::vector<std::string> files = source.assets();
  for (const std::string& f : source.files()) {
    files.push_back(f);
  }
  for (const std::string& f : files) {
    const fs::path target = fs::path(to) / f;
    fs::create_directories(target.parent_path(), ec);
    fs::copy_file(fs::path(from) / f, target, ec);
    if (ec) {
      error = "could not copy " + f + ": " + ec.message();
      return false;
    }
  }
  PackDocument copy = PackDocument::open(to);
  Edit rename{
      "Name the copy",
      {EditOp::set("pack.json", "/id", newId), EditOp::set("pack.json", "/title", newTitle)}};
  if (!applyEdit(copy, rename, error)) {
    return false;
  }
  const SaveReport report = copy.save();
  if (!report.ok()) {
    error = report.failed.front().file + ": " + report.failed.front().message;
    return false;
  }
  return true;
}

} // namespace sq::authoring
