// The pack view (see pack_editor.hpp).
// Sections:
//   1. helpers: colours, labels, field names as a teacher reads them
//   2. the session: opening, selecting, saving, undo and redo, closing
//   3. the frame: toolbar, file list
//   4. the form: text fields with their hints, every value of a file, broken JSON as text
//   5. problems and questions: the live problems list, recovered work, "save first?"
#include "pack_editor.hpp"
#include "imgui_helpers.hpp"

#include "narration_field.hpp" // complete types for the members pack_editor_media.cpp draws
#include "picture_field.hpp"

#include "authoring/field_hints.hpp"
#include "editor_script.hpp"
#include "lesson_preview_panel.hpp"
#include "ui/theme.hpp"
#include "wrapped_text_box.hpp"

#include "authoring/form_vocabulary.hpp"
#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>

namespace sq {

using authoring::Edit;
using authoring::EditOp;
using authoring::Json;

// ---- helpers ------------------------------------------------------------------------

namespace {

// Validation waits this long after the last keystroke, so typing stays smooth.
constexpr std::uint64_t kValidateAfterMs = 400;

// "lessons/y3-meet-and-tell.json" -> its title, else the file name.
std::string fileLabel(const authoring::PackDocument& doc, const std::string& file) {
  const Json* v = doc.value(file);
  if (v != nullptr && v->is_object()) {
    const auto it = v->find("title");
    if (it != v->end() && it->is_string()) {
      return it->get<std::string>();
    }
  }
  return file;
}

} // namespace

// ---- the session ----------------------------------------------------------------------

PackEditor::PackEditor(const std::string& folder, authoring::EditingSession::Options options)
    : mSession(folder, options), mAutosaveMs(options.autosaveMs) {
  const auto files = mSession.document().files();
  if (!files.empty()) {
    mFile = std::find(files.begin(), files.end(), "pack.json") != files.end() ? "pack.json"
                                                                              : files.front();
  }
}

std::uint64_t PackEditor::msUntilAutosave(std::uint64_t nowMs) const {
  std::uint64_t due = 0;
  if (mSession.validationChecking()) {
    due = nowMs + 30; // the worker's verdict: look for it soon
  } else if (!mSession.validationCurrent()) {
    due = mLastEditMs + kValidateAfterMs;
  }
  if (mSession.autosavePending()) {
    const std::uint64_t save = mLastEditMs + mAutosaveMs;
    due = due == 0 ? save : std::min(due, save);
  }
  if (mediaBusy()) {
    due = due == 0 ? nowMs + 30 : std::min(due, nowMs + 30); // the recording meter moves
  }
  if (due == 0) {
    return 0; // nothing waits: sleep until the teacher does something
  }
  return due > nowMs ? due - nowMs : 1;
}

void PackEditor::select(const std::string& file, const std::string& pointer) {
  mFile = file;
  mMarkedPointer = pointer;
  mPlace = pointer;
  mScrollToMark = true;
}

void PackEditor::apply(const Edit& edit, const std::string& mergeKey) {
  if (!edit.ops.empty() && edit.ops.front().file == mFile) {
    mPlace = edit.ops.front().pointer; // the preview starts where the teacher works
  }
  std::string error;
  if (!mSession.edit(edit, error, mergeKey)) {
    mStatus = error;
  } else {
    mStatus.clear();
  }
  mLastEditMs = mNowMs;
}

void PackEditor::save() {
  if (mSession.document().readOnly()) {
    mStatus = "This pack is read-only. Make your own copy to change it.";
    return;
  }
  const authoring::SaveReport report = mSession.save();
  if (report.ok()) {
    const std::size_t n = report.written.size() + report.removed.size();
    mStatus = n == 0 ? "Nothing to save."
                     : "Saved " + std::to_string(n) + (n == 1 ? " file." : " files.");
  } else {
    mStatus = "Not saved: " + report.failed.front().file + ": " + report.failed.front().message;
  }
}

void PackEditor::undo() {
  std::string error;
  mStatus = mSession.undo(error) ? std::string() : error;
  mLastEditMs = mNowMs;
}

void PackEditor::redo() {
  std::string error;
  mStatus = mSession.redo(error) ? std::string() : error;
  mLastEditMs = mNowMs;
}

bool PackEditor::requestClose() {
  if (mSession.close(false)) {
    mClosed = true;
    return true;
  }
  mAskClose = true;
  return false;
}

// ---- the frame ------------------------------------------------------------------------

bool PackEditor::draw(const Theme& theme, std::uint64_t nowMs, const std::string& nowIso) {
  mNowMs = nowMs;
  const bool firstFrame = mTheme == nullptr;
  mTheme = &theme;
  mSession.tick(nowMs, nowIso);
  drawToolbar(theme);
  ImGui::Separator();
  // The problems list takes only the room it needs, up to seven lines (one line
  // when it only says there are none, so a short window keeps room for the form).
  const std::size_t problemCount = mSession.lastValidation().diagnostics.size();
  const float problemLines =
      problemCount == 0 ? 1.3f : std::clamp(static_cast<float>(problemCount) + 1.6f, 2.2f, 7.0f);
  const float problemsH =
      ImGui::GetTextLineHeightWithSpacing() * problemLines + ImGui::GetStyle().WindowPadding.y * 2;
  const float listW = ImGui::GetContentRegionAvail().x * 0.28f;
  const float bodyH = std::max(ImGui::GetContentRegionAvail().y - problemsH, problemsH);
  if (firstFrame) {
    // The pack just opened: the keyboard starts in the file list (the button that
    // opened it is gone, and with it the keyboard's place), so the arrows work at once.
    ImGui::SetNextWindowFocus();
  }
  ImGui::BeginChild("files", ImVec2(listW, bodyH), true);
  drawFileList(theme);
  ImGui::EndChild();
  ImGui::SameLine();
  ImGui::BeginGroup(); // the story map (for a scenario step) above the form
  const float mapH = mStoryMap.draw(*this, theme, bodyH);
  ImGui::BeginChild("form", ImVec2(0, bodyH - mapH), true);
  drawForm(theme);
  ImGui::EndChild();
  ImGui::EndGroup();
  nameItem("form-column"); // the story map and the form
  ImGui::BeginChild("problems", ImVec2(0, 0), true);
  drawProblems(theme);
  ImGui::EndChild();
  drawQuestions();
  return !mClosed;
}

void PackEditor::drawToolbar(const Theme& theme) {
  const authoring::PackDocument& doc = mSession.document();
  if (mHeadingFont != nullptr) {
    ImGui::PushFont(mHeadingFont);
  }
  ImGui::TextUnformatted(fileLabel(doc, "pack.json").c_str());
  if (mHeadingFont != nullptr) {
    ImGui::PopFont();
  }
  ImGui::SameLine();
  if (doc.readOnly()) {
    ImGui::PushStyleColor(ImGuiCol_Text, toImGui(theme.warningText));
    ImGui::TextUnformatted("Read-only: the core pack. Make your own copy to change it.");
    ImGui::PopStyleColor();
  } else if (mSession.dirty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, toImGui(theme.problemText));
    ImGui::Text("\xE2\x97\x8F Unsaved changes (%d %s)", static_cast<int>(doc.changedFiles().size()),
                doc.changedFiles().size() == 1 ? "file" : "files");
    ImGui::PopStyleColor();
  } else {
    ImGui::PushStyleColor(ImGuiCol_Text, toImGui(theme.readyText));
    ImGui::TextUnformatted("All changes saved");
    ImGui::PopStyleColor();
  }

