// The teacher PIN ("teacher-pin"): a big keypad (digit:0 ... digit:9, delete, ok)
// that also takes typed digits, Backspace and Enter. It guards every teacher
// screen and leaving the full-screen lock. When no PIN is set yet, the first
// teacher to open it chooses one (typed twice): pupil screens never ask. A PIN
// that is too easy to guess (settings/pin_rules: 1234, 0000, ...) is refused with
// the reason before it is typed again.
// Depends on: ui/screen, ui/teacher_access, settings/pin_rules.
#pragma once

#include "ui/screen.hpp"

#include <functional>

namespace sq {

class TeacherPinScreen final : public Screen {
public:
  using OnAccepted = std::function<void(UiHost&)>;
  static constexpr std::size_t kMinDigits = 4;
  static constexpr std::size_t kMaxDigits = 8;

  enum class Mode { Enter, Choose, Confirm };
  TeacherPinScreen(Mode mode, OnAccepted onAccepted)
      : mMode(mode), mOnAccepted(std::move(onAccepted)) {}

  std::string_view id() const override { return "teacher-pin"; }
  bool pupilScreen() const override { return false; }
  void layout(const UiContext& ctx, WidgetList& out) override;
  void draw(UiContext& ctx, const WidgetList& widgets, const WidgetVisuals& v) override;
  void activate(std::string_view widgetId, UiHost& host) override;
  bool text(std::string_view utf8, UiHost& host) override;
  bool key(const KeyDown& k, UiHost& host) override;

  Mode mode() const { return mMode; }
  std::size_t digits() const { return mEntry.size(); }

private:
  void submit(UiHost& host);

  Mode mMode;
  OnAccepted mOnAccepted;
  std::string mEntry;
  std::string mFirst;   // Choose: the PIN typed the first time
  std::string mMessage; // string id or text to show under the dots
  bool mMessageIsError = false;
  bool mTyping = false; // the last digits came from the keyboard: Enter means OK
  Rect mContent;        // the content area, from the last layout pass
  Rect mMessageBox;     // where the message line goes, from the last layout pass
  // The message under the dots: what just happened, else what to do.
  std::string message(const UiContext& ctx) const;
};

// Opens the PIN screen, in "choose" mode when no PIN is set yet.
std::unique_ptr<Screen> makeTeacherPinScreen(TeacherAccess& teacher,
                                             TeacherPinScreen::OnAccepted onAccepted);

} // namespace sq
