// Golden images: every screen drawn headless (SDL's dummy driver, the software
// renderer) at 1280x720 and 3840x2160, shrunk to 320x180 by averaging, and
// compared with tests/golden/<screen>-<size>.png with a tolerance (renderers and
// font rasterisers differ by a few pixels). Shrinking keeps the repository small
// and compares what a person sees: layout, colours, where the text is.
//
// After a deliberate change to a screen, regenerate them and look at them:
//   SQ_UPDATE_GOLDEN=1 ctest --test-dir build/<dir> -R golden
// A failing comparison writes the image it got next to the test's temp folder
// (the path is in the failure message).
// To look at screens at their real size, set SQ_SCREENSHOT_DIR (and optionally
// SQ_SCREENSHOT_ONLY, a part of the case names wanted): the full-size images are
// written there too.
#include "screen_cases.hpp"

#include <doctest/doctest.h>
#include <stb_image.h>

#include <cmath>
#include <cstdlib>
#include <filesystem>

using namespace sq;
using namespace sq::test;

namespace {

constexpr int kGoldenW = 320;
constexpr int kGoldenH = 180;

Image shrink(const Image& in) {
  Image out;
  out.width = kGoldenW;
  out.height = kGoldenH;
  out.rgba.resize(static_cast<std::size_t>(kGoldenW) * kGoldenH * 4);
  const int fx = in.width / kGoldenW;
  const int fy = in.height / kGoldenH;
  for (int y = 0; y < kGoldenH; ++y) {
    for (int x = 0; x < kGoldenW; ++x) {
      unsigned sum[3] = {0, 0, 0};
      for (int dy = 0; dy < fy; ++dy) {
        for (int dx = 0; dx < fx; ++dx) {
          const Colour c = in.at(x * fx + dx, y * fy + dy);
          sum[0] += c.r;
          sum[1] += c.g;
          sum[2] += c.b;
        }
      }
      const unsigned n = static_cast<unsigned>(fx * fy);
      const auto i = (static_cast<std::size_t>(y) * kGoldenW + x) * 4;
      for (int ch = 0; ch < 3; ++ch) {
        out.rgba[i + static_cast<std::size_t>(ch)] =
            static_cast<std::uint8_t>((sum[ch] + n / 2) / n);
      }
      out.rgba[i + 3] = 255;
    }
  }
  return out;
}

Image render(Headless& hl, const ScreenCase& c, Size size) {
  auto host = hostFor(c);
  const Theme& theme = c.highContrast ? highContrastTheme() : standardTheme();
  PictureCache pictures(*hl.renderer);
  UiContext ctx = uiContext(hl, theme, size, c.textScale);
  ctx.pictures = &pictures;
  hl.renderer->clear(theme.background);
  host->stack.draw(ctx);
  auto img = hl.renderer->readPixels();
  REQUIRE(img);
  return *img;
}

struct Difference {
  double mean = 0;      // mean absolute difference per channel, 0..255
  double farPixels = 0; // fraction of pixels with a channel more than 48 apart
};

Difference compare(const Image& a, const Image& b) {
  Difference d;
  long total = 0;
  long far = 0;
  const std::size_t pixels = static_cast<std::size_t>(a.width) * a.height;
  for (std::size_t i = 0; i < pixels; ++i) {
    int worst = 0;
    for (int ch = 0; ch < 3; ++ch) {
      const int diff = std::abs(a.rgba[i * 4 + ch] - b.rgba[i * 4 + ch]);
      total += diff;
      worst = std::max(worst, diff);
    }
    far += worst > 48 ? 1 : 0;
  }
  d.mean = static_cast<double>(total) / static_cast<double>(pixels * 3);
  d.farPixels = static_cast<double>(far) / static_cast<double>(pixels);
  return d;
}

std::optional<Image> loadPng(const std::string& path) {
  int w = 0;
  int h = 0;
  int n = 0;
  unsigned char* data = stbi_load(path.c_str(), &w, &h, &n, 4);
  if (data == nullptr) {
    return std::nullopt;
  }
  Image img;
  img.width = w;
  img.height = h;
  img.rgba.assign(data, data + static_cast<std::size_t>(w) * h * 4);
  stbi_image_free(data);
  return img;
}

} // namespace

TEST_CASE("golden images: every screen at 1280x720 and 3840x2160") {
  const bool update = std::getenv("SQ_UPDATE_GOLDEN") != nullptr;
  const char* shots = std::getenv("SQ_SCREENSHOT_DIR");
  const char* only = std::getenv("SQ_SCREENSHOT_ONLY");
  const std::filesystem::path dir = std::filesystem::path(SQ_SOURCE_DIR) / "tests" / "golden";
  const auto outDir = std::filesystem::temp_directory_path() / "sq_golden_actual";
  std::filesystem::create_directories(outDir);
  for (const Size size : {Size{1280, 720}, Size{3840, 2160}}) {
    Headless hl(size.width, size.height);
    for (const ScreenCase& c : screenCases()) {
      const std::string name =
          c.name + "-" + std::to_string(size.width) + "x" + std::to_string(size.height) + ".png";
      CAPTURE(name);
      const Image full = render(hl, c, size);
      const Image got = shrink(full);
      std::string error;
      if (shots != nullptr && (only == nullptr || c.name.find(only) != std::string::npos)) {
        std::filesystem::create_directories(shots);
        savePng(full, (std::filesystem::path(shots) / name).string(), error);
      }
      if (update) {
        REQUIRE_MESSAGE(savePng(got, (dir / name).string(), error), error);
        continue;
      }
      const auto want = loadPng((dir / name).string());
      if (!want) {
        FAIL_CHECK("no golden image " << (dir / name).string()
                                      << ": generate them with SQ_UPDATE_GOLDEN=1 (see this file)");
        continue;
      }
      REQUIRE(want->width == kGoldenW);
      REQUIRE(want->height == kGoldenH);
      const Difference d = compare(got, *want);
      const bool ok = d.mean <= 1.5 && d.farPixels <= 0.006;
      if (!ok) {
        savePng(got, (outDir / name).string(), error);
      }
      INFO("mean difference " << d.mean << ", pixels far apart " << d.farPixels * 100 << "%; got "
                              << (outDir / name).string());
      CHECK(ok);
    }
  }
}

TEST_CASE("a screen looks the same at 1280x720 and 3840x2160, only sharper") {
  Headless small(1280, 720);
  Headless big(3840, 2160);
  for (const ScreenCase& c : screenCases()) {
    CAPTURE(c.name);
    const Image a = shrink(render(small, c, Size{1280, 720}));
    const Image b = shrink(render(big, c, Size{3840, 2160}));
    const Difference d = compare(a, b);
    CAPTURE(d.mean);
    CAPTURE(d.farPixels);
    // Layout is in units of the short side, so mostly anti-aliasing differs
    // (screens measure about 1 to 2.5 here). Glyphs are rasterised at whole pixel
    // sizes, so line heights round differently at each size; a screen with many
    // lines of text (the safeguarding steps, about 6.5) drifts by a pixel or two.
    CHECK(d.mean <= 7.0);
    CHECK(d.farPixels <= 0.07);
  }
}
