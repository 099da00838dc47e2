// Lessons for screen tests and screen cases: playing a step's runner to its end
// the right way, as a pupil would, and a LessonPlay moved on to a given point.
#pragma once

#include "screens/lesson/lesson_play.hpp"
#include "support/play_through.hpp"
#include "ui_fixtures.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <memory>
#include <string>

namespace sq::test {

// Plays the active step's runner to its end the right way, as a pupil would.
inline void completeStep(LessonRunner& r) {
  REQUIRE(playStepThrough(r));
}

// Plays every remaining step, the reflection and the badge through finishStep, as
// each screen's "next" does, applying the navigation it asks for.
inline void playToEnd(const std::shared_ptr<LessonPlay>& play, FakeHost& host) {
  while (!play->runner.isFinished()) {
    if (play->runner.phase() == LessonRunner::Phase::Step) {
      completeStep(play->runner);
    }
    finishStep(play, host);
    host.apply();
  }
}

// A lesson for the signed-in pupil (or guest, or with `wholeClassId` the whole
// class), with its first `steps` steps done and, when `toBadge`, the reflection
// passed so the badge is showing (and, for a pupil, the lesson recorded).
inline std::shared_ptr<LessonPlay> lessonAt(FakeHost& h, const std::string& lessonId,
                                            std::size_t steps, bool toBadge = false,
                                            const std::string& wholeClassId = {}) {
  auto play = startLesson(h, "core", lessonId, wholeClassId);
  REQUIRE(play.get() != nullptr);
  for (std::size_t i = 0; i < steps && play->runner.phase() == LessonRunner::Phase::Step; ++i) {
    completeStep(play->runner);
    play->runner.advance();
  }
  if (toBadge && play->runner.phase() == LessonRunner::Phase::Reflection) {
    REQUIRE(play->session.finishStep());
  }
  return play;
}

} // namespace sq::test
