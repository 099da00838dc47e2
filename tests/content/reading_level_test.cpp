// The reading-level measure on sentences whose counts are worked out by hand, the
// band limits, and the validator pass over the reading-too-hard fixture.
#include "content/pack_loader.hpp"
#include "content/reading_level.hpp"
#include "support/pack_bundle.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <string>
#include <vector>

using sq::measureReading;

TEST_CASE("reading level: words, letters and sentences of known texts") {
  const auto cat = measureReading("The cat sat on the mat.");
  CHECK(cat.words == 6);
  CHECK(cat.letters == 17);
  CHECK(cat.sentences == 1);
  CHECK(cat.longestSentence == 6);

  // Apostrophes and hyphens inside a word keep it one word and are not letters.
  const auto popup = measureReading("Don't click the pop-up! Ask a grown-up.");
  CHECK(popup.words == 7);
  CHECK(popup.letters == 28);
  CHECK(popup.sentences == 2);
  CHECK(popup.longestSentence == 4);

  // A sentence may end inside a quote; a text with no full stop is one sentence.
  const auto quote = measureReading("Jay says, \"Get free gems!\" What now?");
  CHECK(quote.sentences == 2);
  CHECK(quote.longestSentence == 5);
  const auto choice = measureReading("Tell a grown-up");
  CHECK(choice.words == 3);
  CHECK(choice.sentences == 1);

  // A decimal point is not a sentence end; an ellipsis and a line break are.
  CHECK(measureReading("It costs 1.50 today.").sentences == 1);
  const auto curly = measureReading("Wait\u2026 don\u2019t go.");
  CHECK(curly.sentences == 2);
  CHECK(curly.words == 3);
  CHECK(measureReading("Stop\nTell a grown-up").sentences == 2);

  // Welsh letters count as letters.
  const auto welsh = measureReading("Mae'r \u0175y yn y nyth.");
  CHECK(welsh.words == 5);
  CHECK(welsh.letters == 13);

  const auto none = measureReading("  ... !? ");
  CHECK(none.words == 0);
  CHECK(none.sentences == 0);
  CHECK(none.ari() == 0.0);
  // Broken UTF-8 is measured without reading past the end.
  CHECK(measureReading(std::string("ab\xE2\x80", 4)).words == 1);
}

TEST_CASE("reading level: ARI is 4.71 letters/word + 0.5 words/sentence - 21.43") {
  // I(1) like(4) my(2) tablet(6). It(2) is(2) fun(3): 20 letters, 7 words, 2 sentences.
  const auto m = measureReading("I like my tablet. It is fun.");
  REQUIRE(m.words == 7);
  REQUIRE(m.letters == 20);
  REQUIRE(m.sentences == 2);
  CHECK(m.ari() == doctest::Approx(4.71 * 20.0 / 7.0 + 0.5 * 3.5 - 21.43));
  // Longer words and sentences read harder.
  const auto hard = measureReading("Cyberbullying is when someone uses technology to intimidate, "
                                   "humiliate or exclude somebody deliberately and repeatedly.");
  CHECK(hard.ari() > m.ari() + 10.0);
}

TEST_CASE("reading level: limits grow with the band, and a 30-word sentence is over KS1's") {
  const sq::Band bands[] = {sq::Band::Eyfs, sq::Band::Ks1, sq::Band::Lks2, sq::Band::Uks2};
  for (std::size_t i = 1; i < 4; ++i) {
    CHECK(sq::readingLimits(bands[i]).maxSentenceWords >
          sq::readingLimits(bands[i - 1]).maxSentenceWords);
    CHECK(sq::readingLimits(bands[i]).maxAri > sq::readingLimits(bands[i - 1]).maxAri);
  }
  const std::string thirty = "When you are playing a game on a tablet at home and a box pops up "
                             "asking you to click on it you should stop and ask a grown-up first.";
  const auto m = measureReading(thirty);
  REQUIRE(m.longestSentence == 30);
  CHECK_FALSE(sq::readingProblem(m, sq::readingLimits(sq::Band::Ks1), true).empty());
  CHECK_FALSE(sq::readingProblem(m, sq::readingLimits(sq::Band::Uks2), true).empty());
  // Short sentences of short words pass in Reception.
  const auto easy = measureReading("A box pops up. Stop! Ask a grown-up. They will help you.");
  CHECK(sq::readingProblem(easy, sq::readingLimits(sq::Band::Eyfs), true).empty());
  // A long text of long words is over the ARI limit even in short sentences, but
  // ARI is only applied when asked (English) and to texts of enough words.
  const std::string wordy = "Unpleasant communications necessitate immediate intervention. "
                            "Inappropriate conversations require acknowledgement. "
                            "Responsible individuals investigate thoroughly. "
                            "Communication establishes understanding. Professionals "
                            "investigate relationships systematically.";
  const auto w = measureReading(wordy);
  REQUIRE(w.words >= 20);
  CHECK(w.longestSentence <= 6);
  CHECK_FALSE(sq::readingProblem(w, sq::readingLimits(sq::Band::Ks1), true).empty());
  CHECK(sq::readingProblem(w, sq::readingLimits(sq::Band::Ks1), false).empty());
  const auto fewWords = measureReading("Unpleasant communications necessitate intervention.");
  CHECK(sq::readingProblem(fewWords, sq::readingLimits(sq::Band::Ks1), true).empty());
}

// Bad fixtures may raise warnings they do not list, so what must NOT warn (teacher
// notes, objectives, a ks2Only butterfly step in Year 1, short sentences) is
// checked here: exactly the three expected texts warn.
TEST_CASE("reading level: the validator warns on exactly the texts over their band") {
  const auto file =
      std::filesystem::path(SQ_SOURCE_DIR) / "tests" / "fixtures" / "bad" / "reading-too-hard.pack";
  const auto parsed = sq::test::loadBundleFile(file);
  REQUIRE(parsed.ok());
  const sq::LoadResult r = sq::loadPack(sq::test::toMemorySource(parsed.bundle));
  CHECK(r.valid());
  std::vector<std::string> found;
  for (const sq::Diagnostic& d : r.diagnostics) {
    if (d.code == sq::Code::ReadingTooHard) {
      found.push_back(d.file + " " + d.pointer);
    }
  }
  CHECK(found == std::vector<std::string>{"lessons/l1.json /steps/0/slides/0/text",
                                          "lessons/l1.json /steps/2/items/0/options/1/text",
                                          "aups/ks1-aup.json /promises/0/text"});
}
