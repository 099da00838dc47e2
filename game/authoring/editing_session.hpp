// One pack being edited, as the editor window sees it: the document, its undo
// history, autosave to a recovery file, the work recovered from a crash, live
// validation and closing safely. The ImGui panels hold one of these and only call
// it, so everything a teacher can do is tested here without a window.
// Live validation runs off the frame: requestValidation() copies the document at
// its revision and hands the copy to a worker thread of this session's own;
// pollValidation() takes the verdict back, dropping it when the document has moved
// on since. The frame never waits for the loader. The thread lives here only (the
// game never makes an EditingSession, so a web build of the game has no thread),
// starts at the first request, and is joined when the session ends.
// Depends on: authoring (document, edits, history, recovery, document_source), std
// threads.
#pragma once

#include "authoring/document_source.hpp"
#include "authoring/edit_history.hpp"
#include "authoring/recovery.hpp"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

namespace sq::authoring {

class EditingSession {
public:
  struct Options {
    std::string recoveryDir; // where autosave writes; empty: no autosave
    bool readOnly = false;   // the core pack: look, preview, duplicate
    std::uint64_t autosaveMs = 3000;
  };

  EditingSession(const std::string& folder, Options options);
  // Stops and joins the validation thread (a check in progress finishes first).
  ~EditingSession();
  EditingSession(const EditingSession&) = delete;
  EditingSession& operator=(const EditingSession&) = delete;

  PackDocument& document() { return mDoc; }
  const PackDocument& document() const { return mDoc; }
  EditHistory& history() { return mHistory; }

  // Work left by an editor that did not close (a crash, a kill, a power cut).
  const std::optional<Recovery>& recovery() const { return mRecovery; }
  const std::string& recoveryProblem() const { return mRecoveryProblem; }
  bool takeRecovery(std::string& error);
  void declineRecovery();

  bool edit(const Edit& edit, std::string& error, const std::string& mergeKey = {});
  bool undo(std::string& error);
  bool redo(std::string& error);

  // Saves every changed file; the recovery file goes when nothing is left unsaved.
  SaveReport save();
  bool dirty() const { return mDoc.dirty(); }

  // Whether a change is waiting to be autosaved (so the window wakes for it).
  bool autosavePending() const {
    return !mOptions.recoveryDir.empty() && !mOptions.readOnly && !mRecovery &&
           mTimer.pending(mDoc.revision());
  }
  // Called every frame with the time: autosaves when due. True when it wrote.
  bool tick(std::uint64_t nowMs, const std::string& nowIso);

  // The loader's verdict on the document as it is now, computed here and now when
  // it changed (tests and tools; the window uses the worker below).
  const LoadResult& validation();
  // Off the frame: starts a check of the document as it is now on the worker, unless
  // the verdict is current or this revision is already being checked. A check still
  // waiting for the worker is replaced by the newer one. Never waits.
  void requestValidation();
  // Takes the worker's verdict when one is ready: true when lastValidation() is now
  // the verdict on the current document. A verdict on an older revision is dropped.
  bool pollValidation();
  // A check has been asked for and the current verdict is not in yet ("checking…").
  bool validationChecking() const;
  // Checks run on the worker so far (tests: a stale request is replaced, not queued).
  std::uint64_t validationRuns() const;
  // The last verdict, without running the loader (empty before the first run).
  const LoadResult& lastValidation() const { return mValidation; }
  bool validatedOnce() const { return mValidated; }
  bool validationCurrent() const { return mValidatedRevision == mDoc.revision() && mValidated; }

  // Closing: false when there are unsaved changes and `discard` is not set (the
  // window then asks). Closing removes the recovery file.
  bool close(bool discard);

private:
  struct Worker;

  PackDocument mDoc;
  EditHistory mHistory;
  Options mOptions;
  AutosaveTimer mTimer;
  std::optional<Recovery> mRecovery;
  std::string mRecoveryProblem;
  LoadResult mValidation;
  std::uint64_t mValidatedRevision = 0;
  bool mValidated = false;
  std::uint64_t mRequestedRevision = 0;
  bool mRequested = false;
  std::unique_ptr<Worker> mWorker; // started at the first requestValidation()
};

// Copies the pack at `from` into the new folder `to` (which must not exist), and
// gives the copy its own id and title, so a school customises the core pack
// without touching it. Links and special files are not copied.
bool duplicatePack(const std::string& from, const std::string& to, const std::string& newId,
                   const std::string& newTitle, std::string& error);

} // namespace sq::authoring
