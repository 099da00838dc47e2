// The real programs, run headless: `safequest --screenshot` and
// `safequest-editor --screenshot` must exit 0 and leave a non-trivial PNG; the
// editor's pack view shows problems and asks about recovered work; the editor's
// --script, its PIN prompt, its remembered text size, and a screenshot of every
// panel at two window sizes.
#include "authoring/editing_session.hpp"
#include "settings/teacher_pin.hpp"
#include "support/temp_dir.hpp"
#include "ui/theme.hpp"

#include <doctest/doctest.h>
#include <stb_image.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;

std::string quote(const std::string& s) {
  return "'" + s + "'";
}

// Every run gets a fresh records folder of its own and no machine configuration,
// so the tests never touch this machine's own SafeQuest data, nor each other's when
// CTest runs them side by side.
int run(const std::string& command) {
  const sq::test::TempDir data;
  const std::string full = "SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy SAFEQUEST_DATA='" +
                           data.str() + "' SAFEQUEST_CONFIG=/nonexistent/sq-config.json " +
                           command + " >/dev/null 2>&1";
  const int status = std::system(full.c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

struct Png {
  int width = 0;
  int height = 0;
  std::size_t colours = 0;
  sq::Colour topLeft;
  std::vector<unsigned char> rgba;

  // Pixels within a few levels of `c` (text is anti-aliased at its edges only).
  std::size_t near(sq::Colour c) const {
    std::size_t n = 0;
    for (std::size_t i = 0; i + 3 < rgba.size(); i += 4) {
      if (std::abs(rgba[i] - c.r) <= 6 && std::abs(rgba[i + 1] - c.g) <= 6 &&
          std::abs(rgba[i + 2] - c.b) <= 6) {
        ++n;
      }
    }
    return n;
  }
};

Png readPng(const std::string& path) {
  Png p;
  int n = 0;
  unsigned char* data = stbi_load(path.c_str(), &p.width, &p.height, &n, 4);
  REQUIRE_MESSAGE(data != nullptr, path);
  std::set<unsigned> colours;
  const std::size_t pixels = static_cast<std::size_t>(p.width) * p.height;
  for (std::size_t i = 0; i < pixels; i += 7) {
    colours.insert(static_cast<unsigned>(data[i * 4]) << 16 |
                   static_cast<unsigned>(data[i * 4 + 1]) << 8 | data[i * 4 + 2]);
  }
  p.colours = colours.size();
  p.topLeft = sq::Colour{data[0], data[1], data[2], data[3]};
  p.rgba.assign(data, data + pixels * 4);
  stbi_image_free(data);
  return p;
}

std::string tempPng(const std::string& name) {
  static const sq::test::TempDir pngs; // one per test process
  const auto path = pngs.path() / (name + ".png");
  fs::remove(path);
  return path.string();
}

const std::string kContent = std::string(SQ_SOURCE_DIR) + "/content";

} // namespace

TEST_CASE("safequest --screenshot draws the sign-in screen and exits 0") {
  const std::string png = tempPng("game");
  REQUIRE(run(quote(SQ_GAME_PATH) + " --content " + quote(kContent) + " --screenshot " +
              quote(png)) == 0);
  const Png p = readPng(png);
  CHECK(p.width == 1280);
  CHECK(p.height == 720);
  CHECK(p.colours > 20); // text, tiles and the butterfly, not a blank frame
  CHECK(p.topLeft == sq::standardTheme().background);
  fs::remove(png);
}

TEST_CASE("safequest --screenshot at 4K in the high-contrast theme") {
  const std::string png = tempPng("game4k");
  REQUIRE(run(quote(SQ_GAME_PATH) + " --content " + quote(kContent) +
              " --size 3840x2160 --theme high-contrast --screenshot " + quote(png)) == 0);
  const Png p = readPng(png);
  CHECK(p.width == 3840);
  CHECK(p.height == 2160);
  CHECK(p.colours > 20);
  CHECK(p.topLeft == sq::highContrastTheme().background);
  fs::remove(png);
}

TEST_CASE("safequest shows a missing content folder instead of failing") {
  const std::string png = tempPng("game-missing");
  REQUIRE(run(quote(SQ_GAME_PATH) + " --content /nonexistent/sq-content --screenshot " +
              quote(png)) == 0);
  CHECK(readPng(png).colours > 10);
  fs::remove(png);
}

TEST_CASE("safequest explains bad arguments and a missing assets folder") {
  CHECK(run(quote(SQ_GAME_PATH) + " --size huge") == 2);
  CHECK(run(quote(SQ_GAME_PATH) + " --help") == 0);
  CHECK(run(quote(SQ_GAME_PATH) + " --assets /nonexistent/sq-assets --screenshot " +
            quote(tempPng("never"))) == 1);
}

TEST_CASE("safequest-editor --screenshot draws the pack list and exits 0") {
  // The bundled packs are all ready: their status is drawn in the "ready" colour
  // and nothing in the "problem" colour.
  const sq::Theme theme = sq::standardTheme();
  const std::string png = tempPng("editor");
  REQUIRE(run(quote(SQ_EDITOR_PATH) + " --content " + quote(kContent) + " --screenshot " +
              quote(png)) == 0);
  const Png p = readPng(png);
  CHECK(p.width == 1280);
  CHECK(p.height == 720);
  CHECK(p.colours > 20);
  const std::size_t readyPixels = p.near(theme.readyText);
  CHECK(readyPixels > 50);
  CHECK(p.near(theme.problemText) < 10);
  fs::remove(png);

  // A folder with one broken pack: the editor picks it and lists its problems, in
  // the "problem" colour, and no pack is shown as ready.
  const sq::test::TempDir content;
  fs::create_directories(content.path() / "broken");
  std::ofstream(content.path() / "broken" / "pack.json") << "{\"formatVersion\": 1, \"id\": ";
  const std::string brokenPng = tempPng("editor-broken");
  REQUIRE(run(quote(SQ_EDITOR_PATH) + " --content " + quote(content.str()) + " --screenshot " +
              quote(brokenPng)) == 0);
  const Png b = readPng(brokenPng);
  CHECK(b.near(theme.problemText) > 50);
  CHECK(b.near(theme.readyText) < readyPixels / 4);
  fs::remove(brokenPng);
}

TEST_CASE("safequest-editor explains bad arguments") {
  CHECK(run(quote(SQ_EDITOR_PATH) + " --bogus") == 2);
  CHECK(run(quote(SQ_EDITOR_PATH) + " --help") == 0);
}

namespace {

double meanLevel(const Png& p) {
  double sum = 0;
  for (std::size_t i = 0; i + 3 < p.rgba.size(); i += 4) {
    sum += p.rgba[i] + p.rgba[i + 1] + p.rgba[i + 2];
  }
  return sum / (static_cast<double>(p.rgba.size()) / 4 * 3);
}

} // namespace

TEST_CASE(
    "safequest-editor opens a pack to edit, shows its problems, and offers back unsaved work") {
  namespace au = sq::authoring;
  const sq::Theme theme = sq::standardTheme();
  const sq::test::TempDir dir;
  const fs::path content = dir.path() / "content";
  const fs::path ours = content / "ours";
  const std::string recovery = (dir.path() / "recovery").string();
  std::string error;
  REQUIRE(au::duplicatePack(std::string(kContent) + "/core", ours.string(), "ours", "Our lessons",
                            error));
  {
    // A broken reference, saved: the problems list shows it in the problem colour.
    au::PackDocument doc = au::PackDocument::open(ours.string());
    REQUIRE(
        au::applyOp(doc, au::EditOp::set("pack.json", "/units/0/lessons/0/lesson", "nope"), error));
    REQUIRE(doc.save().ok());
  }
  const std::string editor = quote(SQ_EDITOR_PATH) + " --content " + quote(content.string()) +
                             " --recovery-dir " + quote(recovery) + " --open " +
                             quote(ours.string());
  const std::string plainPng = tempPng("editor-edit");
  REQUIRE(run(editor + " --screenshot " + quote(plainPng)) == 0);
  const Png plain = readPng(plainPng);
  CHECK(plain.near(theme.problemText) > 50);
  CHECK(plain.colours > 20);

  // Unsaved work left by an editor that was killed: a question over a dimmed window,
  // and the work is kept until the teacher answers.
  {
    au::PackDocument doc = au::PackDocument::open(ours.string());
    REQUIRE(au::applyOp(doc, au::EditOp::set("pack.json", "/title", "Our lessons, mended"), error));
    REQUIRE(au::writeRecovery(recovery, doc, "2026-12-06 09:00 UTC", error));
  }
  const std::string askedPng = tempPng("editor-recovered");
  REQUIRE(run(editor + " --screenshot " + quote(askedPng)) == 0);
  const Png asked = readPng(askedPng);
  CHECK(meanLevel(asked) < meanLevel(plain) * 0.97);
  CHECK(fs::exists(au::recoveryPathFor(recovery, ours.string())));
  fs::remove(plainPng);
  fs::remove(askedPng);

  // The core pack opens read-only, and says so in the warning colour.
  const std::string corePng = tempPng("editor-core");
  REQUIRE(run(quote(SQ_EDITOR_PATH) + " --content " + quote(kContent) + " --recovery-dir " +
              quote(recovery) + " --open " + quote(std::string(kContent) + "/core") +
              " --screenshot " + quote(corePng)) == 0);
  CHECK(readPng(corePng).near(theme.warningText) > 50);
  fs::remove(corePng);
}

// ---- the editor's shell: --script, the PIN, the text size, every panel ----------

namespace {

// Runs with this data folder (not a fresh one), keeping stderr in `err`.
int runWithData(const std::string& command, const std::string& dataDir, std::string& err) {
  const sq::test::TempDir logs;
  const std::string errFile = (logs.path() / "stderr.txt").string();
  const std::string full = "SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy SAFEQUEST_DATA='" +
                           dataDir + "' SAFEQUEST_CONFIG=/nonexistent/sq-config.json " + command +
                           " >/dev/null 2>" + quote(errFile);
  const int status = std::system(full.c_str());
  std::ifstream in(errFile);
  err.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

std::string writeScript(const fs::path& dir, const std::string& name, const std::string& text) {
  const fs::path path = dir / name;
  std::ofstream(path) << text;
  return path.string();
}

void setPin(const std::string& dataDir, const std::string& pin) {
  std::string error;
  const auto hash = sq::hashPin(pin, error);
  REQUIRE_MESSAGE(hash.has_value(), error);
  REQUIRE_MESSAGE(sq::writePinHash(sq::userConfigPath(dataDir), *hash, error), error);
}

} // namespace

TEST_CASE("safequest-editor --script refuses a malformed script before opening, and names the "
          "failed step") {
  const sq::test::TempDir dir;
  std::string err;
  const std::string bad =
      writeScript(dir.path(), "bad.script", "# a comment\nwait-for new-pack\nclick\n");
  CHECK(runWithData(quote(SQ_EDITOR_PATH) + " --script " + quote(bad), dir.str(), err) == 2);
  CHECK(err.find("line 3: click needs a name") != std::string::npos);
  const std::string badKey = writeScript(dir.path(), "key.script", "key Ctrl+NoSuchKey\n");
  CHECK(runWithData(quote(SQ_EDITOR_PATH) + " --script " + quote(badKey), dir.str(), err) == 2);
  CHECK(err.find("line 1:") != std::string::npos);
  CHECK(runWithData(quote(SQ_EDITOR_PATH) + " --script " + quote(dir.str() + "/none.script"),
                    dir.str(), err) == 2);

  // A step that fails exits 1 with its line; one that passes exits 0.
  const std::string failing = writeScript(dir.path(), "failing.script",
                                          "wait-for new-pack\nexpect-text Ready\n"
                                          "expect-text This is never drawn anywhere\n");
  CHECK(runWithData(quote(SQ_EDITOR_PATH) + " --content " + quote(kContent) + " --script " +
                        quote(failing),
                    dir.str(), err) == 1);
  CHECK(err.find("line 3: expect-text This is never drawn anywhere") != std::string::npos);
  const std::string passing = writeScript(dir.path(), "passing.script",
                                          "wait-for new-pack\nexpect-text ready, 0 with errors\n"
                                          "expect-no-text Type the teacher PIN\n");
  CHECK(runWithData(quote(SQ_EDITOR_PATH) + " --content " + quote(kContent) + " --script " +
                        quote(passing),
                    dir.str(), err) == 0);
}

TEST_CASE("safequest-editor asks for the teacher PIN first, and counts wrong tries as the game "
          "does") {
  const sq::test::TempDir dir;
  const std::string data = (dir.path() / "data").string();
  std::string err;
  // No PIN: the editor opens, and says where to set one.
  const std::string open = writeScript(dir.path(), "open.script",
                                       "wait-for new-pack\nexpect-text No teacher PIN is set\n"
                                       "expect-no-text Type the teacher PIN\n");
  CHECK(runWithData(quote(SQ_EDITOR_PATH) + " --content " + quote(kContent) + " --data " +
                        quote(data) + " --script " + quote(open),
                    data, err) == 0);

  setPin(data, "4705");
  // Only the prompt until the PIN is right: typed digits and the keypad both work.
  const std::string pin = writeScript(dir.path(), "pin.script",
                                      "expect-text Type the teacher PIN\n"
                                      "expect-no-text New pack\n"
                                      "text 1111\nkey Return\n"
                                      "expect-text That is not the PIN. 4 more tries\n"
                                      "click pin-key:4\nclick pin-key:7\nclick pin-key:0\n"
                                      "click pin-key:5\nclick pin-key:OK\n"
                                      "wait-for new-pack\n"
                                      "expect-no-text No teacher PIN is set\n");
  CHECK_MESSAGE(runWithData(quote(SQ_EDITOR_PATH) + " --content " + quote(kContent) + " --data " +
                                quote(data) + " --script " + quote(pin),
                            data, err) == 0,
                err);
  // A script that never types the PIN never reaches the packs.
  const std::string blocked = writeScript(dir.path(), "blocked.script", "wait-for new-pack 2\n");
  CHECK(runWithData(quote(SQ_EDITOR_PATH) + " --content " + quote(kContent) + " --data " +
                        quote(data) + " --script " + quote(blocked),
                    data, err) == 1);
  // Five wrong tries lock it, as in the game (the lockout is the same record).
  const std::string wrong =
      writeScript(dir.path(), "wrong.script",
                  "text 1111\nkey Return\ntext 1112\nkey Return\ntext 1113\nkey Return\n"
                  "text 1114\nkey Return\ntext 1115\nkey Return\n"
                  "expect-text Too many wrong tries. Try again in\n"
                  "screenshot pin-locked\n");
  CHECK_MESSAGE(runWithData(quote(SQ_EDITOR_PATH) + " --content " + quote(kContent) + " --data " +
                                quote(data) + " --script " + quote(wrong) + " --screenshot-dir " +
                                quote(dir.str()),
                            data, err) == 0,
                err);
  CHECK(readPng(dir.str() + "/pin-locked.png").colours > 10);
  const std::string stillLocked =
      writeScript(dir.path(), "still.script", "expect-text Too many wrong tries. Try again in\n");
  CHECK(runWithData(quote(SQ_EDITOR_PATH) + " --content " + quote(kContent) + " --data " +
                        quote(data) + " --script " + quote(stillLocked),
                    data, err) == 0);
}

TEST_CASE("safequest-editor remembers the text size, and falls back from a bad settings file") {
  const sq::test::TempDir dir;
  const std::string data = (dir.path() / "data").string();
  std::string err;
  const std::string larger = writeScript(dir.path(), "larger.script",
                                         "wait-for new-pack\nexpect-text 100%\nkey Ctrl+=\n"
                                         "expect-text 110%\nclick text-larger\nexpect-text 125%\n"
                                         "screenshot larger\n");
  REQUIRE(runWithData(quote(SQ_EDITOR_PATH) + " --content " + quote(kContent) + " --data " +
                          quote(data) + " --script " + quote(larger) + " --screenshot-dir " +
                          quote(dir.str()),
                      data, err) == 0);
  CHECK(readPng(dir.str() + "/larger.png").colours > 20);
  // The next start has it.
  const std::string check =
      writeScript(dir.path(), "check.script", "wait-for new-pack\nexpect-text 125%\n");
  CHECK(runWithData(quote(SQ_EDITOR_PATH) + " --content " + quote(kContent) + " --data " +
                        quote(data) + " --script " + quote(check),
                    data, err) == 0);
  // A hostile file: the usual size and a plain note, never a failure.
  std::ofstream(fs::path(data) / "editor-settings.json", std::ios::trunc)
      << "{\"uiScalePercent\": 100000}";
  const std::string fallback =
      writeScript(dir.path(), "fallback.script",
                  "wait-for new-pack\nexpect-text 100%\nexpect-text so the usual size is used\n");
  CHECK(runWithData(quote(SQ_EDITOR_PATH) + " --content " + quote(kContent) + " --data " +
                        quote(data) + " --script " + quote(fallback),
                    data, err) == 0);
}

TEST_CASE("safequest-editor draws every panel at 1280x720 and 1920x1080") {
  namespace au = sq::authoring;
  const sq::test::TempDir dir;
  const fs::path content = dir.path() / "content";
  fs::create_directories(content);
  fs::copy(std::string(kContent) + "/core", content / "core", fs::copy_options::recursive);
  const fs::path ours = content / "ours";
  std::string error;
  REQUIRE(au::duplicatePack(std::string(kContent) + "/core", ours.string(), "ours", "Our lessons",
                            error));
  {
    au::PackDocument doc = au::PackDocument::open(ours.string());
    REQUIRE(
        au::applyOp(doc, au::EditOp::set("pack.json", "/units/0/lessons/0/lesson", "nope"), error));
    REQUIRE(doc.save().ok());
  }
  std::ofstream(ours / "lessons" / "zz-broken.json") << "{\n  \"id\": \"broken\",\n  \"title\": \n";
  const std::string script =
      writeScript(dir.path(), "panels.script",
                  "wait-for new-pack\n"
                  "screenshot pack-list\n"
                  "click new-pack\nwait-for make-pack\nscreenshot new-pack\nclick cancel-new\n"
                  "click pack:core\nclick look-inside\nexpect-text Read-only\n"
                  "screenshot read-only-core\nclick close-pack\n"
                  "click pack:ours\nclick edit-pack\nwait-for throw-away\n"
                  "screenshot recovered-work\nclick throw-away\n"
                  "expect-text Choose one to go to the field\nscreenshot editing-view\n"
                  // The broken reference (second in the list): its field, outlined.
                  "click problem:2\nexpect-text no lesson \"nope\"\n"
                  "screenshot problems-list\n"
                  // The file that is not JSON (first): shown as text to mend.
                  "click problem:1\nexpect-text This file is not valid JSON\n"
                  "screenshot broken-json\n"
                  "click file:pack.json\nclick field:/title\ntext , changed\n"
                  "expect-text Unsaved changes\nclick close-pack\nwait-for save-and-close\n"
                  "screenshot save-first\nclick close-without-saving\nwait-for new-pack\n");
  const std::string pin =
      writeScript(dir.path(), "pin.script", "expect-text Teacher PIN\nscreenshot pin-prompt\n");
  const std::string names[] = {"pack-list",      "new-pack",     "read-only-core",
                               "recovered-work", "editing-view", "problems-list",
                               "broken-json",    "save-first",   "pin-prompt"};
  for (const auto& [w, h] : {std::pair<int, int>{1280, 720}, std::pair<int, int>{1920, 1080}}) {
    CAPTURE(w);
    const fs::path shots = dir.path() / ("shots-" + std::to_string(w));
    fs::create_directories(shots);
    const std::string data = (dir.path() / ("data-" + std::to_string(w))).string();
    const std::string recovery = (dir.path() / ("recovery-" + std::to_string(w))).string();
    {
      // Work left by an editor that was killed, for the recovered-work question.
      au::PackDocument doc = au::PackDocument::open(ours.string());
      REQUIRE(au::applyOp(doc, au::EditOp::set("pack.json", "/title", "Ours, mended"), error));
      REQUIRE(au::writeRecovery(recovery, doc, "2026-12-06 09:00 UTC", error));
    }
    const std::string size = " --size " + std::to_string(w) + "x" + std::to_string(h);
    std::string err;
    REQUIRE_MESSAGE(runWithData(quote(SQ_EDITOR_PATH) + " --content " + quote(content.string()) +
                                    " --data " + quote(data) + " --recovery-dir " +
                                    quote(recovery) + size + " --script " + quote(script) +
                                    " --screenshot-dir " + quote(shots.string()),
                                data, err) == 0,
                    err);
    CHECK(err.find("ssert") == std::string::npos); // no Dear ImGui assertion
    setPin(data, "4705");
    REQUIRE(runWithData(quote(SQ_EDITOR_PATH) + " --content " + quote(content.string()) +
                            " --data " + quote(data) + size + " --script " + quote(pin) +
                            " --screenshot-dir " + quote(shots.string()),
                        data, err) == 0);
    double listLevel = 0;
    for (const std::string& name : names) {
      CAPTURE(name);
      const Png p = readPng((shots / (name + ".png")).string());
      CHECK(p.width == w);
      CHECK(p.height == h);
      CHECK(p.colours > 12); // text and panels, not a blank frame
      if (name == "pack-list") {
        listLevel = meanLevel(p);
      }
      // A question is asked over a dimmed window.
      if (name == "new-pack" || name == "recovered-work" || name == "save-first") {
        CHECK(meanLevel(p) < listLevel * 0.97);
      }
    }
    // The pack's files are untouched: the teacher closed without saving.
    CHECK(sq::loadPack(ours.string()).title == "Our lessons");
  }
}
