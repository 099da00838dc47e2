// The event pump: waits for SDL events (or polls) and translates them into the
// engine's InputEvents (platform/input.hpp), scaling pointer positions to pixels.
// Depends on: platform/window, SDL2 (inside the .cpp only).
#pragma once

#include "platform/input.hpp"

#include <cstdint>
#include <vector>

union SDL_Event;

namespace sq {

class Window;

class EventPump {
public:
  explicit EventPump(const Window& window) : mWindow(window) {}

  // Waits up to `timeoutMs` for an event (negative: as long as it takes; 0: only
  // polls), then drains the queue, appending translated events to `out`.
  // Returns true when at least one SDL event arrived.
  bool collect(int timeoutMs, std::vector<InputEvent>& out);

  // For a second window in a process whose own loop takes SDL's events (the
  // editor's preview): translates `e`, already taken from the queue, when it belongs
  // to this pump's window, and returns true; closing that window comes as
  // QuitRequested. Events of other windows, and SDL_QUIT, are left alone (false).
  bool offer(const SDL_Event& e, std::vector<InputEvent>& out);

private:
  void translate(const SDL_Event& e, std::vector<InputEvent>& out);

  const Window& mWindow;
  bool mFingerDown = false; // a finger owns the pointer
  std::int64_t mFinger = 0; // which one (SDL_FingerID)
};

// Visible for tests: the SDL key code to the engine's key (Key::Unknown if none).
Key keyFromSdlKeycode(int sdlKeycode);

} // namespace sq
