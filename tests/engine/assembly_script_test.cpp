// The real game in assembly mode: `safequest --assembly ID` run by a script at
// 1920x1080 and at 3840x2160, driven by the clicker's keys (PageDown, PageUp, B,
// ".", F5, Shift+F5, Home, End) plus the counting (number keys, a tap on a choice,
// the thumbs vote) and reading aloud with R (the narration file the game asked to
// play, checked by the script), through the record screen; screenshots of each kind
// of stop go to <build>/assembly-shots. The assembly.given event and the governors' report's
// term table are then read back from the records store. And the idle rule: with a
// slide shown and nobody pressing anything, no frame is drawn; a narration that
// ends by itself wakes the waiting loop (the audio thread's event) for the one
// frame that takes "Reading aloud" off the presenter's notes.
#include "app/app.hpp"
#include "content/pack_catalog.hpp"
#include "results/civil_time.hpp"
#include "results/event_payload.hpp"
#include "results/register.hpp"
#include "results/report_html.hpp"
#include "results/results_store.hpp"
#include "support/temp_dir.hpp"

#include <SDL.h>
#include <doctest/doctest.h>

#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <string>

using namespace sq;

namespace {

namespace fs = std::filesystem;

const std::string kContent = std::string(SQ_SOURCE_DIR) + "/content";

// The run, with "@" for the screenshots' prefix.
const char* const kScript = R"(wait-screen assembly 60
expect-text Ask first, and the butterfly feeling
screenshot @1-slide
# R reads the slide aloud, R again stops it
expect-no-narration
key R
expect-narration assets/narration/ks1-autumn-ask-first/welcome.ogg
key R
expect-no-narration
key R
key PageDown
expect-no-narration
key PageUp
expect-text Ask first, and the butterfly feeling
key PageDown
key B
screenshot @2-blank
key B
key .
key .
expect-text We ask a grown-up before we go online
key PageDown
expect-text Ffion finds a tablet
# counting: typed for A and B, a tap for C
key 2
key Down
key 1
key 7
click choice:3
click choice:3
expect-text 17
screenshot @3-question
key PageDown
expect-text 17
screenshot @4-reveal
# after the reveal, R reads the explanation
key R
expect-narration assets/narration/ks1-autumn-ask-first/vote-tablet.explanation.ogg
key PageDown
expect-text We ask a grown-up before we use a tablet
screenshot @5-explain
key PageDown
# the thumbs vote: R reads the question alone, then asks for thumbs
key T
expect-text Thumbs sideways
key R
expect-narration assets/narration/ks1-autumn-ask-first/vote-popup.thumbs.ogg
key R
expect-no-narration
key 9
key Return
expect-text 10
screenshot @6-thumbs
key PageDown
screenshot @7-thumbs-reveal
key B
key Shift+F5
key F5
expect-text Ask first, and the butterfly feeling
key End
expect-text Remember: be SMART online
expect-no-narration
screenshot @8-recap
# the recap has no narration: the presenter is told, over the slide with P
key R
expect-no-narration
key P
expect-text No narration here
screenshot @8-recap-notes
key P
key Home
key End
key PageDown
wait-screen assembly-record
screenshot @9-record
key .
key .
expect-text Saved:
screenshot @10-saved
)";

std::string script(const std::string& size) {
  std::string out;
  for (const char* c = kScript; *c != 0; ++c) {
    out += *c == '@' ? "assembly-" + size + "-" : std::string(1, *c);
  }
  return out;
}

std::string shotsDir() {
  return SQ_ASSEMBLY_SHOTS;
}

