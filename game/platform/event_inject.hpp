// Synthetic input for scripted play: a script's clicks, keys and typing are put
// on SDL's own event queue, so they take exactly the path a pupil's input takes
// (the event pump, focus, hit testing). Nothing here knows about screens.
// Depends on: platform/window, SDL2 (inside the .cpp only).
#pragma once

#include "platform/geometry.hpp"

#include <string>
#include <string_view>

namespace sq {

class Window;

// A key as a script names it: an SDL key name ("Tab", "Return", "PageDown", "F11",
// "Escape", "Space", "A"), optionally after modifiers: "Shift+Tab", "Alt+F4".
struct KeyChord {
  int sdlKeycode = 0;
  bool shift = false;
  bool ctrl = false;
  bool alt = false;
};

// Parses a chord; false (with the reason in `error`) for a name SDL does not know.
bool parseKeyChord(std::string_view text, KeyChord& chord, std::string& error);

// A press and release of the primary button at `pixel` (drawable pixels).
void injectClick(const Window& window, Point pixel);
// Key down then key up.
void injectKey(const Window& window, const KeyChord& chord);
// Typed text, in as many text events as it needs (each holds at most 31 bytes,
// always cut between characters).
void injectText(const Window& window, std::string_view utf8);

} // namespace sq
