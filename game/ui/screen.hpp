// A screen, and what a screen may ask of the app (UiHost). Screens are small
// objects on a stack (ui/screen_stack): the top one lays out its widgets, draws,
// and reacts when one is pressed. Pressing is always by widget id, whether it came
// from a finger, the mouse, Enter, a switch or a script.
// Depends on: ui/ui_context, ui/widget, ui/session, ui/teacher_access, ui/strings,
// platform/input (engine events, no SDL), results (Roster, Event), content (Catalog),
// play/recorder.
#pragma once

#include "content/pack_catalog.hpp"
#include "platform/input.hpp"
#include "play/recorder.hpp"
#include "results/event.hpp"
#include "results/results_store.hpp"
#include "results/roster.hpp"
#include "ui/session.hpp"
#include "ui/strings.hpp"
#include "ui/teacher_access.hpp"
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
};

class UiHost {
public:
  virtual ~UiHost() = default;

  // Navigation. Takes effect once the current input has been handled, so a screen
  // may replace itself safely.
  virtual void push(std::unique_ptr<Screen> screen) = 0;
  virtual void pop() = 0;
  virtual void replaceTop(std::unique_ptr<Screen> screen) = 0;
  virtual void resetTo(std::unique_ptr<Screen> screen) = 0; // the stack becomes just this
  // Ends the game (the full-screen lock asks for the PIN first).
  virtual void quit() = 0;

  virtual const Strings& strings() const = 0;
  virtual std::int64_t nowSeconds() const = 0; // UTC, for the academic year

  // The pupil.
  virtual const Session& session() const = 0;
  virtual void signIn(const Pupil& pupil) = 0; // loads their settings, opens home
  virtual void signInGuest() = 0;              // nothing will be recorded
  virtual void signOut() = 0;                  // back to the class tiles
  virtual const PupilSettings& prefs() const = 0;
  virtual void setPrefs(const PupilSettings& prefs) = 0; // applied at once, kept for the pupil

  // Records. Nothing here is ever called for a guest.
  virtual const Roster& roster() const = 0;
  // Where the class list came from ("" none yet), e.g. the school folder.
  virtual std::string rosterSource() const = 0;
  virtual std::vector<Event> pupilEvents(const std::string& pupilId) const = 0;
  // Events about a class or the school rather than a pupil (aup.class_confirmed,
  // assembly.given), of one kind.
  virtual std::vector<Event> classEvents(EventKind kind) const = 0;
  virtual const Catalog* catalog() const = 0; // nullptr while the packs are loading
  // The one queue every recorded action goes through (play/recorder): lesson steps,
  // AUP signing and class confirmation, parents' agreements, whole-class attendance,
  // the butterfly button. Build drafts with results/event_payload's builders and
  // submit() them; a save may finish later (the app pumps the recorder each frame).
  // A failed save stays queued, first, and is tried again with the next submit() or
  // retry(); lastError() is the store's reason, for the teacher's screens (pupils only
  // ever see a calm "not saved yet"). Never used for a guest.
  virtual Recorder& recorder() = 0;
  virtual const Recorder& recorder() const = 0;
  // Publishes this PC's records to the school folder, when one is set, so a pupil
  // can carry on from another PC. Quiet: a failure is logged, never shown to a pupil.
  virtual void shareRecords() = 0;

  // The butterfly: records help.asked (class and time, never the pupil) and
  // opens the calm screen. `classHint` is the class a pupil has tapped before
  // signing in (the sign-in screen knows it), used when no one is signed in.
  virtual void askForHelp(const std::string& classHint = {}) = 0;

  // Picture passwords: three of the six pictures (numbered from 1) per class.
  virtual std::vector<int> picturePassword(const std::string& classId) const = 0;
  virtual bool setPicturePassword(const std::string& classId, const std::vector<int>& pictures,
                                  std::string& error) = 0;

  // The teacher's side.
  virtual TeacherPin& teacherPin() = 0;
  virtual const GameConfig& config() const = 0;
  virtual bool saveConfig(const GameConfig& config, std::string& error) = 0;
  virtual std::string configLocation() const = 0;
  virtual SoundOutput& sound() = 0;
};

class Screen {
public:
  virtual ~Screen() = default;

  // Stable: "sign-in", "home", "settings", "butterfly", "teacher-pin", ...
  virtual std::string_view id() const = 0;
  // Pupil screens carry the butterfly button (the stack adds it, top right).
  virtual bool pupilScreen() const { return true; }

  // The layout pass: the interactive widgets in reading order (the Tab order),
  // with rectangles. The screen works out its geometry here, once per pass (its
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
  // The widget focused first when the keyboard is used ("" : the first one).
  virtual std::string firstFocus() const { return {}; }
  // The class this screen knows the pupil is in before they sign in ("" : none),
  // so the butterfly button can count a worry for the class.
  virtual std::string classHint() const { return {}; }
};

} // namespace sq