void runAt(const std::string& size) {
  const test::TempDir dir;
  const std::string data = (dir.path() / "data").string();
  {
    std::string error;
    auto store = ResultsStore::open(data, error);
    REQUIRE_MESSAGE(store != nullptr, error);
    Roster r;
    r.staff = {{"st000000-0000-4000-8000-000000000001", "Mrs Jones"},
               {"st000000-0000-4000-8000-000000000002", "Mr Price"}};
    REQUIRE(store->saveRoster(r, error));
  }
  const std::string scriptPath = (dir.path() / "assembly.script").string();
  std::ofstream(scriptPath) << script(size);
  fs::create_directories(shotsDir());
  const std::string cmd =
      "SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy SAFEQUEST_CONFIG=/nonexistent/sq.json '" +
      std::string(SQ_GAME_PATH) + "' --assembly ks1-autumn-ask-first --size " + size +
      " --software --data '" + data + "' --content '" + kContent + "' --script '" + scriptPath +
      "' --screenshot-dir '" + shotsDir() + "' > '" + (dir.path() / "out.txt").string() + "' 2>&1";
  const int status = std::system(cmd.c_str());
  std::ifstream outFile(dir.path() / "out.txt");
  const std::string out((std::istreambuf_iterator<char>(outFile)),
                        std::istreambuf_iterator<char>());
  REQUIRE_MESSAGE((WIFEXITED(status) && WEXITSTATUS(status) == 0), out);
  for (const char* shot :
       {"1-slide", "3-question", "4-reveal", "5-explain", "8-recap", "10-saved"}) {
    CHECK(fs::file_size(fs::path(shotsDir()) / ("assembly-" + size + "-" + shot + ".png")) > 10000);
  }

  // ---- the record, from the store ----
  std::string error;
  auto store = ResultsStore::open(data, error);
  REQUIRE_MESSAGE(store != nullptr, error);
  EventFilter f;
  f.kind = EventKind::AssemblyGiven;
  const std::vector<Event> given = store->events(f);
  REQUIRE(given.size() == 1);
  const Event& e = given.front();
  CHECK(e.pupilId.empty());
  CHECK(e.packId == "core");
  CHECK(e.activityId == "ks1-autumn-ask-first");
  const Catalog catalog = loadCatalog(kContent);
  const Pack* core = nullptr;
  for (const CatalogEntry& c : catalog.packs) {
    if (c.result.pack && c.result.pack->id == "core") {
      core = &*c.result.pack;
    }
  }
  REQUIRE(core != nullptr);
  CHECK(e.packVersion == core->version);
  const auto data1 = payloadAs<AssemblyGivenData>(e);
  REQUIRE(data1.has_value());
  const std::string today = formatUtc(static_cast<std::int64_t>(std::time(nullptr))).substr(0, 10);
  CHECK(data1->date == today);
  CHECK(data1->yearGroups == std::vector<YearGroup>{YearGroup::Y1, YearGroup::Y2});
  CHECK(data1->presenter == "Mr Price"); // the first name on the list, as the store sorts it

  // ---- the governors' report: this term has one, the others say none ----
  const int year = academicYearOf(*parseDate(today));
  const Register reg = computeRegister(store->events(), store->loadRoster(), {core}, year, {});
  REQUIRE(reg.assemblies.size() == 1);
  CHECK(reg.assemblies.front().presenter == "Mr Price");
  const std::string html = reportHtml(reg);
  CHECK(html.find("Ask first, and the butterfly feeling") != std::string::npos);
  CHECK(html.find("Mr Price") != std::string::npos);
  CHECK(html.find("No assembly") != std::string::npos); // two terms with none, flagged
}

} // namespace

TEST_CASE("assembly: a scripted assembly at 1920x1080, recorded and reported") {
  runAt("1920x1080");
}

TEST_CASE("assembly: a scripted assembly at 3840x2160, recorded and reported") {
  runAt("3840x2160");
}

TEST_CASE("assembly: idle on a slide, nothing is drawn") {
  SDL_SetHintWithPriority(SDL_HINT_VIDEODRIVER, "dummy", SDL_HINT_OVERRIDE);
  SDL_SetHintWithPriority(SDL_HINT_AUDIODRIVER, "dummy", SDL_HINT_OVERRIDE);
  const test::TempDir dir;
  AppOptions o;
  o.contentDir = kContent;
  o.dataDir = dir.str();
  o.configPath = "/nonexistent/sq-config.json";
  o.assetsDir = SQ_TEST_ASSETS_DIR;
  o.forceSoftware = true;
  o.blockWhenIdle = false; // never wait inside runOneFrame, so the test can count
  o.assembly = true;
  o.assemblyId = "ks2-is-it-true";
  o.sizeGiven = true;
  std::string error;
  auto app = App::create(o, error);
  REQUIRE_MESSAGE(app != nullptr, error);
  for (int i = 0; i < 10 && app->screenId() != "assembly"; ++i) {
    REQUIRE(app->runOneFrame());
  }
  REQUIRE(app->screenId() == "assembly");
  REQUIRE(app->runOneFrame());
  const int before = app->framesPresented();
  for (int i = 0; i < 50; ++i) {
    REQUIRE(app->runOneFrame());
  }
  CHECK(app->framesPresented() == before); // a slide on show: no frame drawn
  SDL_Event e{};
  e.type = SDL_KEYDOWN;
  e.key.keysym.sym = SDLK_PAGEDOWN;
  SDL_PushEvent(&e);
  REQUIRE(app->runOneFrame());
  CHECK(app->framesPresented() == before + 1); // the clicker: one frame
  for (int i = 0; i < 50; ++i) {
    REQUIRE(app->runOneFrame());
  }
  CHECK(app->framesPresented() == before + 1);
  // R reads the slide aloud: one frame for the key, then nothing while it plays.
  e.key.keysym.sym = SDLK_r;
  SDL_PushEvent(&e);
  REQUIRE(app->runOneFrame());
  CHECK(app->framesPresented() == before + 2);
  for (int i = 0; i < 50; ++i) {
    REQUIRE(app->runOneFrame());
  }
  CHECK(app->framesPresented() == before + 2);
}

