// The screen framework without drawing: focus movement, grids, the screen stack's
// input handling (keys, pointer, touch, Esc, Page Up/Down), and picture passwords.
//
// Sections:
//   1. screens: test screens and the rig that drives them
//   2. widgets and focus: ids, the Tab order, arrows, grids, where focus starts,
//      what is chrome
//   3. input: Esc and Page Up/Down, pointer and touch, the butterfly button,
//      navigation
//   4. picture passwords: three of six pictures
//   5. layout passes and dragging: one pass a frame, drag and drop
#include "screens/picture_password.hpp"
#include "ui/chrome.hpp"
#include "ui/focus.hpp"
#include "ui/grid.hpp"
#include "ui_fixtures.hpp"

#include <doctest/doctest.h>

using namespace sq;
using namespace sq::test;

// ---- screens ----

namespace {

// A screen with a 3 x 2 grid of tiles, a back and a next button.
class GridScreen final : public Screen {
public:
  std::vector<std::string> pressed;
  bool pupil = true;
  std::string_view id() const override { return "grid"; }
  bool pupilScreen() const override { return pupil; }
  void layout(const UiContext& ctx, WidgetList& out) override {
    (void)ctx;
    out.push_back(Widget{"back", Rect{0, 0, 100, 100}, "Back", WidgetRole::Button});
    for (int i = 0; i < 6; ++i) {
      out.push_back(Widget{"tile:" + std::to_string(i + 1),
                           Rect{static_cast<float>(200 + (i % 3) * 200),
                                static_cast<float>(200 + (i / 3) * 200), 150, 150},
                           "Tile", WidgetRole::Tile});
    }
    out.push_back(Widget{"next", Rect{900, 600, 150, 100}, "Next", WidgetRole::Button});
  }
  void draw(UiContext&, const WidgetList&, const WidgetVisuals&) override {}
  void activate(std::string_view w, UiHost&) override { pressed.emplace_back(w); }
};

// A screen whose state moves on, as a story's does: two choices, then (once one
// is pressed) only "try again", which brings the choices back.
class StoryScreen final : public Screen {
public:
  bool feedback = false;
  std::string_view id() const override { return "story"; }
  void layout(const UiContext& ctx, WidgetList& out) override {
    out.push_back(Widget{"back", cornerButton(ctx, Corner::TopLeft, "Back", true), "Back",
                         WidgetRole::Button});
    if (feedback) {
      out.push_back(Widget{"try-again", cornerButton(ctx, Corner::BottomRight, "Again", true),
                           "Again", WidgetRole::Button});
      return;
    }
    out.push_back(Widget{"choice:1", Rect{300, 300, 200, 150}, "One", WidgetRole::Tile});
    out.push_back(Widget{"choice:2", Rect{600, 300, 200, 150}, "Two", WidgetRole::Tile});
  }
  void draw(UiContext&, const WidgetList&, const WidgetVisuals&) override {}
  void activate(std::string_view w, UiHost& host) override {
    if (w == "back") {
      host.nav().pop();
    }
    feedback = WidgetId::parse(w).is("choice");
  }
};

struct Rig {
  FakeHost host;
  GridScreen* screen;
  UiContext ctx;
  explicit Rig(Headless& hl) : ctx(uiContext(hl, standardTheme(), Size{1280, 720})) {
    auto s = std::make_unique<GridScreen>();
    screen = s.get();
    host.stack.push(std::move(s));
  }
  bool key(Key k, bool shift = false) {
    Modifiers m;
    m.shift = shift;
    return host.stack.handle(KeyDown{k, m, false}, ctx, host, 0);
  }
};

Headless& headless() {
  static Headless h(64, 64);
  return h;
}

} // namespace

// ---- widgets and focus ----

