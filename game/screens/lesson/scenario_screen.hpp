// The "scenario" step: a little story with choices (ScenarioRunner). Each node
// shows its picture and words and 2 to 4 choice cards: picture cards with a short
// caption for EYFS and KS1 (at most 3), text cards for KS2 (up to 4). A choice
// shows its feedback with the SMART rule's letter: warm praise for a safe choice,
// a gentle consequence and "try again" (the same node's choices) for an unsafe
// one. The ending celebrates the safe path and "next" finishes the step.
// Words taller than their room (the story, the feedback, the ending) scroll
// ("more"), never cut: choice cards go into more rows, then the story scrolls
// above them, then the words get a little smaller (never below the detail size
// times the pupil's text size), and when even that does not fit, the node
// becomes one column (the story, then each card as tall as its words at their
// full size) that scrolls as a whole, with a bar and a "more" cue.
// Widgets: back, choice:1..N (in one column, those in view), more, read-aloud
// (when narrated), try-again, next.
// Depends on: screens/lesson/lesson_play, screens/lesson/activity_parts.
#pragma once

#include "screens/lesson/activity_parts.hpp"
#include "screens/lesson/lesson_play.hpp"

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace sq {

class ScenarioScreen final : public Screen {
public:
  explicit ScenarioScreen(std::shared_ptr<LessonPlay> play) : mPlay(std::move(play)) {}

  std::string_view id() const override { return "scenario"; }
  void layout(const UiContext& ctx, WidgetList& out) override;
  void draw(UiContext& ctx, const WidgetList& widgets, const WidgetVisuals& v) override;
  void activate(std::string_view widgetId, UiHost& host) override;
  std::string firstFocus() const override;
  bool key(const KeyDown& k, UiHost& host) override {
    (void)host;
    return mFeedback.key(k);
  }
  bool pointer(const InputEvent& e, const UiContext& ctx) override {
    return mFeedback.handle(e, ctx);
  }

  // The current node's choices as shown, card by card (choice:1 is the first):
  // indices into the node's choices.
  std::vector<std::size_t> shownChoices() const;

private:
  ScenarioRunner* runner() const { return mPlay->runner.runnerAs<ScenarioRunner>(); }
  void arrive(UiHost& host); // after a move: save, then narrate the node

  // What the last layout pass worked out, for draw().
  struct CardPlan {
    enum class Words {
      Caption,
      Big,
      Line
    } kind = Words::Line; // under a picture, alone, beside the number
    Rect number;
    Rect picture; // empty: none
    Rect words;
    FontSpec font;
  };
  struct Plan {
    Rect content;
    // Choosing: the node's picture and story, and each card's inside.
    Rect picture;
    Rect story;
    FontSpec storyFont;
    float storyH = 0; // the story's words, when they scroll
    std::vector<CardPlan> cards;
    // One column that scrolls: where each card is, unscrolled (its widget is the
    // part in view), and the column's whole height.
    bool oneColumn = false;
    std::vector<Rect> cardsAt;
    float columnH = 0;
    // Feedback: the picture of what was chosen, the words' column ("You chose",
    // then the panel `panelY` below its top), all `feedbackNeed` tall.
    Rect feedbackPicture;
    float feedbackX = 0;
    float feedbackW = 0;
    std::string chose;
    FontSpec choseFont;
    float choseH = 0;
    std::string heading;
    float panelY = 0;
    float feedbackNeed = 0;
    // The ending: its picture, the column, the heading's and words' heights.
    Rect endPicture;
    Rect endColumn;
    FontSpec endFont;
    float endHeadingH = 0;
    float endWordsH = 0;
    float endTop = 0;
  };
  void plan(const UiContext& ctx);
  // The choosing phase as one column of the story and the cards, `width` wide.
  void planColumn(const UiContext& ctx, float width);

  std::shared_ptr<LessonPlay> mPlay;
  Plan mPlan;
  std::vector<Rect> mCardRects; // the choice cards, from the same pass
  ScrollBox mFeedback; // the story's, feedback's or ending's words, when taller than the room
};

// `play`: its runner is on a scenario step.
std::unique_ptr<Screen> makeScenarioScreen(std::shared_ptr<LessonPlay> play);

} // namespace sq
