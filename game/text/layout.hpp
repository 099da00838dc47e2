// Pure text layout: measuring UTF-8 text, greedy word wrap that never cuts a word,
// and an ellipsis only when a caller asks for one. It knows nothing about fonts or
// pixels beyond the TextMetrics interface, so it is tested without a window.
// Depends on: core/utf8 (std only).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace sq {

// Widths of characters in some font at some size (text/font.hpp implements it).
class TextMetrics {
public:
  virtual ~TextMetrics() = default;
  virtual float advance(char32_t cp) const = 0;
  virtual float kerning(char32_t left, char32_t right) const {
    (void)left;
    (void)right;
    return 0.0f;
  }
  virtual float lineHeight() const = 0;
};

// Width of a single line of text (newlines are not special here).
float measureText(std::string_view utf8, const TextMetrics& metrics);
// Width of the widest word (words split at spaces and newlines): the least width
// that text can wrap into without breaking a word, e.g. for sizing a name tile.
float widestWord(std::string_view utf8, const TextMetrics& metrics);

struct TextLine {
  std::size_t begin = 0; // byte range in the wrapped text, spaces at a wrap point excluded
  std::size_t end = 0;
  float width = 0;
};

struct WrappedText {
  std::vector<TextLine> lines; // at least one (an empty text is one empty line)
  float width = 0;             // of the widest line
  float height = 0;            // lines * line height
  bool overflow = false;       // a single word is wider than the width asked for
};

// Breaks `utf8` into lines no wider than `maxWidth`, at spaces and at '\n'.
// A word is never split: a word wider than `maxWidth` sits alone on its line and
// `overflow` is set, so the caller can choose a smaller size instead.
WrappedText wrapText(std::string_view utf8, float maxWidth, const TextMetrics& metrics);

enum class EllipsisAt { End, Start };

// `utf8` unchanged when it fits in `maxWidth`; otherwise cut at a character
// boundary with "…" at the end (or at the start, to keep a path's last folders).
// Returns "" when not even "…" fits.
std::string ellipsize(std::string_view utf8, float maxWidth, const TextMetrics& metrics,
                      EllipsisAt at = EllipsisAt::End);

} // namespace sq
