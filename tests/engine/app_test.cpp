// App::runOneFrame() on SDL's dummy driver: the first frame comes before any slow
// work (records, then packs), frames are drawn only when something changed, keys
// reach the screens, and a quit request ends the loop (unless the lock is on).
// With a school folder, signing in merges it a step a frame behind the fetching
// screen, then opens home; the butterfly and "Not me" work meanwhile.
#include "app/app.hpp"
#include "results/results_store.hpp"
#include "results/school_folder.hpp"
#include "support/school_share.hpp"
#include "support/test_teacher.hpp"

#include <SDL.h>
#include <doctest/doctest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <set>

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

// A school folder with one class (4C, one pupil) and `devices` PCs' events in all,
// plus a file that is not a snapshot; the machine configuration naming it; and a
// script. Returns the app, its data folder holding nothing yet.
const char* kSchoolPupil = "5c000000-0000-4000-8000-000000000001";

std::unique_ptr<App> makeSchoolApp(const std::string& name, int devices, int events,
                                   const std::string& script) {
  const std::filesystem::path dir = tempDataDir(name);
  const std::string share = (dir / "share").string();
  {
    std::string error;
    auto teacher = ResultsStore::open((dir / "teacher").string(), error);
    REQUIRE_MESSAGE(teacher != nullptr, error);
    Roster r;
    r.classes = {{"5c000000-0000-4000-8000-0000000000c1", "4C"}};
    Pupil p;
    p.id = kSchoolPupil;
    p.firstName = "Cai";
    p.initial = "M";
    p.classId = r.classes[0].id;
    p.yearGroup = YearGroup::Y4;
    r.pupils.push_back(p);
    REQUIRE(teacher->saveRoster(r, error));
    REQUIRE(publish(*teacher, share, &test::testTeacher()).ok);
    test::ShareSpec spec;
    spec.devices = devices;
    spec.events = events;
    REQUIRE_MESSAGE(test::makeSchoolShare(dir / "pcs", share, spec, error), error);
  }
  std::ofstream(dir / "share" / "results" / "not-a-snapshot.sqlite") << "not a database";
  const std::string config = (dir / "machine.json").string();
  std::ofstream(config) << R"({"formatVersion": 1, "schoolFolder": ")" << share << "\"}";
  std::ofstream(dir / "play.script") << script;
  SDL_SetHintWithPriority(SDL_HINT_VIDEODRIVER, "dummy", SDL_HINT_OVERRIDE);
  SDL_SetHintWithPriority(SDL_HINT_AUDIODRIVER, "dummy", SDL_HINT_OVERRIDE);
  AppOptions o;
  o.contentDir = "/nonexistent/sq-content";
  o.dataDir = (dir / "pc").string();
  o.configPath = config;
  o.assetsDir = SQ_TEST_ASSETS_DIR;
  o.scriptPath = (dir / "play.script").string();
  o.forceSoftware = true;
  o.blockWhenIdle = false;
  std::string error;
  auto app = App::create(o, error);
  REQUIRE_MESSAGE(app != nullptr, error);
  return app;
}

std::size_t eventsIn(const std::string& dataDir) {
  std::string error;
  auto store = ResultsStore::open(dataDir, error);
  REQUIRE_MESSAGE(store != nullptr, error);
  return store->events().size();
}

const std::string kSignIn =
    std::string("wait-screen sign-in\nclick class:4C\nclick pupil:") + kSchoolPupil + "\n";

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

