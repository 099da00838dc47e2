// Long texts wrapped at a text box's width for the editor, without changing them.
// Dear ImGui 1.86's multi-line box does not wrap, so the box is given the text with
// soft line breaks: a space where a line is full becomes a '\n' (the usual case),
// and a word longer than the whole line gets a '\n' inserted where it must break.
// The soft breaks are remembered, so the teacher's text is read back byte for byte
// (unwrap), an edit made in the box is turned back into the teacher's text
// (reconcileEdit: typed newlines stay, soft ones go), and cursor places move
// between the two (shownToText, textToShown). A selection in the box is copied as
// the part of the teacher's text it stands for (textOfShown), so a copied paragraph
// pastes back without the box's line breaks.
// Widths come from a measure of one character (the box's font), added up as
// Dear ImGui lays a line out.
// Depends on: core (utf8), std only.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace sq::authoring {

// The advance of one character in the box's font.
using CharWidth = std::function<float(char32_t)>;

struct SoftBreak {
  std::size_t at = 0;         // byte offset of the '\n' in `shown`
  bool replacesSpace = false; // true: it stands for a space of the text; false: inserted
};

struct SoftWrapped {
  std::string shown;             // what the box holds
  std::vector<SoftBreak> breaks; // ascending by `at`
};

// Wraps `text` so that no line is wider than `width` (a line of one character
// wider than the box keeps that character). Lines the teacher ended stay as typed.
// A width of 0 or less leaves the text as it is.
SoftWrapped softWrap(std::string_view text, float width, const CharWidth& charWidth);

// The teacher's text back from a wrapped one.
std::string unwrap(const SoftWrapped& wrapped);

// A place (byte offset) in `shown` as a place in the text, and back.
std::size_t shownToText(const SoftWrapped& wrapped, std::size_t shownPos);
std::size_t textToShown(const SoftWrapped& wrapped, std::size_t textPos);

// The teacher's text that the box's selection `shown[from, to)` stands for: a soft
// break replacing a space is that space again, an inserted one is nothing. The ends
// may come in either order and are clamped to the box's text.
std::string textOfShown(const SoftWrapped& wrapped, std::size_t from, std::size_t to);

struct ReconciledEdit {
  std::string text;       // the teacher's text after the edit
  std::size_t cursor = 0; // where the cursor is in it
};

// The box held `before`; after an edit it holds `after`, with the cursor at
// `cursorAfter` (a byte offset in `after`). What changed is found around the cursor
// (so a new line typed beside a soft break is put on the side the teacher typed it);
// soft breaks outside the change keep their meaning, whatever was typed is kept as
// typed. Deleting only an inserted soft break (Backspace at the start of a broken
// word's next line) deletes the character before it instead.
ReconciledEdit reconcileEdit(const SoftWrapped& before, std::string_view after,
                             std::size_t cursorAfter);

} // namespace sq::authoring
