// How hard a pupil-facing text is to read, and the limit for each age band. The
// measure is pure (text in, counts out), so tests check it on known sentences and
// the validator uses the same numbers an author sees in content/README.md.
// Depends on: content/pack_model (Band), core/utf8.
#pragma once

#include "content/pack_model.hpp"

#include <string>
#include <string_view>

namespace sq {

// Counts in one text. A word is a run of letters or digits (an apostrophe or hyphen
// between two letters keeps it one word: "don't", "pop-up"). A sentence ends at
// '.', '!', '?' or '…' followed by a space, a closing quote or bracket, or the end,
// and at a line break; words after the last end make one more sentence.
struct ReadingMeasure {
  int words = 0;
  int letters = 0; // letters and digits inside words
  int sentences = 0;
  int longestSentence = 0; // words in the longest sentence

  // Automated Readability Index: 4.71 * letters/word + 0.5 * words/sentence - 21.43,
  // a US school grade (a UK year is one more). It counts letters, not syllables, so
  // it needs no dictionary and gives the same answer everywhere. 0 when no words.
  double ari() const;
};

ReadingMeasure measureReading(std::string_view utf8);

// The most a text in a band may ask of its reader (content/README.md "Reading level").
struct ReadingLimits {
  int maxSentenceWords = 0;
  double maxAri = 0.0;
  // Below this many words ARI is noise (one long word in a two-word choice reads as
  // grade 20), so shorter texts are judged by sentence length only.
  int minWordsForAri = 20;
};

ReadingLimits readingLimits(Band band);

// Why `m` is over `limits`, as a sentence for a pack author; empty when it is within.
std::string readingProblem(const ReadingMeasure& m, const ReadingLimits& limits, bool useAri);

} // namespace sq
