// The editing view of one pack: a toolbar (Save, Undo, Redo, Close, and whether
// anything is unsaved), the pack's files on the left, the selected file's form on
// the right, and the live list of problems at the bottom. Choosing a problem opens
// its file and marks the field it points at.
// Every change goes through `authoring::EditingSession` as an edit, so undo, autosave
// and validation cover it; this file only draws and turns input into edits.
// Depends on: authoring (sq_logic), ui/theme (colours), editor_script (item names for
// scripts), the forms, Find, the story map and the media fields beside it, Dear ImGui.
#pragma once

#include "activity_forms.hpp"
#include "authoring/editing_session.hpp"
#include "find_panel.hpp"
#include "scenario_graph_panel.hpp"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>

struct ImFont;

namespace sq {

struct Theme;
class PictureField;
class NarrationField;

class PackEditor {
public:
  PackEditor(const std::string& folder, authoring::EditingSession::Options options);
  ~PackEditor();

  // Draws into the current ImGui window. Returns false once the pack is closed.
  bool draw(const Theme& theme, std::uint64_t nowMs, const std::string& nowIso);

  // The window's close button or the system asked to quit: true when the pack may
  // close now; otherwise the "save first?" question is shown.
  bool requestClose();
  bool waitingForAnswer() const { return mAskClose || mSession.recovery().has_value(); }
  authoring::EditingSession& session() { return mSession; }
  // How long until autosave wants the next frame, for the idle wait; 0: no wait needed.
  std::uint64_t msUntilAutosave(std::uint64_t nowMs) const;

  void setHeadingFont(ImFont* font) { mHeadingFont = font; }
  void select(const std::string& file, const std::string& pointer);
  const std::string& selectedFile() const { return mFile; }
  const std::string& markedPointer() const { return mMarkedPointer; }
  const std::string& selectedPointer() const { return mMarkedPointer; }
  const std::string& status() const { return mStatus; }
  // Where the teacher was last in the selected file (the field touched, edited or
  // chosen from the problems), for the preview (F5) to start there.
  const std::string& previewPointer() const { return mPlace; }
  // The toolbar's Preview button was pressed since the last call.
  bool takePreviewRequest() { return std::exchange(mPreviewWanted, false); }
  // The age band chosen beside the Preview button (nullopt: the lesson's own).
  std::optional<Band>& previewBand() { return mPreviewBand; }

  // A file dropped on the window (SDL_DROPFILE): to the selected picture or
  // narration field (pack_editor_media.cpp).
  void dropFile(const std::string& path);
  // Recording or playing narration: the window keeps drawing.
  bool mediaBusy() const;

  // Keyboard shortcuts, called from the frame loop before drawing.
  void save();
  void undo();
  void redo();
  // Ctrl+F (routed here by the frame loop): the keyboard goes to the Find box.
  void openFind() { mFind.focus(); }

private:
  friend class ActivityForms; // the forms draw with the fields and apply() below

  void drawToolbar(const Theme& theme);
  void drawFileList(const Theme& theme);
  void drawForm(const Theme& theme);
  void drawProblems(const Theme& theme);
  void drawQuestions();
  void drawJsonText(const Theme& theme);
  void drawValue(const std::string& label, const std::string& pointer, const authoring::Json& value,
                 int depth);
  bool textField(const char* label, const std::string& pointer, bool multiline);
  void markIfSelected(const std::string& pointer);
  // Pictures and narration (pack_editor_media.cpp): true when `value` at `pointer`
  // was drawn as a picture or narration field; drawMissingMedia offers them on a
  // line that has none yet.
  bool drawMedia(const std::string& pointer, const authoring::Json& value);
  void drawMissingMedia(const std::string& pointer, const authoring::Json& value);
  void apply(const authoring::Edit& edit, const std::string& mergeKey = {});

  authoring::EditingSession mSession;
  std::uint64_t mAutosaveMs;
  std::string mFile;
  std::string mMarkedPointer;
  bool mScrollToMark = false;
  bool mAskClose = false;
  bool mClosed = false;
  std::string mStatus;
  std::string mTextBuffer; // the plain-text view of a file that does not parse
  std::string mTextFile;
  std::uint64_t mLastEditMs = 0;
  std::uint64_t mNowMs = 0;
  ImFont* mHeadingFont = nullptr;
  const Theme* mTheme = nullptr; // this frame's, for hints drawn deep in the form
  std::unique_ptr<PictureField> mPictureField;
  std::unique_ptr<NarrationField> mNarrationField;
  ActivityForms mForms{*this};
  FindPanel mFind;
  std::string mPlace; // previewPointer()
  bool mPreviewWanted = false;
  std::optional<Band> mPreviewBand; // previewBand()
  ScenarioGraphPanel mStoryMap;     // above the form while a scenario step is selected
};

} // namespace sq
