// The "butterfly-practice" step: practice in telling someone about the butterfly
// feeling. A feelings check-in (five drawn faces: feeling:happy, feeling:ok,
// feeling:butterflies, feeling:scared, feeling:sad), the reporting steps one a
// screen ("step:next" moves on), choosing who to tell (adult:teacher,
// adult:parent, adult:other), practising what to say, then praise and "next".
// The feeling and the adult only shape what this screen says: neither is kept
// anywhere but the runner's memory, so nothing about them is ever recorded.
// Words are never cut: tiles go fewer to a row (their names wrap onto two lines,
// their pictures give way), a step's picture gets smaller, words a size smaller,
// and only then does the page scroll, tiles too: "more" (the whole box, on a page
// of words) or "more:tiles" (the bar's strip, on a page of tiles) pages on, with
// a bar and a cue at the right.
// Depends on: screens/lesson/lesson_play, screens/lesson/activity_parts.
#pragma once

#include "screens/lesson/activity_parts.hpp"
#include "screens/lesson/lesson_play.hpp"

#include <memory>
#include <string>
#include <vector>

namespace sq {

class ButterflyPracticeScreen final : public Screen {
public:
  explicit ButterflyPracticeScreen(std::shared_ptr<LessonPlay> play) : mPlay(std::move(play)) {}

  std::string_view id() const override { return "butterfly-practice"; }
  void layout(const UiContext& ctx, WidgetList& out) override;
  void draw(UiContext& ctx, const WidgetList& widgets, const WidgetVisuals& v) override;
  void activate(std::string_view widgetId, UiHost& host) override;
  // Page Down (a presenter's clicker) moves through the steps as "step:next" does.
  // Up and Down scroll a page of words that scrolls; the wheel scrolls any page.
  bool key(const KeyDown& k, UiHost& host) override;
  bool pointer(const InputEvent& e, const UiContext& ctx) override;
  std::string firstFocus() const override;

private:
  ButterflyRunner* runner() const { return mPlay->runner.runnerAs<ButterflyRunner>(); }
  void nextStep(UiHost& host);

  std::shared_ptr<LessonPlay> mPlay;
  bool mThanked = false; // a kind word for the feeling shows on the first step
  Rect mContent;         // the content area, from the last layout pass
  FontSpec mTileFont;    // the feelings' or adults' names, one size for all
  float mTileLabelH = 0; // and the room for them at the foot of each tile
  // The page's words (and tiles) when taller than the content area. Everything
  // planned below is placed unscrolled; draw() moves it by scrollShift().
  ScrollBox mScroll;
  int mScrollPhase = -1; // the phase it was placed for: a new phase starts at the top
  float scrollShift() const { return mScroll.scrolls() ? mScroll.top() - mScroll.box().y : 0; }
  // The check-in's or the adults' prompt and hint over their tiles.
  struct PromptPlan {
    Rect prompt;
    Rect hint;
    FontSpec promptFont;
  } mPrompt;
  // Tiles with `labels`' names, `maxW` by `maxH` units at most, under the
  // prompt; their rectangles (unscrolled) in order.
  std::vector<Rect> planTiles(const UiContext& ctx, const std::vector<std::string>& labels,
                              std::string_view prompt, std::string_view hint, float maxW,
                              float maxH);
  std::vector<Rect> mTileRects; // the tiles, unscrolled, and their ids
  std::vector<std::string> mTileIds;
  // The tiles' widgets, as much of each as shows when the page scrolls.
  void addTiles(const UiContext& ctx, WidgetList& out, const std::vector<Rect>& rects,
                const std::vector<std::string>& ids, const std::vector<std::string>& labels);
  // A reporting step's places, from the last layout pass.
  struct StepPlan {
    Rect thanks; // the kind word for the feeling shared (empty: none)
    const char* thanksId = "";
    Rect intro;
    Rect picture;
    Rect badge;
    Rect stepOf;
    Rect text;
    FontSpec font;
    FontSpec stepOfFont;
  } mStep;
  void planStep(const UiContext& ctx, const ButterflyRunner& r, const ReportStep& s);
  // "Say it": the praise panel, the title line, the bubble and its words' size
  // (the bubble as tall as its words need).
  struct SayItPlan {
    Rect panel;
    Rect title;
    Rect bubble;
    FontSpec font;
  } mSayIt;
  void planSayIt(const UiContext& ctx, const ButterflyRunner& r);
  // "Well done": the heart, the praise panel and its words, and (when the lesson
  // has no words to practise) the title line and the example's bubble.
  struct PraisePlan {
    Point heart; // the heart's centre
    float heartSize = 0;
    Rect panel; // the room given to the panel; it uses what its words need
    std::string praise;
    Rect title;  // empty when the lesson has words to practise
    Rect bubble; // likewise
  } mPraise;
  void planPraise(const UiContext& ctx, const ButterflyRunner& r);
};

// `play`: its runner is on a butterfly practice step.
std::unique_ptr<Screen> makeButterflyPracticeScreen(std::shared_ptr<LessonPlay> play);

} // namespace sq