  ImGui::BeginDisabled(doc.readOnly() || !mSession.dirty());
  if (ImGui::Button("Save (Ctrl+S)")) {
    save();
  }
  nameItem("save");
  ImGui::EndDisabled();
  ImGui::SameLine();
  ImGui::BeginDisabled(!mSession.history().canUndo());
  if (ImGui::Button("Undo (Ctrl+Z)")) {
    undo();
  }
  nameItem("undo");
  if (mSession.history().canUndo() && ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) {
    ImGui::SetTooltip("%s", mSession.history().undoLabel().c_str());
  }
  ImGui::EndDisabled();
  ImGui::SameLine();
  ImGui::BeginDisabled(!mSession.history().canRedo());
  if (ImGui::Button("Redo (Ctrl+Y)")) {
    redo();
  }
  nameItem("redo");
  if (mSession.history().canRedo() && ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) {
    ImGui::SetTooltip("%s", mSession.history().redoLabel().c_str());
  }
  ImGui::EndDisabled();
  ImGui::SameLine();
  if (ImGui::Button("Preview (F5)")) {
    mPreviewWanted = true;
  }
  nameItem("preview");
  ImGui::SameLine();
  drawPreviewBandPicker(*this); // the age band F5 plays in
  ImGui::SameLine();
  if (ImGui::Button("Close pack")) {
    requestClose();
  }
  nameItem("close-pack");
  if (!mStatus.empty()) {
    sameLineIfFits(mStatus.c_str()); // else on a line of its own, wrapped
    ImGui::TextWrapped("%s", mStatus.c_str());
  }
}

