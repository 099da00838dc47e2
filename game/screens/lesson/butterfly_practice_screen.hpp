// The "butterfly-practice" step: practice in telling someone about the butterfly
// feeling. A feelings check-in (five drawn faces: feeling:happy, feeling:ok,
// feeling:butterflies, feeling:scared, feeling:sad), the reporting steps one a
// screen ("step:next" moves on), choosing who to tell (adult:teacher,
// adult:parent, adult:other), practising what to say, then praise and "next".
// The feeling and the adult only shape what this screen says: neither is kept
// anywhere but the runner's memory, so nothing about them is ever recorded.
// Depends on: screens/lesson/lesson_play, screens/lesson/activity_parts.
#pragma once

#include "screens/lesson/lesson_play.hpp"

#include <memory>

namespace sq {

class ButterflyPracticeScreen final : public Screen {
public:
  explicit ButterflyPracticeScreen(std::shared_ptr<LessonPlay> play) : mPlay(std::move(play)) {}

  std::string_view id() const override { return "butterfly-practice"; }
  void layout(const UiContext& ctx, WidgetList& out) override;
  void draw(UiContext& ctx, const WidgetList& widgets, const WidgetVisuals& v) override;
  void activate(std::string_view widgetId, UiHost& host) override;
  // Page Down (a presenter's clicker) moves through the steps as "step:next" does.
  bool key(const KeyDown& k, UiHost& host) override;

private:
  ButterflyRunner* runner() const { return mPlay->runner.runnerAs<ButterflyRunner>(); }
  void nextStep(UiHost& host);

  std::shared_ptr<LessonPlay> mPlay;
  bool mThanked = false; // a kind word for the feeling shows on the first step
  Rect mContent;         // the content area, from the last layout pass
  FontSpec mTileFont;    // the feelings' or adults' names, one size for all
  float mTileLabelH = 0; // and the room for them at the foot of each tile
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
  } mStep;
  void planStep(const UiContext& ctx, const ButterflyRunner& r, const ReportStep& s);
  // "Say it": the praise panel, the title line, the bubble and its words' size.
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
