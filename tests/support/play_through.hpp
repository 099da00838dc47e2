// Playing activities through the right way, as a pupil who knows the answers would:
// for tests and the end-to-end helper. Logic only (runners), no window.
#pragma once

#include "runtime/lesson_runner.hpp"

namespace sq::test {

// Answers the quiz's current item rightly and checks it; false if it was not right.
bool answerRightly(QuizRunner& quiz);
// Plays the lesson's active step to its end (safe choices, right answers, every
// promise ticked), from wherever it is, as after a restore. false when something
// did not go as the content says.
bool playStepThrough(LessonRunner& lesson);

} // namespace sq::test
