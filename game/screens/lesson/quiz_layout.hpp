// Where everything on the quiz screen goes, worked out once per layout pass:
// the question, the hint, the item's picture, the answer cards or boxes with the
// one font size their words share, the progress and the action button. The quiz
// screen keeps the plan; its drawing (quiz_draw) and its widgets both come from it.
// Depends on: runtime/quiz_runner, ui/ui_context, ui/widget, screens/lesson/activity_parts.
#pragma once

#include "runtime/quiz_runner.hpp"
#include "ui/ui_context.hpp"
#include "ui/widget.hpp"

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

namespace sq {

enum class QuizPartKind { Option, TrueFalse, OrderCard, SortCard, Group };

// One thing to press in the answer area, where it is and what it stands for.
struct QuizPart {
  QuizPartKind kind;
  std::size_t index; // option, card (sort), position (order) or group
  Widget widget;
  const Picture* picture = nullptr; // shown on the card (the young only)
};

// Where everything goes in the current state.
struct QuizPlan {
  Rect content;
  Rect prompt;
  FontSpec promptFont;
  Rect hint;    // sort and order: how to move cards
  Rect picture; // the item's own picture
  Rect answers; // what is left for the parts, or for the feedback
  std::vector<QuizPart> parts;
  FontSpec cardFont;  // one size for all the cards' words
  FontSpec groupFont; // and for the boxes' names
  int cardsCut = 0;   // cards whose words are cut short even at the smallest size
  Rect progress;      // stars or "Question 2 of 5", between the bottom buttons
  Widget action;      // "check", or "next" ("Try again" after a wrong answer)
};

// The plan for `r` (nullptr: only the action button). `young`: the band's
// pictures-first cards; `picked`: the card picked to move (sort: its index;
// order: its position), shown selected. Sort and order cards are draggable
// while the pupil is answering.
QuizPlan planQuiz(const UiContext& ctx, const QuizRunner* r, bool young,
                  std::optional<std::size_t> picked);

// Inside a card: the mark (tick, ring, number or the box's shape), the picture
// (the young only) and the words. Tall young cards put the picture on top.
struct CardBoxes {
  Rect mark;
  Rect picture; // empty: none
  Rect text;
  bool tall = false;
};
CardBoxes cardBoxes(const UiContext& ctx, const Rect& r, bool picture, bool young);

// The part with this widget id (nullptr: none).
const QuizPart* findPart(const QuizPlan& p, std::string_view widgetId);

} // namespace sq
