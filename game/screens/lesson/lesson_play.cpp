#include "screens/lesson/lesson_play.hpp"

#include "screens/lesson/aup_screen.hpp"
#include "screens/lesson/badge_screen.hpp"
#include "screens/lesson/butterfly_practice_screen.hpp"
#include "screens/lesson/quiz_screen.hpp"
#include "screens/lesson/scenario_screen.hpp"
#include "screens/lesson/slides_screen.hpp"
#include "screens/teacher/class_lesson_screen.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <type_traits>

namespace sq {

namespace {

// The band a lesson is written for: the band of the first unit that lists it.
std::optional<Band> lessonBand(const Pack& pack, const std::string& lessonId) {
  for (const Unit& u : pack.units) {
    for (const UnitLesson& ul : u.lessons) {
      if (ul.lesson == lessonId) {
        return u.band;
      }
    }
  }
  return std::nullopt;
}

// The pupil's newest lesson.progress for this lesson, unless the lesson was
// completed after it (then a new attempt starts from the beginning).
std::string lastSnapshot(const std::vector<Event>& events, const std::string& packId,
                         const std::string& lessonId) {
  const Event* latest = nullptr;
  bool completedAfter = false;
  for (const Event& e : events) {
    if (e.packId != packId || e.activityId != lessonId) {
      continue;
    }
    // Events come in record order per device; across devices the UTC time decides.
    const bool newer = latest == nullptr || e.timeUtc >= latest->timeUtc;
    if (e.kind == EventKind::LessonProgress && newer) {
      latest = &e;
      completedAfter = false;
    } else if (e.kind == EventKind::LessonCompleted && latest != nullptr &&
               e.timeUtc >= latest->timeUtc) {
      completedAfter = true;
    }
  }
  if (latest == nullptr || completedAfter) {
    return {};
  }
  const auto data = nlohmann::json::parse(latest->data, nullptr, false);
  if (!data.is_object() || !data.contains("snapshot") || !data["snapshot"].is_string()) {
    return {};
  }
  return data["snapshot"].get<std::string>();
}

std::string toJsonArray(const std::vector<std::string>& items) {
  if (items.empty()) {
    return {};
  }
  return nlohmann::json(items).dump();
}

} // namespace

bool recordForPupil(LessonPlay& play, UiHost& host, EventDraft draft) {
  const Session& who = host.session();
  if (!who.pupil() || play.wholeClass) {
    return true;
  }
  draft.pupilId = who.pupilId;
  draft.packId = play.pack->id;
  draft.packVersion = play.pack->version;
  draft.contentHash = play.pack->contentHash;
  play.unsaved.push_back(std::move(draft));
  // Oldest first, so the records keep the order things happened in.
  std::size_t done = 0;
  std::string error;
  for (; done < play.unsaved.size(); ++done) {
    if (!host.record(play.unsaved[done], error)) {
      break;
    }
  }
  play.unsaved.erase(play.unsaved.begin(),
                     play.unsaved.begin() + static_cast<std::ptrdiff_t>(done));
  if (play.unsaved.empty()) {
    play.saveState = LessonPlay::SaveState::Saved;
    play.saveError.clear();
    return true;
  }
  play.saveState = LessonPlay::SaveState::Failed;
  play.saveError = error;
  return false;
}

void saveProgress(LessonPlay& play, UiHost& host) {
  // A progress record replaces the one before it when read back, so an unsaved
  // older one is worth nothing once a newer one is queued.
  play.unsaved.erase(
      std::remove_if(play.unsaved.begin(), play.unsaved.end(),
                     [](const EventDraft& d) { return d.kind == EventKind::LessonProgress; }),
      play.unsaved.end());
  EventDraft d;
  d.kind = EventKind::LessonProgress;
  d.activityId = play.lesson->id;
  nlohmann::json data;
  const Step* step = play.runner.step();
  data["step"] = step != nullptr ? step->id : std::string();
  data["snapshot"] = play.runner.snapshot();
  d.data = data.dump();
  recordForPupil(play, host, std::move(d));
}

void finishStep(const std::shared_ptr<LessonPlay>& play, UiHost& host) {
  LessonRunner& r = play->runner;
  const LessonRunner::Phase before = r.phase();
  if (before == LessonRunner::Phase::Step && !r.stepFinished()) {
    return;
  }
  const std::optional<StepResult> result = r.advance();
  if (result) {
    EventDraft d;
    d.kind = EventKind::ActivityCompleted;
    d.activityId = result->stepId;
    if (result->score) {
      d.score = *result->score;
    }
    if (result->maxScore) {
      d.maxScore = *result->maxScore;
    }
    d.choices = toJsonArray(result->choices);
    nlohmann::json data;
    data["lesson"] = play->lesson->id;
    data["kind"] = result->kind;
    d.data = data.dump();
    recordForPupil(*play, host, std::move(d));
  }
  if (r.phase() == LessonRunner::Phase::Badge) {
    // The badge is earned: the lesson is complete, and the badge screen shows the
    // "saved" mark once the store has it. A whole-class lesson is recorded later,
    // for each pupil the teacher ticks as present.
    EventDraft d;
    d.kind = EventKind::LessonCompleted;
    d.activityId = play->lesson->id;
    recordForPupil(*play, host, std::move(d));
  } else if (!r.isFinished()) {
    saveProgress(*play, host);
  }
  if (r.isFinished()) {
    if (play->wholeClass) {
      host.replaceTop(makeClassPresentScreen(play, host));
    } else {
      host.pop(); // back to the lesson's front page, which goes home
    }
    return;
  }
  host.replaceTop(makeStepScreen(play, host));
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
  const Narration setting = host.prefs().narration;
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

std::shared_ptr<LessonPlay> startLesson(const UiHost& host, const std::string& packId,
                                        const std::string& lessonId) {
  const Catalog* c = host.catalog();
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
    const Session& who = host.session();
    const Band band =
        who.pupil() ? bandOf(who.yearGroup) : lessonBand(pack, lessonId).value_or(Band::Ks1);
    const std::uint32_t seed = lessonSeed(who.pupilId, packId, lessonId);
    auto play = std::make_shared<LessonPlay>(pack, e.dir, *lesson, band, seed);
    if (who.pupil()) {
      const std::string snap = lastSnapshot(host.pupilEvents(who.pupilId), packId, lessonId);
      if (!snap.empty() && play->runner.restore(snap) == LessonRunner::Resume::Restarted) {
        play->resumeNote = "lesson.restarted";
      }
    }
    return play;
  }
  return nullptr;
}

} // namespace sq
