// The editing view of one pack: a toolbar (Save, Undo, Redo, Close, and whether
// anything is unsaved), the pack's files on the left, the selected file's form on
// the right, and the live list of problems at the bottom. Choosing a problem opens
// its file and marks the field it points at.
// Every change goes through `authoring::EditingSession` as an edit, so undo, autosave
// and validation cover it; this file only draws and turns input into edits.
// Depends on: authoring (sq_logic), ui/theme (colours), scenario_graph_panel, Dear ImGui.
#pragma once

#include "authoring/editing_session.hpp"
#include "scenario_graph_panel.hpp"

#include <cstdint>
#include <memory>
#include <string>

struct ImFont;

namespace sq {

struct Theme;

class PackEditor {
public:
  PackEditor(const std::string& folder, authoring::EditingSession::Options options);

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
  const std::string& selectedPointer() const { return mMarkedPointer; }
  const std::string& status() const { return mStatus; }

  // Keyboard shortcuts, called from the frame loop before drawing.
  void save();
  void undo();
  void redo();

private:
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
  ScenarioGraphPanel mStoryMap;  // above the form while a scenario step is selected
};

} // namespace sq
