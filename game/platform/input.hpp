// Engine-neutral input events. The platform layer translates SDL's events into
// these, so screens in ui/ react to input without ever including SDL.
// Coordinates are in drawable pixels (the renderer's output), not window points.
// Depends on: std only.
#pragma once

#include <string>
#include <variant>

namespace sq {

enum class Key {
  Unknown,
  Escape,
  Enter,
  Space,
  Tab,
  Backspace,
  Delete,
  Up,
  Down,
  Left,
  Right,
  PageUp,
  PageDown,
  Home,
  End,
  F11,
  F12,    // saves a screenshot
  F5,     // a presenter clicker's "start the show"
  Period, // a presenter clicker's "blank the screen" (as B)
  // The digit keys, top row and keypad alike (typing a vote's count).
  Num0,
  Num1,
  Num2,
  Num3,
  Num4,
  Num5,
  Num6,
  Num7,
  Num8,
  Num9,
  // Letters, for presenter shortcuts (B blanks the screen) and menus.
  // clang-format off
  A, B, C, D, E, F, G, H, I, J, K, L, M, N, O, P, Q, R, S, T, U, V, W, X, Y, Z,
  // clang-format on
};

struct Modifiers {
  bool shift = false;
  bool ctrl = false;
  bool alt = false;
};

struct QuitRequested {};

// The drawable changed size (pixels).
struct Resized {
  int width = 0;
  int height = 0;
};

// The window was exposed, restored or regained focus: draw again.
struct RedrawNeeded {};

// The graphics device lost its textures (some drivers do this): rebuild them.
struct DeviceReset {};

struct KeyDown {
  Key key = Key::Unknown;
  Modifiers mods;
  bool repeat = false;
};

struct TextInput {
  std::string utf8;
};

enum class PointerButton { Primary, Middle, Secondary };

// Mouse buttons and touch (SDL finger events, whiteboards) arrive as the same
// pointer events; `touch` says which, for screens that care. While one finger is
// down, other fingers are ignored: a whiteboard is often touched by two children.
struct PointerDown {
  float x = 0;
  float y = 0;
  PointerButton button = PointerButton::Primary;
  bool touch = false;
};

struct PointerUp {
  float x = 0;
  float y = 0;
  PointerButton button = PointerButton::Primary;
  bool touch = false;
};

struct PointerMove {
  float x = 0;
  float y = 0;
  bool primaryHeld = false;
  bool touch = false;
};

// Positive dy scrolls the content up (the wheel turned away from the user).
struct Wheel {
  float dx = 0;
  float dy = 0;
};

using InputEvent = std::variant<QuitRequested, Resized, RedrawNeeded, DeviceReset, KeyDown,
                                TextInput, PointerDown, PointerUp, PointerMove, Wheel>;

} // namespace sq
