#include "authoring/editing_session.hpp"

#include <filesystem>
#include <system_error>

namespace sq::authoring {

EditingSession::EditingSession(const std::string& folder, Options options)
    : mDoc(PackDocument::open(folder)), mOptions(std::move(options)), mTimer(mOptions.autosaveMs) {
  mDoc.setReadOnly(mOptions.readOnly);
  if (!mOptions.recoveryDir.empty() && !mOptions.readOnly) {
    mRecovery = readRecovery(mOptions.recoveryDir, mDoc, mRecoveryProblem);
  }
  // The opened state is what autosave compares against.
  mTimer.written(0, mDoc.revision());
}

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
