// The butterfly feeling ("butterfly"): what a pupil sees after pressing the
// butterfly button. Calm colours, a big butterfly, few words: it is right to stop
// and tell a trusted adult now. The game is paused underneath; "back" returns to
// it. "teacher" asks for the teacher PIN, then shows "butterfly-teacher"
// (screens/teacher/butterfly_teacher_screen).
//
// The safety words are always drawn whole, above the buttons: the butterfly gets
// smaller (or goes) to make room for them before their font is made smaller, and
// they are never cut with "…".
//
// The press itself is recorded (help.asked) by the app before this screen opens, so
// a real request is in the records even if the game quits here. Left with "back"
// (or Esc) within kQuickCloseSeconds with nothing chosen, this screen adds the
// quick-close mark on that press (results/event_payload: makeHelpClosedQuickly), so
// the teacher can tell a slip from a real request; the press is never hidden.
// Depends on: ui/screen, results/event_payload.
#pragma once

#include "ui/screen.hpp"

#include <cstdint>
#include <string>
#include <utility>

namespace sq {

// The press that opened the screen: its class ("" for a guest or nobody known:
// nothing was recorded), the time it was recorded at, and when (UTC seconds).
struct HelpPressed {
  std::string classId;
  std::string askedAt;
  std::int64_t atSeconds = 0;
};

class ButterflyScreen final : public Screen {
public:
  explicit ButterflyScreen(HelpPressed pressed = {}) : mPressed(std::move(pressed)) {}

  std::string_view id() const override { return "butterfly"; }
  // It is where the butterfly button leads: no second one here.
  bool pupilScreen() const override { return false; }
  void layout(const UiContext& ctx, WidgetList& out) override;
  void draw(UiContext& ctx, const WidgetList& widgets, const WidgetVisuals& v) override;
  void activate(std::string_view widgetId, UiHost& host) override;
  // Where the two lines were laid out, from the top of the first to the foot of the
  // second (from the last layout pass).
  Rect words() const { return Rect{mStop.x, mStop.y, mStop.w, mTell.bottom() - mStop.y}; }

private:
  HelpPressed mPressed;
  bool mChose = false; // "For my teacher" was pressed: not a slip

  // From the last layout pass, for draw(): the butterfly (empty when there is no
  // room for it), then the two lines' boxes (stop, and tell a trusted adult now)
  // and the fonts that fit them whole.
  Rect mPicture;
  Rect mStop;
  Rect mTell;
  FontSpec mStopFont;
  FontSpec mTellFont;
};

std::unique_ptr<Screen> makeButterflyScreen(HelpPressed pressed = {});

} // namespace sq
