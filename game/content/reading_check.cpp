#include "content/reading_check.hpp"

#include "content/reading_level.hpp"

#include <map>

namespace sq::detail {

namespace {

struct Checker {
  Diagnostics& diags;
  const std::string& file;
  Band band;

  void text(const Text& t, const std::string& pointer, Band at) const {
    const ReadingLimits limits = readingLimits(at);
    for (const auto& [lang, s] : t.byLang) {
      // ARI is an English formula; sentence length is checked in every language.
      const bool english = lang.rfind("en", 0) == 0;
      const std::string problem = readingProblem(measureReading(s), limits, english);
      if (!problem.empty()) {
        diags.add(Code::ReadingTooHard, file, pointer,
                  "too hard to read for " + std::string(bandId(at)) +
                      (t.byLang.size() > 1 ? " (" + lang + ")" : std::string()) + ": " + problem +
                      "; use shorter sentences and words");
      }
    }
  }
  void text(const Text& t, const std::string& pointer) const { text(t, pointer, band); }
};

void checkLesson(const Checker& c, const Lesson& lesson) {
  for (std::size_t s = 0; s < lesson.steps.size(); ++s) {
    const std::string sp = "/steps/" + std::to_string(s);
    const Activity& a = lesson.steps[s].activity;
    if (const auto* slides = std::get_if<SlidesActivity>(&a)) {
      for (std::size_t i = 0; i < slides->slides.size(); ++i) {
        c.text(slides->slides[i].text, sp + "/slides/" + std::to_string(i) + "/text");
      }
    } else if (const auto* sc = std::get_if<ScenarioActivity>(&a)) {
      for (std::size_t n = 0; n < sc->nodes.size(); ++n) {
        const std::string np = sp + "/nodes/" + std::to_string(n);
        c.text(sc->nodes[n].text, np + "/text");
        for (std::size_t k = 0; k < sc->nodes[n].choices.size(); ++k) {
          const std::string cp = np + "/choices/" + std::to_string(k);
          c.text(sc->nodes[n].choices[k].text, cp + "/text");
          c.text(sc->nodes[n].choices[k].feedback, cp + "/feedback");
        }
      }
    } else if (const auto* quiz = std::get_if<QuizActivity>(&a)) {
      for (std::size_t i = 0; i < quiz->items.size(); ++i) {
        const QuizItem& item = quiz->items[i];
        const std::string ip = sp + "/items/" + std::to_string(i);
        c.text(item.prompt, ip + "/prompt");
        for (std::size_t o = 0; o < item.options.size(); ++o) {
          c.text(item.options[o].text, ip + "/options/" + std::to_string(o) + "/text");
        }
        for (std::size_t o = 0; o < item.cards.size(); ++o) {
          c.text(item.cards[o].text, ip + "/cards/" + std::to_string(o) + "/text");
        }
        c.text(item.feedbackCorrect, ip + "/feedback/correct");
        c.text(item.feedbackIncorrect, ip + "/feedback/incorrect");
      }
    } else if (const auto* bf = std::get_if<ButterflyActivity>(&a)) {
      for (std::size_t i = 0; i < bf->steps.size(); ++i) {
        const Band at = bf->steps[i].ks2Only && (c.band == Band::Eyfs || c.band == Band::Ks1)
                            ? Band::Lks2
                            : c.band;
        c.text(bf->steps[i].text, sp + "/steps/" + std::to_string(i) + "/text", at);
      }
    }
  }
}

} // namespace

void checkReadingLevels(Diagnostics& diags, const Pack& pack) {
  std::map<std::string, Band> youngest;
  for (const Unit& unit : pack.units) {
    for (const UnitLesson& ul : unit.lessons) {
      auto [it, fresh] = youngest.emplace(ul.lesson, unit.band);
      if (!fresh && unit.band < it->second) {
        it->second = unit.band;
      }
    }
  }
  for (const Lesson& lesson : pack.lessons) {
    auto it = youngest.find(lesson.id);
    if (it != youngest.end()) {
      checkLesson(Checker{diags, lesson.file, it->second}, lesson);
    }
  }
  for (const Aup& aup : pack.aups) {
    const Band band = aup.phase == AupPhase::Eyfs  ? Band::Eyfs
                      : aup.phase == AupPhase::Ks1 ? Band::Ks1
                                                   : Band::Lks2;
    const Checker c{diags, aup.file, band};
    for (std::size_t i = 0; i < aup.promises.size(); ++i) {
      c.text(aup.promises[i].text, "/promises/" + std::to_string(i) + "/text");
    }
  }
}

} // namespace sq::detail
