#include "content/reading_level.hpp"

#include "core/utf8.hpp"

#include <algorithm>
#include <cstdio>
#include <vector>

namespace sq {

namespace {

enum class Kind { Letter, Joiner, End, Closer, LineBreak, Other };

Kind classify(char32_t c) {
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
    return Kind::Letter;
  }
  switch (c) {
  case '\'':
  case '-':
  case 0x2019: // right single quote, the typographic apostrophe
  case 0x2010: // hyphen
  case 0x2011: // non-breaking hyphen
    return Kind::Joiner;
  case '.':
  case '!':
  case '?':
  case 0x2026: // ellipsis
    return Kind::End;
  case '"':
  case ')':
  case 0x201D: // right double quote
    return Kind::Closer;
  case '\n':
  case '\r':
    return Kind::LineBreak;
  default:
    break;
  }
  // Accented and other non-Latin letters (Welsh ŵ, ŷ) count as letters; the Latin-1
  // punctuation block (no-break space, «», ¿) and general punctuation do not.
  if (c >= 0xC0 && c != 0xD7 && c != 0xF7 && !(c >= 0x2000 && c <= 0x206F) &&
      c != kReplacementChar) {
    return Kind::Letter;
  }
  return Kind::Other;
}

} // namespace

double ReadingMeasure::ari() const {
  if (words == 0 || sentences == 0) {
    return 0.0;
  }
  return 4.71 * static_cast<double>(letters) / static_cast<double>(words) +
         0.5 * static_cast<double>(words) / static_cast<double>(sentences) - 21.43;
}

ReadingMeasure measureReading(std::string_view text) {
  std::vector<Kind> kinds;
  kinds.reserve(text.size());
  for (std::size_t pos = 0; pos < text.size();) {
    kinds.push_back(classify(decodeUtf8(text, pos)));
  }
  ReadingMeasure m;
  int current = 0; // words in the sentence being read
  bool inWord = false;
  const auto endSentence = [&] {
    if (current > 0) {
      ++m.sentences;
      m.longestSentence = std::max(m.longestSentence, current);
      current = 0;
    }
  };
  const std::size_t n = kinds.size();
  for (std::size_t i = 0; i < n;) {
    const Kind k = kinds[i];
    if (k == Kind::Letter) {
      ++m.letters;
      if (!inWord) {
        ++m.words;
        ++current;
        inWord = true;
      }
      ++i;
      continue;
    }
    if (k == Kind::Joiner && inWord && i + 1 < n && kinds[i + 1] == Kind::Letter) {
      ++i; // "don't", "pop-up": still one word
      continue;
    }
    inWord = false;
    if (k == Kind::End) {
      std::size_t j = i;
      while (j < n && kinds[j] == Kind::End) {
        ++j;
      }
      // "1.5" and "e.g.x" do not end a sentence; "gems!" followed by a quote does.
      if (j == n || kinds[j] == Kind::Other || kinds[j] == Kind::Closer ||
          kinds[j] == Kind::LineBreak || kinds[j] == Kind::Joiner) {
        endSentence();
      }
      i = j;
      continue;
    }
    if (k == Kind::LineBreak) {
      endSentence();
    }
    ++i;
  }
  endSentence();
  return m;
}

ReadingLimits readingLimits(Band band) {
  // Chosen in content/README.md "Reading level": the sentence lengths and grades
  // of early readers for each age, with the core pack measured against them.
  switch (band) {
  case Band::Eyfs:
    return {14, 4.0, 20};
  case Band::Ks1:
    return {16, 5.0, 20};
  case Band::Lks2:
    return {22, 8.0, 20};
  case Band::Uks2:
    return {25, 10.0, 20};
  }
  return {25, 10.0, 20};
}

std::string readingProblem(const ReadingMeasure& m, const ReadingLimits& limits, bool useAri) {
  std::string out;
  if (m.longestSentence > limits.maxSentenceWords) {
    out = "a sentence has " + std::to_string(m.longestSentence) + " words (at most " +
          std::to_string(limits.maxSentenceWords) + " for this age)";
  }
  if (useAri && m.words >= limits.minWordsForAri && m.ari() > limits.maxAri) {
    char buf[96];
    std::snprintf(buf, sizeof buf,
                  "its readability grade (ARI) is %.1f (at most %.1f for this age)", m.ari(),
                  limits.maxAri);
    out += out.empty() ? buf : std::string("; ") + buf;
  }
  return out;
}

} // namespace sq
