// Pictures: judged by their header before decoding (the content validator's
// rules), decoded with stb_image, cached as textures, and a placeholder drawn when
// one is missing or refused.
#include "headless.hpp"
#include "render/picture.hpp"
#include "ui/controls.hpp"
#include "ui/theme.hpp"

#include <doctest/doctest.h>

#include <fstream>
#include <iterator>

using namespace sq;
using namespace sq::test;

namespace {

std::string readFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

const std::string kStar = std::string(SQ_SOURCE_DIR) + "/content/core/assets/pictures/star.png";

} // namespace

TEST_CASE("a pack's PNG decodes to its size") {
  std::string error;
  const auto img = decodePictureFile(kStar, PictureLimits{}, error);
  REQUIRE_MESSAGE(img, error);
  CHECK(img->width == 512); // badges are drawn at 2x: see tools/draw_pictures.py
  CHECK(img->height == 512);
  CHECK(img->rgba.size() == 512u * 512u * 4u);
}

TEST_CASE("pictures are refused by their bytes and header before decoding") {
  std::string error;
  CHECK_FALSE(decodePicture("GIF89a....", PictureLimits{}, error));
  CHECK(error.find("PNG or JPEG") != std::string::npos);
  std::string png = readFile(kStar);
  // A header claiming 100000 x 100000 pixels is refused without decoding.
  std::string huge = png;
  huge[16] = 0;
  huge[17] = 1;
  huge[18] = static_cast<char>(0x86);
  huge[19] = static_cast<char>(0xA0);
  CHECK_FALSE(decodePicture(huge, PictureLimits{}, error));
  CHECK(error.find("limit") != std::string::npos);
  // Cut short: refused, not a crash.
  CHECK_FALSE(decodePicture(png.substr(0, 100), PictureLimits{}, error));
  PictureLimits small;
  small.maxFileBytes = 100;
  CHECK_FALSE(decodePicture(png, small, error));
  CHECK_FALSE(decodePictureFile("/nonexistent/picture.png", PictureLimits{}, error));
}

TEST_CASE("the game refuses pictures Debian's stb_image mishandles, found by fuzzing") {
  // The bad-picture corpus holds both: a JPEG Huffman table with over 256 codes, and a
  // PNG whose image data starts with an empty IDAT chunk.
  const std::string corpus = std::string(SQ_SOURCE_DIR) + "/tests/fuzz/corpus/picture_import/";
  for (const char* name :
       {"bad-corrupt-jpeg-huffman-table-too-long.jpg", "bad-corrupt-png-empty-first-idat.png"}) {
    INFO(name);
    std::string error;
    CHECK_FALSE(decodePictureFile(corpus + name, PictureLimits{}, error));
    CHECK(!error.empty());
  }
}

TEST_CASE("the cache decodes once, remembers refusals, and stays within its size") {
  Headless hl(64, 64);
  PictureCache cache(*hl.renderer, 2);
  const Texture* t = cache.get(kStar);
  REQUIRE(t != nullptr);
  CHECK(t->width() == 512);
  CHECK(cache.get(kStar) == t);
  CHECK(cache.get("/nonexistent/a.png") == nullptr);
  CHECK_FALSE(cache.error("/nonexistent/a.png").empty());
  cache.get(std::string(SQ_SOURCE_DIR) + "/content/core/assets/pictures/heart.png");
  CHECK(cache.size() == 2);
}

TEST_CASE("halving averages each 2x2 block, weighted by alpha, and keeps odd edges") {
  Image img;
  img.width = 3;
  img.height = 2;
  img.rgba = {// row 0: red opaque, blue opaque, white opaque
              255, 0, 0, 255, 0, 0, 255, 255, 255, 255, 255, 255,
              // row 1: red opaque, transparent black, white opaque
              255, 0, 0, 255, 0, 0, 0, 0, 255, 255, 255, 255};
  const Image half = halveImage(img);
  REQUIRE(half.width == 1);
  REQUIRE(half.height == 1);
  // Three opaque pixels (two red, one blue); the transparent one adds no black.
  CHECK(half.at(0, 0).r == 170);
  CHECK(half.at(0, 0).g == 0);
  CHECK(half.at(0, 0).b == 85);
  CHECK(half.at(0, 0).a == 191);
  CHECK(halveImage(Image{}).width == 0);
}

TEST_CASE("a big picture drawn small comes from a halved copy, never narrower than drawn") {
  Headless hl(64, 64);
  PictureCache cache(*hl.renderer);
  const std::string scene = std::string(SQ_SOURCE_DIR) + "/content/core/assets/pictures/heart.png";
  const Texture* full = cache.get(scene);
  REQUIRE(full != nullptr);
  REQUIRE(full->width() >= 512);
  CHECK(cache.getFor(scene, Rect{0, 0, 4000, 3000}) == full);
  const Texture* small = cache.getFor(scene, Rect{0, 0, 200, 150});
  REQUIRE(small != nullptr);
  CHECK(small->width() <= full->width() / 2);
  CHECK(static_cast<float>(small->width()) >= fitInside(*full, Rect{0, 0, 200, 150}).w);
  CHECK(small->width() >= 128);
  const Texture* mid = cache.getFor(scene, Rect{0, 0, static_cast<float>(full->width()) * 0.6f,
                                                static_cast<float>(full->height())});
  REQUIRE(mid != nullptr);
  CHECK(mid == full); // over half the size: the full picture
  CHECK(cache.getFor("/nonexistent/b.png", Rect{0, 0, 10, 10}) == nullptr);
}

TEST_CASE("a missing picture draws a calm placeholder inside its box") {
  Headless hl(400, 300);
  const Theme& theme = standardTheme();
  PictureCache cache(*hl.renderer);
  UiContext ctx{*hl.renderer, *hl.text, theme, Size{400, 300}};
  ctx.pictures = &cache;
  hl.renderer->clear(theme.background);
  drawPicture(ctx, "/nonexistent/picture.png", Rect{50, 50, 300, 200});
  const auto img = hl.renderer->readPixels();
  REQUIRE(img);
  long placeholder = 0;
  long outside = 0;
  for (int y = 0; y < 300; ++y) {
    for (int x = 0; x < 400; ++x) {
      const bool in = x >= 50 && x < 350 && y >= 50 && y < 250;
      const bool drawn = img->at(x, y) != theme.background;
      (in ? placeholder : outside) += drawn ? 1 : 0;
    }
  }
  CHECK(placeholder > 300 * 200 / 2);
  CHECK(outside == 0);
}
