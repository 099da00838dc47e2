// Headless drawing: SDL's dummy video driver and the software renderer, read back
// with SDL_RenderReadPixels. The packs screen is drawn at 1280x720 and 3840x2160
// inside a larger window whose margin must stay untouched.
#include "core/utf8.hpp"
#include "headless.hpp"
#include "screens/teacher/packs_screen.hpp"
#include "ui/theme.hpp"
#include "ui/ui_context.hpp"

#include <doctest/doctest.h>
#include <stb_image.h>

#include <cstdio>
#include <filesystem>

using namespace sq;
using test::colourDistance;
using test::Headless;

namespace {

constexpr Colour kSentinel{255, 0, 255, 255}; // a colour no theme uses

struct Drawn {
  Image image;
  PacksScreen::Layout layout;
};

// Draws the packs screen at `w`x`h` offset by `margin` inside a larger target.
Drawn drawPacks(Headless& h, int w, int h2, int margin, const Theme& theme,
                const PacksModel& model) {
  h.renderer->clear(kSentinel);
  h.renderer->setTranslation(Point{static_cast<float>(margin), static_cast<float>(margin)});
  UiContext ctx{*h.renderer, *h.text, theme, Size{w, h2}};
  PacksScreen screen;
  screen.setModel(model);
  // A layout pass, then the drawing, which reads only what the pass kept.
  const PacksScreen::Layout layout = screen.layout(ctx);
  screen.draw(ctx);
  h.renderer->setTranslation(Point{});
  auto img = h.renderer->readPixels();
  REQUIRE(img.has_value());
  return Drawn{std::move(*img), layout};
}

void checkPacksScreen(int w, int h, const Theme& theme) {
  CAPTURE(w);
  CAPTURE(h);
  CAPTURE(theme.id);
  const int m = 24;
  Headless hl(w + 2 * m, h + 2 * m);
  const Drawn d = drawPacks(hl, w, h, m, theme, packsModelFromCatalog(test::fixtureCatalog()));
  const Image& img = d.image;
  REQUIRE(img.width == w + 2 * m);
  REQUIRE(img.height == h + 2 * m);

  // Nothing is drawn outside the screen's own area.
  long outside = 0;
  long background = 0;
  long readyFill = 0;
  long problemFill = 0;
  for (int y = 0; y < img.height; ++y) {
    for (int x = 0; x < img.width; ++x) {
      const Colour c = img.at(x, y);
      const bool inside = x >= m && x < m + w && y >= m && y < m + h;
      if (!inside) {
        outside += c != kSentinel ? 1 : 0;
        continue;
      }
      background += c == theme.background ? 1 : 0;
      readyFill += c == theme.readyFill ? 1 : 0;
      problemFill += c == theme.problemFill ? 1 : 0;
    }
  }
  CHECK(outside == 0);
  // The themed background fills the screen around the rows.
  CHECK(img.at(m, m) == theme.background);
  CHECK(img.at(m + w - 1, m + h - 1) == theme.background);
  CHECK(background > static_cast<long>(w) * h / 5);
  // Both kinds of badge are there.
  CHECK(readyFill > 0);
  CHECK(problemFill > 0);

  // The title band holds text: dark ink and anti-aliased edges.
  const int y0 = m + static_cast<int>(d.layout.titleTop);
  const int y1 = m + static_cast<int>(d.layout.subtitleTop);
  const int x0 = m + static_cast<int>(d.layout.content.x);
  const int x1 = x0 + static_cast<int>(d.layout.content.w);
  long ink = 0;
  long edge = 0;
  for (int y = y0; y < y1; ++y) {
    for (int x = x0; x < x1; ++x) {
      const int dist = colourDistance(img.at(x, y), theme.text);
      ink += dist < 30 ? 1 : 0;
      edge += (dist >= 30 && img.at(x, y) != theme.background) ? 1 : 0;
    }
  }
  const long band = static_cast<long>(y1 - y0) * (x1 - x0);
  CHECK(ink > band / 100);
  CHECK(edge > 0);
  // Large text: the title's ink is at least 6% of the short side tall.
  int top = y1;
  int bottom = y0;
  for (int y = y0; y < y1; ++y) {
    for (int x = x0; x < x1; ++x) {
      if (colourDistance(img.at(x, y), theme.text) < 30) {
        top = std::min(top, y);
        bottom = std::max(bottom, y);
        break;
      }
    }
  }
  CHECK(bottom - top >= std::min(w, h) * 6 / 100);
}

} // namespace

TEST_CASE("packs screen at 1280x720: themed, titled, inside the window") {
  checkPacksScreen(1280, 720, standardTheme());
}

TEST_CASE("packs screen at 3840x2160: themed, titled, inside the window") {
  checkPacksScreen(3840, 2160, standardTheme());
}

