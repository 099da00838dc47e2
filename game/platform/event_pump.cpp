#include "platform/event_pump.hpp"

#include "platform/window.hpp"

#include <SDL.h>

namespace sq {

Key keyFromSdlKeycode(int sdlKeycode) {
  if (sdlKeycode >= SDLK_a && sdlKeycode <= SDLK_z) {
    return static_cast<Key>(static_cast<int>(Key::A) + (sdlKeycode - SDLK_a));
  }
  if (sdlKeycode >= SDLK_0 && sdlKeycode <= SDLK_9) {
    return static_cast<Key>(static_cast<int>(Key::Num0) + (sdlKeycode - SDLK_0));
  }
  if (sdlKeycode >= SDLK_KP_1 && sdlKeycode <= SDLK_KP_9) {
    return static_cast<Key>(static_cast<int>(Key::Num1) + (sdlKeycode - SDLK_KP_1));
  }
  switch (sdlKeycode) {
  case SDLK_ESCAPE:
    return Key::Escape;
  case SDLK_RETURN:
  case SDLK_KP_ENTER:
    return Key::Enter;
  case SDLK_SPACE:
    return Key::Space;
  case SDLK_TAB:
    return Key::Tab;
  case SDLK_BACKSPACE:
    return Key::Backspace;
  case SDLK_DELETE:
    return Key::Delete;
  case SDLK_UP:
    return Key::Up;
  case SDLK_DOWN:
    return Key::Down;
  case SDLK_LEFT:
    return Key::Left;
  case SDLK_RIGHT:
    return Key::Right;
  case SDLK_PAGEUP:
    return Key::PageUp;
  case SDLK_PAGEDOWN:
    return Key::PageDown;
  case SDLK_HOME:
    return Key::Home;
  case SDLK_END:
    return Key::End;
  case SDLK_F11:
    return Key::F11;
  case SDLK_F12:
    return Key::F12;
  case SDLK_F5:
    return Key::F5;
  case SDLK_PERIOD:
  case SDLK_KP_PERIOD:
    return Key::Period;
  case SDLK_KP_0:
    return Key::Num0;
  default:
    return Key::Unknown;
  }
}

namespace {

PointerButton buttonFrom(Uint8 sdlButton) {
  switch (sdlButton) {
  case SDL_BUTTON_MIDDLE:
    return PointerButton::Middle;
  case SDL_BUTTON_RIGHT:
    return PointerButton::Secondary;
  default:
    return PointerButton::Primary;
  }
}

} // namespace

void EventPump::translate(const SDL_Event& e, std::vector<InputEvent>& out) {
  const Window& window = mWindow;
  const float sx = window.pixelsPerPointX();
  const float sy = window.pixelsPerPointY();
  // Touches come as finger events below. Mouse events the system made up from a
  // touch would press every button twice, so they are dropped.
  const auto fromTouch = [&](Uint32 which) { return which == SDL_TOUCH_MOUSEID; };
  // Another of the app's windows (the presenter's) only shows: its pointer is not
  // this window's. Keys go to the app whichever window has them.
  const Uint32 own = SDL_GetWindowID(window.sdlWindow());
  const auto elsewhere = [&](Uint32 windowId) { return windowId != 0 && windowId != own; };
  switch (e.type) {
  case SDL_QUIT:
    out.emplace_back(QuitRequested{});
    break;
  case SDL_WINDOWEVENT:
    switch (e.window.event) {
    case SDL_WINDOWEVENT_SIZE_CHANGED:
      out.emplace_back(Resized{window.pixelWidth(), window.pixelHeight()});
      break;
    case SDL_WINDOWEVENT_EXPOSED:
    case SDL_WINDOWEVENT_SHOWN:
    case SDL_WINDOWEVENT_RESTORED:
    case SDL_WINDOWEVENT_MAXIMIZED:
    case SDL_WINDOWEVENT_FOCUS_GAINED:
      out.emplace_back(RedrawNeeded{});
      break;
    default:
      break;
    }
    break;
  case SDL_RENDER_TARGETS_RESET:
    out.emplace_back(RedrawNeeded{});
    break;
  case SDL_RENDER_DEVICE_RESET:
    out.emplace_back(DeviceReset{});
    break;
  case SDL_KEYDOWN: {
    KeyDown k;
    k.key = keyFromSdlKeycode(e.key.keysym.sym);
    k.mods.shift = (e.key.keysym.mod & KMOD_SHIFT) != 0;
    k.mods.ctrl = (e.key.keysym.mod & KMOD_CTRL) != 0;
    k.mods.alt = (e.key.keysym.mod & KMOD_ALT) != 0;
    k.repeat = e.key.repeat != 0;
    if (k.key != Key::Unknown) {
      out.emplace_back(k);
    }
    break;
  }
  case SDL_TEXTINPUT:
    out.emplace_back(TextInput{e.text.text});
    break;
  case SDL_MOUSEBUTTONDOWN:
    if (!fromTouch(e.button.which) && !elsewhere(e.button.windowID)) {
      out.emplace_back(PointerDown{static_cast<float>(e.button.x) * sx,
                                   static_cast<float>(e.button.y) * sy, buttonFrom(e.button.button),
                                   false});
    }
    break;
  case SDL_MOUSEBUTTONUP:
    if (!fromTouch(e.button.which) && !elsewhere(e.button.windowID)) {
      out.emplace_back(PointerUp{static_cast<float>(e.button.x) * sx,
                                 static_cast<float>(e.button.y) * sy, buttonFrom(e.button.button),
                                 false});
    }
    break;
  case SDL_MOUSEMOTION:
    if (!fromTouch(e.motion.which) && !elsewhere(e.motion.windowID)) {
      out.emplace_back(PointerMove{static_cast<float>(e.motion.x) * sx,
                                   static_cast<float>(e.motion.y) * sy,
                                   (e.motion.state & SDL_BUTTON_LMASK) != 0, false});
    }
    break;
  case SDL_FINGERDOWN:
  case SDL_FINGERUP:
  case SDL_FINGERMOTION: {
    // Finger positions are fractions of the window; the first finger down owns
    // the pointer until it lifts.
    const float x = e.tfinger.x * static_cast<float>(window.pixelWidth());
    const float y = e.tfinger.y * static_cast<float>(window.pixelHeight());
    if (e.type == SDL_FINGERDOWN) {
      if (!mFingerDown) {
        mFingerDown = true;
        mFinger = e.tfinger.fingerId;
        out.emplace_back(PointerDown{x, y, PointerButton::Primary, true});
      }
    } else if (mFingerDown && e.tfinger.fingerId == mFinger) {
      if (e.type == SDL_FINGERUP) {
        mFingerDown = false;
        out.emplace_back(PointerUp{x, y, PointerButton::Primary, true});
      } else {
        out.emplace_back(PointerMove{x, y, true, true});
      }
    }
    break;
  }
  case SDL_MOUSEWHEEL: {
    float dx = e.wheel.preciseX;
    float dy = e.wheel.preciseY;
    if (e.wheel.direction == SDL_MOUSEWHEEL_FLIPPED) {
      dx = -dx;
      dy = -dy;
    }
    out.emplace_back(Wheel{dx, dy});
    break;
  }
  default:
    break;
  }
}

namespace {

// The window an event is for; 0 when it names none (SDL_QUIT, device resets).
Uint32 windowOf(const SDL_Event& e) {
  switch (e.type) {
  case SDL_WINDOWEVENT:
    return e.window.windowID;
  case SDL_KEYDOWN:
  case SDL_KEYUP:
    return e.key.windowID;
  case SDL_TEXTEDITING:
    return e.edit.windowID;
  case SDL_TEXTINPUT:
    return e.text.windowID;
  case SDL_MOUSEMOTION:
    return e.motion.windowID;
  case SDL_MOUSEBUTTONDOWN:
  case SDL_MOUSEBUTTONUP:
    return e.button.windowID;
  case SDL_MOUSEWHEEL:
    return e.wheel.windowID;
  case SDL_FINGERDOWN:
  case SDL_FINGERUP:
  case SDL_FINGERMOTION:
    return e.tfinger.windowID;
  default:
    return 0;
  }
}

} // namespace

bool EventPump::offer(const SDL_Event& e, std::vector<InputEvent>& out) {
  const Uint32 id = SDL_GetWindowID(mWindow.sdlWindow());
  if (id == 0 || windowOf(e) != id) {
    return false;
  }
  if (e.type == SDL_WINDOWEVENT && e.window.event == SDL_WINDOWEVENT_CLOSE) {
    out.emplace_back(QuitRequested{});
    return true;
  }
  translate(e, out);
  return true;
}

bool EventPump::collect(int timeoutMs, std::vector<InputEvent>& out) {
  SDL_Event e;
  int got = 0;
  if (timeoutMs < 0) {
    got = SDL_WaitEvent(&e);
  } else if (timeoutMs > 0) {
    got = SDL_WaitEventTimeout(&e, timeoutMs);
  } else {
    got = SDL_PollEvent(&e);
  }
  if (got == 0) {
    return false;
  }
  translate(e, out);
  while (SDL_PollEvent(&e) != 0) {
    translate(e, out);
  }
  return true;
}

} // namespace sq