TEST_CASE("widget ids are read back one way: prefix, value, and a number from 1") {
  const WidgetId cls = WidgetId::parse("class:3B: Oak");
  CHECK(cls.is("class"));
  CHECK_FALSE(cls.is("pupil"));
  CHECK(cls.value == "3B: Oak"); // only the first ':' splits
  CHECK_FALSE(cls.number().has_value());

  const WidgetId next = WidgetId::parse("next");
  CHECK(next.prefix == "next");
  CHECK_FALSE(next.hasValue);
  CHECK_FALSE(next.is("next"));

  CHECK(WidgetId::parse("choice:2").numbered("choice") == std::optional<std::size_t>(2));
  CHECK(WidgetId::parse("choice:12").number() == std::optional<std::size_t>(12));
  CHECK_FALSE(WidgetId::parse("choice:2").numbered("answer").has_value());
  for (const char* bad : {"choice:", "choice:0", "choice:-1", "choice:2x", "choice:99999"}) {
    CAPTURE(bad);
    CHECK_FALSE(WidgetId::parse(bad).number().has_value());
  }
  const WidgetId empty = WidgetId::parse("pupil:");
  CHECK(empty.is("pupil"));
  CHECK(empty.value.empty());
}

TEST_CASE("Tab goes through widgets in order and wraps: disabled ones are skipped") {
  WidgetList w(4);
  for (int i = 0; i < 4; ++i) {
    w[static_cast<std::size_t>(i)].id = std::to_string(i);
  }
  w[2].enabled = false;
  CHECK(tabFocus(w, -1, false) == 0);
  CHECK(tabFocus(w, 1, false) == 3);
  CHECK(tabFocus(w, 3, false) == 0);
  CHECK(tabFocus(w, -1, true) == 3);
  CHECK(tabFocus(w, 0, true) == 3);
  CHECK(tabFocus(WidgetList{}, -1, false) == -1);
}

TEST_CASE("arrows move to the nearest widget in that direction, in line first") {
  Rig r(headless());
  const WidgetList& w = r.host.stack.layout(r.ctx);
  const int t1 = indexOfWidget(w, "tile:1");
  CHECK(w[static_cast<std::size_t>(arrowFocus(w, t1, Direction::Right))].id == "tile:2");
  CHECK(w[static_cast<std::size_t>(arrowFocus(w, t1, Direction::Down))].id == "tile:4");
  CHECK(w[static_cast<std::size_t>(arrowFocus(w, indexOfWidget(w, "tile:5"), Direction::Up))].id ==
        "tile:2");
  CHECK(
      w[static_cast<std::size_t>(arrowFocus(w, indexOfWidget(w, "tile:3"), Direction::Right))].id ==
      "next"); // towards next, never the butterfly, and not stuck
  CHECK(arrowFocus(w, indexOfWidget(w, "back"), Direction::Up) == indexOfWidget(w, "back"));
}

TEST_CASE("grids fit their area, never below the minimum size, and page the rest") {
  GridSpec spec;
  spec.minTileW = 200;
  spec.minTileH = 100;
  spec.gap = 20;
  spec.maxColumns = 6;
  const Rect area{0, 0, 1000, 500};
  const Grid g = makeGrid(area, 7, spec);
  CHECK(g.columns * g.rows >= 7);
  CHECK(g.tileW >= 200);
  CHECK(g.tileH >= 100);
  const auto rects = g.place(area, 7, 20);
  REQUIRE(rects.size() == 7);
  for (const Rect& a : rects) {
    CHECK(a.right() <= 1000.5f);
    CHECK(a.bottom() <= 500.5f);
  }
  const Grid many = makeGrid(area, 100, spec);
  CHECK(many.perPage() < 100);
  CHECK(many.tileH >= 100);
}

TEST_CASE("focus starts on the content: the first Return presses it, the first arrow moves") {
  Rig r(headless());
  r.host.stack.layout(r.ctx);
  CHECK(r.host.stack.focusedId() == "tile:1"); // not back, though back comes first
  CHECK_FALSE(r.host.stack.focusVisible());    // no key yet
  CHECK(r.key(Key::Enter));
  CHECK(r.screen->pressed == std::vector<std::string>{"tile:1"});
  CHECK(r.host.stack.focusVisible()); // keyboard mode: the ring shows, and stays
  r.host.stack.layout(r.ctx);
  r.key(Key::Right);
  CHECK(r.host.stack.focusedId() == "tile:2");
  r.key(Key::Tab);
  CHECK(r.host.stack.focusedId() == "tile:3");
  r.key(Key::Space);
  CHECK(r.screen->pressed.back() == "tile:3");
  CHECK(r.host.stack.focusVisible());
}