TEST_CASE("packs screen in the high-contrast theme") {
  checkPacksScreen(1280, 720, highContrastTheme());
}

TEST_CASE("packs screen layout scales with the short side") {
  Headless hl(320, 200);
  const Theme& t = standardTheme();
  PacksScreen screen;
  screen.setModel(packsModelFromCatalog(test::fixtureCatalog()));
  const UiContext small{*hl.renderer, *hl.text, t, Size{1280, 720}};
  const UiContext big{*hl.renderer, *hl.text, t, Size{3840, 2160}};
  const auto a = screen.layout(small);
  const auto b = screen.layout(big);
  CHECK(b.rowHeight == doctest::Approx(a.rowHeight * 3).epsilon(0.02));
  CHECK(b.list.y == doctest::Approx(a.list.y * 3).epsilon(0.03));
  CHECK(b.content.w == doctest::Approx(a.content.w * 3).epsilon(0.02));
}

TEST_CASE("packs screen scrolls by keys, wheel and dragging, and stops at the ends") {
  Headless hl(320, 200);
  const Theme& t = standardTheme();
  const UiContext ctx{*hl.renderer, *hl.text, t, Size{1280, 720}};
  PacksScreen screen;
  screen.setModel(packsModelFromCatalog(test::fixtureCatalog(10)));
  const auto l = screen.layout(ctx);
  REQUIRE(l.maxScroll > 0);

  CHECK_FALSE(screen.handle(KeyDown{Key::Up, {}, false}, ctx)); // already at the top
  CHECK(screen.handle(KeyDown{Key::End, {}, false}, ctx));
  CHECK(screen.scrollPixels(ctx) == doctest::Approx(l.maxScroll));
  CHECK_FALSE(screen.handle(KeyDown{Key::Down, {}, false}, ctx)); // already at the end
  CHECK(screen.handle(KeyDown{Key::Home, {}, false}, ctx));
  CHECK(screen.scrollPixels(ctx) == doctest::Approx(0));
  CHECK(screen.handle(Wheel{0, -1}, ctx));
  CHECK(screen.scrollPixels(ctx) > 0);
  screen.handle(KeyDown{Key::Home, {}, false}, ctx);

  const float x = l.list.x + 50;
  const float y = l.list.y + 200;
  screen.handle(PointerDown{x, y, PointerButton::Primary, true}, ctx);
  CHECK(screen.handle(PointerMove{x, y - 100, true, true}, ctx));
  CHECK(screen.scrollPixels(ctx) == doctest::Approx(100));
  screen.handle(PointerUp{x, y - 100, PointerButton::Primary, true}, ctx);
  CHECK_FALSE(screen.handle(PointerMove{x, y - 300, false, false}, ctx));
}

TEST_CASE("packs screen draws its loading, empty and unreadable-folder states") {
  const Theme& t = standardTheme();
  Headless hl(1280, 720);
  PacksModel loading;
  Catalog empty;
  empty.root = "/srv/empty";
  Catalog unreadable;
  unreadable.root = "/srv/missing";
  unreadable.error = "the folder does not exist";
  for (const PacksModel& model :
       {loading, packsModelFromCatalog(empty), packsModelFromCatalog(unreadable)}) {
    const Drawn d = drawPacks(hl, 1280, 720, 0, t, model);
    long ink = 0;
    for (int y = 0; y < 720; ++y) {
      for (int x = 0; x < 1280; ++x) {
        ink += colourDistance(d.image.at(x, y), t.background) > 100 ? 1 : 0;
      }
    }
    CHECK(ink > 1000); // at least the title
  }
}

TEST_CASE("rounded rectangles have smooth corners and stay inside their rectangle") {
  Headless hl(200, 120);
  Renderer& r = *hl.renderer;
  r.clear(rgb(0x000000));
  r.fillRoundedRect(Rect{20, 20, 120, 60}, 20, rgb(0xFFFFFF));
  r.strokeRoundedRect(Rect{150, 20, 40, 40}, 10, 3, rgb(0xFFFFFF));
  const auto img = r.readPixels();
  REQUIRE(img);
  CHECK(img->at(20, 20) == rgb(0x000000)); // the corner is cut away
  CHECK(img->at(80, 50) == rgb(0xFFFFFF)); // the middle is filled
  CHECK(img->at(20, 50) == rgb(0xFFFFFF)); // straight edges reach the side
  CHECK(img->at(19, 50) == rgb(0x000000));
  CHECK(img->at(140, 50) == rgb(0x000000)); // right edge exclusive
  int partial = 0;
  for (int y = 20; y < 40; ++y) {
    for (int x = 20; x < 40; ++x) {
      const auto v = img->at(x, y).r;
      partial += (v > 0 && v < 255) ? 1 : 0;
    }
  }
  CHECK(partial > 5);                       // anti-aliased arc
  CHECK(img->at(170, 40) == rgb(0x000000)); // an outline is hollow
  CHECK(img->at(151, 40) == rgb(0xFFFFFF));
}

