// How the game's scripts (app/script) and the editor's (editor/editor_script) are
// read, the same way for both: line by line, counted from 1 for the messages, a
// Windows line end's carriage return dropped, blank lines and '#' comment lines
// skipped; and the blanks a line may carry, taken off the same way: spaces and
// tabs on the left; spaces, tabs and a carriage return on the right.
// Depends on: std only.
#pragma once

#include <algorithm>
#include <string_view>

namespace sq::script_text {

inline std::string_view trimLeft(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) {
    s.remove_prefix(1);
  }
  return s;
}

inline std::string_view trimRight(std::string_view s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) {
    s.remove_suffix(1);
  }
  return s;
}

// A script's command lines, one at a time.
class LineReader {
public:
  explicit LineReader(std::string_view text) : mText(text) {}

  // The next line that is not blank or a comment, without its blanks on the left
  // (its right is left as typed: "text" keeps its spaces); false at the end.
  bool next(std::string_view& line) {
    while (mPos < mText.size()) {
      const std::size_t end = std::min(mText.find('\n', mPos), mText.size());
      std::string_view l = mText.substr(mPos, end - mPos);
      mPos = end + 1;
      ++mLine;
      if (!l.empty() && l.back() == '\r') {
        l.remove_suffix(1);
      }
      l = trimLeft(l);
      if (!l.empty() && l.front() != '#') {
        line = l;
        return true;
      }
    }
    return false;
  }

  // The number of the line last read (1 for the first; 0 before any).
  int lineNumber() const { return mLine; }

private:
  std::string_view mText;
  std::size_t mPos = 0;
  int mLine = 0;
};

} // namespace sq::script_text