TEST_CASE("Tab order: the content, the way on, secondary actions, then back and the butterfly") {
  WidgetList w;
  const auto add = [&](const std::string& id, FocusPart part) {
    Widget x{id, Rect{}, id, WidgetRole::Button};
    x.part = part;
    w.push_back(x);
  };
  add("back", FocusPart::Chrome);
  add("answer:1", FocusPart::Content);
  add("answer:2", FocusPart::Auto);
  add("read-aloud", FocusPart::Secondary);
  add("check", FocusPart::Content);
  add("butterfly", FocusPart::Chrome);
  std::vector<std::string> ids;
  for (const int i : tabOrder(w)) {
    ids.push_back(w[static_cast<std::size_t>(i)].id);
  }
  CHECK(ids == std::vector<std::string>{"answer:1", "answer:2", "check", "read-aloud", "back",
                                        "butterfly"});
  CHECK(tabFocus(w, -1, false) == 1);
  CHECK(tabFocus(w, 4, false) == 3); // check, then read to me
  CHECK(tabFocus(w, 5, false) == 1); // the butterfly, then round to the first answer
  CHECK(tabFocus(w, 1, true) == 5);  // back from the first answer: the butterfly
  CHECK(initialFocus(w, "") == 1);   // the first answer, never back
  CHECK(initialFocus(w, "check") == 4);
  CHECK(initialFocus(w, "gone") == 1);
  w[1].enabled = false;
  w[2].enabled = false;
  CHECK(initialFocus(w, "") == 4);
  CHECK(initialFocus(w, "answer:1") == 4); // disabled: not where focus starts
  // Only chrome: nothing has focus, so a stray Return presses nothing.
  WidgetList chromeOnly{w[0], w[5]};
  CHECK(initialFocus(chromeOnly, "") == -1);
  CHECK(tabFocus(chromeOnly, -1, false) == 0); // Tab still reaches it
}

TEST_CASE("arrows never land on the chrome, even when it is the nearest that way") {
  WidgetList w;
  const auto add = [&](const std::string& id, Rect r, FocusPart part) {
    Widget x{id, r, id, WidgetRole::Tile};
    x.part = part;
    w.push_back(x);
  };
  add("back", Rect{0, 0, 100, 80}, FocusPart::Chrome);
  add("choice:1", Rect{0, 300, 200, 150}, FocusPart::Content);
  add("choice:2", Rect{300, 300, 200, 150}, FocusPart::Content);
  add("butterfly", Rect{1000, 0, 200, 80}, FocusPart::Chrome);
  add("read-aloud", Rect{0, 600, 150, 80}, FocusPart::Secondary);
  const int c1 = indexOfWidget(w, "choice:1");
  const int c2 = indexOfWidget(w, "choice:2");
  CHECK(arrowFocus(w, c1, Direction::Up) == c1); // back is up there: not a target
  CHECK(arrowFocus(w, c2, Direction::Up) == c2); // nor the butterfly
  CHECK(arrowFocus(w, c2, Direction::Right) == c2);
  CHECK(arrowFocus(w, c1, Direction::Right) == c2);
  CHECK(arrowFocus(w, c1, Direction::Down) == indexOfWidget(w, "read-aloud"));
  // From the chrome (reached by Tab), an arrow comes back to the content.
  CHECK(arrowFocus(w, indexOfWidget(w, "back"), Direction::Down) == c1);
  // No focus yet: where focus starts.
  CHECK(arrowFocus(w, -1, Direction::Left) == c1);
}

