// The butterfly feeling ("butterfly"): what a pupil sees after pressing the
// butterfly button. Calm colours, a big butterfly, few words: it is right to stop
// and tell a trusted adult now. The game is paused underneath; "back" returns to
// it. Behind the teacher PIN, "butterfly-teacher" names the school's designated
// safeguarding lead and lists the school's incident steps.
// Depends on: ui/screen, results/roster (SchoolSettings).
#pragma once

#include "results/roster.hpp"
#include "ui/screen.hpp"

namespace sq {

class ButterflyScreen final : public Screen {
public:
  std::string_view id() const override { return "butterfly"; }
  // It is where the butterfly button leads: no second one here.
  bool pupilScreen() const override { return false; }
  void layout(const UiContext& ctx, WidgetList& out) const override;
  void draw(UiContext& ctx, const WidgetList& widgets, const WidgetVisuals& v) override;
  void activate(std::string_view widgetId, UiHost& host) override;
};

class ButterflyTeacherScreen final : public Screen {
public:
  explicit ButterflyTeacherScreen(SchoolSettings school) : mSchool(std::move(school)) {}
  std::string_view id() const override { return "butterfly-teacher"; }
  bool pupilScreen() const override { return false; }
  void layout(const UiContext& ctx, WidgetList& out) const override;
  void draw(UiContext& ctx, const WidgetList& widgets, const WidgetVisuals& v) override;
  void activate(std::string_view widgetId, UiHost& host) override;

private:
  SchoolSettings mSchool;
};

std::unique_ptr<Screen> makeButterflyScreen();

} // namespace sq
