// The desktop (and later browser) window and its SDL_Renderer: created accelerated,
// falling back to the software renderer; resizable; fullscreen on demand.
// Depends on: SDL2 (inside the .cpp only; the header only forward-declares it).
#pragma once

#include <cstdint>
#include <memory>
#include <string>

struct SDL_Window;
struct SDL_Renderer;

namespace sq {

struct WindowOptions {
  std::string title = "SafeQuest";
  int width = 1280; // window points
  int height = 720;
  bool resizable = true;
  bool hidden = false;
  bool fullscreen = false;
  bool forceSoftware = false; // skip the accelerated renderer (tests, screenshots)
  int display = -1;           // centred on this display (0-based); -1: the first
};

// How many displays SDL finds (starting video if need be); 1 when it cannot tell.
int displayCount();

class Window {
public:
  // Initialises SDL video and creates the window. Returns nullptr and sets `error`
  // when neither an accelerated nor a software renderer can be made.
  static std::unique_ptr<Window> create(const WindowOptions& options, std::string& error);

  ~Window();
  Window(const Window&) = delete;
  Window& operator=(const Window&) = delete;

  SDL_Window* sdlWindow() const { return mWindow; }
  SDL_Renderer* sdlRenderer() const { return mRenderer; }
  bool softwareRenderer() const { return mSoftware; }
  // SDL's id for the window, which its events carry (0 on failure).
  std::uint32_t id() const;
  // Brings the window to the front and gives it the keyboard (a second window
  // opened again, e.g. the editor's preview).
  void raise();

  // The drawable size in pixels (larger than the window size on high-DPI screens).
  int pixelWidth() const;
  int pixelHeight() const;
  // Pixels per window point, to turn mouse coordinates into drawable pixels.
  float pixelsPerPointX() const;
  float pixelsPerPointY() const;

  bool fullscreen() const;
  void setFullscreen(bool on);
  void toggleFullscreen() { setFullscreen(!fullscreen()); }

  // Window size in points; the drawable follows and a Resized event arrives.
  void setSize(int width, int height);

  // The full-screen lock: fullscreen, the keyboard grabbed, Alt+F4 not closing the
  // window by itself. (Refusing quit requests is the app's job.)
  void setLocked(bool on);
  bool locked() const { return mLocked; }

private:
  Window() = default;
  SDL_Window* mWindow = nullptr;
  SDL_Renderer* mRenderer = nullptr;
  bool mSoftware = false;
  bool mLocked = false;
};

} // namespace sq