TEST_CASE("corner buttons are chrome; the same ids in the content are content") {
  const UiContext ctx = uiContext(headless(), standardTheme(), Size{1280, 720});
  const auto part = [&](const std::string& id, Rect r) {
    return chromeFocusPart(ctx, Widget{id, r, id, WidgetRole::Button});
  };
  CHECK(part("back", cornerButton(ctx, Corner::TopLeft, "Back", true)) == FocusPart::Chrome);
  CHECK(part("sign-out", cornerButton(ctx, Corner::TopLeft, "Not me", true)) == FocusPart::Chrome);
  CHECK(part("settings", cornerButton(ctx, Corner::BottomLeft, "Settings", true)) ==
        FocusPart::Chrome);
  CHECK(part("teacher", cornerButton(ctx, Corner::BottomRight, "Teacher", false)) ==
        FocusPart::Chrome);
  CHECK(butterflyWidget(ctx).part == FocusPart::Chrome);
  CHECK(part("read-aloud", cornerButton(ctx, Corner::BottomLeft, "Read to me", true)) ==
        FocusPart::Secondary);
  CHECK(part("next", cornerButton(ctx, Corner::BottomRight, "Next", true)) == FocusPart::Content);
  CHECK(part("choice:1", Rect{100, 200, 300, 200}) == FocusPart::Content);
  // The butterfly screen's own big "back": its content, not chrome.
  CHECK(part("back", Rect{200, 560, 400, 86}) == FocusPart::Content);
  // A part the screen chose is kept.
  Widget kept{"back", cornerButton(ctx, Corner::TopLeft, "Back", true), "Back", WidgetRole::Button};
  kept.part = FocusPart::Content;
  CHECK(chromeFocusPart(ctx, kept) == FocusPart::Content);
}

TEST_CASE("when the screen's state moves on, focus starts on its content again, never on back") {
  FakeHost host;
  const UiContext ctx = uiContext(headless(), standardTheme(), Size{1280, 720});
  host.stack.push(std::make_unique<GridScreen>());
  auto story = std::make_unique<StoryScreen>();
  StoryScreen* s = story.get();
  host.stack.push(std::move(story));
  const auto key = [&](Key k, bool shift = false) {
    Modifiers m;
    m.shift = shift;
    host.stack.handle(KeyDown{k, m, false}, ctx, host, 0);
    host.stack.layout(ctx); // the frame after it
  };
  host.stack.layout(ctx);
  CHECK(host.stack.focusedId() == "choice:1");
  key(Key::Enter);
  REQUIRE(s->feedback);
  CHECK(host.stack.focusedId() == "try-again"); // choice:1 is gone
  CHECK(host.stack.focusVisible());             // and the ring is still there
  key(Key::Enter);
  REQUIRE_FALSE(s->feedback);
  CHECK(host.stack.focusedId() == "choice:1"); // try-again is gone
  for (const Key k : {Key::Up, Key::Left, Key::Up, Key::Right, Key::Up, Key::Right, Key::Down}) {
    key(k);
    CHECK(host.stack.focusedId() != "back");
    CHECK(host.stack.focusedId() != "butterfly");
  }
  key(Key::Enter);
  CHECK(host.stack.depth() == 2); // the story was not left
  CHECK(host.helpAsked == 0);

  // Shift+Tab from the content reaches the butterfly (last in the Tab order).
  key(Key::Enter); // try again
  key(Key::Tab, true);
  CHECK(host.stack.focusedId() == "butterfly");
  // A screen over it closes: back on top, focus is on the content, not the
  // butterfly, so Return does not ask for help a second time.
  host.push(std::make_unique<GridScreen>());
  host.apply();
  host.stack.layout(ctx);
  host.pop();
  host.apply();
  host.stack.layout(ctx);
  CHECK(host.stack.focusedId() == "choice:1");
  key(Key::Enter);
  CHECK(host.helpAsked == 0);
  CHECK(s->feedback);
}

TEST_CASE("a click on the chrome does not take focus; a click on the content does") {
  Rig r(headless());
  r.host.stack.layout(r.ctx);
  const Widget* b = findWidget(r.host.stack.widgets(), "butterfly");
  REQUIRE(b != nullptr);
  const float x = b->rect.x + b->rect.w / 2;
  const float y = b->rect.y + b->rect.h / 2;
  r.host.stack.handle(PointerDown{x, y, PointerButton::Primary, false}, r.ctx, r.host, 0);
  r.host.stack.handle(PointerUp{x, y, PointerButton::Primary, false}, r.ctx, r.host, 0);
  CHECK(r.host.helpAsked == 1);
  r.host.stack.layout(r.ctx);
  CHECK(r.host.stack.focusedId() == "tile:1");
  r.host.stack.handle(PointerDown{475, 475, PointerButton::Primary, false}, r.ctx, r.host, 0);
  CHECK(r.host.stack.focusedId() == "tile:5");
  r.key(Key::Enter); // the keyboard after the mouse: presses where the click left focus
  CHECK(r.screen->pressed.back() == "tile:5");
  CHECK(r.host.helpAsked == 1);
}

