// Writing a pack's JSON back so that a diff shows only what the teacher changed.
// A changed file is not re-serialised: its text is rewritten value by value, and
// every value that did not change keeps its exact bytes (spacing, key order, how
// the author wrapped arrays). Only changed values are written anew, in the style of
// their neighbours (indent unit, one-line objects in a one-line list).
// The result is parsed again and compared with the intended value; should the
// splice ever disagree (a file with duplicate keys, say) the whole file is written
// fresh instead, so the bytes on disk always mean exactly the document.
// Depends on: std, nlohmann_json (ordered_json keeps key order), authoring/json_spans.
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

namespace sq::authoring {

using Json = nlohmann::ordered_json;

// The nesting the editor reads and writes, as the pack loader allows.
inline constexpr int kMaxJsonDepth = 32;

// A new file: two-space indent, UTF-8 kept as is, short scalar lists on one line,
// and a final newline.
std::string writeNewJsonFile(const Json& value);

// `text` holds `before`; returns text holding `after`, keeping the bytes of every
// value that is the same in both. When `text` cannot be scanned, writes fresh.
std::string rewriteJsonText(std::string_view text, const Json& before, const Json& after);

// Parses JSON text without exceptions and with the nesting limit checked first.
// Returns false with a message naming the line and column when it is not JSON.
bool parseJsonText(std::string_view text, Json& out, std::string& error,
                   std::size_t* line = nullptr, std::size_t* column = nullptr);

} // namespace sq::authoring
