// The web entry point: the same App as the desktop, one App::runOneFrame() per
// browser frame through emscripten_set_main_loop, never a blocking loop (the app
// is told never to wait for input: blockWhenIdle = false).
// The page (web/shell.js) learns how the game is doing through three calls:
// sqReady() after the first frame is on screen (the loading state goes, and the
// browser test starts), sqScreen(id) whenever the top screen changes, and
// sqFailed(message) when the game cannot start.
// The browser test aims its real mouse clicks with sq_widget_rect and checks what
// is shown with sq_shows_text.
// Depends on: app (App, AppOptions), Emscripten.
#include "app/app.hpp"
#include "app/command_line.hpp"

#include <emscripten/emscripten.h>

#include <filesystem>
#include <memory>
#include <string>
#include <system_error>

// clang-format off
EM_JS(void, sqCallPage, (const char* name, const char* arg), {
  const fn = Module[UTF8ToString(name)];
  if (typeof fn === 'function') fn(UTF8ToString(arg));
});
// clang-format on

namespace {

std::unique_ptr<sq::App> gApp;
bool gReadySignalled = false;
std::string gLastScreen;

void frame() {
  if (!gApp) {
    return;
  }
  const bool keepGoing = gApp->runOneFrame();
  if (!gReadySignalled && gApp->framesPresented() > 0) {
    gReadySignalled = true;
    sqCallPage("sqReady", "");
  }
  std::string screen = gApp->screenId();
  if (screen != gLastScreen) {
    gLastScreen = std::move(screen);
    sqCallPage("sqScreen", gLastScreen.c_str());
  }
  if (!keepGoing) {
    // The game asked to end (it never does in the browser unless told to quit):
    // leave the last frame on screen and stop calling.
    emscripten_cancel_main_loop();
  }
}

} // namespace

extern "C" {

// Where widget `id` is, in canvas pixels: out[0..3] = x, y, w, h, out[4] = 1 when
// enabled. Returns 0 when it is not on the settled frame.
EMSCRIPTEN_KEEPALIVE int sq_widget_rect(const char* id, float* out) {
  bool enabled = false;
  if (!gApp || id == nullptr || out == nullptr || !gApp->widgetRect(id, out, enabled)) {
    return 0;
  }
  out[4] = enabled ? 1.0f : 0.0f;
  return 1;
}

// 1 when the settled frame on screen shows `text`.
EMSCRIPTEN_KEEPALIVE int sq_shows_text(const char* text) {
  return gApp && text != nullptr && gApp->showsText(text) ? 1 : 0;
}
}

int main() {
  sq::AppOptions options;
  // The file system the page preloads (web/CMakeLists.txt): packs and assets.
  options.contentDir = "/content";
  options.assetsDir = "/assets";
  options.dataDir = "/data";
  options.blockWhenIdle = false;
  std::error_code ec;
  std::filesystem::create_directories(options.dataDir, ec);

  std::string error;
  int status = 1;
  gApp = sq::App::create(options, error, &status);
  if (!gApp) {
    sqCallPage("sqFailed", error.c_str());
    return status;
  }
  // 0 frames per second: the browser's own frame rate (requestAnimationFrame).
  emscripten_set_main_loop(frame, 0, 0);
  return 0;
}
