// The web entry point: the same App as the desktop, one App::runOneFrame() per
// browser frame through emscripten_set_main_loop, never a blocking loop (the app
// is told never to wait for input: blockWhenIdle = false).
// The lessons arrive after the first frame (web/content_package.js); the game runs
// meanwhile, and reads the packs once they are there (AppOptions::contentArrived).
// The page (web/shell.js) learns how the game is doing through three calls:
// sqReady() after the first frame is on screen (the loading state goes, and the
// browser test starts), sqScreen(id) whenever the top screen changes, and
// sqFailed(message) when the game cannot start.
// The browser test aims its real mouse clicks with sq_widget_rect and checks what
// is shown with sq_shows_text.
// The records: /data is IndexedDB's (mounted and read in by web/pre.js before main
// runs). After each save the game asks the page to copy /data to IndexedDB
// (Module.sqSyncData(generation), FS.syncfs(false)); the page answers through
// sq_data_synced, and only then is the save "saved" (play/flushed_sink). The
// other files of /data (settings, a pupil's choices, what the LRS has been sent)
// are copied when the screen changes, and a second after any frame that was drawn,
// so a setting changed on a screen that stays open is kept across a reload too.
// Results go to a school's learning record store when the page found a
// safequest-config.json naming one (web/pre.js writes it to /config): the app
// sends through web/xapi_fetch.
// Depends on: app (App, AppOptions), play/flushed_sink, web/xapi_fetch, Emscripten.
#include "app/app.hpp"
#include "app/command_line.hpp"
#include "play/flushed_sink.hpp"
#include "xapi_fetch.hpp"

#include <emscripten/emscripten.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <system_error>
#include <utility>
#include <vector>

// clang-format off
EM_JS(void, sqCallPage, (const char* name, const char* arg), {
  const fn = Module[UTF8ToString(name)];
  if (typeof fn === 'function') fn(UTF8ToString(arg));
});
// Starts copying /data to IndexedDB (web/pre.js); the page calls sq_data_synced.
EM_JS(void, sqStartSync, (double generation), {
  if (typeof Module['sqSyncData'] === 'function') {
    Module['sqSyncData'](generation);
  } else {
    Module['ccall']('sq_data_synced', null, ['number', 'number', 'string'],
                    [generation, 0, 'the page cannot keep the records']);
  }
});
// 1 once web/content_package.js has put the lessons in /content.
EM_JS(int, sqContentArrived, (), {
  return Module['sqContentInstalled'] === true ? 1 : 0;
});
// The other files of /data (settings, a pupil's choices) to IndexedDB too.
EM_JS(void, sqSyncFiles, (), {
  if (typeof Module['sqSyncFiles'] === 'function') Module['sqSyncFiles']();
});
// clang-format on

namespace {

// The flush the records wait for: FS.syncfs(false), run by the page.
class IdbfsFlush final : public sq::FileFlush {
public:
  void start(std::uint64_t generation) override { sqStartSync(static_cast<double>(generation)); }
  std::vector<Done> poll() override { return std::exchange(mDone, {}); }
  void filesChanged() override { sqSyncFiles(); }
  void finished(std::uint64_t generation, bool ok, std::string error) {
    mDone.push_back({generation, ok, std::move(error)});
  }

private:
  std::vector<Done> mDone;
};

IdbfsFlush gFlush;
sq::FetchTransport gFetch;
std::unique_ptr<sq::App> gApp;
bool gReadySignalled = false;
std::string gLastScreen;
int gFramesAtLastCopy = 0; // frames presented when /data was last copied
double gLastCopyMs = 0;    // when, on the page's clock

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
  const double now = emscripten_get_now();
  const int frames = gApp->framesPresented();
  if (screen != gLastScreen) {
    gLastScreen = std::move(screen);
    sqCallPage("sqScreen", gLastScreen.c_str());
    sqSyncFiles(); // settings and choices are written as a screen closes
    gFramesAtLastCopy = frames;
    gLastCopyMs = now;
  } else if (frames != gFramesAtLastCopy && now - gLastCopyMs >= 1000.0) {
    // Something changed on screen (a setting, a sent statement): at most once a
    // second, copy what changed. An idle game copies nothing.
    sqSyncFiles();
    gFramesAtLastCopy = frames;
    gLastCopyMs = now;
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

// The page finished copying /data to IndexedDB for `generation` (and every one
// before it): ok, or failed with `error`.
EMSCRIPTEN_KEEPALIVE void sq_data_synced(double generation, int ok, const char* error) {
  if (generation < 1) {
    return;
  }
  gFlush.finished(static_cast<std::uint64_t>(generation), ok != 0,
                  error != nullptr ? std::string(error) : std::string());
}

// What widget `id` says, as UTF-8 into `out` (`size` bytes with the final zero);
// the label's length in bytes, or -1 when it is not on the settled frame.
EMSCRIPTEN_KEEPALIVE int sq_widget_label(const char* id, char* out, int size) {
  if (!gApp || id == nullptr) {
    return -1;
  }
  const std::optional<std::string> label = gApp->widgetLabel(id);
  if (!label) {
    return -1;
  }
  if (out != nullptr && size > 0) {
    const std::size_t n = std::min(label->size(), static_cast<std::size_t>(size - 1));
    std::memcpy(out, label->data(), n);
    out[n] = '\0';
  }
  return static_cast<int>(label->size());
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
  options.fileFlush = &gFlush;
  options.httpTransport = &gFetch;
  options.webSettingsPath = "/config/safequest-config.json"; // web/pre.js
  options.contentArrived = [] { return sqContentArrived() != 0; };
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
