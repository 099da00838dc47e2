// A screen, and what a screen is handed (UiHost: the app's services, ui/services).
// Screens are small objects on a stack (ui/screen_stack): the top one lays out its
// widgets, draws, and reacts when one is pressed. Pressing is always by widget id,
// whether it came from a finger, the mouse, Enter, a switch or a script.
// Depends on: ui/ui_context, ui/widget, ui/services, ui/strings, platform/input
// (engine events, no SDL).
#pragma once

#include "platform/input.hpp"
#include "ui/services.hpp"
#include "ui/strings.hpp"
#include "ui/ui_context.hpp"
#include "ui/widget.hpp"

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace sq {

class Screen;

// Narration and sound effects. The audio module's player sits behind this; with
// no audio device (or before it is wired) the game is simply silent.
class SoundOutput {
public:
  virtual ~SoundOutput() = default;
  virtual void playNarration(const std::string& path) = 0;
  virtual void stopNarration() = 0;
  virtual void playEffect(std::string_view name) = 0;
  // Whether the narration last played is still heard (a toggle stops it, or
  // plays it again once it has ended).
  virtual bool narrationPlaying() { return false; }
};

// What a screen is handed: the app's services (ui/services), each reached on its
// own (host.nav().push(...), host.records().roster()), with the words, the clock,
// sound and the butterfly button, which every kind of screen uses.
class UiHost {
public:
  virtual ~UiHost() = default;

  virtual Navigator& nav() = 0;
  virtual PupilSession& pupil() = 0;
  virtual const PupilSession& pupil() const = 0;
  virtual RecordsAccess& records() = 0;
  virtual const RecordsAccess& records() const = 0;
  virtual TeacherAccess& teacher() = 0;
  virtual const TeacherAccess& teacher() const = 0;

  virtual const Strings& strings() const = 0;
  virtual std::int64_t nowSeconds() const = 0; // UTC, for the academic year
  virtual SoundOutput& sound() = 0;

  // The butterfly: records help.asked (class and time, never the pupil) and
  // opens the calm screen. `classHint` is the class a pupil has tapped before
  // signing in (the sign-in screen knows it), used when no one is signed in.
  virtual void askForHelp(const std::string& classHint = {}) = 0;
};

class Screen {
public:
  virtual ~Screen() = default;

  // Stable: "sign-in", "home", "settings", "butterfly", "teacher-pin", ...
  virtual std::string_view id() const = 0;
  // Pupil screens carry the butterfly button (the stack adds it, top right).
  virtual bool pupilScreen() const { return true; }

  // The layout pass: the interactive widgets in reading order, the main action
  // (Check, Next) after the choices, with rectangles (the Tab order puts the
  // chrome after them: ui/focus). The screen works out its geometry here, once per pass (its
  // rectangles, the font sizes fitFont chose), and keeps what draw() needs: the
  // stack runs a pass before each frame is drawn and whenever the size or the
  // screen's state may have changed, and hit-tests and focuses from `out`.
  virtual void layout(const UiContext& ctx, WidgetList& out) = 0;
  // Draws the screen over a frame already cleared to the theme's background,
  // from what the last layout pass (with this same context) kept: it never works
  // the geometry out again. `widgets` is what that pass gave.
  virtual void draw(UiContext& ctx, const WidgetList& widgets, const WidgetVisuals& v) = 0;
  // A widget was pressed.
  virtual void activate(std::string_view widgetId, UiHost& host) = 0;

  // Esc. The default presses "back" when the screen has one (the stack does that);
  // a screen without one may do something else. true: handled.
  virtual bool escape(UiHost& host) {
    (void)host;
    return false;
  }
  // Typed text (a PIN, a folder name). true: handled, draw again.
  virtual bool text(std::string_view utf8, UiHost& host) {
    (void)utf8;
    (void)host;
    return false;
  }
  // Keys the screen uses itself, before the stack's focus keys. true: handled.
  virtual bool key(const KeyDown& k, UiHost& host) {
    (void)k;
    (void)host;
    return false;
  }
  // Other input: the wheel, scrolling a list. true: draw again.
  virtual bool pointer(const InputEvent& e, const UiContext& ctx) {
    (void)e;
    (void)ctx;
    return false;
  }
  // Dragging, for widgets laid out `draggable`. A pointer or finger pressed on
  // one that moves more than kDragThreshold units is a drag, not a press: the
  // stack calls dragStarted, draws with WidgetVisuals::drag while it moves, and
  // on release calls dropped with the widget under the pointer ("" : none) and
  // never presses anything. Esc, or losing the button, cancels it (dragCancelled).
  // The keyboard and switch ways (press it, then press where it goes) stay the
  // screen's own.
  virtual void dragStarted(std::string_view widgetId) { (void)widgetId; }
  virtual void dropped(std::string_view widgetId, std::string_view onto, UiHost& host) {
    (void)widgetId;
    (void)onto;
    (void)host;
  }
  virtual void dragCancelled(std::string_view widgetId) { (void)widgetId; }
  // The screen is on top again after the one above it closed: refresh what it shows.
  virtual void resumed(UiHost& host) { (void)host; }
  // Where focus starts on this screen, and again whenever the focused widget
  // leaves its layout (its state moved on): "" : the first content widget in Tab
  // order, never the chrome (ui/focus initialFocus).
  virtual std::string firstFocus() const { return {}; }
  // The widget a screen moved focus to with keys of its own (a presenter
  // clicker's PageDown through a list), which the ring follows after each layout
  // pass; "" : the stack's own focus (the default).
  virtual std::string ownFocus() const { return {}; }
  // The class this screen knows the pupil is in before they sign in ("" : none),
  // so the butterfly button can count a worry for the class.
  virtual std::string classHint() const { return {}; }
};

} // namespace sq
