// Long texts wrapped at a box's width (authoring/soft_wrap): lines never wider than
// the box, the teacher's text read back byte for byte (no soft break ever saved),
// edits in the wrapped box turned back into the text as typed, and cursor places
// kept across wrapping. Every character is one unit wide unless said otherwise.
#include "authoring/soft_wrap.hpp"

#include "core/utf8.hpp"

#include <doctest/doctest.h>

#include <random>

using namespace sq::authoring;

namespace {

float unit(char32_t c) {
  (void)c;
  return 1.0f;
}

// Each line of `shown` (split at every '\n'), with its width.
std::vector<float> lineWidths(const std::string& shown, const CharWidth& w) {
  std::vector<float> out{0};
  std::size_t pos = 0;
  while (pos < shown.size()) {
    const char32_t c = sq::decodeUtf8(shown, pos);
    if (c == U'\n') {
      out.push_back(0);
    } else {
      out.back() += w(c);
    }
  }
  return out;
}

// Types `typed` into the box at shown place `at` (replacing `erase` bytes after it),
// as Dear ImGui would, and returns what the box then holds and where its cursor is.
ReconciledEdit typeInBox(const SoftWrapped& box, std::size_t at, std::size_t erase,
                         const std::string& typed) {
  std::string after = box.shown;
  after.replace(at, erase, typed);
  return reconcileEdit(box, after, at + typed.size());
}

} // namespace

TEST_CASE("a paragraph wraps at its last space that fits; the text reads back unchanged") {
  const std::string text = "Tell a trusted adult if something online worries you.";
  const SoftWrapped w = softWrap(text, 20, unit);
  CHECK(w.shown == "Tell a trusted adult\nif something online\nworries you.");
  REQUIRE(w.breaks.size() == 2);
  CHECK(w.breaks[0].at == 20);
  CHECK(w.breaks[0].replacesSpace);
  CHECK(unwrap(w) == text);
  for (const float lw : lineWidths(w.shown, unit)) {
    CHECK(lw <= 20);
  }
  // Lines the teacher ended stay, and a text that fits is left alone.
  CHECK(softWrap("One.\nTwo.", 20, unit).shown == "One.\nTwo.");
  CHECK(softWrap("One.\nTwo.", 20, unit).breaks.empty());
  CHECK(softWrap(text, 0, unit).shown == text);
  CHECK(softWrap("", 10, unit).shown.empty());
}

TEST_CASE("a word wider than the box breaks where it must, and reads back without the break") {
  const SoftWrapped w = softWrap("https://example.org/a-very-long-address ok", 10, unit);
  CHECK(w.shown == "https://ex\nample.org/\na-very-lon\ng-address\nok");
  CHECK_FALSE(w.breaks[0].replacesSpace);
  CHECK(unwrap(w) == "https://example.org/a-very-long-address ok");
  // Characters are never split: a Welsh word of two-byte letters, four to a line.
  const std::string welsh = "\xC5\xB5\xC5\xB7\xC3\xA2\xC3\xAA\xC3\xAE\xC3\xB4"; // ŵŷâêîô
  const SoftWrapped v = softWrap(welsh, 4, unit);
  CHECK(v.shown == "\xC5\xB5\xC5\xB7\xC3\xA2\xC3\xAA\n\xC3\xAE\xC3\xB4");
  CHECK(sq::isValidUtf8(v.shown));
  CHECK(unwrap(v) == welsh);
}

TEST_CASE("widths come from the font's measure of each character") {
  // Wide 'W's fill a line sooner than narrow 'i's: "WWW iii" is 13 wide.
  const CharWidth measure = [](char32_t c) { return c == U'W' ? 3.0f : 1.0f; };
  const SoftWrapped w = softWrap("WWW iii WWW iii", 13, measure);
  for (const float lw : lineWidths(w.shown, measure)) {
    CHECK(lw <= 13);
  }
  CHECK(w.shown == "WWW iii\nWWW iii");
  CHECK(unwrap(w) == "WWW iii WWW iii");
}

