// The editor's one screen so far: the packs of a content folder with their status
// and, for the selected pack, every diagnostic (severity, code, file, JSON pointer,
// message), with a Reload button. Drawn with Dear ImGui each frame.
// Depends on: content/pack_catalog, ui/theme (colours), Dear ImGui.
#pragma once

#include "content/pack_catalog.hpp"

#include <string>

struct ImFont;

namespace sq {

struct Theme;

class EditorUi {
public:
  explicit EditorUi(std::string contentDir) : mContentDir(std::move(contentDir)) {}

  // Reads the content folder again, keeping the selected pack when it is still there;
  // otherwise selects the first pack with errors (what a teacher wants to fix), or the first.
  void reload();
  bool loaded() const { return mLoaded; }

  // Builds this frame's windows. Call between ImGui::NewFrame() and ImGui::Render().
  void draw(const Theme& theme);

  // A larger font for the selected pack's title; nullptr: the default font.
  void setHeadingFont(ImFont* font) { mHeadingFont = font; }

  const Catalog& catalog() const { return mCatalog; }
  int selected() const { return mSelected; }

private:
  void drawPackList(const Theme& theme);
  void drawDetails(const Theme& theme);

  std::string mContentDir;
  Catalog mCatalog;
  bool mLoaded = false;
  int mSelected = -1;
  bool mReloadRequested = false;
  ImFont* mHeadingFont = nullptr;
};

} // namespace sq
