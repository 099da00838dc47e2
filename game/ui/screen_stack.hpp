// The screen stack and the one place input becomes actions. It lays out the top
// screen, adds the butterfly button to pupil screens, keeps keyboard focus (Tab,
// Shift+Tab, arrows; Enter or Space presses; Esc goes back; Page Down and Page Up
// press "next" and "back"), turns pointer and touch presses into widget presses,
// turns a press on a draggable widget that moves into a drag (and its drop),
// runs single-switch scanning, and draws the focus ring. Screens only ever see
// "this widget was pressed" (or dragged and dropped).
//
// Focus (ui/focus): on every new screen, and whenever the focused widget leaves
// the layout (the step or question moved on), focus starts on the content: the
// screen's firstFocus, else its first choice. Arrows move among the content only;
// the chrome (back, settings, the butterfly) is reached by Tab. Once a focus key
// is used the ring shows on every screen until the pointer is pressed, and the
// first key acts: an arrow moves, Return or Space presses. Scanning steps in the
// Tab order from where focus starts.
//
// Layout passes: the stack asks the top screen for its layout once per pass and
// keeps the widgets; draw() runs a pass and then draws from it, and input and
// scanning reuse the last pass unless the screen may have changed since (the stack
// handed it input, navigation, a different context).
// Depends on: ui/screen, ui/focus, ui/scanner, ui/chrome, platform/input.
#pragma once

#include "platform/input.hpp"
#include "ui/scanner.hpp"
#include "ui/screen.hpp"

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace sq {

class ScreenStack {
public:
  // Navigation, applied at once (the app uses these; screens go through UiHost,
  // whose requests are queued and applied after the input that caused them).
  void push(std::unique_ptr<Screen> screen);
  void pop();
  void replaceTop(std::unique_ptr<Screen> screen);
  void resetTo(std::unique_ptr<Screen> screen);

  // Queued navigation, for UiHost implementations.
  void requestPush(std::unique_ptr<Screen> screen);
  void requestPop();
  void requestReplaceTop(std::unique_ptr<Screen> screen);
  void requestResetTo(std::unique_ptr<Screen> screen);
  // Applies queued requests; true when the top screen changed.
  bool applyRequests(UiHost& host, std::uint64_t nowMs);

  bool empty() const { return mEntries.empty(); }
  std::size_t depth() const { return mEntries.size(); }
  Screen* top() const { return mEntries.empty() ? nullptr : mEntries.back().screen.get(); }
  std::string_view topId() const;

  // A layout pass: lays out the top screen (plus the butterfly button on pupil
  // screens), always.
  const WidgetList& layout(const UiContext& ctx);
  const WidgetList& widgets() const { return mWidgets; }

  // One input event; true when the screen must be drawn again.
  bool handle(const InputEvent& event, const UiContext& ctx, UiHost& host, std::uint64_t nowMs);
  // Presses a widget by id, exactly as a click would.
  void press(std::string_view id, UiHost& host, std::uint64_t nowMs);

  // One frame: a layout pass, then the screen draws from it.
  void draw(UiContext& ctx);
  // How many layout passes have run (for tests).
  std::uint64_t layoutPasses() const { return mLayoutPasses; }
  // The widget being dragged ("" : none).
  const std::string& draggedId() const;

  // Scanning: turned on and off by the pupil's settings.
  void setScanning(bool on, std::uint64_t nowMs) { mScanner.setEnabled(on, nowMs); }
  void setScanStepMs(std::uint32_t ms) { mScanner.setStepMs(ms); }
  bool scanning() const { return mScanner.enabled(); }
  const Scanner& scanner() const { return mScanner; }
  // Moves the scanning highlight when its step is due; true: draw again.
  bool tick(std::uint64_t nowMs, const UiContext& ctx);
  // How long the app may sleep before tick() has work (-1: until input comes).
  int msUntilTick(std::uint64_t nowMs) const { return mScanner.msUntilNextStep(nowMs); }

  // Focus, for tests and scripts.
  std::string focusedId() const;
  // The ring is shown: keyboard mode, and something has focus.
  bool focusVisible() const;
  bool keyboardMode() const { return mKeyboard; }
  WidgetVisuals visuals() const;

private:
  struct Entry {
    std::unique_ptr<Screen> screen;
    std::string focused;   // widget id ("" : none, settled at the next layout pass)
    bool revealed = false; // back on top after the screen above it closed
  };
  struct Request {
    enum class Kind { Push, Pop, Replace, Reset } kind;
    std::unique_ptr<Screen> screen;
  };

  void topChanged(std::uint64_t nowMs);
  int focusIndex() const;
  void setFocus(int index); // -1: leaves focus where it is
  // After a layout pass: focus starts on the content (initialFocus) when the
  // focused widget is gone or disabled (the screen, step or question moved on),
  // when nothing has focus, and when the screen is back on top with focus on
  // the chrome.
  void settleFocus();
  std::vector<int> scanTargets() const;
  void activate(std::string_view id, UiHost& host, std::uint64_t nowMs);
  // The last pass, unless the screen may have changed since or `ctx` differs.
  void ensureLayout(const UiContext& ctx);
  // The screen was handed something that may change its state.
  void stale() { mLayoutStale = true; }
  void cancelDrag();

  // A pointer held down on a draggable widget; a drag once it has moved far enough.
  struct Hold {
    std::string id; // "" : none
    Point start;
    Point grab; // from the widget's top left
    Point at;
    bool moving = false;
  };
  // What a layout pass depended on besides the screen itself.
  struct LayoutKey {
    Size viewport;
    float textScale = 0;
    FontFamily family = FontFamily::Andika;
    const Theme* theme = nullptr;
    const Strings* strings = nullptr;
    bool operator==(const LayoutKey& o) const {
      return viewport.width == o.viewport.width && viewport.height == o.viewport.height &&
             textScale == o.textScale && family == o.family && theme == o.theme &&
             strings == o.strings;
    }
  };

  std::vector<Entry> mEntries;
  std::vector<Request> mRequests;
  WidgetList mWidgets;
  std::string mPressed;
  std::string mHovered;
  Hold mHold;
  Scanner mScanner;
  bool mLayoutStale = true;
  // Keyboard mode: a focus key was used since the pointer last was. The focus
  // ring is drawn on every screen while it lasts.
  bool mKeyboard = false;
  LayoutKey mLayoutKey;
  std::uint64_t mLayoutPasses = 0;
};

} // namespace sq