// ---- input ----

TEST_CASE("Esc and Page Up press back: Page Down presses next") {
  Rig r(headless());
  r.key(Key::Escape);
  r.key(Key::PageDown);
  r.key(Key::PageUp);
  CHECK(r.screen->pressed == std::vector<std::string>{"back", "next", "back"});
}

TEST_CASE("a click or a touch presses the widget it started and ended on") {
  Rig r(headless());
  const float x = 275;
  const float y = 275; // tile:1
  r.host.stack.handle(PointerDown{x, y, PointerButton::Primary, false}, r.ctx, r.host, 0);
  CHECK(r.host.stack.visuals().pressed == "tile:1");
  r.host.stack.handle(PointerUp{x + 5, y, PointerButton::Primary, false}, r.ctx, r.host, 0);
  REQUIRE(r.screen->pressed.size() == 1);
  // A finger that slides off before lifting presses nothing.
  r.host.stack.handle(PointerDown{x, y, PointerButton::Primary, true}, r.ctx, r.host, 0);
  r.host.stack.handle(PointerUp{x + 300, y + 300, PointerButton::Primary, true}, r.ctx, r.host, 0);
  CHECK(r.screen->pressed.size() == 1);
  // The right button presses nothing.
  r.host.stack.handle(PointerDown{x, y, PointerButton::Secondary, false}, r.ctx, r.host, 0);
  r.host.stack.handle(PointerUp{x, y, PointerButton::Secondary, false}, r.ctx, r.host, 0);
  CHECK(r.screen->pressed.size() == 1);
  // Clicking keeps focus there, but the ring shows only for the keyboard.
  CHECK(r.host.stack.focusedId() == "tile:1");
  CHECK_FALSE(r.host.stack.focusVisible());
}

TEST_CASE("pupil screens get the butterfly button, top right, last in the Tab order") {
  Rig r(headless());
  const WidgetList& w = r.host.stack.layout(r.ctx);
  REQUIRE_FALSE(w.empty());
  CHECK(w.back().id == "butterfly");
  CHECK(w.back().rect.right() > 1100);
  CHECK(w.back().rect.y < 40);
  r.host.stack.press("butterfly", r.host, 0);
  CHECK(r.host.helpAsked == 1);
  r.screen->pupil = false;
  CHECK(findWidget(r.host.stack.layout(r.ctx), "butterfly") == nullptr);
}

TEST_CASE("navigation asked for during a press happens after it") {
  FakeHost host;
  auto first = std::make_unique<GridScreen>();
  host.stack.push(std::move(first));
  host.push(std::make_unique<GridScreen>());
  CHECK(host.stack.depth() == 1);
  host.apply();
  CHECK(host.stack.depth() == 2);
  host.pop();
  host.pop(); // the bottom screen is never popped
  host.apply();
  CHECK(host.stack.depth() == 1);
}

// ---- picture passwords ----

TEST_CASE("picture passwords are three of six pictures") {
  CHECK(passwordPictureName(1) == "star");
  CHECK(passwordPictureName(6) == "fish");
  CHECK(passwordPictureName(0).empty());
  CHECK(passwordPictureName(7).empty());
  CHECK(validPicturePassword({1, 1, 6}));
  CHECK_FALSE(validPicturePassword({1, 2}));
  CHECK_FALSE(validPicturePassword({1, 2, 7}));
}

// ---- layout passes and dragging ----

namespace {

// A screen that counts its layout passes and keeps what each gave, the way real
// screens keep their plan: draw() reads what the last pass kept. Its tiles can
// be dragged.
class PlannedScreen final : public Screen {
public:
  int passes = 0;
  int drawnFromPass = 0; // the pass whose plan the last draw used
  Rect drawnTile;        // and the rectangle it drew the first tile at
  float shift = 0;       // state that moves the tiles
  std::vector<std::string> pressed;
  std::vector<std::string> drags; // "start:<id>", "drop:<id>><onto>", "cancel:<id>"
  std::string dragDrawn;          // the drag the last draw was told of

