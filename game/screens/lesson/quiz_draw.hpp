// Drawing the quiz screen from its plan (quiz_layout): the question, the answer
// cards and boxes as the runner has them, a card being dragged, the feedback
// over the answer once checked (the right cards ticked and named, the pupil's
// choice still showing), the progress and the end. It works nothing out again: every rectangle and
// font size comes from the plan the last layout pass made.
// Depends on: screens/lesson/quiz_layout, screens/lesson/lesson_play,
// screens/lesson/activity_parts, ui/controls.
#pragma once

#include "screens/lesson/activity_parts.hpp"
#include "screens/lesson/lesson_play.hpp"
#include "screens/lesson/quiz_layout.hpp"

namespace sq {

// `r`: the play's quiz runner (nullptr: none). `picked`: a card is picked to move (the hint says
// where to put it). A drag in progress comes in `v.drag`. `scroll`: how far what is under
// the question is scrolled (placed at the plan's view).
void drawQuiz(UiContext& ctx, const LessonPlay& play, const QuizRunner* r, const QuizPlan& p,
              bool picked, const WidgetList& widgets, const WidgetVisuals& v,
              const ScrollBox& scroll);

} // namespace sq