TEST_CASE("typing in the wrapped box changes the text only as typed") {
  const std::string text = "Tell a trusted adult if something online worries you.";
  const SoftWrapped box = softWrap(text, 20, unit);

  SUBCASE("a letter in the middle of the second line") {
    const std::size_t at = box.shown.find("something");
    const ReconciledEdit e = typeInBox(box, at, 0, "X");
    CHECK(e.text == "Tell a trusted adult if Xsomething online worries you.");
    CHECK(e.cursor == e.text.find("Xsomething") + 1);
  }
  SUBCASE("Backspace at the start of a wrapped line takes the space away: the words join") {
    const std::size_t lineTwo = box.shown.find("if");
    const ReconciledEdit e = typeInBox(box, lineTwo - 1, 1, "");
    CHECK(e.text == "Tell a trusted adultif something online worries you.");
    CHECK(e.cursor == std::string("Tell a trusted adult").size());
  }
  SUBCASE("Return at the end of a full line goes before the space it wrapped at") {
    const std::size_t end = box.shown.find('\n');
    std::string after = box.shown;
    after.insert(end, "\n");
    const ReconciledEdit e = reconcileEdit(box, after, end + 1);
    CHECK(e.text == "Tell a trusted adult\n if something online worries you.");
  }
  SUBCASE("Return at the start of the next line goes after it") {
    const std::size_t start = box.shown.find('\n') + 1;
    std::string after = box.shown;
    after.insert(start, "\n");
    const ReconciledEdit e = reconcileEdit(box, after, start + 1);
    CHECK(e.text == "Tell a trusted adult \nif something online worries you.");
  }
  SUBCASE("a selection across a soft break replaced by a word") {
    const std::size_t from = box.shown.find("adult");
    const std::size_t to = box.shown.find("something");
    const ReconciledEdit e = typeInBox(box, from, to - from, "grown-up about ");
    CHECK(e.text == "Tell a trusted grown-up about something online worries you.");
  }
  SUBCASE("pasted text with its own new lines keeps them") {
    const ReconciledEdit e = typeInBox(box, box.shown.size(), 0, "\nSay no.\n");
    CHECK(e.text == text + "\nSay no.\n");
  }
  SUBCASE("Backspace after a break inside a long word deletes the letter before it") {
    const SoftWrapped word = softWrap("abcdefghij", 4, unit);
    REQUIRE(word.shown == "abcd\nefgh\nij");
    const ReconciledEdit e = typeInBox(word, 4, 1, "");
    CHECK(e.text == "abcefghij");
    CHECK(e.cursor == 3);
  }
}

TEST_CASE("cursor places map between the text and the box, both ways") {
  const std::string text = "abcdefghij klm nopq";
  const SoftWrapped w = softWrap(text, 4, unit);
  REQUIRE(unwrap(w) == text);
  for (std::size_t p = 0; p <= text.size(); ++p) {
    const std::size_t shown = textToShown(w, p);
    REQUIRE(shown <= w.shown.size());
    CHECK(shownToText(w, shown) == p);
  }
}

TEST_CASE("any text, any width: read back unchanged, lines fit, edits keep the rest") {
  std::mt19937 rng(20261207);
  const std::vector<std::string> pieces = {"a",        "bb",       " ",    " ",  "\n",
                                           "\xC3\xA9", "\xC5\xB5", "word", "  ", "longerword"};
  for (int round = 0; round < 400; ++round) {
    std::string text;
    const int n = static_cast<int>(rng() % 40);
    for (int i = 0; i < n; ++i) {
      text += pieces[rng() % pieces.size()];
    }
    const float width = static_cast<float>(1 + rng() % 12);
    const SoftWrapped w = softWrap(text, width, unit);
    REQUIRE(unwrap(w) == text);
    CHECK(sq::isValidUtf8(w.shown));
    for (const float lw : lineWidths(w.shown, unit)) {
      CHECK(lw <= width);
    }
    // A letter typed at any place of the text lands exactly there.
    const std::size_t at = text.empty() ? 0 : rng() % (text.size() + 1);
    std::size_t boundary = at;
    while (boundary < text.size() && (static_cast<unsigned char>(text[boundary]) & 0xC0) == 0x80) {
      ++boundary;
    }
    const std::size_t shownAt = textToShown(w, boundary);
    const ReconciledEdit e = typeInBox(w, shownAt, 0, "Q");
    std::string expected = text;
    expected.insert(boundary, "Q");
    CHECK(e.text == expected);
    CHECK(e.cursor == boundary + 1);
  }
}

