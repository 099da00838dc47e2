// The end of a lesson ("badge"): first the reflection question, something to think
// or talk about (there is no right answer and nothing is typed), then the badge
// itself. Reaching the badge completes the lesson: the quiet "saved" mark shows
// once the store has it.
// Widgets: back, next (butterfly is the stack's).
// Depends on: screens/lesson/lesson_play, screens/lesson/activity_parts.
#pragma once

#include "screens/lesson/lesson_play.hpp"

#include <memory>

namespace sq {

// `play`: its runner is at the reflection or the badge.
std::unique_ptr<Screen> makeBadgeScreen(std::shared_ptr<LessonPlay> play);

} // namespace sq
