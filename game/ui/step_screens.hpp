// The factories for the screens that play one step of a lesson. Each takes the
// shared LessonPlay (ui/lesson_play.hpp) whose runner is on a step of that kind.
// Screen ids: "slides", "scenario", "quiz", "butterfly-practice", "aup", and
// "badge" for the reflection question and the badge at the end.
// Depends on: ui/lesson_play.
#pragma once

#include "ui/lesson_play.hpp"

#include <memory>

namespace sq {

std::unique_ptr<Screen> makeSlidesScreen(std::shared_ptr<LessonPlay> play);
std::unique_ptr<Screen> makeScenarioScreen(std::shared_ptr<LessonPlay> play);
std::unique_ptr<Screen> makeQuizScreen(std::shared_ptr<LessonPlay> play);
std::unique_ptr<Screen> makeButterflyPracticeScreen(std::shared_ptr<LessonPlay> play);
// `classmates`: the name tiles the pupil signs with (their class), from the host.
std::unique_ptr<Screen> makeAupScreen(std::shared_ptr<LessonPlay> play, const UiHost& host);
std::unique_ptr<Screen> makeBadgeScreen(std::shared_ptr<LessonPlay> play);

} // namespace sq