TEST_CASE("assembly: a narration that ends by itself wakes the loop and clears "
          "\"Reading aloud\"") {
  SDL_SetHintWithPriority(SDL_HINT_VIDEODRIVER, "dummy", SDL_HINT_OVERRIDE);
  SDL_SetHintWithPriority(SDL_HINT_AUDIODRIVER, "dummy", SDL_HINT_OVERRIDE);
  const test::TempDir dir;
  AppOptions o;
  o.contentDir = kContent;
  o.dataDir = dir.str();
  o.configPath = "/nonexistent/sq-config.json";
  o.assetsDir = SQ_TEST_ASSETS_DIR;
  o.forceSoftware = true;
  o.blockWhenIdle = true;     // the real loop: it sleeps in SDL_WaitEvent when idle
  o.silentAudioDevice = true; // the dummy driver plays in real time and ends sounds
  o.assembly = true;
  o.assemblyId = "ks2-is-it-true";
  o.sizeGiven = true;
  std::string error;
  auto app = App::create(o, error);
  REQUIRE_MESSAGE(app != nullptr, error);
  // Until the show is drawn (the frames before it never wait).
  for (int i = 0; i < 10 && app->screenId() != "assembly"; ++i) {
    REQUIRE(app->runOneFrame());
  }
  REQUIRE(app->screenId() == "assembly");
  // Should the wake-up never come, this event ends the wait so the test fails
  // instead of hanging.
  const SDL_TimerID watchdog = SDL_AddTimer(
      20000,
      [](Uint32, void*) -> Uint32 {
        SDL_Event w{};
        w.type = SDL_USEREVENT;
        SDL_PushEvent(&w);
        return 0;
      },
      nullptr);
  SDL_Event e{};
  e.type = SDL_KEYDOWN;
  e.key.keysym.sym = SDLK_p; // the notes, whose heading says what R does
  SDL_PushEvent(&e);
  REQUIRE(app->runOneFrame());
  CHECK(app->showsText("R reads it aloud"));
  e.key.keysym.sym = SDLK_r;
  SDL_PushEvent(&e);
  REQUIRE(app->runOneFrame());
  CHECK(app->showsText("Reading aloud: R stops"));
  const int before = app->framesPresented();
  const std::uint64_t start = SDL_GetTicks64();
  int waits = 0;
  while (!app->showsText("R reads it aloud") && SDL_GetTicks64() - start < 30000) {
    REQUIRE(app->runOneFrame()); // sleeps until an event comes
    ++waits;
  }
  const std::uint64_t took = SDL_GetTicks64() - start;
  SDL_RemoveTimer(watchdog);
  CHECK(app->showsText("R reads it aloud"));
  CHECK_FALSE(app->showsText("Reading aloud"));
  CHECK(took >= 800);                          // the welcome (1.3 s) was heard to its end...
  CHECK(took < 19000);                         // ...and its end, not the watchdog, woke the loop
  CHECK(waits <= 5);                           // woken by events, never polling while it played
  CHECK(app->framesPresented() == before + 1); // one frame, for the note
}

TEST_CASE("assembly: --presenter-window opens the presenter's view beside the hall's screen") {
  SDL_SetHintWithPriority(SDL_HINT_VIDEODRIVER, "dummy", SDL_HINT_OVERRIDE);
  SDL_SetHintWithPriority(SDL_HINT_AUDIODRIVER, "dummy", SDL_HINT_OVERRIDE);
  const test::TempDir dir;
  AppOptions o;
  o.contentDir = kContent;
  o.dataDir = dir.str();
  o.configPath = "/nonexistent/sq-config.json";
  o.assetsDir = SQ_TEST_ASSETS_DIR;
  o.forceSoftware = true;
  o.blockWhenIdle = false;
  o.assembly = true;
  o.assemblyId = "ks2-is-it-true";
  o.sizeGiven = true;
  o.presenterWindow = true;
  std::string error;
  auto app = App::create(o, error);
  REQUIRE_MESSAGE(app != nullptr, error);
  for (int i = 0; i < 10 && app->screenId() != "assembly"; ++i) {
    REQUIRE(app->runOneFrame());
  }
  REQUIRE(app->screenId() == "assembly");
  REQUIRE(app->runOneFrame());
  CHECK(app->presenterFramesPresented() > 0);
  const int hall = app->framesPresented();
  const int presenter = app->presenterFramesPresented();
  // A little over a second with nobody pressing anything: the presenter's clock
  // moves on, the hall's screen is not drawn again.
  const std::uint64_t until = SDL_GetTicks64() + 1200;
  while (SDL_GetTicks64() < until) {
    REQUIRE(app->runOneFrame());
    SDL_Delay(20);
  }
  CHECK(app->framesPresented() == hall);
  CHECK(app->presenterFramesPresented() >= presenter + 1);
  CHECK(app->presenterFramesPresented() <= presenter + 2);
  // The clicker: both screens follow.
  const int before = app->presenterFramesPresented();
  SDL_Event e{};
  e.type = SDL_KEYDOWN;
  e.key.keysym.sym = SDLK_PAGEDOWN;
  SDL_PushEvent(&e);
  REQUIRE(app->runOneFrame());
  CHECK(app->framesPresented() == hall + 1);
  CHECK(app->presenterFramesPresented() >= before + 1);
}
