// A lesson's front page ("lesson"): its picture, its title, how many parts it has
// and how far the pupil has got; "next" starts it, or carries on where the pupil
// stopped (their last lesson.progress, on any PC sharing the school folder). The
// step screens are pushed above it and come back here when the pupil leaves.
// In a whole-class lesson (started by the teacher) it is the teacher's front page:
// the lesson's objectives and notes are shown, and nothing is recorded until the
// teacher ticks who was present at the end.
// Depends on: ui/screen, screens/home_model, screens/lesson/lesson_play.
#pragma once

#include "screens/home_model.hpp"
#include "screens/lesson/lesson_play.hpp"
#include "ui/screen.hpp"

namespace sq {

class LessonScreen final : public Screen {
public:
  LessonScreen(HomeLesson lesson, std::shared_ptr<LessonPlay> play)
      : mLesson(std::move(lesson)), mPlay(std::move(play)) {}

  std::string_view id() const override { return "lesson"; }
  void layout(const UiContext& ctx, WidgetList& out) override;
  void draw(UiContext& ctx, const WidgetList& widgets, const WidgetVisuals& v) override;
  void activate(std::string_view widgetId, UiHost& host) override;
  void resumed(UiHost& host) override;
  std::string firstFocus() const override { return mPlay ? "next" : "back"; }

  const std::shared_ptr<LessonPlay>& play() const { return mPlay; }

private:
  std::string startLabel(const UiContext& ctx) const;
  bool started() const;

  HomeLesson mLesson;
  std::shared_ptr<LessonPlay> mPlay; // nullptr when the lesson's pack is not loaded
  Rect mContent;                     // the content area, from the last layout pass
};

std::unique_ptr<Screen> makeLessonScreen(UiHost& host, const HomeLesson& lesson);
// The teacher's whole-class lesson for `classId`.
std::unique_ptr<Screen> makeClassLessonScreen(UiHost& host, const HomeLesson& lesson,
                                              const std::string& classId);

} // namespace sq
