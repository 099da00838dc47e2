// Undo and redo for everything a teacher does to a pack, kept from opening to
// closing: saving does not clear it, so a change saved by mistake can still be
// undone (the file then shows as changed again).
// Typing in one field becomes one undo step: edits that carry the same merge key
// (the field's file and pointer) while the step is open join it; moving to
// another field, undoing, redoing or saving closes the step.
// Depends on: authoring/edit_ops.
#pragma once

#include "authoring/edit_ops.hpp"

#include <cstddef>
#include <string>
#include <vector>

namespace sq::authoring {

class EditHistory {
public:
  // Applies `edit` and records it. False (nothing recorded) when it is refused.
  bool apply(PackDocument& doc, const Edit& edit, std::string& error,
             const std::string& mergeKey = {});
  bool undo(PackDocument& doc, std::string& error);
  bool redo(PackDocument& doc, std::string& error);

  bool canUndo() const { return !mDone.empty(); }
  bool canRedo() const { return !mUndone.empty(); }
  // "Undo: Change the title", for the menu and the button's tooltip.
  std::string undoLabel() const;
  std::string redoLabel() const;
  std::size_t undoDepth() const { return mDone.size(); }

  // The next edit starts a new step even when its merge key matches.
  void closeStep() { mOpen = false; }
  void clear();

private:
  struct Step {
    Edit forward;
    Edit backward;
    std::string mergeKey;
  };
  std::vector<Step> mDone;
  std::vector<Step> mUndone;
  bool mOpen = false;
};

} // namespace sq::authoring