TEST_CASE("the first PIN chosen at the real keypad may not be 1234") {
  const std::string data = tempDataDir("weak-pin");
  const std::string config = data + "/machine.json";
  std::ofstream(config) << R"({"formatVersion": 1, "fullScreenLock": true})";
  auto app = makeApp("/nonexistent/sq-content", data, config);
  REQUIRE(app->runOneFrame());
  SDL_Event quit{};
  quit.type = SDL_QUIT;
  SDL_PushEvent(&quit);
  REQUIRE(app->runOneFrame());
  REQUIRE(app->screenId() == "teacher-pin"); // no PIN yet: choose one
  const auto typeAndEnter = [&](const char* digits) {
    SDL_Event e{};
    e.type = SDL_TEXTINPUT;
    std::snprintf(e.text.text, sizeof e.text.text, "%s", digits);
    SDL_PushEvent(&e);
    pushKey(SDLK_RETURN);
  };
  for (const char* weak : {"1234", "1234", "0000", "2580"}) {
    typeAndEnter(weak);
    REQUIRE(app->runOneFrame());
  }
  CHECK(app->screenId() == "teacher-pin");
  CHECK_FALSE(std::filesystem::exists(data + "/teacher.json"));
  typeAndEnter("4705");
  REQUIRE(app->runOneFrame());
  typeAndEnter("4705");
  CHECK_FALSE(app->runOneFrame()); // the PIN was set, and leaving the lock ends the game
  CHECK(std::filesystem::exists(data + "/teacher.json"));
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

TEST_CASE("signing in with a school folder merges it a step a frame, then opens home") {
  // 6,000 events: at 2,000 rows a step (rows read, then added) at least 6 steps.
  // Her first visit on this PC: the picture question comes before home.
  auto app = makeSchoolApp(
      "merge", 3, 6000, kSignIn + "wait-screen avatar 120\nclick avatar:owl\nwait-screen home\n");
  std::set<std::string> seen;
  int fetchingFrames = 0;
  bool more = true;
  for (int i = 0; i < 100000 && more; ++i) {
    more = app->runOneFrame();
    seen.insert(app->screenId());
    if (app->screenId() == "fetching") {
      ++fetchingFrames;
      CHECK(app->merging());
    }
  }
  CHECK(app->exitCode() == 0);
  CHECK(app->screenId() == "home");
  CHECK_FALSE(app->merging());
  CHECK(seen.count("fetching") == 1);
  CHECK(fetchingFrames >= 5); // spread over frames, not one long frame
  // Every event came in; the file that is not a snapshot was passed over quietly.
  CHECK(eventsIn(app->dataDir()) == 6000);
}

TEST_CASE("the butterfly during the merge: home waits until the pupil is back") {
  auto app = makeSchoolApp("merge-butterfly", 3, 6000,
                           kSignIn + "wait-screen fetching\nclick butterfly\n"
                                     "wait-screen butterfly\n");
  bool more = true;
  for (int i = 0; i < 100000 && more; ++i) {
    more = app->runOneFrame();
  }
  REQUIRE(app->exitCode() == 0);
  REQUIRE(app->screenId() == "butterfly");
  // The merge goes on underneath and never takes the butterfly screen away.
  for (int i = 0; i < 100000 && app->merging(); ++i) {
    app->runOneFrame();
    REQUIRE(app->screenId() == "butterfly");
  }
  CHECK_FALSE(app->merging());
  app->runOneFrame();
  CHECK(app->screenId() == "butterfly");
  pushKey(SDLK_ESCAPE); // back: the work is in, so what follows sign-in opens (her
  app->runOneFrame();   // first visit: the picture question, then home)
  CHECK(app->screenId() == "avatar");
  CHECK(eventsIn(app->dataDir()) >= 6000);
}

TEST_CASE("Not me during the merge signs out at once, keeping what the merge added") {
  auto app = makeSchoolApp("merge-sign-out", 3, 6000,
                           kSignIn + "wait-screen fetching\nclick sign-out\n"
                                     "wait-screen sign-in\n");
  bool more = true;
  for (int i = 0; i < 100000 && more; ++i) {
    more = app->runOneFrame();
  }
  REQUIRE(app->exitCode() == 0);
  CHECK(app->screenId() == "sign-in");
  CHECK_FALSE(app->merging()); // abandoned: what it added stays
  CHECK(eventsIn(app->dataDir()) < 6000);
}
