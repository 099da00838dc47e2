// Pure text layout: measuring, wrapping without cutting words, ellipsis on demand.
#include "core/utf8.hpp"
#include "text/layout.hpp"

#include <doctest/doctest.h>

#include <random>
#include <sstream>
#include <string>
#include <vector>

using namespace sq;

namespace {

// Every character 10 wide, lines 20 tall: easy arithmetic.
class Mono final : public TextMetrics {
public:
  float advance(char32_t) const override { return 10.0f; }
  float lineHeight() const override { return 20.0f; }
};

std::vector<std::string> lines(std::string_view text, const WrappedText& w) {
  std::vector<std::string> out;
  for (const auto& l : w.lines) {
    out.emplace_back(text.substr(l.begin, l.end - l.begin));
  }
  return out;
}

std::vector<std::string> words(const std::string& s) {
  std::istringstream in(s);
  std::vector<std::string> out;
  for (std::string w; in >> w;) {
    out.push_back(w);
  }
  return out;
}

} // namespace

TEST_CASE("measureText counts characters, not bytes") {
  const Mono m;
  CHECK(measureText("", m) == 0.0f);
  CHECK(measureText("abc", m) == 30.0f);
  CHECK(measureText("\xC5\xB5\xC5\xB7", m) == 20.0f); // ŵŷ: four bytes, two letters
}

TEST_CASE("wrapText breaks between words and drops the spaces at the break") {
  const Mono m;
  const std::string text = "the cat sat on the mat";
  const auto w = wrapText(text, 75, m);
  CHECK(lines(text, w) == std::vector<std::string>{"the cat", "sat on", "the mat"});
  CHECK_FALSE(w.overflow);
  CHECK(w.width == 70.0f);
  CHECK(w.height == 60.0f);
  for (const auto& l : w.lines) {
    CHECK(l.width <= 75.0f);
  }
}

TEST_CASE("wrapText keeps a text that fits on one line") {
  const Mono m;
  const std::string text = "Keep it private";
  const auto w = wrapText(text, 1000, m);
  CHECK(lines(text, w) == std::vector<std::string>{"Keep it private"});
}

TEST_CASE("wrapText never cuts a word that is wider than the line") {
  const Mono m;
  const std::string text = "a supercalifragilistic b";
  const auto w = wrapText(text, 50, m);
  CHECK(lines(text, w) == std::vector<std::string>{"a", "supercalifragilistic", "b"});
  CHECK(w.overflow);
  CHECK(w.width == 200.0f);
}

TEST_CASE("wrapText: a long first word sits alone and is flagged") {
  const Mono m;
  const std::string text = "Llanfairpwllgwyngyll is in Wales";
  const auto w = wrapText(text, 100, m);
  CHECK(lines(text, w).front() == "Llanfairpwllgwyngyll");
  CHECK(w.overflow);
}

TEST_CASE("wrapText honours newlines, keeps empty lines and leading indentation") {
  const Mono m;
  CHECK(lines("one\ntwo", wrapText("one\ntwo", 100, m)) == std::vector<std::string>{"one", "two"});
  CHECK(lines("one\n", wrapText("one\n", 100, m)) == std::vector<std::string>{"one", ""});
  CHECK(lines("a\n\nb", wrapText("a\n\nb", 100, m)) == std::vector<std::string>{"a", "", "b"});
  CHECK(lines("  indented", wrapText("  indented", 200, m)) ==
        std::vector<std::string>{"  indented"});
  const auto empty = wrapText("", 100, m);
  REQUIRE(empty.lines.size() == 1);
  CHECK(empty.height == 20.0f);
}

TEST_CASE("wrapText does not break at a no-break space") {
  const Mono m;
  const std::string text = "walk 10\xC2\xA0km today"; // "10 km" must stay together
  const auto w = wrapText(text, 60, m);
  CHECK(lines(text, w) == std::vector<std::string>{"walk", "10\xC2\xA0km", "today"});
}

TEST_CASE("wrapText keeps Welsh letters whole") {
  const Mono m;
  const std::string text =
      "Mae\xE2\x80\x99n d\xC5\xB5r glas y m\xC3\xB4r"; // "Mae’n dŵr glas y môr"
  const auto w = wrapText(text, 60, m);
  for (const auto& l : lines(text, w)) {
    CHECK(isValidUtf8(l));
  }
  CHECK(lines(text, w) ==
        std::vector<std::string>{"Mae\xE2\x80\x99n", "d\xC5\xB5r", "glas y", "m\xC3\xB4r"});
}

TEST_CASE("wrapText invariants hold for random texts and widths") {
  const Mono m;
  std::mt19937 rng(12345);
  std::uniform_int_distribution<int> wordLen(1, 14);
  std::uniform_int_distribution<int> wordCount(0, 30);
  std::uniform_int_distribution<int> width(10, 300);
  std::uniform_int_distribution<int> spaces(1, 3);
  for (int round = 0; round < 500; ++round) {
    std::string text;
    const int n = wordCount(rng);
    for (int i = 0; i < n; ++i) {
      if (i > 0) {
        text.append(static_cast<std::size_t>(spaces(rng)), ' ');
      }
      const int len = wordLen(rng);
      for (int c = 0; c < len; ++c) {
        text += (c % 5 == 3) ? "\xC3\xAA" : "w"; // mix in ê
      }
    }
    const auto maxW = static_cast<float>(width(rng));
    const auto w = wrapText(text, maxW, m);
    const auto ls = lines(text, w);
    // The words survive unchanged and in order.
    std::vector<std::string> rejoined;
    for (const auto& l : ls) {
      for (auto& word : words(l)) {
        rejoined.push_back(word);
      }
      // A line wider than asked for holds exactly one word.
      if (measureText(l, m) > maxW) {
        CHECK(words(l).size() == 1);
        CHECK(w.overflow);
      }
      CHECK(isValidUtf8(l));
    }
    CHECK(rejoined == words(text));
  }
}

TEST_CASE("ellipsize leaves a fitting text alone and cuts only when asked") {
  const Mono m;
  CHECK(ellipsize("Hello", 50, m) == "Hello");
  // 60 wide: five letters and "…" (the space before the cut is trimmed).
  CHECK(ellipsize("Hello world", 60, m) == "Hello\xE2\x80\xA6");
  CHECK(ellipsize("/home/teacher/packs/my-pack", 80, m, EllipsisAt::Start) ==
        "\xE2\x80\xA6my-pack");
  CHECK(ellipsize("Hello", 5, m).empty());
}

TEST_CASE("ellipsize never splits a UTF-8 sequence") {
  const Mono m;
  const std::string text = "\xC5\xB5\xC5\xB5\xC5\xB5\xC5\xB5\xC5\xB5\xC5\xB5"; // ŵ x 6
  for (int w = 10; w <= 70; w += 10) {
    const std::string end = ellipsize(text, static_cast<float>(w), m);
    const std::string start = ellipsize(text, static_cast<float>(w), m, EllipsisAt::Start);
    CHECK(isValidUtf8(end));
    CHECK(isValidUtf8(start));
    CHECK(measureText(end, m) <= static_cast<float>(w));
    CHECK(measureText(start, m) <= static_cast<float>(w));
  }
}
