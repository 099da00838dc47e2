// App::runOneFrame() on SDL's dummy driver: the first frame comes before any slow
// work (records, then packs), frames are drawn only when something changed, keys
// reach the screens, and a quit request ends the loop (unless the lock is on).
#include "app/app.hpp"

#include <SDL.h>
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

using namespace sq;

namespace {

void pushKey(SDL_Keycode key) {
  SDL_Event e{};
  e.type = SDL_KEYDOWN;
  e.key.keysym.sym = key;
  SDL_PushEvent(&e);
}

std::string tempDataDir(const std::string& name) {
  const auto dir = std::filesystem::temp_directory_path() / ("sq_app_test_" + name);
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir.string();
}

std::unique_ptr<App> makeApp(const std::string& content, const std::string& data,
                             const std::string& config = "/nonexistent/sq-config.json") {
  SDL_SetHintWithPriority(SDL_HINT_VIDEODRIVER, "dummy", SDL_HINT_OVERRIDE);
  SDL_SetHintWithPriority(SDL_HINT_AUDIODRIVER, "dummy", SDL_HINT_OVERRIDE);
  AppOptions o;
  o.contentDir = content;
  o.dataDir = data;
  o.configPath = config; // never this machine's real configuration
  o.assetsDir = SQ_TEST_ASSETS_DIR;
  o.forceSoftware = true;
  o.blockWhenIdle = false; // as in the browser: never wait inside runOneFrame
  std::string error;
  auto app = App::create(o, error);
  REQUIRE_MESSAGE(app != nullptr, error);
  return app;
}

} // namespace

TEST_CASE("the app shows a frame first, then reads the records and the packs, then rests") {
  auto app = makeApp(std::string(SQ_SOURCE_DIR) + "/content", tempDataDir("rest"));
  CHECK(app->contentDir() == std::string(SQ_SOURCE_DIR) + "/content");
  REQUIRE(app->runOneFrame());
  CHECK(app->framesPresented() == 1); // "getting ready", before any slow work
  CHECK(app->screenId() == "sign-in");
  REQUIRE(app->runOneFrame());
  CHECK(app->framesPresented() == 2); // the class list (none: the guest tile)
  REQUIRE(app->runOneFrame());
  CHECK(app->framesPresented() == 3); // the packs are loaded
  for (int i = 0; i < 20; ++i) {
    REQUIRE(app->runOneFrame());
  }
  CHECK(app->framesPresented() == 3); // nothing changed: nothing drawn, nothing animates
  CHECK(std::filesystem::exists(app->dataDir() + "/safequest.sqlite"));
}

TEST_CASE("the app redraws for input and window events and ends on quit") {
  auto app = makeApp("/nonexistent/sq-content", tempDataDir("quit"));
  for (int i = 0; i < 4; ++i) {
    REQUIRE(app->runOneFrame());
  }
  const int before = app->framesPresented();

  pushKey(SDLK_b); // not used by the sign-in screen: no redraw
  REQUIRE(app->runOneFrame());
  CHECK(app->framesPresented() == before);

  pushKey(SDLK_TAB); // focus appears: one redraw
  REQUIRE(app->runOneFrame());
  CHECK(app->framesPresented() == before + 1);

  SDL_Event expose{};
  expose.type = SDL_WINDOWEVENT;
  expose.window.event = SDL_WINDOWEVENT_EXPOSED;
  SDL_PushEvent(&expose);
  REQUIRE(app->runOneFrame());
  CHECK(app->framesPresented() == before + 2);

  pushKey(SDLK_F11); // fullscreen on and off must not disturb anything
  REQUIRE(app->runOneFrame());
  pushKey(SDLK_F11);
  REQUIRE(app->runOneFrame());

  SDL_Event quit{};
  quit.type = SDL_QUIT;
  SDL_PushEvent(&quit);
  CHECK_FALSE(app->runOneFrame());
  CHECK(app->exitCode() == 0);
}

TEST_CASE("with the full-screen lock on, closing the window asks for the PIN instead") {
  const std::string data = tempDataDir("lock");
  const std::string config = data + "/machine.json";
  std::ofstream(config) << R"({"formatVersion": 1, "fullScreenLock": true})";
  auto app = makeApp("/nonexistent/sq-content", data, config);
  for (int i = 0; i < 4; ++i) {
    REQUIRE(app->runOneFrame());
  }
  SDL_Event quit{};
  quit.type = SDL_QUIT;
  SDL_PushEvent(&quit);
  CHECK(app->runOneFrame()); // still running
  CHECK(app->screenId() == "teacher-pin");
  pushKey(SDLK_ESCAPE); // back to the game, still locked
  REQUIRE(app->runOneFrame());
  CHECK(app->screenId() == "sign-in");
}

TEST_CASE("the app refuses to start without its fonts, and says why") {
  SDL_SetHintWithPriority(SDL_HINT_VIDEODRIVER, "dummy", SDL_HINT_OVERRIDE);
  AppOptions o;
  o.assetsDir = "/nonexistent/sq-assets";
  std::string error;
  CHECK(App::create(o, error) == nullptr);
  CHECK(error.find("fonts") != std::string::npos);
}

TEST_CASE("a script that is not a script is a bad argument (status 2), before any window") {
  const std::string data = tempDataDir("script");
  const std::string script = data + "/bad.script";
  std::ofstream(script) << "click guest\nfly away\n";
  AppOptions o;
  o.assetsDir = SQ_TEST_ASSETS_DIR;
  o.dataDir = data;
  o.scriptPath = script;
  std::string error;
  int status = 0;
  CHECK(App::create(o, error, &status) == nullptr);
  CHECK(status == 2);
  CHECK(error.find("line 2") != std::string::npos);
  o.scriptPath = data + "/missing.script";
  CHECK(App::create(o, error, &status) == nullptr);
  CHECK(status == 2);
}
