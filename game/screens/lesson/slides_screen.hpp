// The "slides" step: one slide at a time, its picture beside its words (large for
// the young), "read to me" when the slide has narration, and "next" through the
// slides and then on to the lesson's next step. Every move is saved, so a pupil
// who stops comes back to the same slide. Long words take room from the picture,
// then scroll ("more"); they are never cut, and wrap inside a small margin so a
// letter whose ink reaches past its pen (the tail of a "j") stays in their box.
// Widgets: back, more (when the words scroll), read-aloud (when narrated), next
// (butterfly is the stack's).
// Depends on: screens/lesson/lesson_play, screens/lesson/activity_parts, text/layout.
#pragma once

#include "screens/lesson/activity_parts.hpp"
#include "screens/lesson/lesson_play.hpp"

#include <memory>
#include <string>
#include <string_view>

namespace sq {

class SlidesScreen final : public Screen {
public:
  explicit SlidesScreen(std::shared_ptr<LessonPlay> play) : mPlay(std::move(play)) {}

  std::string_view id() const override { return "slides"; }
  void layout(const UiContext& ctx, WidgetList& out) override;
  void draw(UiContext& ctx, const WidgetList& widgets, const WidgetVisuals& v) override;
  void activate(std::string_view widgetId, UiHost& host) override;
  std::string firstFocus() const override { return "next"; }
  bool key(const KeyDown& k, UiHost& host) override {
    (void)host;
    return mWords.key(k);
  }
  bool pointer(const InputEvent& e, const UiContext& ctx) override { return mWords.handle(e, ctx); }

private:
  SlidesRunner* runner() const { return mPlay->runner.runnerAs<SlidesRunner>(); }

  // What the last layout pass worked out: the slide's picture, its words' box
  // and the size they fit at.
  struct Plan {
    Rect picture;
    Rect text;
    FontSpec font;
  };

  std::shared_ptr<LessonPlay> mPlay;
  Plan mPlan;
  ScrollBox mWords; // the slide's words, when they are taller than their room
};

// `play`: its runner is on a slides step.
std::unique_ptr<Screen> makeSlidesScreen(std::shared_ptr<LessonPlay> play);

} // namespace sq
