// The editor's window: the packs of a content folder with their status and, for
// the selected pack, every diagnostic (severity, code, file, JSON pointer,
// message), with a Reload button; from there a pack opens for editing
// (`PackEditor`), or, for the core pack, opens read-only or is copied to edit.
// Drawn with Dear ImGui each frame.
// The window's menu bar has View (text size 75-200%, remembered by the caller)
// and Help (the keys); a line under it carries notes for the teacher (no PIN set,
// a settings file that could not be read).
// Depends on: content/pack_catalog, authoring, ui/theme (colours), editor_script
// (item names), Dear ImGui.
#pragma once

#include "content/pack_catalog.hpp"
#include "pack_editor.hpp"
#include "records_workspace.hpp"

#include <memory>
#include <string>
#include <vector>

struct ImFont;

namespace sq {

struct Theme;

class EditorUi {
public:
  EditorUi(std::string contentDir, std::string recoveryDir)
      : mContentDir(std::move(contentDir)), mRecoveryDir(std::move(recoveryDir)) {}

  // Reads the content folder again, keeping the selected pack when it is still there;
  // otherwise selects the first pack with errors (what a teacher wants to fix), or the first.
  void reload();
  bool loaded() const { return mLoaded; }

  // Builds this frame's windows. Call between ImGui::NewFrame() and ImGui::Render().
  void draw(const Theme& theme, std::uint64_t nowMs, const std::string& nowIso);

  // Opens the pack in `folder` for editing (read-only for the core pack).
  void openPack(const std::string& folder);
  // Copies the core pack into a new folder of the content folder and opens it.
  bool copyAndOpen(const std::string& folder, std::string& error);
  PackEditor* editor() { return mEditor.get(); }

  // Makes the school records available (a "School records" button beside "Lessons"),
  // once the PIN gate has opened: `pin` is what was typed there ("" when none is set).
  void enableRecords(const std::string& dataDir, GameSettings& settings, const std::string& pin);
  void showRecords(bool show) { mShowRecords = show; }
  bool showingRecords() const { return mShowRecords && mRecords != nullptr; }
  RecordsWorkspace* records() { return mRecords.get(); }
  // A file dropped on the window: to the records (a class list) or the open pack.
  void dropFile(const std::string& path);
  // How soon the window must wake for work running in the records (ms); 0: not needed.
  int msUntilWake() const { return mRecords != nullptr ? mRecords->msUntilWake() : 0; }
  // The window is closing: true when it may (nothing unsaved, or the teacher answered).
  bool requestQuit();

  // A larger font for the selected pack's title; nullptr: the default font.
  void setHeadingFont(ImFont* font);

  // The text size the View menu shows as chosen, and what the teacher asked for
  // since the last call (0: nothing); the caller rebuilds the fonts and saves it.
  void setUiScale(int percent) { mUiScale = percent; }
  int uiScale() const { return mUiScale; }
  int takeScaleRequest();
  void requestScale(int percent) { mScaleRequest = percent; }
  // Lines shown under the menu bar, e.g. that no teacher PIN is set.
  void addNotice(std::string text) { mNotices.push_back(std::move(text)); }
  // Work is still coming in that a screenshot should wait for (the first check of
  // an opened pack).
  bool busy() const;

  const Catalog& catalog() const { return mCatalog; }
  int selected() const { return mSelected; }

private:
  void drawPackList(const Theme& theme);
  void drawDetails(const Theme& theme);
  void drawNewPack();
  void drawMenuBar();
  void drawModeSwitch();

  std::string mContentDir;
  std::string mRecoveryDir;
  std::unique_ptr<PackEditor> mEditor;
  std::unique_ptr<RecordsWorkspace> mRecords;
  bool mShowRecords = false;
  std::string mMessage;
  std::string mNewTitle = "Our lessons";
  int mNewTemplate = 1;
  Catalog mCatalog;
  bool mLoaded = false;
  int mSelected = -1;
  bool mReloadRequested = false;
  ImFont* mHeadingFont = nullptr;
  int mUiScale = 100;
  int mScaleRequest = 0;
  std::vector<std::string> mNotices;
  bool mShowKeys = false;
};

} // namespace sq