TEST_CASE("clip rectangles nest and keep drawing inside them") {
  Headless hl(100, 100);
  Renderer& r = *hl.renderer;
  r.clear(rgb(0x000000));
  r.pushClip(Rect{0, 0, 60, 60});
  r.pushClip(Rect{20, 20, 100, 100});
  r.fillRect(Rect{0, 0, 100, 100}, rgb(0xFFFFFF));
  r.popClip();
  r.popClip();
  r.pushClip(Rect{0, 0, 0, 0}); // empty: nothing at all
  r.fillRect(Rect{0, 0, 100, 100}, rgb(0x00FF00));
  r.popClip();
  const auto img = r.readPixels();
  REQUIRE(img);
  CHECK(img->at(30, 30) == rgb(0xFFFFFF));
  CHECK(img->at(10, 10) == rgb(0x000000));
  CHECK(img->at(70, 70) == rgb(0x000000));
  CHECK(img->at(90, 5) == rgb(0x000000));
}

TEST_CASE("text draws Welsh letters and the fallback star with ink") {
  Headless hl(800, 200);
  const FontSpec spec{FontFamily::Andika, FontWeight::Regular, 64};
  hl.renderer->clear(rgb(0xFFFFFF));
  const std::string text = "\xC5\xB5 \xC5\xB7 \xC3\xA2 \xC3\xAA \xC3\xAE \xC3\xB4 \xC3\xBB "
                           "\xE2\x98\x85"; // ŵ ŷ â ê î ô û ★
  const float width = hl.text->drawLine(text, spec, Point{10, 10}, rgb(0x000000));
  const FontMetrics m = hl.text->metrics(spec);
  CHECK(width == doctest::Approx(measureText(text, m)));
  const auto img = hl.renderer->readPixels();
  REQUIRE(img);
  // Every letter leaves ink in its own slot along the line.
  std::size_t pos = 0;
  float pen = 10;
  int glyphsWithInk = 0;
  while (pos < text.size()) {
    const std::size_t start = pos;
    decodeUtf8(text, pos);
    const float adv = measureText(text.substr(start, pos - start), m);
    if (text[start] != ' ') {
      int ink = 0;
      for (int y = 10; y < 10 + static_cast<int>(m.lineHeight()); ++y) {
        for (int x = static_cast<int>(pen); x < static_cast<int>(pen + adv); ++x) {
          ink += img->at(x, y).r < 100 ? 1 : 0;
        }
      }
      glyphsWithInk += ink > 30 ? 1 : 0;
    }
    pen += adv;
  }
  CHECK(glyphsWithInk == 8);
  CHECK(hl.text->cachedGlyphCount() == 8);
  CHECK(hl.text->pageCount() == 1);
  hl.text->clearCache();
  CHECK(hl.text->cachedGlyphCount() == 0);
}

TEST_CASE("a giant glyph gets an atlas page of its own") {
  Headless hl(1400, 1400);
  hl.text->drawLine("W", FontSpec{FontFamily::Andika, FontWeight::Bold, 1300}, Point{0, 0},
                    rgb(0x000000));
  CHECK(hl.text->pageCount() == 1);
  CHECK(hl.text->cachedGlyphCount() == 1);
}

TEST_CASE("a screenshot is a PNG that reads back the same") {
  Headless hl(64, 48);
  hl.renderer->clear(rgb(0x336699));
  hl.renderer->fillRect(Rect{8, 8, 16, 16}, rgb(0xFFCC00));
  const auto img = hl.renderer->readPixels();
  REQUIRE(img);
  const auto path =
      (std::filesystem::temp_directory_path() / "sq_engine_tests_screenshot.png").string();
  std::string error;
  REQUIRE_MESSAGE(savePng(*img, path, error), error);
  CHECK_FALSE(std::filesystem::exists(path + ".tmp"));
  int w = 0;
  int h = 0;
  int n = 0;
  unsigned char* data = stbi_load(path.c_str(), &w, &h, &n, 4);
  REQUIRE(data != nullptr);
  CHECK(w == 64);
  CHECK(h == 48);
  CHECK(data[0] == 0x33);
  CHECK(data[1] == 0x66);
  CHECK(data[2] == 0x99);
  const std::size_t inside = (10 * 64 + 10) * 4;
  CHECK(data[inside] == 0xFF);
  CHECK(data[inside + 1] == 0xCC);
  stbi_image_free(data);
  std::filesystem::remove(path);
  CHECK_FALSE(savePng(Image{}, path, error));
}