void PackEditor::drawFileList(const Theme& theme) {
  if (mFind.draw(*this, theme)) {
    return; // the places found stand in for the file list
  }
  ImGui::Separator();
  const authoring::PackDocument& doc = mSession.document();
  const std::pair<const char*, const char*> groups[] = {{"Pack", ""},
                                                        {"Lessons", "lessons/"},
                                                        {"Promises (AUPs)", "aups/"},
                                                        {"Assemblies", "assemblies/"}};
  const std::vector<std::string> files = doc.files();
  std::vector<bool> shown(files.size(), false);
  for (const auto& [heading, prefix] : groups) {
    ImGui::PushStyleColor(ImGuiCol_Text, toImGui(theme.mutedText));
    ImGui::TextUnformatted(heading);
    ImGui::PopStyleColor();
    for (std::size_t i = 0; i < files.size(); ++i) {
      const std::string& f = files[i];
      const bool inGroup = std::string(prefix).empty() ? f == "pack.json" : f.rfind(prefix, 0) == 0;
      if (!inGroup || shown[i]) {
        continue;
      }
      shown[i] = true;
      const bool changed =
          std::binary_search(doc.changedFiles().begin(), doc.changedFiles().end(), f);
      const bool broken = doc.file(f) != nullptr && !doc.file(f)->parsed;
      std::string label = (changed ? "\xE2\x97\x8F " : "") + fileLabel(doc, f) +
                          (broken ? "  (not valid JSON)" : "") + "##" + f;
      if (ImGui::Selectable(label.c_str(), mFile == f)) {
        select(f, "");
      }
      nameItem("file:" + f);
    }
  }
  bool otherHeading = false;
  for (std::size_t i = 0; i < files.size(); ++i) {
    if (shown[i]) {
      continue;
    }
    if (!otherHeading) {
      ImGui::TextUnformatted("Other files");
      otherHeading = true;
    }
    if (ImGui::Selectable((files[i] + "##other").c_str(), mFile == files[i])) {
      select(files[i], "");
    }
  }
}

// ---- the form -------------------------------------------------------------------------

void PackEditor::markIfSelected(const std::string& pointer) {
  if (mMarkedPointer.empty() || pointer != mMarkedPointer) {
    return;
  }
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const float pad = 3.0f;
  const ImVec2 a(ImGui::GetItemRectMin().x - pad, ImGui::GetItemRectMin().y - pad);
  const ImVec2 b(ImGui::GetItemRectMax().x + pad, ImGui::GetItemRectMax().y + pad);
  draw->AddRect(a, b, IM_COL32(200, 30, 30, 255), 4.0f, 0, 3.0f);
  if (mScrollToMark) {
    ImGui::SetScrollHereY(0.3f);
    ImGui::SetKeyboardFocusHere(-1);
    mScrollToMark = false;
  }
}

