#include "authoring/edit_history.hpp"

namespace sq::authoring {

bool EditHistory::apply(PackDocument& doc, const Edit& edit, std::string& error,
                        const std::string& mergeKey) {
  std::optional<Edit> inverse = applyEdit(doc, edit, error);
  if (!inverse) {
    return false;
  }
  mUndone.clear();
  if (mOpen && !mergeKey.empty() && !mDone.empty() && mDone.back().mergeKey == mergeKey) {
    // Join the open step: forward runs its ops then these; backward undoes these
    // first, then the step's.
    Step& step = mDone.back();
    step.forward.ops.insert(step.forward.ops.end(), edit.ops.begin(), edit.ops.end());
    inverse->ops.insert(inverse->ops.end(), step.backward.ops.begin(), step.backward.ops.end());
    step.backward.ops = std::move(inverse->ops);
    return true;
  }
  mDone.push_back(Step{edit, std::move(*inverse), mergeKey});
  mOpen = !mergeKey.empty();
  return true;
}

bool EditHistory::undo(PackDocument& doc, std::string& error) {
  mOpen = false;
  if (mDone.empty()) {
    error = "nothing to undo";
    return false;
  }
  Step step = std::move(mDone.back());
  mDone.pop_back();
  std::optional<Edit> forward = applyEdit(doc, step.backward, error);
  if (!forward) {
    mDone.push_back(std::move(step));
    return false;
  }
  step.forward = std::move(*forward);
  step.forward.label = step.backward.label;
  mUndone.push_back(std::move(step));
  return true;
}

bool EditHistory::redo(PackDocument& doc, std::string& error) {
  mOpen = false;
  if (mUndone.empty()) {
    error = "nothing to redo";
    return false;
  }
  Step step = std::move(mUndone.back());
  mUndone.pop_back();
  std::optional<Edit> backward = applyEdit(doc, step.forward, error);
  if (!backward) {
    mUndone.push_back(std::move(step));
    return false;
  }
  step.backward = std::move(*backward);
  mDone.push_back(std::move(step));
  return true;
}

std::string EditHistory::undoLabel() const {
  return mDone.empty() ? std::string() : "Undo: " + mDone.back().forward.label;
}

std::string EditHistory::redoLabel() const {
  return mUndone.empty() ? std::string() : "Redo: " + mUndone.back().forward.label;
}

void EditHistory::clear() {
  mDone.clear();
  mUndone.clear();
  mOpen = false;
}

} // namespace sq::authoring