  std::string_view id() const override { return "planned"; }
  void layout(const UiContext& ctx, WidgetList& out) override {
    ++passes;
    mPlan.pass = passes;
    mPlan.tiles.clear();
    for (int i = 0; i < 3; ++i) {
      mPlan.tiles.push_back(Rect{ctx.u(10) + shift + static_cast<float>(i) * ctx.u(30), ctx.u(30),
                                 ctx.u(20), ctx.u(20)});
      Widget w{"tile:" + std::to_string(i + 1), mPlan.tiles.back(), "Tile", WidgetRole::Tile};
      w.draggable = true;
      out.push_back(w);
    }
    out.push_back(Widget{"move", Rect{ctx.u(10), ctx.u(70), ctx.u(20), ctx.u(12)}, "Move",
                         WidgetRole::Button});
  }
  void draw(UiContext&, const WidgetList&, const WidgetVisuals& v) override {
    drawnFromPass = mPlan.pass;
    drawnTile = mPlan.tiles.front();
    dragDrawn = v.drag.id.empty() ? std::string() : v.drag.id + ">" + v.drag.over;
  }
  void activate(std::string_view w, UiHost&) override {
    pressed.emplace_back(w);
    if (w == "move") {
      shift += 50;
    }
  }
  void dragStarted(std::string_view w) override { drags.push_back("start:" + std::string(w)); }
  void dropped(std::string_view w, std::string_view onto, UiHost&) override {
    drags.push_back("drop:" + std::string(w) + ">" + std::string(onto));
  }
  void dragCancelled(std::string_view w) override { drags.push_back("cancel:" + std::string(w)); }

private:
  struct Plan {
    int pass = 0;
    std::vector<Rect> tiles;
  } mPlan;
};

struct PlannedRig {
  FakeHost host;
  PlannedScreen* screen;
  UiContext ctx;
  explicit PlannedRig(Headless& hl) : ctx(uiContext(hl, standardTheme(), Size{1280, 720})) {
    auto s = std::make_unique<PlannedScreen>();
    screen = s.get();
    host.stack.push(std::move(s));
  }
  Point centre(const std::string& id) {
    const Widget* w = findWidget(host.stack.widgets(), id);
    REQUIRE(w != nullptr);
    return Point{w->rect.x + w->rect.w / 2, w->rect.y + w->rect.h / 2};
  }
  void frame() { host.stack.draw(ctx); }
  bool down(Point p, bool touch = false) {
    return host.stack.handle(PointerDown{p.x, p.y, PointerButton::Primary, touch}, ctx, host, 0);
  }
  bool move(Point p, bool held = true, bool touch = false) {
    return host.stack.handle(PointerMove{p.x, p.y, held, touch}, ctx, host, 0);
  }
  bool up(Point p, bool touch = false) {
    return host.stack.handle(PointerUp{p.x, p.y, PointerButton::Primary, touch}, ctx, host, 0);
  }
};

} // namespace

TEST_CASE("a screen is laid out once per frame, and draws from that pass") {
  PlannedRig r(headless());
  r.frame();
  CHECK(r.screen->passes == 1);
  CHECK(r.screen->drawnFromPass == 1);
  // Input that changes nothing uses the pass already made.
  const Point t = r.centre("tile:2");
  r.move(t);
  r.move(Point{t.x + 1, t.y});
  r.host.stack.tick(0, r.ctx);
  CHECK(r.screen->passes == 1);
  // A key handed to the screen may change it: the next input lays it out once.
  r.host.stack.handle(KeyDown{Key::Backspace, {}, false}, r.ctx, r.host, 0);
  r.move(Point{t.x + 2, t.y});
  r.move(Point{t.x + 3, t.y});
  CHECK(r.screen->passes == 2);
  // A press changes the screen: the next frame lays it out once, and draws the
  // tiles where that pass put them.
  const Point m = r.centre("move");
  r.down(m);
  r.up(m);
  REQUIRE(r.screen->pressed == std::vector<std::string>{"move"});
  const int beforeFrame = r.screen->passes;
  r.frame();
  CHECK(r.screen->passes == beforeFrame + 1);
  CHECK(r.screen->drawnFromPass == r.screen->passes);
  CHECK(r.screen->drawnTile.x ==
        doctest::Approx(findWidget(r.host.stack.widgets(), "tile:1")->rect.x));
  CHECK(r.screen->drawnTile.x == doctest::Approx(r.ctx.u(10) + 50));
  // Hit testing uses the new pass: the tile moved, and is found where it is now.
  const Point moved = r.centre("tile:1");
  r.down(moved);
  r.up(moved);
  CHECK(r.screen->pressed.back() == "tile:1");
  // A new window size is a new pass even with nothing handed to the screen.
  r.frame();
  const int sized = r.screen->passes;
  r.ctx.viewport = Size{1920, 1080};
  r.move(Point{1, 1});
  CHECK(r.screen->passes == sized + 1);
  CHECK(findWidget(r.host.stack.widgets(), "tile:1")->rect.w == doctest::Approx(r.ctx.u(20)));
}

