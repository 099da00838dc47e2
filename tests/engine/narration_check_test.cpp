// Every narration file content/core refers to decodes, is not silent, and lasts
// about as long as its text takes to say. Catches a file left over from an edited
// text, a broken render or a silent one. Bounds come from the committed files
// (rendered by tools/narrate.sh, espeak-ng en-gb at speed 135; see content/README.md):
//   - RMS at least 0.01 of full scale (-40 dBFS); the quietest file measures 0.079;
//   - at least 0.2 s a word: the fastest file is 0.30 s a word, and the voice
//     speaks about 0.42 s a word, so a file much shorter belongs to a shorter text;
//   - at most 0.8 s a word plus 1.5 s for the pauses at each end: the slowest is a
//     two-word step at 0.73 s a word (1.46 s), the longest is 19.3 s for 53 words.
#include "audio/audio_decode.hpp"
#include "content/pack_loader.hpp"
#include "content/reading_level.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace {

struct Narrated {
  std::string where; // file and id, for the failure message
  std::string path;  // relative to the pack root
  const sq::Text* text = nullptr;
};

void add(std::vector<Narrated>& out, const std::string& where,
         const std::optional<sq::AssetRef>& narration, const sq::Text& text) {
  if (narration) {
    for (const auto& [lang, path] : narration->byLang) {
      out.push_back({where + " (" + lang + ")", path, &text});
    }
  }
}

std::vector<Narrated> narratedTexts(const sq::Pack& pack) {
  std::vector<Narrated> out;
  for (const sq::Lesson& lesson : pack.lessons) {
    for (const sq::Step& step : lesson.steps) {
      const std::string at = lesson.file + " " + step.id + ".";
      if (const auto* slides = std::get_if<sq::SlidesActivity>(&step.activity)) {
        for (const auto& s : slides->slides) {
          add(out, at + s.id, s.narration, s.text);
        }
      } else if (const auto* sc = std::get_if<sq::ScenarioActivity>(&step.activity)) {
        for (const auto& n : sc->nodes) {
          add(out, at + n.id, n.narration, n.text);
        }
      } else if (const auto* quiz = std::get_if<sq::QuizActivity>(&step.activity)) {
        for (const auto& item : quiz->items) {
          add(out, at + item.id, item.narration, item.prompt);
        }
      } else if (const auto* bf = std::get_if<sq::ButterflyActivity>(&step.activity)) {
        for (const auto& s : bf->steps) {
          add(out, at + s.id, s.narration, s.text);
        }
      }
    }
  }
  for (const sq::Aup& aup : pack.aups) {
    for (const auto& p : aup.promises) {
      add(out, aup.file + " " + p.id, p.narration, p.text);
    }
  }
  return out;
}

double rms(const sq::Pcm& pcm) {
  double sum = 0.0;
  for (const std::int16_t s : pcm.samples) {
    sum += static_cast<double>(s) * static_cast<double>(s);
  }
  return pcm.samples.empty() ? 0.0
                             : std::sqrt(sum / static_cast<double>(pcm.samples.size())) / 32768.0;
}

} // namespace

TEST_CASE("audio: every core narration file decodes, is not silent and fits its text") {
  const std::string root = std::string(SQ_SOURCE_DIR) + "/content/core";
  const sq::LoadResult r = sq::loadPack(root);
  REQUIRE(r.pack.has_value());
  const std::vector<Narrated> all = narratedTexts(*r.pack);
  // Every EYFS and KS1 line is narrated, and more: the pack had 419 files when
  // this was written. A far smaller count means the walk above lost a kind of text.
  CHECK(all.size() >= 400);
  double minRms = 1.0;
  double minPerWord = 1e9;
  double maxPerWord = 0.0;
  for (const Narrated& n : all) {
    INFO(n.where << ": " << n.path);
    std::string error;
    // The files' own format (mono 22.05 kHz), so nothing is resampled.
    const auto pcm = sq::loadAudioFile(root + "/" + n.path, sq::PcmFormat{22050, 1}, error);
    REQUIRE_MESSAGE(pcm.has_value(), error);
    const int words = sq::measureReading(n.text->get()).words;
    REQUIRE(words > 0);
    const double seconds = pcm->seconds();
    const double level = rms(*pcm);
    CHECK_MESSAGE(level >= 0.01, "RMS " << level << " of full scale: silent");
    CHECK_MESSAGE(seconds >= 0.2 * words,
                  seconds << " s is too short for " << words << " words: is it another text's?");
    CHECK_MESSAGE(seconds <= 0.8 * words + 1.5,
                  seconds << " s is too long for " << words << " words: is it another text's?");
    minRms = std::min(minRms, level);
    minPerWord = std::min(minPerWord, seconds / words);
    maxPerWord = std::max(maxPerWord, seconds / words);
  }
  MESSAGE(all.size() << " files; quietest RMS " << minRms << "; " << minPerWord << " to "
                     << maxPerWord << " s a word");
}
