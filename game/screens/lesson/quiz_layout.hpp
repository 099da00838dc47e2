// Where everything on the quiz screen goes, worked out once per layout pass:
// the question, the hint, the item's picture, the answer cards or boxes with the
// one font size their words share, the progress and the action button. The quiz
// screen keeps the plan; its drawing (quiz_draw) and its widgets both come from it.
// Words are never cut: when the cards cannot show every word at the pupil's
// detail size or larger, the item's picture goes, and then what is under the
// question (the hint, the feedback once checked and the cards) scrolls as one,
// the sorting boxes staying in view below it.
// Depends on: runtime/quiz_runner, ui/ui_context, ui/widget, screens/lesson/activity_parts.
#pragma once

#include "runtime/quiz_runner.hpp"
#include "ui/ui_context.hpp"
#include "ui/widget.hpp"

#include <cstddef>
#include <optional>
#include <string>
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
  // After Check, the answer shown: the parts are drawn, not pressed.
  bool right = false;   // a right answer (or, sorting and ordering, a card the pupil had right)
  bool yours = false;   // the pupil's own choice
  std::string tag = {}; // the words that say so, over the card's own ("Right answer")
  std::optional<std::size_t> rightGroup = std::nullopt; // sort: the box the card belongs in
  bool fixed = false; // stays put when the rest scrolls (the sorting boxes)
};

// Where everything goes in the current state.
struct QuizPlan {
  Rect content;
  Rect prompt;
  FontSpec promptFont;
  Rect hint;    // sort and order: how to move cards (scrolled)
  Rect picture; // the item's own picture
  Rect answers; // what is left for the parts, or for the feedback
  // What scrolls: everything under the question but the fixed parts. The hint,
  // the feedback and the parts that are not fixed are placed as if not scrolled
  // (`scrollNeed` tall from view.y); on screen they move up by the scroll offset.
  Rect view;
  float scrollNeed = 0;
  bool scrolls = false; // laid out narrower, clear of the scroll bar and its cue
  std::vector<QuizPart> parts;
  FontSpec cardFont;  // one size for all the cards' words
  FontSpec groupFont; // and for the boxes' names
  FontSpec wordFont;  // true or false, once checked: the word under its tag
  int cardsCut = 0;   // cards whose words (or tags) are cut short at the size chosen
  Rect progress;      // stars or "Question 2 of 5", between the bottom buttons
  Widget action;      // "check", or "next" once checked
  // After Check: the feedback (its heading and words, in `feedback`, as tall as
  // they need) over the cards, the right answer marked.
  bool reveal = false;
  std::string feedbackHeading;
  std::string feedbackText;
  Rect feedback;
  FontSpec tagFont; // the cards' "Right answer" words
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
// The same for a part of `p`: once the answer is shown, the tag's words take the
// top of the words' box (`tag`), the card's own words the rest.
struct PartBoxes {
  CardBoxes card;
  Rect tag;
};
PartBoxes partBoxes(const UiContext& ctx, const QuizPlan& p, const QuizPart& part, bool young);

// The shape that stands for sorting box `group` (● ■ ▲ ◆), on the box and on the
// cards put in it.
const char* groupShape(std::size_t group);

// The part with this widget id (nullptr: none).
const QuizPart* findPart(const QuizPlan& p, std::string_view widgetId);

} // namespace sq