bool PackEditor::textField(const char* label, const std::string& pointer, bool multiline) {
  const Json* root = mSession.document().value(mFile);
  const Json* v = root != nullptr ? authoring::findPointer(*root, pointer) : nullptr;
  if (v == nullptr || !v->is_string()) {
    return false;
  }
  std::string text = v->get<std::string>();
  bool changed = false;
  // The label on the left, as a form on paper reads; the field fills the rest.
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(label);
  const ImGuiInputTextFlags readOnly =
      mSession.document().readOnly() ? ImGuiInputTextFlags_ReadOnly : ImGuiInputTextFlags_None;
  if (multiline) {
    changed = wrappedTextBox(("##" + pointer).c_str(), text,
                             ImVec2(-1, ImGui::GetTextLineHeight() * 5), readOnly);
  } else {
    ImGui::SameLine(labelWidth());
    ImGui::SetNextItemWidth(-1);
    changed = ImGui::InputText(("##" + pointer).c_str(), &text, readOnly);
  }
  nameItem("field:" + pointer);
  if (ImGui::IsItemActivated()) {
    mPlace = pointer; // the preview starts where the teacher works
  }
  if (ImGui::IsItemDeactivated()) {
    mSession.history().closeStep(); // the next field, or the next visit, is a new step
  }
  markIfSelected(pointer);
  if (changed) {
    apply(Edit{"Change " + std::string(label), {EditOp::set(mFile, pointer, text)}},
          mFile + "#" + pointer);
  }
  // Under the field: how it reads for the youngest pupils who see it, and, for
  // long texts, how much of the loader's limit it uses.
  const bool pupils = authoring::isPupilFacing(mFile, pointer);
  const authoring::FieldHint hint = authoring::hintFor(
      text, pupils ? authoring::bandForFile(mSession.document(), mFile) : std::nullopt, pupils,
      PackLimits{}.maxStringBytes);
  if (!hint.reading.empty() || multiline) {
    ImGui::PushStyleColor(ImGuiCol_Text,
                          toImGui(hint.tooHard ? mTheme->warningText : mTheme->mutedText));
    std::string line = hint.reading;
    if (multiline) {
      line += (line.empty() ? "" : "  ") + std::to_string(hint.characters) + " of " +
              std::to_string(hint.limit) + " characters";
    }
    ImGui::TextWrapped("%s", line.c_str());
    ImGui::PopStyleColor();
  }
  return changed;
}

void PackEditor::drawValue(const std::string& label, const std::string& pointer, const Json& value,
                           int depth) {
  if (depth > authoring::kMaxJsonDepth) {
    return;
  }
  if (drawMedia(pointer, value)) {
    return; // a picture or narration: its own field
  }
  ImGui::PushID(pointer.c_str());
  if (value.is_string()) {
    const bool longText = value.get_ref<const std::string&>().size() > 60;
    textField(label.c_str(), pointer, longText);
  } else if (value.is_boolean()) {
    bool b = value.get<bool>();
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(label.c_str());
    ImGui::SameLine(labelWidth());
    ImGui::BeginDisabled(mSession.document().readOnly());
    const bool toggled = ImGui::Checkbox(("##" + pointer).c_str(), &b);
    nameItem("field:" + pointer);
    ImGui::EndDisabled();
    if (toggled) {
      apply(Edit{"Change " + label, {EditOp::set(mFile, pointer, b)}});
    }
    markIfSelected(pointer);
  } else if (value.is_number()) {
    double d = value.get<double>();
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(label.c_str());
    ImGui::SameLine(labelWidth());
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
    const bool typed = ImGui::InputDouble(("##" + pointer).c_str(), &d, 0, 0,
                                          value.is_number_integer() ? "%.0f" : "%g");
    nameItem("field:" + pointer);
    if (typed) {
      apply(Edit{"Change " + label,
                 {EditOp::set(mFile, pointer,
                              value.is_number_integer() ? Json(static_cast<long long>(d))
                                                        : Json(d))}},
            mFile + "#" + pointer);
    }
    if (ImGui::IsItemDeactivated()) {
      mSession.history().closeStep();
    }
    markIfSelected(pointer);
  } else if (value.is_structured()) {
    const bool open = !mMarkedPointer.empty() && mMarkedPointer.rfind(pointer, 0) == 0;
    if (open) {
      ImGui::SetNextItemOpen(true);
    }
    const std::string heading =
        label + (value.is_array() ? "  (" + std::to_string(value.size()) + ")" : "");
    const bool expanded =
        ImGui::TreeNodeEx(heading.c_str(), depth == 0 ? ImGuiTreeNodeFlags_DefaultOpen : 0);
    nameItem("node:" + pointer);
    markIfSelected(pointer);
    if (ImGui::IsItemClicked()) {
      mPlace = pointer; // a step or scene opened: the preview starts there
    }
    if (expanded) {
      if (value.is_object()) {
        for (auto it = value.begin(); it != value.end(); ++it) {
          drawValue(authoring::fieldName(it.key()), authoring::appendPointer(pointer, it.key()),
                    it.value(), depth + 1);
        }
        drawMissingMedia(pointer, value);
      } else {
        for (std::size_t i = 0; i < value.size(); ++i) {
          const std::string itemPointer = authoring::appendPointer(pointer, i);
          drawValue(std::to_string(i + 1), itemPointer, value[i], depth + 1);
          if (mSession.document().readOnly()) {
            continue;
          }
          ImGui::SameLine();
          const bool remove = ImGui::SmallButton(("Remove##" + itemPointer).c_str());
          nameItem("remove:" + itemPointer);
          if (remove) {
            apply(Edit{"Remove " + label + " " + std::to_string(i + 1),
                       {EditOp::removeItem(mFile, pointer, i)}});
            break; // the array changed under the loop
          }
        }
        // A new item copies the last one's shape, so a teacher fills it in.
        const bool add = !value.empty() && !mSession.document().readOnly() &&
                         ImGui::SmallButton(("Add to " + label).c_str());
        if (!value.empty() && !mSession.document().readOnly()) {
          nameItem("add:" + pointer);
        }
        if (add) {
          Json fresh = value.back();
          if (fresh.is_string()) {
            fresh = "";
          }
          apply(Edit{"Add to " + label, {EditOp::insertItem(mFile, pointer, value.size(), fresh)}});
        }
      }
      ImGui::TreePop();
    }
  }
  ImGui::PopID();
}

