// Find (Ctrl+F): a search box above the pack's files; while it holds words, the
// list shows every text of the pack containing them (`authoring/find_text`), each
// with its file and place, and choosing one opens that field in the form. Escape
// or the Clear button gives the file list back.
// Depends on: authoring (sq_logic), the pack view, Dear ImGui.
#pragma once

#include "authoring/find_text.hpp"

#include <cstdint>
#include <string>

namespace sq {

class PackEditor;
struct Theme;

class FindPanel {
public:
  // Puts the keyboard in the search box on the next frame.
  void focus() { mFocus = true; }
  // Draws the box, and the results while it holds words. True when results were
  // drawn (the caller then leaves out the file list).
  bool draw(PackEditor& host, const Theme& theme);
  const std::string& query() const { return mQuery; }

private:
  std::string mQuery;
  bool mFocus = false;
  // The last search, kept until the words or the document change.
  authoring::FindResults mResults;
  std::string mSearched;
  std::uint64_t mRevision = 0;
  bool mSearchedOnce = false;
};

} // namespace sq
