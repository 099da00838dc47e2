// The packs found in a content folder: every sub-folder holding a pack.json (or the
// folder itself, when it is a pack). The game shows only valid ones to pupils; the
// editor and teacher screens list every one with its diagnostics.
// Depends on: content/pack_loader.
#pragma once

#include "content/pack_loader.hpp"

#include <string>
#include <vector>

namespace sq {

struct CatalogEntry {
  std::string dir;   // the pack's folder
  LoadResult result; // its pack (when valid) and diagnostics
};

struct Catalog {
  std::string root;
  std::vector<CatalogEntry> packs; // sorted by folder name
  std::string error;               // set when root cannot be read
};

Catalog loadCatalog(const std::string& contentDir, const PackLimits& limits = {});

} // namespace sq
