#include "authoring/soft_wrap.hpp"

#include "core/utf8.hpp"

#include <algorithm>
#include <utility>

namespace sq::authoring {

SoftWrapped softWrap(std::string_view text, float width, const CharWidth& charWidth) {
  SoftWrapped out;
  out.shown.assign(text.data(), text.size());
  if (width <= 0 || text.empty()) {
    return out;
  }
  // Breaks are collected as offsets in the text first (inserted ones shift what
  // follows), then applied in one pass.
  struct Pending {
    std::size_t textAt;
    bool replacesSpace;
  };
  std::vector<Pending> pending;
  std::size_t lineStart = 0;
  std::size_t lastSpace = std::string_view::npos; // on this line
  float lineWidth = 0;
  float widthAfterSpace = 0; // the width of the line after its last space
  std::size_t pos = 0;
  while (pos < text.size()) {
    const std::size_t at = pos;
    const char32_t c = decodeUtf8(text, pos);
    if (c == U'\n') {
      lineStart = pos;
      lastSpace = std::string_view::npos;
      lineWidth = 0;
      widthAfterSpace = 0;
      continue;
    }
    const float w = charWidth(c);
    if (c == U' ' && lineWidth + w > width && at > lineStart) {
      // The space at the edge becomes the line's end.
      pending.push_back({at, true});
      lineStart = pos;
      lastSpace = std::string_view::npos;
      lineWidth = 0;
      widthAfterSpace = 0;
      continue;
    }
    while (lineWidth + w > width && at > lineStart) {
      if (lastSpace != std::string_view::npos && lastSpace > lineStart) {
        pending.push_back({lastSpace, true}); // the line ends at its last space
        lineStart = lastSpace + 1;
        lineWidth = widthAfterSpace;
      } else {
        pending.push_back({at, false}); // one word wider than the box
        lineStart = at;
        lineWidth = 0;
      }
      lastSpace = std::string_view::npos;
      widthAfterSpace = lineWidth;
    }
    lineWidth += w;
    widthAfterSpace += w;
    if (c == U' ') {
      lastSpace = at;
      widthAfterSpace = 0;
    }
  }
  if (pending.empty()) {
    return out;
  }
  out.shown.clear();
  out.shown.reserve(text.size() + pending.size());
  std::size_t from = 0;
  for (const Pending& p : pending) {
    out.shown.append(text.substr(from, p.textAt - from));
    out.breaks.push_back(SoftBreak{out.shown.size(), p.replacesSpace});
    out.shown.push_back('\n');
    from = p.replacesSpace ? p.textAt + 1 : p.textAt;
  }
  out.shown.append(text.substr(from));
  return out;
}

namespace {

// `shown[from, to)` with its soft breaks undone (breaks: those of `wrapped`).
void appendUnwrapped(std::string& out, const SoftWrapped& wrapped, std::size_t from,
                     std::size_t to) {
  std::size_t p = from;
  for (const SoftBreak& b : wrapped.breaks) {
    if (b.at < from || b.at >= to) {
      continue;
    }
    out.append(wrapped.shown, p, b.at - p);
    if (b.replacesSpace) {
      out.push_back(' ');
    }
    p = b.at + 1;
  }
  out.append(wrapped.shown, p, to - p);
}

bool isSoftBreakAt(const SoftWrapped& wrapped, std::size_t at, bool& replacesSpace) {
  const auto it =
      std::lower_bound(wrapped.breaks.begin(), wrapped.breaks.end(), at,
                       [](const SoftBreak& b, std::size_t value) { return b.at < value; });
  if (it == wrapped.breaks.end() || it->at != at) {
    return false;
  }
  replacesSpace = it->replacesSpace;
  return true;
}

} // namespace

std::string unwrap(const SoftWrapped& wrapped) {
  std::string out;
  out.reserve(wrapped.shown.size());
  appendUnwrapped(out, wrapped, 0, wrapped.shown.size());
  return out;
}

std::string textOfShown(const SoftWrapped& wrapped, std::size_t from, std::size_t to) {
  from = std::min(from, wrapped.shown.size());
  to = std::min(to, wrapped.shown.size());
  if (from > to) {
    std::swap(from, to);
  }
  std::string out;
  appendUnwrapped(out, wrapped, from, to);
  return out;
}

std::size_t shownToText(const SoftWrapped& wrapped, std::size_t shownPos) {
  shownPos = std::min(shownPos, wrapped.shown.size());
  std::size_t textPos = shownPos;
  for (const SoftBreak& b : wrapped.breaks) {
    if (b.at >= shownPos) {
      break;
    }
    if (!b.replacesSpace) {
      --textPos; // an inserted break is not in the text
    }
  }
  return textPos;
}

std::size_t textToShown(const SoftWrapped& wrapped, std::size_t textPos) {
  std::size_t shownPos = textPos;
  for (const SoftBreak& b : wrapped.breaks) {
    // An inserted break before the place moves it on; one exactly there puts the
    // cursor after it, at the start of the next line.
    if (!b.replacesSpace && b.at <= shownPos) {
      ++shownPos;
    } else if (b.at > shownPos) {
      break;
    }
  }
  return std::min(shownPos, wrapped.shown.size());
}

ReconciledEdit reconcileEdit(const SoftWrapped& before, std::string_view after,
                             std::size_t cursorAfter) {
  const std::string_view old = before.shown;
  cursorAfter = std::min(cursorAfter, after.size());
  // The unchanged end, never reaching before the cursor; then the unchanged start.
  std::size_t suffix = 0;
  const std::size_t maxSuffix = std::min(old.size(), after.size() - cursorAfter);
  while (suffix < maxSuffix && old[old.size() - 1 - suffix] == after[after.size() - 1 - suffix]) {
    ++suffix;
  }
  std::size_t prefix = 0;
  const std::size_t maxPrefix = std::min(old.size(), after.size()) - suffix;
  while (prefix < maxPrefix && old[prefix] == after[prefix]) {
    ++prefix;
  }
  const std::size_t oldChangeEnd = old.size() - suffix;
  const std::string_view typed = after.substr(prefix, after.size() - suffix - prefix);

  ReconciledEdit out;
  appendUnwrapped(out.text, before, 0, prefix);
  // Only inserted soft breaks deleted, nothing typed: Backspace meant the
  // character before the break.
  bool onlyInsertedBreaks = typed.empty() && oldChangeEnd > prefix;
  for (std::size_t i = prefix; onlyInsertedBreaks && i < oldChangeEnd; ++i) {
    bool replaces = false;
    onlyInsertedBreaks = isSoftBreakAt(before, i, replaces) && !replaces;
  }
  if (onlyInsertedBreaks && !out.text.empty()) {
    std::size_t cut = out.text.size() - 1;
    while (cut > 0 && (static_cast<unsigned char>(out.text[cut]) & 0xC0) == 0x80) {
      --cut; // a whole character
    }
    out.text.resize(cut);
  }
  out.text.append(typed);
  out.cursor = out.text.size();
  appendUnwrapped(out.text, before, oldChangeEnd, old.size());
  return out;
}

} // namespace sq::authoring
