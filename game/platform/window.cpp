#include "platform/window.hpp"

#include <SDL.h>

#include <algorithm>
#include <string>

namespace sq {

int displayCount() {
  if (SDL_InitSubSystem(SDL_INIT_VIDEO) != 0) {
    return 1;
  }
  const int n = SDL_GetNumVideoDisplays();
  SDL_QuitSubSystem(SDL_INIT_VIDEO); // balanced: each window starts video for itself
  return std::max(1, n);
}

namespace {

// Headless drivers (tests) and the browser have no screen of their own to cover.
bool coversRealScreen() {
  const char* driver = SDL_GetCurrentVideoDriver();
  const std::string name = driver != nullptr ? driver : "";
  return name != "dummy" && name != "offscreen" && name != "emscripten";
}

} // namespace

std::unique_ptr<Window> Window::create(const WindowOptions& options, std::string& error) {
  if (SDL_InitSubSystem(SDL_INIT_VIDEO) != 0) {
    error = std::string("could not start the video system: ") + SDL_GetError();
    return nullptr;
  }
  // A whiteboard PC often alt-tabs to the register: keep the fullscreen game visible.
  SDL_SetHint(SDL_HINT_VIDEO_MINIMIZE_ON_FOCUS_LOSS, "0");
  // Touch screens send finger events, which the event pump turns into pointer
  // events itself; SDL must not also make mouse events from them (double taps).
  SDL_SetHint(SDL_HINT_TOUCH_MOUSE_EVENTS, "0");

  std::unique_ptr<Window> w(new Window());
  Uint32 flags = SDL_WINDOW_ALLOW_HIGHDPI;
  if (options.resizable) {
    flags |= SDL_WINDOW_RESIZABLE;
  }
  flags |= options.hidden ? SDL_WINDOW_HIDDEN : SDL_WINDOW_SHOWN;
  if (options.fullscreen) {
    flags |= SDL_WINDOW_FULLSCREEN_DESKTOP;
  }
  int x = options.display >= 0 ? static_cast<int>(SDL_WINDOWPOS_CENTERED_DISPLAY(options.display))
                               : static_cast<int>(SDL_WINDOWPOS_CENTERED);
  int y = x;
  int width = options.width;
  int height = options.height;
  SDL_Rect screen{};
  if (options.fullscreen && coversRealScreen() &&
      SDL_GetDisplayBounds(std::max(0, options.display), &screen) == 0) {
    // A kiosk or hall PC may run with no window manager, and then nobody honours
    // the full-screen request: the game would sit in a corner of the screen. A
    // window that already covers the display looks the same either way.
    x = screen.x;
    y = screen.y;
    width = screen.w;
    height = screen.h;
  }
  w->mWindow = SDL_CreateWindow(options.title.c_str(), x, y, width, height, flags);
  if (w->mWindow == nullptr) {
    error = std::string("could not open a window: ") + SDL_GetError();
    SDL_QuitSubSystem(SDL_INIT_VIDEO);
    return nullptr;
  }
  // Small enough for a split screen, big enough that nothing overlaps; never more
  // than asked for (tests draw into tiny windows).
  SDL_SetWindowMinimumSize(w->mWindow, std::min(640, options.width), std::min(360, options.height));

  if (!options.forceSoftware) {
    w->mRenderer = SDL_CreateRenderer(w->mWindow, -1, SDL_RENDERER_ACCELERATED);
  }
  if (w->mRenderer == nullptr) {
    // Old school PCs and headless runs have no usable GPU: draw in software instead.
    w->mRenderer = SDL_CreateRenderer(w->mWindow, -1, SDL_RENDERER_SOFTWARE);
  }
  if (w->mRenderer == nullptr) {
    error = std::string("could not create a renderer: ") + SDL_GetError();
    return nullptr; // the destructor closes the window
  }
  SDL_RendererInfo info{};
  if (SDL_GetRendererInfo(w->mRenderer, &info) == 0) {
    w->mSoftware = (info.flags & SDL_RENDERER_SOFTWARE) != 0;
  }
  SDL_SetRenderDrawBlendMode(w->mRenderer, SDL_BLENDMODE_BLEND);
  return w;
}

Window::~Window() {
  if (mRenderer != nullptr) {
    SDL_DestroyRenderer(mRenderer);
  }
  if (mWindow != nullptr) {
    SDL_DestroyWindow(mWindow);
  }
  SDL_QuitSubSystem(SDL_INIT_VIDEO);
}

std::uint32_t Window::id() const {
  return SDL_GetWindowID(mWindow);
}

void Window::raise() {
  SDL_RaiseWindow(mWindow);
}

int Window::pixelWidth() const {
  int w = 0;
  int h = 0;
  SDL_GetRendererOutputSize(mRenderer, &w, &h);
  return w;
}

int Window::pixelHeight() const {
  int w = 0;
  int h = 0;
  SDL_GetRendererOutputSize(mRenderer, &w, &h);
  return h;
}

float Window::pixelsPerPointX() const {
  int points = 0;
  int unused = 0;
  SDL_GetWindowSize(mWindow, &points, &unused);
  return points > 0 ? static_cast<float>(pixelWidth()) / static_cast<float>(points) : 1.0f;
}

float Window::pixelsPerPointY() const {
  int unused = 0;
  int points = 0;
  SDL_GetWindowSize(mWindow, &unused, &points);
  return points > 0 ? static_cast<float>(pixelHeight()) / static_cast<float>(points) : 1.0f;
}

bool Window::fullscreen() const {
  return (SDL_GetWindowFlags(mWindow) & SDL_WINDOW_FULLSCREEN) != 0;
}

void Window::setSize(int width, int height) {
  SDL_SetWindowSize(mWindow, width, height);
}

void Window::setLocked(bool on) {
  mLocked = on;
  // Windows closes a window on Alt+F4 by itself unless told not to; elsewhere the
  // close arrives as a quit request, which the app refuses while locked.
  SDL_SetHint(SDL_HINT_WINDOWS_NO_CLOSE_ON_ALT_F4, on ? "1" : "0");
  // Keep system shortcuts (Alt+Tab, the Windows key) inside the game.
  SDL_SetHint(SDL_HINT_GRAB_KEYBOARD, on ? "1" : "0");
  SDL_SetWindowKeyboardGrab(mWindow, on ? SDL_TRUE : SDL_FALSE);
  if (on) {
    setFullscreen(true);
  }
}

void Window::setFullscreen(bool on) {
  SDL_SetWindowFullscreen(mWindow, on ? static_cast<Uint32>(SDL_WINDOW_FULLSCREEN_DESKTOP) : 0u);
}

} // namespace sq