TEST_CASE("a drag is not a press: released over its own widget, nothing is pressed") {
  PlannedRig r(headless());
  r.frame();
  const Point a = r.centre("tile:1");
  r.down(a);
  CHECK(r.move(Point{a.x + r.ctx.u(10), a.y}));
  CHECK(r.screen->drags == std::vector<std::string>{"start:tile:1"});
  CHECK(r.host.stack.draggedId() == "tile:1");
  r.move(a);
  r.frame();
  CHECK(r.screen->dragDrawn == "tile:1>tile:1");
  CHECK(r.up(a));
  CHECK(r.screen->pressed.empty());
  CHECK(r.screen->drags.back() == "drop:tile:1>tile:1");
  CHECK(r.host.stack.draggedId().empty());
  // A tap still presses, and so does a press that wobbles less than the threshold.
  r.down(a, true);
  r.up(a, true);
  r.down(a);
  r.move(Point{a.x + r.ctx.u(kDragThreshold) * 0.5f, a.y});
  r.up(Point{a.x + r.ctx.u(kDragThreshold) * 0.5f, a.y});
  CHECK(r.screen->pressed == std::vector<std::string>{"tile:1", "tile:1"});
  CHECK(r.screen->drags.size() == 2);
}

TEST_CASE("a drag by finger or mouse drops onto the widget under it; Esc cancels it") {
  PlannedRig r(headless());
  r.frame();
  const Point a = r.centre("tile:1");
  const Point b = r.centre("tile:3");
  for (const bool touch : {false, true}) {
    CAPTURE(touch);
    r.screen->drags.clear();
    r.down(a, touch);
    r.move(Point{(a.x + b.x) / 2, a.y}, true, touch);
    r.move(b, true, touch);
    r.frame();
    CHECK(r.screen->dragDrawn == "tile:1>tile:3");
    r.up(b, touch);
    CHECK(r.screen->drags == std::vector<std::string>{"start:tile:1", "drop:tile:1>tile:3"});
  }
  // Dropped where nothing is.
  r.screen->drags.clear();
  r.down(a);
  r.move(Point{a.x, r.ctx.u(95)});
  r.up(Point{a.x, r.ctx.u(95)});
  CHECK(r.screen->drags.back() == "drop:tile:1>");
  // Esc puts it back, and goes nowhere else.
  r.screen->drags.clear();
  r.down(a);
  r.move(b);
  CHECK(r.host.stack.handle(KeyDown{Key::Escape, {}, false}, r.ctx, r.host, 0));
  CHECK(r.screen->drags == std::vector<std::string>{"start:tile:1", "cancel:tile:1"});
  r.up(b);
  CHECK(r.screen->pressed.empty());
  CHECK(r.screen->drags.size() == 2);
  // A button let go where we did not hear of it cancels the drag too.
  r.down(a);
  r.move(b);
  r.move(b, false);
  CHECK(r.screen->drags.back() == "cancel:tile:1");
  CHECK(r.host.stack.draggedId().empty());
  // Widgets not marked draggable are never dragged: the press just slides off.
  const Point m = r.centre("move");
  r.down(m);
  r.move(Point{m.x + r.ctx.u(20), m.y});
  r.up(Point{m.x + r.ctx.u(20), m.y});
  CHECK(r.screen->drags.back() == "cancel:tile:1");
  CHECK(r.screen->pressed.empty());
}
