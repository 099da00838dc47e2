// One lesson being played, as the screens see it. The step screens ("slides",
// "scenario", "quiz", "butterfly-practice", "aup") and the end of the lesson
// ("badge") share one LessonPlay: the play module's LessonSession (the
// LessonRunner, who is playing, and every event the lesson records, through the
// app's one Recorder) plus what only screens need (where the pack's files are,
// the band's presentation, a kind word to show once).
//
// The contract for a step screen:
//   - it drives its own runner (play->runner.runnerAs<ScenarioRunner>() ...);
//   - after each change worth resuming from it calls saveProgress(); the session
//     records a lesson.progress event (the runner's snapshot) for a pupil;
//   - when its runner isFinished() and the pupil presses "next", it calls
//     finishStep(): the session records activity.completed (and lesson.completed at
//     the badge) and the top screen is replaced with the next step's screen;
//   - at an AUP step, signAup() agrees and records the signature;
//   - it draws the session's SaveMark (drawStepHeader does): "saved" only once the
//     sink said so, nothing while pending, a calm "not saved yet" after a failure;
//   - "back" leaves the lesson (progress is already saved), "read-aloud" plays the
//     narration of what is showing, and narration plays by itself on arrival when
//     the pupil's setting is "auto" (EYFS and KS1 by default).
// Screens build no events and keep no unsaved drafts: the session and the
// Recorder do. Nothing is recorded for a guest, nor during a whole-class lesson
// until the teacher says who was present (class_lesson_screen, recordAttendance).
// Depends on: ui/screen, play/lesson_session, runtime/lesson_runner.
#pragma once

#include "play/lesson_session.hpp"
#include "runtime/lesson_runner.hpp"
#include "ui/screen.hpp"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

namespace sq {

struct LessonPlay {
  LessonPlay(const Pack& p, std::string dir, const Lesson& l, Band b, Player who,
             Recorder& recorder)
      : session(p, l, b, std::move(who), recorder), pack(&p), packDir(std::move(dir)), lesson(&l),
        runner(session.runner()), band(b) {}
  // With a seed of its own, for tests that need one shuffle.
  LessonPlay(const Pack& p, std::string dir, const Lesson& l, Band b, Player who,
             Recorder& recorder, std::uint32_t seed)
      : session(p, l, b, std::move(who), recorder, seed), pack(&p), packDir(std::move(dir)),
        lesson(&l), runner(session.runner()), band(b) {}
  LessonPlay(const LessonPlay&) = delete;
  LessonPlay& operator=(const LessonPlay&) = delete;

  LessonSession session; // the runner, and everything the lesson records
  const Pack* pack;
  std::string packDir; // where the pack's files are, for pictures and narration
  const Lesson* lesson;
  LessonRunner& runner;   // the session's
  Band band;              // how screens present it (see "Age bands" in game/screens/README.md)
  std::string resumeNote; // a kind word to show once ("" none), e.g. restarted

  // Taught to the whole class on the whiteboard.
  bool wholeClass() const { return session.player().kind == Player::Kind::WholeClass; }
  // A whole class: the class being taught; a pupil: their own class.
  const std::string& classId() const { return session.player().classId; }
  LessonSession::SaveMark saveMark() const { return session.saveMark(); }
  // The pupil sees pictures and narration first, and fewer, larger choices.
  bool youngBand() const { return band == Band::Eyfs || band == Band::Ks1; }
  // A pack-relative asset path made absolute ("" stays "").
  std::string asset(const std::string& relative) const {
    return relative.empty() ? std::string() : packDir + "/" + relative;
  }
};

// Who the host's session says is playing: the signed-in pupil, else a guest (who
// records nothing).
Player playerOf(const UiHost& host);

// The screen for where the runner is now: a step screen, or the badge.
std::unique_ptr<Screen> makeStepScreen(const std::shared_ptr<LessonPlay>& play, const UiHost& host);

// Records lesson.progress (the runner's snapshot) for a pupil, through the session.
// Whole-class and guest play record nothing.
void saveProgress(LessonPlay& play, UiHost& host);

// The active step's runner has finished: the session records it and moves the
// runner on; the top screen is replaced with what comes next.
void finishStep(const std::shared_ptr<LessonPlay>& play, UiHost& host);

// The AUP step: agrees and (for a pupil) records aup.signed and progress. false
// when it cannot be signed yet.
bool signAup(LessonPlay& play, SignedBy by);

// Plays `narration` (a pack-relative path) if the pupil hears narration at all;
// `onArrival` plays it only when their setting is "auto".
void narrate(const LessonPlay& play, UiHost& host, const std::optional<AssetRef>& narration,
             bool onArrival);

// The narration the active step opens with (its first slide, start node or first
// quiz item); nullopt when it has none or the lesson is past its steps.
std::optional<AssetRef> openingNarration(const LessonPlay& play);

// Starts (or resumes, from the pupil's last lesson.progress) a lesson for the
// signed-in pupil or guest, or, with `wholeClassId`, for that class on the
// whiteboard. nullptr when the pack or lesson is not loaded.
std::shared_ptr<LessonPlay> startLesson(UiHost& host, const std::string& packId,
                                        const std::string& lessonId,
                                        const std::string& wholeClassId = {});

} // namespace sq
