// One pack being edited, as the editor window sees it: the document, its undo
// history, autosave to a recovery file, the work recovered from a crash, live
// validation and closing safely. The ImGui panels hold one of these and only call
// it, so everything a teacher can do is tested here without a window.
// Depends on: authoring (document, edits, history, recovery, document_source).
#pragma once

#include "authoring/document_source.hpp"
#include "authoring/edit_history.hpp"
#include "authoring/recovery.hpp"

#include <cstdint>
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

  // The loader's verdict on the document as it is now; recomputed when it changed.
  const LoadResult& validation();
  // The last verdict, without running the loader (empty before the first run).
  const LoadResult& lastValidation() const { return mValidation; }
  bool validatedOnce() const { return mValidated; }
  bool validationCurrent() const { return mValidatedRevision == mDoc.revision() && mValidated; }

  // Closing: false when there are unsaved changes and `discard` is not set (the
  // window then asks). Closing removes the recovery file.
  bool close(bool discard);

private:
  PackDocument mDoc;
  EditHistory mHistory;
  Options mOptions;
  AutosaveTimer mTimer;
  std::optional<Recovery> mRecovery;
  std::string mRecoveryProblem;
  LoadResult mValidation;
  std::uint64_t mValidatedRevision = 0;
  bool mValidated = false;
};

// Copies the pack at `from` into the new folder `to` (which must not exist), and
// gives the copy its own id and title, so a school customises the core pack
// without touching it. Links and special files are not copied.
bool duplicatePack(const std::string& from, const std::string& to, const std::string& newId,
                   const std::string& newTitle, std::string& error);

} // namespace sq::authoring
