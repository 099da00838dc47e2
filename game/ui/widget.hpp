// What a screen offers to be pressed: each interactive element as a widget with a
// stable id ("class:3B", "pupil:<id>", "lesson:y3-smart-explorers", "next",
// "back", "butterfly", numbered ids from 1: "picture:1"), its rectangle and its
// words. Focus, hit testing, scanning, scripts and the accessibility tests all
// work from this one list, so whatever a mouse can press a keyboard can too.
// Depends on: render/geometry (std only).
#pragma once

#include "render/geometry.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sq {

enum class WidgetRole {
  Button, // an action: next, back, settings
  Tile,   // a big picture-or-name choice: a class, a pupil, a lesson
  Toggle, // on or off
  Option, // one of several (text size, font)
  Key,    // a keypad key
  Field,  // a line of text a teacher types
};

// Where a widget stands for the keyboard and the switch (ui/focus): the screen's
// own content first, then secondary actions, then the chrome every screen shares.
// Only content and secondary widgets are arrow targets: the chrome (back,
// settings, sign out, the teacher's door, the butterfly) is reached by Tab alone,
// so an arrow pressed to move between choices never lands on a button that leaves
// the lesson or asks for help.
enum class FocusPart {
  Auto,      // the stack decides (ui/chrome chromeFocusPart): by id and place
  Content,   // choices, answers, tiles, and the way on (next, check)
  Secondary, // helpers beside the way on: read to me, the page before
  Chrome,    // back, settings, sign out, teacher, butterfly: Tab only
};

struct Widget {
  std::string id;
  Rect rect;         // drawable pixels
  std::string label; // what it says, or what its picture means
  WidgetRole role = WidgetRole::Button;
  bool enabled = true;
  bool selected = false;            // a toggle that is on, the chosen option
  bool draggable = false;           // a pointer or finger may drag it (Screen::dragStarted)
  FocusPart part = FocusPart::Auto; // the stack sets it when a screen leaves it Auto
};

using WidgetList = std::vector<Widget>;

// A widget id read back, the one way every screen does it: split at the first ':'
// into its prefix and value ("class:3B" -> "class", "3B"; "next" has no value).
// Views into the id it was parsed from, which must outlive it.
struct WidgetId {
  std::string_view prefix; // the whole id when it has no ':'
  std::string_view value;  // after the ':' (it may hold more ':'); "" when none
  bool hasValue = false;   // there was a ':'

  static WidgetId parse(std::string_view id);
  // "prefix:..." with this prefix.
  bool is(std::string_view p) const { return hasValue && prefix == p; }
  // The value as a number counted from 1 ("choice:2" -> 2): digits only, 1..9999.
  std::optional<std::size_t> number() const;
  // number() when the prefix is `p`.
  std::optional<std::size_t> numbered(std::string_view p) const {
    return is(p) ? number() : std::nullopt;
  }
};

// nullptr when there is no such widget.
const Widget* findWidget(const WidgetList& widgets, std::string_view id);
int indexOfWidget(const WidgetList& widgets, std::string_view id); // -1 if absent
// The topmost enabled widget under `p` (later widgets are drawn on top); -1 if none.
int widgetAt(const WidgetList& widgets, Point p);

// How the screen should draw each widget right now.
struct WidgetVisuals {
  std::string focused; // the widget with keyboard focus or the scanning highlight ("" none)
  bool focusVisible = false;
  std::string pressed; // a pointer is down on it
  std::string hovered;
  // A widget being dragged (ui/screen_stack): which, where the pointer is now,
  // where on the widget it was taken hold of (from its top left), and the widget
  // under the pointer ("" : none).
  struct Drag {
    std::string id; // "" : nothing is being dragged
    Point at;
    Point grab;
    std::string over;
  } drag;
};

// How far (in units) a press must move to become a drag; less is a tap.
inline constexpr float kDragThreshold = 2.0f;

} // namespace sq
