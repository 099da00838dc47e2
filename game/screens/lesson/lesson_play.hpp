// One lesson being played. The step screens ("slides", "scenario", "quiz",
// "butterfly-practice", "aup") and the end of the lesson ("badge") share one
// LessonPlay: the LessonRunner, the pack it plays from, who is playing, and how
// progress reaches the records.
//
// The contract for a step screen:
//   - it drives its own runner (play->runner.runnerAs<ScenarioRunner>() ...);
//   - after each change worth resuming from it calls saveProgress(), which records
//     a lesson.progress event (the runner's snapshot) for a pupil;
//   - when its runner isFinished() and the pupil presses "next", it calls
//     finishStep(), which records activity.completed and replaces the top screen
//     with the next step's screen (or the reflection and badge);
//   - "back" leaves the lesson (progress is already saved), "read-aloud" plays the
//     narration of what is showing, and narration plays by itself on arrival when
//     the pupil's setting is "auto" (EYFS and KS1 by default).
// Nothing is recorded for a guest, nor during a whole-class lesson until the
// teacher says who was present (class_lesson_screen).
// Depends on: ui/screen, runtime/lesson_runner, results (EventDraft).
#pragma once

#include "results/results_store.hpp"
#include "runtime/lesson_runner.hpp"
#include "ui/screen.hpp"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace sq {

struct LessonPlay {
  LessonPlay(const Pack& p, std::string dir, const Lesson& l, Band b, std::uint32_t seed)
      : pack(&p), packDir(std::move(dir)), lesson(&l), runner(p, l, b, seed), band(b) {}

  const Pack* pack;
  std::string packDir; // where the pack's files are, for pictures and narration
  const Lesson* lesson;
  LessonRunner runner;
  Band band;               // how screens present it (see "Age bands" in game/ui/README.md)
  bool wholeClass = false; // taught to the whole class on the whiteboard
  std::string classId;     // whole class: the class being taught

  // The "saved" mark: shown only after the store confirmed the last save.
  enum class SaveState { Nothing, Saved, Failed };
  SaveState saveState = SaveState::Nothing;
  std::string saveError;           // the store's reason, shown behind the teacher PIN
  std::vector<EventDraft> unsaved; // kept in memory and tried again on the next save
  std::string resumeNote;          // a kind word to show once ("" none), e.g. restarted

  // The pupil sees pictures and narration first, and fewer, larger choices.
  bool youngBand() const { return band == Band::Eyfs || band == Band::Ks1; }
  // A pack-relative asset path made absolute ("" stays "").
  std::string asset(const std::string& relative) const {
    return relative.empty() ? std::string() : packDir + "/" + relative;
  }
};

// The screen for where the runner is now: a step screen, or the badge.
std::unique_ptr<Screen> makeStepScreen(const std::shared_ptr<LessonPlay>& play, const UiHost& host);

// Records lesson.progress (the runner's snapshot) for a signed-in pupil, and tries
// again anything unsaved before. Whole-class and guest play record nothing.
void saveProgress(LessonPlay& play, UiHost& host);

// The active step's runner has finished: records activity.completed, moves the
// runner on and replaces the top screen with what comes next.
void finishStep(const std::shared_ptr<LessonPlay>& play, UiHost& host);

// Records one event for the signed-in pupil (pupilId and the pack are filled in
// here). Updates the "saved" mark; when the store refuses, the draft is kept in
// `unsaved` and tried again with the next save. Guests and whole-class play record
// nothing (returns true).
bool recordForPupil(LessonPlay& play, UiHost& host, EventDraft draft);

// Plays `narration` (a pack-relative path) if the pupil hears narration at all;
// `onArrival` plays it only when their setting is "auto".
void narrate(const LessonPlay& play, UiHost& host, const std::optional<AssetRef>& narration,
             bool onArrival);

// The narration the active step opens with (its first slide, start node or first
// quiz item); nullopt when it has none or the lesson is past its steps.
std::optional<AssetRef> openingNarration(const LessonPlay& play);

// Starts (or resumes, from the pupil's last lesson.progress) a lesson for the
// signed-in pupil or guest. nullptr when the pack or lesson is not loaded.
std::shared_ptr<LessonPlay> startLesson(const UiHost& host, const std::string& packId,
                                        const std::string& lessonId);

} // namespace sq
