// Choosing a file to bring into a pack, as a teacher can: a box to type or paste
// a path, and a simple folder browser (Home, Pictures, Desktop ..., Up, the
// folder's sub-folders, and only files of the wanted kinds). Shared by pictures
// and narration, and class lists for the school records. The listing itself is
// authoring/file_browse (tested). Depends on: authoring/file_browse, Dear ImGui.
#pragma once

#include "authoring/file_browse.hpp"

#include <string>
#include <vector>

namespace sq {

class MediaFileChooser {
public:
  // `extensions`: ".png" and so on; `what`: "a picture" (for the words shown).
  MediaFileChooser(std::vector<std::string> extensions, std::string what);

  // Draws the box and the browser; true on the frame the teacher chose a file,
  // which path() then names.
  bool draw();
  const std::string& path() const { return mPath; }
  void setPath(const std::string& path) { mPath = path; }
  // Also offer the folder shown as the choice (a OneRoster export is a folder),
  // with this button label; "" (the default) offers files only.
  void offerFolders(std::string buttonLabel) { mFolderButton = std::move(buttonLabel); }

private:
  void openFolder(const std::string& folder);

  std::vector<std::string> mExtensions;
  std::string mWhat;
  std::string mPath;
  std::string mHome;
  std::string mFolderButton;
  authoring::FolderListing mListing;
  bool mListed = false;
};

} // namespace sq
