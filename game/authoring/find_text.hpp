// Find (Ctrl+F) in the editor: every text of a pack that contains all the words a
// teacher typed, with the file, a readable place ("Steps › story › Nodes › ask ›
// Text") and the text itself, so choosing one opens the field. Only what people
// read is searched: ids, references, kinds, asset paths and the editor's own data
// are not. Matching ignores case for ASCII and for the Latin letters of Welsh and
// other European languages; other characters match exactly, never split.
// Depends on: authoring/pack_document, nlohmann_json.
#pragma once

#include "authoring/pack_document.hpp"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace sq::authoring {

struct TextMatch {
  std::string file;    // relative path of the pack's JSON file
  std::string pointer; // JSON pointer of the text in it
  std::string where;   // the place as a teacher reads it
  std::string text;
};

struct FindResults {
  std::vector<TextMatch> matches; // in file order, then document order
  bool more = false;              // stopped at the limit: there are more
};

// Every text containing each whitespace-separated word of `query`, at most `limit`
// of them. An empty query (or one of only spaces) finds nothing.
FindResults findText(const PackDocument& doc, std::string_view query, std::size_t limit = 200);

// `text` with letters folded to lower case (ASCII, Latin-1 and Latin Extended-A);
// bytes that are not valid UTF-8 are kept as they are.
std::string foldCase(std::string_view text);

// The place of `pointer` in `root` as a teacher reads it: keys in words
// ("teacherNotes" -> "Teacher notes"), list items by their id when they have one,
// else by number from 1.
std::string placeName(const Json& root, const std::string& pointer);

} // namespace sq::authoring
