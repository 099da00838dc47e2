// The editor's preview (app/lesson_preview): a lesson played in a second window of
// the same process, driven the way the editor drives it (events taken from SDL's
// queue and offered, then one frame a turn), from a step or a scene, in any band,
// and recording nothing at all.
#include "app/lesson_preview.hpp"

#include "authoring/edit_ops.hpp"
#include "authoring/pack_document.hpp"
#include "content/pack_loader.hpp"
#include "platform/event_inject.hpp"
#include "platform/window.hpp"
#include "support/run_program.hpp"
#include "support/temp_dir.hpp"

#include <SDL.h>
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <set>

using namespace sq;
namespace fs = std::filesystem;

namespace {

const std::string kCore = std::string(SQ_SOURCE_DIR) + "/content/core";
const std::string kLesson = "y3-smart-explorers";

Pack corePack() {
  LoadResult r = loadPack(kCore);
  REQUIRE(r.valid());
  return std::move(*r.pack);
}

std::unique_ptr<LessonPreview> openPreview() {
  SDL_SetHintWithPriority(SDL_HINT_VIDEODRIVER, "dummy", SDL_HINT_OVERRIDE);
  PreviewOptions o;
  o.assetsDir = SQ_TEST_ASSETS_DIR;
  o.hidden = true;
  o.forceSoftware = true;
  std::string error;
  auto p = LessonPreview::open(o, error);
  REQUIRE_MESSAGE(p != nullptr, error);
  return p;
}

// One turn of the editor's loop: every queued event offered (those the preview does
// not take are counted as the editor's), then a frame.
int turn(LessonPreview& p) {
  int others = 0;
  SDL_Event e;
  while (SDL_PollEvent(&e) != 0) {
    if (!p.offer(e)) {
      ++others;
    }
  }
  p.frame();
  return others;
}

void click(LessonPreview& p, const std::string& id) {
  turn(p);
  const Widget* w = p.shownWidget(id);
  REQUIRE_MESSAGE(w != nullptr, "no widget " << id << " on " << p.screenId());
  injectClick(p.window(), Point{w->rect.x + w->rect.w / 2, w->rect.y + w->rect.h / 2});
  turn(p);
}

// How much of the frame is not the background (the top-left pixel's colour).
double inkShare(const Image& image) {
  const Colour bg = image.at(0, 0);
  std::size_t ink = 0;
  for (int y = 0; y < image.height; y += 2) {
    for (int x = 0; x < image.width; x += 2) {
      const Colour c = image.at(x, y);
      ink += (c.r != bg.r || c.g != bg.g || c.b != bg.b) ? 1 : 0;
    }
  }
  return static_cast<double>(ink) / (static_cast<double>(image.width / 2) * (image.height / 2));
}

std::size_t filesUnder(const fs::path& dir) {
  std::size_t n = 0;
  for (auto it = fs::recursive_directory_iterator(dir); it != fs::recursive_directory_iterator();
       ++it) {
    ++n;
  }
  return n;
}

// The data folder the game would use, pointed at an empty folder for the test.
struct DataFolder {
  test::TempDir dir;
  std::string before;
  bool had = false;
  DataFolder() {
    if (const char* v = std::getenv("SAFEQUEST_DATA")) {
      before = v;
      had = true;
    }
    setenv("SAFEQUEST_DATA", dir.str().c_str(), 1);
  }
  ~DataFolder() {
    if (had) {
      setenv("SAFEQUEST_DATA", before.c_str(), 1);
    } else {
      unsetenv("SAFEQUEST_DATA");
    }
  }
};

} // namespace

