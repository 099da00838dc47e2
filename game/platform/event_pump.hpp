// The event pump: waits for SDL events (or polls) and translates them into the
// engine's InputEvents (platform/input.hpp), scaling pointer positions to pixels.
// Depends on: platform/window, SDL2 (inside the .cpp only).
#pragma once

#include "platform/input.hpp"

#include <vector>

namespace sq {

class Window;

class EventPump {
public:
  explicit EventPump(const Window& window) : mWindow(window) {}

  // Waits up to `timeoutMs` for an event (negative: as long as it takes; 0: only
  // polls), then drains the queue, appending translated events to `out`.
  // Returns true when at least one SDL event arrived.
  bool collect(int timeoutMs, std::vector<InputEvent>& out);

private:
  const Window& mWindow;
};

// Visible for tests: the SDL key code to the engine's key (Key::Unknown if none).
Key keyFromSdlKeycode(int sdlKeycode);

} // namespace sq