void PackEditor::drawJsonText(const Theme& theme) {
  const authoring::FileState* f = mSession.document().file(mFile);
  if (mTextFile != mFile) {
    mTextFile = mFile;
    mTextBuffer = f->text;
  }
  ImGui::PushStyleColor(ImGuiCol_Text, toImGui(theme.problemText));
  ImGui::TextWrapped(
      "This file is not valid JSON: %s. Mend it here; the form comes back once it reads.",
      f->error.c_str());
  ImGui::PopStyleColor();
  const bool typed = ImGui::InputTextMultiline("##json-text", &mTextBuffer, ImVec2(-1, -1));
  nameItem("json-text");
  if (typed) {
    apply(Edit{"Mend the text",
               {EditOp::putFile(mFile, authoring::FileState::fromText(mTextBuffer))}},
          mFile + "#text");
  }
}

void PackEditor::drawForm(const Theme& theme) {
  const authoring::FileState* f = mSession.document().file(mFile);
  if (f == nullptr) {
    ImGui::TextUnformatted("Choose a file on the left.");
    return;
  }
  ImGui::PushStyleColor(ImGuiCol_Text, toImGui(theme.mutedText));
  ImGui::TextUnformatted(mFile.c_str());
  ImGui::PopStyleColor();
  if (!f->parsed) {
    drawJsonText(theme);
    return;
  }
  mTextFile.clear();
  // Read-only packs can still be browsed: lists open, text can be selected and copied.
  // A form made for the file when there is one (activity_forms); else every field.
  if (!mForms.draw()) {
    drawValue(fileLabel(mSession.document(), mFile), "", f->value, 0);
  }
}

// ---- problems and questions -----------------------------------------------------------