TEST_CASE("the preview plays a lesson from a scene, in the game's screens, and records nothing") {
  DataFolder data;
  test::TempDir cwd;
  const fs::path wasIn = fs::current_path();
  fs::current_path(cwd.path()); // a file written "here" would show too

  auto preview = openPreview();
  std::string error;
  const PreviewStart scene{kLesson, "building-game", "gems", std::nullopt};
  REQUIRE_MESSAGE(preview->play(corePack(), kCore, scene, error), error);
  turn(*preview);
  CHECK(preview->screenId() == "scenario");
  CHECK(preview->textOnScreen("SkyBuilder99 sends a friend request"));
  CHECK(preview->band() == Band::Lks2); // a Year 3 lesson: its own band
  const auto first = preview->readPixels();
  REQUIRE(first);
  CHECK(first->width == 1280);
  CHECK(first->height == 720);
  CHECK(inkShare(*first) > 0.05); // a scene drawn, not a blank window

  // The same scene for Reception: the young band's presentation (pictures on the
  // choices, larger words), drawn differently.
  REQUIRE(preview->setBand(Band::Eyfs, error));
  turn(*preview);
  CHECK(preview->band() == Band::Eyfs);
  CHECK(preview->screenId() == "scenario");
  CHECK(preview->textOnScreen("SkyBuilder99 sends a friend request"));
  const auto young = preview->readPixels();
  REQUIRE(young);
  CHECK(inkShare(*young) > 0.05);
  CHECK(young->rgba != first->rgba);

  // The safe choice, its feedback, and on to the next scene.
  click(*preview, "choice:2");
  CHECK(preview->shownWidget("next") != nullptr);
  click(*preview, "next");
  CHECK(preview->textOnScreen("Jay's cousin says"));
  click(*preview, "choice:3");
  click(*preview, "next");
  CHECK(preview->textOnScreen("He kept his details private"));
  click(*preview, "next"); // the story's end: on to the quiz
  CHECK(preview->screenId() == "quiz");
  const auto later = preview->readPixels();
  REQUIRE(later);
  CHECK(inkShare(*later) > 0.05);
  CHECK(later->rgba != first->rgba);

  // Nothing recorded, nothing written: no event reached the recorder, and neither
  // the data folder nor the working folder gained a file.
  CHECK(preview->recordAttempts() == 0);
  CHECK(filesUnder(data.dir.path()) == 0);
  CHECK(filesUnder(cwd.path()) == 0);
  preview.reset();
  fs::current_path(wasIn);
}

TEST_CASE("the preview starts at the front page or a step, in any band, and again on request") {
  auto preview = openPreview();
  std::string error;
  REQUIRE(preview->play(corePack(), kCore, {kLesson, "", "", std::nullopt}, error));
  turn(*preview);
  CHECK(preview->screenId() == "lesson");
  CHECK(preview->textOnScreen("SMART explorers"));

  REQUIRE(preview->play(corePack(), kCore, {kLesson, "smart-quiz", "", Band::Eyfs}, error));
  turn(*preview);
  CHECK(preview->screenId() == "quiz");
  CHECK(preview->band() == Band::Eyfs);

  // Another band plays the same start again.
  click(*preview, "back");
  CHECK(preview->screenId() == "lesson");
  REQUIRE(preview->setBand(Band::Uks2, error));
  turn(*preview);
  CHECK(preview->band() == Band::Uks2);
  CHECK(preview->screenId() == "quiz");

  // Leaving the lesson ends the preview, with "Play again" to start over.
  click(*preview, "back");
  click(*preview, "back");
  CHECK(preview->screenId() == "preview-end");
  CHECK(preview->textOnScreen("end of the preview"));
  click(*preview, "again");
  CHECK(preview->screenId() == "quiz");
  CHECK(preview->recordAttempts() == 0);
}

TEST_CASE("the preview refuses a start the pack does not have, and keeps playing") {
  auto preview = openPreview();
  std::string error;
  REQUIRE(preview->play(corePack(), kCore, {kLesson, "rules", "", std::nullopt}, error));
  turn(*preview);
  CHECK(preview->screenId() == "slides");
  for (const PreviewStart& bad : {PreviewStart{"no-such-lesson", "", "", std::nullopt},
                                  PreviewStart{kLesson, "no-such-step", "", std::nullopt},
                                  PreviewStart{kLesson, "building-game", "nowhere", std::nullopt},
                                  PreviewStart{kLesson, "rules", "castle", std::nullopt},
                                  PreviewStart{kLesson, "", "castle", std::nullopt}}) {
    error.clear();
    CHECK_FALSE(preview->play(corePack(), kCore, bad, error));
    CHECK_FALSE(error.empty());
  }
  turn(*preview);
  CHECK(preview->screenId() == "slides");
  CHECK(preview->start().stepId == "rules");
}

