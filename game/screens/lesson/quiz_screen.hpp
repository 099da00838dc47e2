// The "quiz" step: one item at a time, answered, checked and followed by kind
// feedback (warm when right, gentle when not, with a way to try again). Every
// question type the packs have: single and multiple choice (option cards),
// true or false (two big cards), put in order (numbered cards moved by "pick it,
// then tap its place" or by dragging) and sort into groups (cards given to a box
// by "pick it, then tap its box" or by dragging). The young see stars, the older
// "Question 2 of 5"; nothing is timed.
//
// Sort cards stay where they are and take their box's colour and shape when
// placed, so every card's words stay readable however the pupil sorts them.
// Widgets: back, "answer:N", "item:N", "group:N", read-aloud, next (the butterfly is the
// stack's); numbers count from 1.
// Depends on: screens/lesson/lesson_play, screens/lesson/activity_parts.
#pragma once

#include "screens/lesson/lesson_play.hpp"

#include <memory>

namespace sq {

// `play`: its runner is on a quiz step (nullptr otherwise).
std::unique_ptr<Screen> makeQuizScreen(std::shared_ptr<LessonPlay> play);

} // namespace sq
