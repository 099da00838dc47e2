// The butterfly feeling ("butterfly"): what a pupil sees after pressing the
// butterfly button. Calm colours, a big butterfly, few words: it is right to stop
// and tell a trusted adult now. The game is paused underneath; "back" returns to
// it. "teacher" asks for the teacher PIN, then shows "butterfly-teacher"
// (screens/teacher/butterfly_teacher_screen).
// Depends on: ui/screen.
#pragma once

#include "ui/screen.hpp"

namespace sq {

class ButterflyScreen final : public Screen {
public:
  std::string_view id() const override { return "butterfly"; }
  // It is where the butterfly button leads: no second one here.
  bool pupilScreen() const override { return false; }
  void layout(const UiContext& ctx, WidgetList& out) override;
  void draw(UiContext& ctx, const WidgetList& widgets, const WidgetVisuals& v) override;
  void activate(std::string_view widgetId, UiHost& host) override;

private:
  // From the last layout pass, for draw(): the butterfly, then the two lines'
  // boxes (stop, and tell a trusted adult now).
  Rect mPicture;
  Rect mStop;
  Rect mTell;
};

std::unique_ptr<Screen> makeButterflyScreen();

} // namespace sq