TEST_CASE("the preview takes only its own window's events, sleeps when idle, and closes") {
  auto preview = openPreview();
  std::string error;
  REQUIRE(preview->play(corePack(), kCore, {kLesson, "rules", "", std::nullopt}, error));
  turn(*preview);
  const int drawn = preview->framesPresented();
  CHECK(drawn >= 1);
  // Nothing happening: no frame wanted, so the editor's loop may sleep (0% CPU).
  CHECK(preview->msUntilFrame() == -1);
  turn(*preview);
  CHECK(preview->framesPresented() == drawn);

  SDL_Event other{};
  other.type = SDL_KEYDOWN;
  other.key.windowID = preview->windowId() + 1000; // the editor's window, say
  other.key.keysym.sym = SDLK_RETURN;
  CHECK_FALSE(preview->offer(other));
  SDL_Event quit{};
  quit.type = SDL_QUIT; // the editor's to handle
  CHECK_FALSE(preview->offer(quit));
  CHECK(preview->msUntilFrame() == -1);

  // A key for its own window is its own, and draws again.
  injectKey(preview->window(), KeyChord{SDLK_TAB});
  CHECK(turn(*preview) == 0);
  CHECK(preview->framesPresented() > drawn);

  SDL_Event close{};
  close.type = SDL_WINDOWEVENT;
  close.window.event = SDL_WINDOWEVENT_CLOSE;
  close.window.windowID = preview->windowId();
  CHECK(preview->offer(close));
  CHECK_FALSE(preview->frame());
  CHECK(preview->closed());
  CHECK_FALSE(preview->offer(close));
}

TEST_CASE(
    "safequest-editor opens the preview of the lesson shown, and none when the pack has errors") {
  DataFolder data;
  test::TempDir dir;
  const fs::path pack = dir.path() / "content" / "ours";
  fs::create_directories(pack.parent_path());
  fs::copy(kCore, pack, fs::copy_options::recursive);
  const std::string lessonFile = "lessons/" + kLesson + ".json";
  const fs::path shot = dir.path() / "shots" / "editor.png";
  const fs::path previewShot = dir.path() / "shots" / "editor-preview.png";
  fs::create_directories(shot.parent_path());
  const std::vector<std::string> args = {"--content",
                                         (dir.path() / "content").string(),
                                         "--open",
                                         pack.string(),
                                         "--file",
                                         lessonFile,
                                         "--preview",
                                         "--recovery-dir",
                                         (dir.path() / "recovery").string(),
                                         "--screenshot",
                                         shot.string()};

  const test::ProgramRun good = test::runProgram(SQ_EDITOR_PATH, args, dir.path());
  INFO(good.err);
  REQUIRE(good.status == 0);
  CHECK(fs::exists(shot));
  REQUIRE(fs::exists(previewShot)); // the game's window, beside the editor's
  CHECK(filesUnder(data.dir.path()) == 0);
  fs::remove(shot);
  fs::remove(previewShot);

  // A choice that leads to no scene: the pack has an error, so F5 opens nothing.
  {
    authoring::PackDocument doc = authoring::PackDocument::open(pack.string());
    std::string error;
    REQUIRE(authoring::applyOp(
        doc, authoring::EditOp::set(lessonFile, "/steps/1/nodes/0/choices/2/next", "nowhere"),
        error));
    REQUIRE(doc.save().ok());
  }
  const test::ProgramRun broken = test::runProgram(SQ_EDITOR_PATH, args, dir.path());
  INFO(broken.err);
  REQUIRE(broken.status == 0);
  CHECK(fs::exists(shot));
  CHECK_FALSE(fs::exists(previewShot));
  CHECK(filesUnder(data.dir.path()) == 0);
}
