// The butterfly screen's teacher page ("butterfly-teacher"), behind the teacher PIN:
// the school's designated safeguarding lead and its incident steps.
// Depends on: ui/screen, results/roster (SchoolSettings).
#pragma once

#include "results/roster.hpp"
#include "ui/screen.hpp"

namespace sq {

class ButterflyTeacherScreen final : public Screen {
public:
  explicit ButterflyTeacherScreen(SchoolSettings school) : mSchool(std::move(school)) {}
  std::string_view id() const override { return "butterfly-teacher"; }
  bool pupilScreen() const override { return false; }
  void layout(const UiContext& ctx, WidgetList& out) override;
  void draw(UiContext& ctx, const WidgetList& widgets, const WidgetVisuals& v) override;
  void activate(std::string_view widgetId, UiHost& host) override;

private:
  SchoolSettings mSchool;
  Rect mContent; // the content area, from the last layout pass
};

} // namespace sq
