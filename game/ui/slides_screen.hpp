// The "slides" step: one slide at a time, its picture beside its words (large for
// the young), "read to me" when the slide has narration, and "next" through the
// slides and then on to the lesson's next step. Every move is saved, so a pupil
// who stops comes back to the same slide.
// Widgets: back, read-aloud (when narrated), next (butterfly is the stack's).
// Depends on: ui/lesson_play, ui/activity_parts.
#pragma once

#include "ui/lesson_play.hpp"

#include <memory>
#include <string>
#include <string_view>

namespace sq {

// Drawing shared by the slides and scenario screens.
namespace step_view {
// `units` (times the pupil's text size), made smaller down to the detail size
// until `text` fits `box`; drawTextBlock cuts what still does not fit.
FontSpec fitFont(const UiContext& ctx, std::string_view text, float units, FontWeight weight,
                 const Rect& box);
// A pack picture fitted in `box`; when it is missing or refused, a soft frame that
// says in words what it shows (its alt text), so nothing is lost.
void drawPicture(UiContext& ctx, const LessonPlay& play, const Picture& picture, const Rect& box);
// The step's title, else the lesson's.
std::string title(const UiContext& ctx, const LessonPlay& play);
} // namespace step_view

class SlidesScreen final : public Screen {
public:
  explicit SlidesScreen(std::shared_ptr<LessonPlay> play) : mPlay(std::move(play)) {}

  std::string_view id() const override { return "slides"; }
  void layout(const UiContext& ctx, WidgetList& out) const override;
  void draw(UiContext& ctx, const WidgetList& widgets, const WidgetVisuals& v) override;
  void activate(std::string_view widgetId, UiHost& host) override;
  std::string firstFocus() const override { return "next"; }

private:
  SlidesRunner* runner() const { return mPlay->runner.runnerAs<SlidesRunner>(); }

  std::shared_ptr<LessonPlay> mPlay;
};

} // namespace sq
