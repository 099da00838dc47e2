// The editor's simple folder browser, without a window: the places a teacher starts
// from (home, Pictures, Desktop, Music, Documents) and one folder's sub-folders and
// the files of the wanted kinds in it, sorted as a person reads them. Hidden
// entries are left out; a folder that cannot be read lists as empty with why.
// Depends on: std only (std::filesystem).
#pragma once

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

namespace sq::authoring {

struct FolderListing {
  std::string folder;
  std::vector<std::string> folders; // names, sorted case-blind
  std::vector<std::string> files;   // names with a wanted ending, sorted case-blind
  std::string error;                // when the folder could not be read
  bool truncated = false;           // more than `maxEntries` entries: the rest left out
};

// `extensions` are endings with the dot, lower case (".png"); compared case-blind.
FolderListing listFolder(const std::string& folder, const std::vector<std::string>& extensions,
                         std::size_t maxEntries = 2000);

// (label, path) of the start places that exist, home first.
std::vector<std::pair<std::string, std::string>> startPlaces(const std::string& home);

// The folder above `folder` ("/" stays "/").
std::string parentFolder(const std::string& folder);

bool hasExtension(const std::string& name, const std::vector<std::string>& extensions);

} // namespace sq::authoring
