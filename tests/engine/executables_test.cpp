// The real programs, run headless: `safequest --screenshot` and
// `safequest-editor --screenshot` must exit 0 and leave a non-trivial PNG; the
// editor's pack view shows problems and asks about recovered work.
#include "authoring/editing_session.hpp"
#include "support/temp_dir.hpp"
#include "ui/theme.hpp"

#include <doctest/doctest.h>
#include <stb_image.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
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
