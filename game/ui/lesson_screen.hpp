// A lesson's front page ("lesson"): its picture, its title and how far the pupil
// has got. The lesson players (scenario, quiz, slides) are a later step; until
// they arrive this page says so calmly and offers the way back.
// Depends on: ui/screen, ui/home_model.
#pragma once

#include "ui/home_model.hpp"
#include "ui/screen.hpp"

namespace sq {

class LessonScreen final : public Screen {
public:
  LessonScreen(HomeLesson lesson, std::string narration)
      : mLesson(std::move(lesson)), mNarration(std::move(narration)) {}

  std::string_view id() const override { return "lesson"; }
  void layout(const UiContext& ctx, WidgetList& out) const override;
  void draw(UiContext& ctx, const WidgetList& widgets, const WidgetVisuals& v) override;
  void activate(std::string_view widgetId, UiHost& host) override;

private:
  HomeLesson mLesson;
  std::string mNarration; // the first narration file of the lesson, "" if none
};

std::unique_ptr<Screen> makeLessonScreen(const UiHost& host, const HomeLesson& lesson);

} // namespace sq
