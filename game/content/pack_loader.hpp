// loadPack: reads a content pack, checks its structure and meaning, and returns it
// with every diagnostic. It never throws and never aborts, whatever the input.
// Depends on: core, content model and its JSON layer (json_document, inside the .cpp only).
#pragma once

#include "content/pack_files.hpp"
#include "content/pack_model.hpp"
#include "core/diagnostics.hpp"

#include <optional>
#include <string>
#include <vector>

namespace sq {

struct PackLimits {
  std::uint64_t maxJsonFileBytes = 1024 * 1024;
  std::uint64_t maxOtherFileBytes = 16ull * 1024 * 1024;
  int maxJsonDepth = 32;
  std::size_t maxStringBytes = 4000;
  std::size_t maxArrayItems = 1000;
  std::size_t maxScenarioNodes = 2000;
  std::size_t maxDocumentsPerKind = 2000;
  std::uint32_t maxImageSide = 4096;
  InventoryLimits inventory;
};

struct LoadResult {
  std::optional<Pack> pack; // present only when there are no errors
  std::vector<Diagnostic> diagnostics;
  int errors = 0;
  int warnings = 0;
  std::string packId;  // from pack.json when it could be read, even if the pack is refused
  std::string title;   // likewise, in the pack's first language
  std::string version; // likewise

  bool valid() const { return errors == 0 && pack.has_value(); }
};

LoadResult loadPack(const PackSource& source, const PackLimits& limits = {});
LoadResult loadPack(const std::string& dir, const PackLimits& limits = {});

} // namespace sq
