// Where each value of a JSON text sits in its bytes. The editor rewrites a changed
// file by splicing only the values that changed into the author's own text
// (`json_rewrite`), so it needs the byte range of every value, every object key and
// the separators between them. nlohmann's parser keeps none of that.
// The scanner is linear, refuses nesting deeper than a limit before it could
// recurse far, and never throws; the text is outside data (a teacher's pack).
// Depends on: std only.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sq::authoring {

struct JsonMember;

// One value: [begin, end) in the text. Objects list their members, arrays their
// items, in text order; scalars have neither.
struct JsonSpan {
  enum class Kind { Scalar, Object, Array };
  Kind kind = Kind::Scalar;
  std::size_t begin = 0;
  std::size_t end = 0;
  std::vector<JsonMember> members;
  std::vector<JsonSpan> items;
};

struct JsonMember {
  std::string key;          // decoded
  std::size_t keyBegin = 0; // the opening quote of the key
  std::size_t keyEnd = 0;   // just after its closing quote
  JsonSpan value;
};

struct JsonSpanProblem {
  std::size_t offset = 0;
  std::string message;
};

// Scans one JSON value (with whitespace around it, after an optional UTF-8 byte
// order mark) covering the whole text.
// Returns nullopt, with the reason in `problem` when given, when the text is not
// JSON or nests deeper than maxDepth.
std::optional<JsonSpan> scanJsonSpans(std::string_view text, int maxDepth,
                                      JsonSpanProblem* problem = nullptr);

} // namespace sq::authoring
