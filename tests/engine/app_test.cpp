// App::runOneFrame() on SDL's dummy driver: the first frame comes before the
// catalog, frames are drawn only when something changed, keys reach the screen,
// and a quit request ends the loop.
#include "app/app.hpp"

#include <SDL.h>
#include <doctest/doctest.h>

using namespace sq;

namespace {

void pushKey(SDL_Keycode key) {
  SDL_Event e{};
  e.type = SDL_KEYDOWN;
  e.key.keysym.sym = key;
  SDL_PushEvent(&e);
}

std::unique_ptr<App> makeApp(const std::string& content) {
  SDL_SetHintWithPriority(SDL_HINT_VIDEODRIVER, "dummy", SDL_HINT_OVERRIDE);
  AppOptions o;
  o.contentDir = content;
  o.assetsDir = SQ_TEST_ASSETS_DIR;
  o.forceSoftware = true;
  o.blockWhenIdle = false; // as in the browser: never wait inside runOneFrame
  std::string error;
  auto app = App::create(o, error);
  REQUIRE_MESSAGE(app != nullptr, error);
  return app;
}

} // namespace

TEST_CASE("the app shows a frame first, then loads the packs, then rests") {
  auto app = makeApp(std::string(SQ_SOURCE_DIR) + "/content");
  CHECK(app->contentDir() == std::string(SQ_SOURCE_DIR) + "/content");
  REQUIRE(app->runOneFrame());
  CHECK(app->framesPresented() == 1); // "Looking for packs…", before any slow work
  REQUIRE(app->runOneFrame());
  CHECK(app->framesPresented() == 2); // the packs
  for (int i = 0; i < 5; ++i) {
    REQUIRE(app->runOneFrame());
  }
  CHECK(app->framesPresented() == 2); // nothing changed: nothing drawn
}

TEST_CASE("the app redraws for a window event and ends on quit") {
  auto app = makeApp("/nonexistent/sq-content");
  REQUIRE(app->runOneFrame());
  REQUIRE(app->runOneFrame());
  const int before = app->framesPresented();

  pushKey(SDLK_UP); // nothing to scroll: no redraw
  REQUIRE(app->runOneFrame());
  CHECK(app->framesPresented() == before);

  SDL_Event expose{};
  expose.type = SDL_WINDOWEVENT;
  expose.window.event = SDL_WINDOWEVENT_EXPOSED;
  SDL_PushEvent(&expose);
  REQUIRE(app->runOneFrame());
  CHECK(app->framesPresented() == before + 1);

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

TEST_CASE("the app refuses to start without its fonts, and says why") {
  SDL_SetHintWithPriority(SDL_HINT_VIDEODRIVER, "dummy", SDL_HINT_OVERRIDE);
  AppOptions o;
  o.assetsDir = "/nonexistent/sq-assets";
  std::string error;
  CHECK(App::create(o, error) == nullptr);
  CHECK(error.find("fonts") != std::string::npos);
}
