// A single linear pass over raw JSON text that enforces the nesting limit before
// the parser sees it, so a hostile file ("[[[[..." ten thousand deep) costs one
// scan and never reaches a recursive code path.
// Depends on: std only.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace sq {

struct JsonPrescanProblem {
  std::size_t line = 1;   // 1-based
  std::size_t column = 1; // 1-based, in bytes
  int depth = 0;
};

// Returns where the text first nests deeper than maxDepth, or nullopt.
// Brackets inside strings do not count; the text need not be valid JSON.
std::optional<JsonPrescanProblem> findExcessNesting(std::string_view text, int maxDepth);

} // namespace sq
