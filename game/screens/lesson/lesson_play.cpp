#include "screens/lesson/lesson_play.hpp"

#include "screens/lesson/aup_screen.hpp"
#include "screens/lesson/badge_screen.hpp"
#include "screens/lesson/butterfly_practice_screen.hpp"
#include "screens/lesson/quiz_screen.hpp"
#include "screens/lesson/scenario_screen.hpp"
#include "screens/lesson/slides_screen.hpp"
#include "screens/teacher/class_lesson_screen.hpp"

#include <type_traits>

namespace sq {

Player playerOf(const UiHost& host) {
  const Session& who = host.pupil().session();
  return who.pupil() ? Player::pupil(who.pupilId, who.classId) : Player::guest();
}

void saveProgress(LessonPlay& play, UiHost& host) {
  (void)host; // the session records through the app's recorder
  play.session.saveProgress();
}

bool signAup(LessonPlay& play, SignedBy by) {
  return play.session.signAup(by);
}

void finishStep(const std::shared_ptr<LessonPlay>& play, UiHost& host) {
  if (!play->session.finishStep()) {
    return; // the step is not finished yet
  }
  const LessonRunner& r = play->runner;
  if (r.isFinished()) {
    if (play->wholeClass()) {
      host.nav().replaceTop(makeClassPresentScreen(play, host));
    } else {
      host.nav().pop(); // back to the lesson's front page, which goes home
    }
    return;
  }
  host.nav().replaceTop(makeStepScreen(play, host));
  // The next step speaks first for the young, as the first one did.
  narrate(*play, host, openingNarration(*play), true);
}

std::optional<AssetRef> openingNarration(const LessonPlay& play) {
  const Step* step =
      play.runner.phase() == LessonRunner::Phase::Step ? play.runner.step() : nullptr;
  if (step == nullptr) {
    return std::nullopt;
  }
  return std::visit(
      [&](const auto& a) -> std::optional<AssetRef> {
        using A = std::decay_t<decltype(a)>;
        if constexpr (std::is_same_v<A, SlidesActivity>) {
          return a.slides.empty() ? std::nullopt : a.slides.front().narration;
        } else if constexpr (std::is_same_v<A, ScenarioActivity>) {
          const ScenarioNode* n = a.find(a.start);
          return n == nullptr ? std::nullopt : n->narration;
        } else if constexpr (std::is_same_v<A, QuizActivity>) {
          return a.items.empty() ? std::nullopt : a.items.front().narration;
        } else {
          return std::nullopt; // butterfly practice opens with the faces, an AUP with its intro
        }
      },
      step->activity);
}

void narrate(const LessonPlay& play, UiHost& host, const std::optional<AssetRef>& narration,
             bool onArrival) {
  const Narration setting = host.pupil().prefs().narration;
  if (!narration || setting == Narration::Off || (onArrival && setting != Narration::Auto)) {
    return;
  }
  const std::string path = play.asset(narration->get(host.strings().language()));
  if (!path.empty()) {
    host.sound().playNarration(path);
  }
}

std::unique_ptr<Screen> makeStepScreen(const std::shared_ptr<LessonPlay>& play,
                                       const UiHost& host) {
  LessonRunner& r = play->runner;
  if (r.phase() != LessonRunner::Phase::Step) {
    return makeBadgeScreen(play);
  }
  return std::visit(
      [&](auto& active) -> std::unique_ptr<Screen> {
        using R = std::decay_t<decltype(active)>;
        if constexpr (std::is_same_v<R, SlidesRunner>) {
          return makeSlidesScreen(play);
        } else if constexpr (std::is_same_v<R, ScenarioRunner>) {
          return makeScenarioScreen(play);
        } else if constexpr (std::is_same_v<R, QuizRunner>) {
          return makeQuizScreen(play);
        } else if constexpr (std::is_same_v<R, ButterflyRunner>) {
          return makeButterflyPracticeScreen(play);
        } else if constexpr (std::is_same_v<R, AupRunner>) {
          return makeAupScreen(play, host);
        } else {
          return makeBadgeScreen(play);
        }
      },
      r.runner());
}

std::shared_ptr<LessonPlay> startLesson(UiHost& host, const std::string& packId,
                                        const std::string& lessonId,
                                        const std::string& wholeClassId) {
  const Catalog* c = host.records().catalog();
  if (c == nullptr) {
    return nullptr;
  }
  for (const CatalogEntry& e : c->packs) {
    if (!e.result.valid() || e.result.pack->id != packId) {
      continue;
    }
    const Pack& pack = *e.result.pack;
    const Lesson* lesson = pack.findLesson(lessonId);
    if (lesson == nullptr) {
      return nullptr;
    }
    const Session& who = host.pupil().session();
    const bool wholeClass = !wholeClassId.empty();
    Player player = wholeClass ? Player::wholeClass(wholeClassId) : playerOf(host);
    const Band band = sessionBand(
        pack, lessonId,
        who.pupil() && !wholeClass ? std::optional<YearGroup>(who.yearGroup) : std::nullopt);
    auto play = std::make_shared<LessonPlay>(pack, e.dir, *lesson, band, std::move(player),
                                             host.records().recorder());
    if (play->session.player().kind == Player::Kind::Pupil) {
      play->session.resume(host.records().pupilEvents(who.pupilId));
      play->resumeNote = play->session.resumeNote();
    }
    return play;
  }
  return nullptr;
}

} // namespace sq