TEST_CASE("a selection in the box copies the teacher's text, not the box's breaks") {
  const std::string text = "Tell a trusted adult if something online worries you.";
  const SoftWrapped w = softWrap(text, 20, unit);
  REQUIRE(w.shown == "Tell a trusted adult\nif something online\nworries you.");
  // The whole box: the paragraph as typed, one line.
  CHECK(textOfShown(w, 0, w.shown.size()) == text);
  // Across one soft break: the space it stands for.
  CHECK(textOfShown(w, 15, 23) == "adult if");
  // Selected from the end backwards, and past the end: the same.
  CHECK(textOfShown(w, 23, 15) == "adult if");
  CHECK(textOfShown(w, 41, 999) == "worries you.");
  CHECK(textOfShown(w, 5, 5).empty());
  // A word broken where it must: the inserted break is nothing.
  const SoftWrapped word = softWrap("abcdefghij", 4, unit);
  REQUIRE(word.shown == "abcd\nefgh\nij");
  CHECK(textOfShown(word, 2, 9) == "cdefgh");
  // A line the teacher ended is kept.
  const SoftWrapped typed = softWrap("One line.\nAnother line that wraps here.", 12, unit);
  CHECK(textOfShown(typed, 0, typed.shown.size()) == "One line.\nAnother line that wraps here.");
}

TEST_CASE("any text, any width, any selection: what is copied is that part of the text") {
  std::mt19937 rng(7122026);
  const std::vector<std::string> pieces = {"a",        "bb",       " ",    " ",  "\n",
                                           "\xC3\xA9", "\xC5\xB5", "word", "  ", "longerword"};
  const auto onBoundary = [](const std::string& s, std::size_t p) {
    while (p < s.size() && (static_cast<unsigned char>(s[p]) & 0xC0) == 0x80) {
      ++p;
    }
    return p;
  };
  for (int round = 0; round < 600; ++round) {
    std::string text;
    const int n = static_cast<int>(rng() % 40);
    for (int i = 0; i < n; ++i) {
      text += pieces[rng() % pieces.size()];
    }
    const SoftWrapped w = softWrap(text, static_cast<float>(1 + rng() % 12), unit);
    REQUIRE(unwrap(w) == text);
    // A selection in the box, its ends on characters, in either order.
    std::size_t a = onBoundary(w.shown, rng() % (w.shown.size() + 1));
    std::size_t b = onBoundary(w.shown, rng() % (w.shown.size() + 1));
    const std::string copied = textOfShown(w, a, b);
    if (a > b) {
      std::swap(a, b);
    }
    const std::size_t ta = shownToText(w, a);
    const std::size_t tb = shownToText(w, b);
    REQUIRE(ta <= tb);
    CHECK(copied == text.substr(ta, tb - ta));
    CHECK(sq::isValidUtf8(copied));
    // A selection made of text places copies exactly that part of the text.
    std::size_t x = onBoundary(text, rng() % (text.size() + 1));
    std::size_t y = onBoundary(text, rng() % (text.size() + 1));
    if (x > y) {
      std::swap(x, y);
    }
    CHECK(textOfShown(w, textToShown(w, x), textToShown(w, y)) == text.substr(x, y - x));
  }
}
