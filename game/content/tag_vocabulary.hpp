// The values each lesson and assembly tag list accepts (content/README.md, "Tags"),
// in the documented order. The parser checks tags against them and the coverage
// report makes one row of each, so the two cannot disagree.
// Depends on: std only.
#pragma once

#include <string_view>
#include <vector>

namespace sq {

const std::vector<std::string_view>& efcwStrandIds();
const std::vector<std::string_view>& dcfElementIds();
const std::vector<std::string_view>& smartLetterIds(); // "S", "M", "A", "R", "T"
const std::vector<std::string_view>& topicIds();

} // namespace sq