void PackEditor::drawProblems(const Theme& theme) {
  // Validate once typing pauses, on the session's worker thread: the frame never
  // waits. Until the verdict is in, the list shows the last one. The first check
  // starts at once, so a pack opens with its problems listed.
  mSession.pollValidation();
  if (!mSession.validatedOnce() ||
      (!mSession.validationCurrent() && mNowMs >= mLastEditMs + kValidateAfterMs)) {
    mSession.requestValidation();
  }
  const LoadResult& result = mSession.lastValidation();
  const int errors = result.errors;
  const int warnings = result.warnings;
  ImGui::PushStyleColor(ImGuiCol_Text, toImGui(errors > 0 ? theme.problemText : theme.readyText));
  if (!mSession.validatedOnce()) {
    ImGui::PushStyleColor(ImGuiCol_Text, toImGui(theme.mutedText));
    ImGui::TextUnformatted("Checking the pack\xE2\x80\xA6");
    ImGui::PopStyleColor();
  } else if (errors == 0 && warnings == 0) {
    ImGui::TextUnformatted("No problems: this pack is ready for pupils.");
  } else {
    ImGui::Text("%d %s, %d %s. Choose one to go to the field.", errors,
                errors == 1 ? "error" : "errors", warnings, warnings == 1 ? "warning" : "warnings");
  }
  ImGui::PopStyleColor();
  if (mSession.validatedOnce() && !mSession.validationCurrent()) {
    ImGui::SameLine();
    ImGui::PushStyleColor(ImGuiCol_Text, toImGui(theme.mutedText));
    ImGui::TextUnformatted("(checking\xE2\x80\xA6)");
    ImGui::PopStyleColor();
  }
  int row = 0;
  for (const Diagnostic& d : result.diagnostics) {
    const bool error = d.severity == Severity::Error;
    const std::string label = std::string(error ? "Error  " : "Warning  ") +
                              (d.file.empty() ? "pack" : d.file) + "  " + d.pointer + "  " +
                              d.message + "##problem" + std::to_string(row++);
    ImGui::PushStyleColor(ImGuiCol_Text, toImGui(error ? theme.problemText : theme.warningText));
    if (ImGui::Selectable(label.c_str(), mFile == d.file && mMarkedPointer == d.pointer)) {
      if (mSession.document().file(d.file) != nullptr) {
        select(d.file, d.pointer);
      }
    }
    nameItem("problem:" + std::to_string(row));
    ImGui::PopStyleColor();
  }
}

void PackEditor::drawQuestions() {
  if (mSession.recovery()) {
    ImGui::OpenPopup("Recovered work");
  }
  if (ImGui::BeginPopupModal("Recovered work", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
    const auto& r = mSession.recovery();
    if (!r) {
      ImGui::CloseCurrentPopup();
    } else {
      ImGui::Text("This pack has unsaved work from %s that was not saved before the editor closed.",
                  r->written.c_str());
      for (const authoring::RecoveredFile& f : r->files) {
        ImGui::BulletText(
            "%s%s", f.path.c_str(),
            f.diskUnchanged ? "" : "  (saved by someone else since: yours would replace it)");
      }
      const bool take = ImGui::Button("Take my work back");
      nameItem("take-back");
      if (take) {
        std::string error;
        mStatus = mSession.takeRecovery(error) ? "Your work is back. Save to keep it." : error;
        ImGui::CloseCurrentPopup();
      }
      ImGui::SameLine();
      const bool away = ImGui::Button("Throw it away");
      nameItem("throw-away");
      if (away) {
        mSession.declineRecovery();
        ImGui::CloseCurrentPopup();
      }
    }
    ImGui::EndPopup();
  }
  if (mAskClose) {
    ImGui::OpenPopup("Save changes?");
  }
  if (ImGui::BeginPopupModal("Save changes?", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
    ImGui::TextUnformatted("This pack has unsaved changes. Save them before closing?");
    const bool saveClose = ImGui::Button("Save and close");
    nameItem("save-and-close");
    if (saveClose) {
      save();
      mAskClose = false;
      mClosed = mSession.close(false);
      ImGui::CloseCurrentPopup();
    }
    ImGui::SameLine();
    const bool discard = ImGui::Button("Close without saving");
    nameItem("close-without-saving");
    if (discard) {
      mAskClose = false;
      mClosed = mSession.close(true);
      ImGui::CloseCurrentPopup();
    }
    ImGui::SameLine();
    const bool cancel = ImGui::Button("Cancel");
    nameItem("cancel-close");
    if (cancel) {
      mAskClose = false;
      ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
  }
}

} // namespace sq
