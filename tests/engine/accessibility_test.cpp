// Accessibility, checked on every screen at 1280x720, 3840x2160 and 1024x768 (an
// older 4:3 whiteboard):
//   - every interactive element is reached by Tab (through the real input path);
//   - every target is at least 1/12 of the window's short side, inside the window,
//     and no two overlap;
//   - the focus ring is drawn, thick;
//   - text contrast is at least 4.5:1 (7:1 in high contrast), and shapes that
//     carry meaning at least 3:1, computed over the theme colours;
//   - nothing animates except the scanning highlight, which changes at most
//     three times a second and draws only on its own steps.
#include "screen_cases.hpp"
#include "ui/focus.hpp"
#include "ui/scanner.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

using namespace sq;
using namespace sq::test;

namespace {

const Size kSizes[] = {{1280, 720}, {3840, 2160}, {1024, 768}};

Headless& headless() {
  static Headless h(320, 200);
  return h;
}

} // namespace

TEST_CASE("every target is big enough, inside the window and apart from the others") {
  for (const ScreenCase& c : screenCases()) {
    for (const Size size : kSizes) {
      CAPTURE(c.name);
      CAPTURE(size.width);
      auto host = hostFor(c);
      const Theme& theme = c.highContrast ? highContrastTheme() : standardTheme();
      const UiContext ctx = uiContext(headless(), theme, size, c.textScale);
      const WidgetList& widgets = host->stack.layout(ctx);
      REQUIRE_FALSE(widgets.empty());
      const float minSide = static_cast<float>(std::min(size.width, size.height)) / 12.0f;
      for (std::size_t i = 0; i < widgets.size(); ++i) {
        const Widget& w = widgets[i];
        CAPTURE(w.id);
        CHECK(w.rect.w >= minSide - 0.5f);
        CHECK(w.rect.h >= minSide - 0.5f);
        CHECK(w.rect.x >= 0);
        CHECK(w.rect.y >= 0);
        CHECK(w.rect.right() <= static_cast<float>(size.width));
        CHECK(w.rect.bottom() <= static_cast<float>(size.height));
        CHECK_FALSE(w.label.empty()); // every target has words, for scripts and screen readers
        for (std::size_t j = i + 1; j < widgets.size(); ++j) {
          CAPTURE(widgets[j].id);
          CHECK(intersect(w.rect, widgets[j].rect).empty());
        }
      }
      std::set<std::string> ids;
      for (const Widget& w : widgets) {
        CHECK(ids.insert(w.id).second); // ids are unique on a screen
      }
    }
  }
}

TEST_CASE("every enabled widget is reached by Tab, and Shift+Tab goes back") {
  for (const ScreenCase& c : screenCases()) {
    CAPTURE(c.name);
    auto host = hostFor(c);
    const UiContext ctx = uiContext(headless(), standardTheme(), Size{1280, 720}, c.textScale);
    const WidgetList widgets = host->stack.layout(ctx);
    std::set<std::string> enabled;
    for (const Widget& w : widgets) {
      if (w.enabled) {
        enabled.insert(w.id);
      }
    }
    std::set<std::string> reached;
    for (std::size_t i = 0; i < widgets.size(); ++i) {
      CHECK(host->stack.handle(KeyDown{Key::Tab, {}, false}, ctx, *host, 0));
      CHECK(host->stack.focusVisible());
      reached.insert(host->stack.focusedId());
    }
    CHECK(reached == enabled);
    const std::string last = host->stack.focusedId();
    host->stack.handle(KeyDown{Key::Tab, {}, false}, ctx, *host, 0);
    Modifiers shift;
    shift.shift = true;
    host->stack.handle(KeyDown{Key::Tab, shift, false}, ctx, *host, 0);
    CHECK(host->stack.focusedId() == last);
  }
}

TEST_CASE("the focus ring is thick and drawn in the ring colour round the focused widget") {
  for (const Size size : kSizes) {
    CAPTURE(size.width);
    Headless hl(size.width, size.height);
    FakeHost host;
    host.stack.push(makeSignInScreen(host));
    const UiContext ctx = uiContext(hl, standardTheme(), size);
    host.stack.handle(KeyDown{Key::Tab, {}, false}, ctx, host, 0);
    UiContext drawCtx = ctx;
    hl.renderer->clear(standardTheme().background);
    host.stack.draw(drawCtx);
    const Widget* f = findWidget(host.stack.widgets(), host.stack.focusedId());
    REQUIRE(f != nullptr);
    const auto img = hl.renderer->readPixels();
    REQUIRE(img);
    // Walk left from the widget's middle: the ring is a band of its own colour.
    const int y = static_cast<int>(f->rect.y + f->rect.h / 2);
    int ring = 0;
    for (int x = static_cast<int>(f->rect.x) - 1;
         x >= std::max(0, static_cast<int>(f->rect.x) - 60); --x) {
      ring += img->at(x, y) == standardTheme().focusRing ? 1 : 0;
    }
    CHECK(ring >= std::min(size.width, size.height) / 150); // at least 0.66% of the short side
  }
}

