#include "text/layout.hpp"

#include "core/utf8.hpp"

#include <algorithm>

namespace sq {

namespace {

constexpr std::string_view kEllipsis = "\xE2\x80\xA6"; // U+2026

// Spaces where a line may break. No-break space (U+00A0) is deliberately absent.
bool isBreakSpace(char32_t cp) {
  return cp == U' ' || cp == U'\t' || cp == U'\r';
}

struct Token {
  std::size_t begin;
  std::size_t end;
  enum Kind { Word, Space, Newline } kind;
};

std::vector<Token> tokenize(std::string_view s) {
  std::vector<Token> out;
  std::size_t pos = 0;
  while (pos < s.size()) {
    const std::size_t start = pos;
    const char32_t cp = decodeUtf8(s, pos);
    const Token::Kind kind = cp == U'\n'        ? Token::Newline
                             : isBreakSpace(cp) ? Token::Space
                                                : Token::Word;
    if (kind != Token::Newline && !out.empty() && out.back().kind == kind &&
        out.back().end == start) {
      out.back().end = pos;
    } else {
      out.push_back(Token{start, pos, kind});
    }
  }
  return out;
}

} // namespace

float widestWord(std::string_view text, const TextMetrics& m) {
  float widest = 0;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find_first_of(" \n", start);
    if (end == std::string_view::npos) {
      end = text.size();
    }
    widest = std::max(widest, measureText(text.substr(start, end - start), m));
    start = end + 1;
  }
  return widest;
}

float measureText(std::string_view utf8, const TextMetrics& metrics) {
  float width = 0;
  char32_t prev = 0;
  std::size_t pos = 0;
  while (pos < utf8.size()) {
    const char32_t cp = decodeUtf8(utf8, pos);
    if (prev != 0) {
      width += metrics.kerning(prev, cp);
    }
    width += metrics.advance(cp);
    prev = cp;
  }
  return width;
}

WrappedText wrapText(std::string_view utf8, float maxWidth, const TextMetrics& metrics) {
  WrappedText out;
  const auto tokens = tokenize(utf8);

  bool lineOpen = false;     // a line has begun (it may still be empty)
  std::size_t lineBegin = 0; // where the current line starts
  std::size_t lineEnd = 0;   // end of its last word (or of its leading spaces)
  bool lineHasWord = false;

  auto finishLine = [&]() {
    TextLine line{lineBegin, lineEnd,
                  measureText(utf8.substr(lineBegin, lineEnd - lineBegin), metrics)};
    out.width = std::max(out.width, line.width);
    out.lines.push_back(line);
    lineOpen = false;
    lineHasWord = false;
  };

  for (const Token& t : tokens) {
    if (!lineOpen) {
      lineOpen = true;
      lineBegin = t.begin;
      lineEnd = t.begin;
    }
    switch (t.kind) {
    case Token::Newline:
      finishLine();
      // The next line begins after the newline, even when nothing follows it.
      lineOpen = true;
      lineBegin = t.end;
      lineEnd = t.end;
      break;
    case Token::Space:
      // Leading spaces of a paragraph are kept as indentation; spaces after a word
      // join the line only when the next word does.
      if (!lineHasWord) {
        lineEnd = t.end;
      }
      break;
    case Token::Word: {
      const std::size_t candidateEnd = t.end;
      const float width = measureText(utf8.substr(lineBegin, candidateEnd - lineBegin), metrics);
      if (!lineHasWord || width <= maxWidth) {
        if (!lineHasWord && width > maxWidth) {
          out.overflow = true;
        }
        lineEnd = candidateEnd;
        lineHasWord = true;
      } else {
        // Break before this word; the spaces between are dropped.
        finishLine();
        lineOpen = true;
        lineBegin = t.begin;
        lineEnd = t.end;
        lineHasWord = true;
        if (measureText(utf8.substr(t.begin, t.end - t.begin), metrics) > maxWidth) {
          out.overflow = true;
        }
      }
      break;
    }
    }
  }
  if (lineOpen || out.lines.empty()) {
    if (!lineOpen) {
      lineBegin = lineEnd = utf8.size();
    }
    finishLine();
  }
  out.height = static_cast<float>(out.lines.size()) * metrics.lineHeight();
  return out;
}

std::string ellipsize(std::string_view utf8, float maxWidth, const TextMetrics& metrics,
                      EllipsisAt at) {
  if (measureText(utf8, metrics) <= maxWidth) {
    return std::string(utf8);
  }
  const float room = maxWidth - measureText(kEllipsis, metrics);
  if (room < 0) {
    return {};
  }
  // Character boundaries, so a cut never lands inside a UTF-8 sequence.
  std::vector<std::size_t> bounds;
  std::size_t pos = 0;
  while (pos < utf8.size()) {
    bounds.push_back(pos);
    decodeUtf8(utf8, pos);
  }
  bounds.push_back(utf8.size());

  auto trim = [](std::string_view s) {
    while (!s.empty() && (s.front() == ' ')) {
      s.remove_prefix(1);
    }
    while (!s.empty() && (s.back() == ' ')) {
      s.remove_suffix(1);
    }
    return s;
  };

  if (at == EllipsisAt::End) {
    std::string_view best;
    for (std::size_t i = 1; i < bounds.size(); ++i) {
      const auto candidate = trim(utf8.substr(0, bounds[i]));
      if (measureText(candidate, metrics) > room) {
        break;
      }
      best = candidate;
    }
    return std::string(best) + std::string(kEllipsis);
  }
  std::string_view best;
  for (std::size_t i = bounds.size() - 1; i-- > 0;) {
    const auto candidate = trim(utf8.substr(bounds[i]));
    if (measureText(candidate, metrics) > room) {
      break;
    }
    best = candidate;
  }
  return std::string(kEllipsis) + std::string(best);
}

} // namespace sq