TEST_CASE("contrast: text 4.5:1 (7:1 in high contrast), meaningful shapes 3:1") {
  for (const Theme* t : {&standardTheme(), &highContrastTheme()}) {
    CAPTURE(t->id);
    for (const auto& [fg, bg] : t->textPairs()) {
      CAPTURE(contrastRatio(fg, bg));
      CHECK(contrastRatio(fg, bg) >= t->minimumContrast());
    }
    for (const auto& [fg, bg] : t->nonTextPairs()) {
      CAPTURE(contrastRatio(fg, bg));
      CHECK(contrastRatio(fg, bg) >= 3.0);
    }
  }
}

TEST_CASE("scanning changes at most three times a second, and only it ticks") {
  CHECK(Scanner::kFastestStepMs >= 334);
  FakeHost host;
  host.stack.push(makeSignInScreen(host));
  const UiContext ctx = uiContext(headless(), standardTheme(), Size{1280, 720});
  // Off: ten seconds of frames, nothing to draw.
  int redraws = 0;
  for (std::uint64_t t = 0; t < 10000; t += 5) {
    redraws += host.stack.tick(t, ctx) ? 1 : 0;
  }
  CHECK(redraws == 0);
  CHECK(host.stack.msUntilTick(0) == -1); // the app may sleep until input

  for (const std::uint32_t step : {100u, 500u, 2000u}) {
    CAPTURE(step);
    host.stack.setScanning(false, 0);
    host.stack.setScanStepMs(step); // 100 ms is refused: clamped to the fastest allowed
    host.stack.setScanning(true, 0);
    redraws = 0;
    std::uint64_t lastChange = 0;
    std::uint64_t shortestGap = 1000000;
    std::string before = host.stack.visuals().focused;
    for (std::uint64_t t = 1; t <= 10000; ++t) {
      if (host.stack.tick(t, ctx)) {
        ++redraws;
        const std::string now = host.stack.visuals().focused;
        CHECK(now != before); // a redraw only when the highlight really moved
        before = now;
        shortestGap = std::min(shortestGap, t - lastChange);
        lastChange = t;
      }
    }
    CHECK(shortestGap >= 334);
    CHECK(redraws <= 30); // at most 3 a second over 10 s
    CHECK(redraws >= 10000 / std::max(step, Scanner::kFastestStepMs) - 1);
  }
}

TEST_CASE("with scanning on, Space presses the highlighted target") {
  FakeHost host;
  host.stack.push(makeSignInScreen(host));
  const UiContext ctx = uiContext(headless(), standardTheme(), Size{1280, 720});
  host.stack.setScanStepMs(1000);
  host.stack.setScanning(true, 0);
  // Targets in the Tab order, from the content: class:3B, the other classes, ..., then settings,
  // the teacher's door and the butterfly last. Step round to 3B again.
  host.stack.layout(ctx);
  CHECK(host.stack.visuals().focused == "class:3B");
  CHECK(host.stack.tick(1000, ctx));
  CHECK(WidgetId::parse(host.stack.visuals().focused).is("class"));
  std::vector<std::string> seen{"class:3B", host.stack.visuals().focused};
  for (std::uint64_t t = 2000; host.stack.visuals().focused != "class:3B" && t < 20000; t += 1000) {
    CHECK(host.stack.tick(t, ctx));
    seen.push_back(host.stack.visuals().focused);
  }
  REQUIRE(seen.size() >= 4);
  CHECK(seen[seen.size() - 2] == "butterfly"); // last, just before the round begins again
  CHECK(std::find(seen.begin(), seen.end(), "settings") >
        std::find(seen.begin(), seen.end(), "guest"));
  host.stack.handle(KeyDown{Key::Space, {}, false}, ctx, host, 30000);
  // The class's names are shown now: pupil tiles.
  host.stack.layout(ctx);
  CHECK(findWidget(host.stack.widgets(), "pupil:" + kSian) != nullptr);
}
