// The pupil's home (see home_screen.hpp).
// Sections:
//   1. making it: the model from the host, the home and arrival screens
//   2. words: the unit title's font, lesson states, year-group names
//   3. layout: the areas, the lesson tiles' needs, the year buttons (with arrows
//      when they do not all fit), the whole screen
//   4. draw: the tiles, their number circles and the done tick
//   5. input: pressing a year, an arrow or a lesson; where focus starts
#include "screens/home_screen.hpp"

#include "screens/avatar_screen.hpp"
#include "screens/lesson/lesson_screen.hpp"
#include "screens/pupil_settings_screen.hpp"
#include "text/layout.hpp"
#include "ui/chrome.hpp"
#include "ui/controls.hpp"
#include "ui/widgets.hpp"

#include <algorithm>
#include <cmath>

namespace sq {

// ---- making it --------------------------------------------------------------

HomeModel homeModelFromHost(const UiHost& host) {
  const Session& s = host.pupil().session();
  std::vector<Event> events;
  if (s.pupil()) {
    events = host.records().pupilEvents(s.pupilId);
  }
  return buildHomeModel(host.records().catalog(), s, events, academicYearAt(host.nowSeconds()),
                        host.teacher().config(), host.strings().language());
}

std::unique_ptr<Screen> makeHomeScreen(const UiHost& host) {
  return std::make_unique<HomeScreen>(homeModelFromHost(host));
}

std::unique_ptr<Screen> makeArrivalScreen(const UiHost& host, const PupilSession& pupil) {
  if (pupil.session().pupil() && pupil.prefs().avatar.empty()) {
    // Asked once: choosing a picture, or "No picture", is kept, and home follows.
    return std::make_unique<AvatarScreen>(std::string(), true);
  }
  return makeHomeScreen(host);
}

// ---- words -------------------------------------------------------------------

namespace {

// The unit's title grows with the pupil's text size only a little, and is made a
// little smaller (never below the body size) to stay on one line: every line it
// takes is taken from the lesson tiles' pictures. When it cannot, it wraps.
FontSpec unitTitleFont(const UiContext& ctx, const std::string& title, float width) {
  float units = text_size::kHeading * std::min(ctx.textScale, 1.25f);
  for (;;) {
    const FontSpec font = ctx.fixedFont(units, FontWeight::Bold);
    if (measureText(title, ctx.text.metrics(font)) <= width || units <= text_size::kBody) {
      return font;
    }
    units = std::max(text_size::kBody, units * 0.92f);
  }
}

} // namespace

std::string lessonStateLabel(const UiContext& ctx, LessonState s) {
  switch (s) {
  case LessonState::Done:
    return ctx.tr("home.done");
  case LessonState::InProgress:
    return ctx.tr("home.in-progress");
  case LessonState::NotStarted:
    break;
  }
  return ctx.tr("home.not-started");
}

std::string yearGroupLabel(const UiContext& ctx, YearGroup y) {
  switch (y) {
  case YearGroup::Reception:
    return ctx.tr("year.reception");
  case YearGroup::Y1:
    return ctx.tr("year.y1");
  case YearGroup::Y2:
    return ctx.tr("year.y2");
  case YearGroup::Y3:
    return ctx.tr("year.y3");
  case YearGroup::Y4:
    return ctx.tr("year.y4");
  case YearGroup::Y5:
    return ctx.tr("year.y5");
  case YearGroup::Y6:
    break;
  }
  return ctx.tr("year.y6");
}

void HomeScreen::resumed(UiHost& host) {
  // Progress may have been made in a lesson; keep the unit the pupil was looking at.
  const int selected = mModel.selected;
  mModel = homeModelFromHost(host);
  mModel.selected = std::clamp(selected, 0, std::max(0, static_cast<int>(mModel.units.size()) - 1));
}

const HomeUnit* HomeScreen::selectedUnit() const {
  if (mModel.units.empty()) {
    return nullptr;
  }
  const auto i = static_cast<std::size_t>(
      std::clamp(mModel.selected, 0, static_cast<int>(mModel.units.size()) - 1));
  return &mModel.units[i];
}

// ---- layout -----------------------------------------------------------------

HomeScreen::Areas HomeScreen::areas(const UiContext& ctx) const {
  const Rect content = contentArea(ctx, true);
  Areas a;
  float y = content.y;
  if (mModel.units.size() > 1) {
    a.chips = Rect{content.x, y, content.w, std::round(ctx.u(metrics::kButtonHeight))};
    y += a.chips.h + std::round(ctx.u(metrics::kGap));
  }
  // The unit's title wraps rather than being cut.
  const HomeUnit* unit = selectedUnit();
  const std::string title = unit != nullptr ? unit->title : std::string();
  a.unitTitleFont = unitTitleFont(ctx, title, content.w);
  const float titleH =
      std::round(unit != nullptr ? textBlockHeight(ctx, unit->title, a.unitTitleFont, content.w)
                                 : ctx.text.metrics(a.unitTitleFont).lineHeight());
  a.unitTitle = Rect{content.x, y, content.w, titleH};
  y += titleH + std::round(ctx.u(2.5f));
  a.path = Rect{content.x, y, content.w, std::max(0.0f, content.bottom() - y)};
  a.content = contentArea(ctx);
  return a;
}

// Inside a lesson tile: the picture, the title under it and the state line at the
// foot. Text inside a tile grows with the pupil's text size up to 150%. The title
// is never cut: it wraps, then takes room from the picture (which keeps at least
// kMinPicture of the tile, since it is what a non-reader reads), and only then is
// its font made smaller, down to the detail size.
namespace {
constexpr float kMinPicture = 0.3f;
constexpr float kNumberUnits = 4.0f; // the lesson's number, in its circle
// The circle with the lesson's number, inside the tile's corner so the number
// never straddles the tile's edge.
Rect numberCircle(const UiContext& ctx, const Rect& tile) {
  const float d = std::round(ctx.u(7));
  const float inset = std::round(ctx.u(1));
  return Rect{tile.x + inset, tile.y + inset, d, d};
}
} // namespace

float HomeScreen::titleFontUnits(const UiContext& ctx) {
  return text_size::kBody * std::min(ctx.textScale, 1.5f);
}

float HomeScreen::tileNeeds(const UiContext& ctx, float tileW, const std::string& title) {
  const Rect in = tileCardInner(ctx, Rect{0, 0, tileW, 1000});
  const FontSpec font = ctx.fixedFont(titleFontUnits(ctx), FontWeight::Bold);
  const FontSpec badge = ctx.fixedFont(text_size::kDetail, FontWeight::Bold);
  const float badgeH = std::round(static_cast<float>(badge.pixelSize) * 1.7f);
  const float titleH = textBlockHeight(ctx, title, font, in.w);
  // The picture at its usual 4:3 across the tile, at most.
  const float picture = std::round(in.w * 0.75f);
  return titleH + badgeH + picture + ctx.u(3) + (tileW - in.w);
}

HomeScreen::Tile HomeScreen::planTile(const UiContext& ctx, const Rect& rect,
                                      const std::string& title) {
  Tile tile;
  const Rect in = tileCardInner(ctx, rect);
  tile.badgeFont = ctx.fixedFont(text_size::kDetail, FontWeight::Bold);
  tile.badgeH = std::round(static_cast<float>(tile.badgeFont.pixelSize) * 1.7f);
  // The picture reaches at least below the lesson's number in the tile's corner
  // (see draw), so the title under it never runs into the number.
  // The number's line of text may reach below its circle (a tall font's descent).
  const Rect circle = numberCircle(ctx, rect);
  const FontMetrics nm = ctx.text.metrics(ctx.fixedFont(kNumberUnits, FontWeight::Bold));
  const float numberTop =
      std::round(circle.y + circle.h / 2 - nm.capHeight() / 2 - (nm.ascent() - nm.capHeight()));
  const float numberBottom = std::max(circle.bottom(), numberTop + nm.lineHeight());
  const float minPicture = std::max(in.h * kMinPicture, numberBottom - in.y - ctx.u(1) + 1);
  const float room = std::max(0.0f, in.h - minPicture - tile.badgeH - ctx.u(3));
  float units = titleFontUnits(ctx);
  for (;;) {
    tile.titleFont = ctx.fixedFont(units, FontWeight::Bold);
    const WrappedText wrapped = wrapText(title, in.w, ctx.text.metrics(tile.titleFont));
    const bool fits =
        !wrapped.overflow && textBlockHeight(ctx, title, tile.titleFont, in.w) <= room + 0.5f;
    if (fits || units <= text_size::kDetail) {
      break;
    }
    units = std::max(text_size::kDetail, units * 0.9f);
  }
  const float titleH = textBlockHeight(ctx, title, tile.titleFont, in.w);
  const float pictureH = std::max(0.0f, in.h - tile.badgeH - titleH - ctx.u(3));
  tile.picture = Rect{in.x, in.y, in.w, pictureH};
  tile.title = Rect{in.x, in.y + pictureH + ctx.u(1), in.w, titleH};
  // Big: a third of the tile's width, and never smaller than a button is tall.
  tile.tick = std::round(std::max(ctx.u(metrics::kButtonHeight), in.w * 0.34f));
  return tile;
}

// The year buttons: all of them in one row when their words fit; else as many as
// fit, between two big arrow buttons that step to the year before or after, so
// the chosen year is always in view and every button's words show whole.
void HomeScreen::layoutYearChips(const UiContext& ctx, WidgetList& out) {
  const Rect& row = mAreas.chips;
  const int n = static_cast<int>(mModel.units.size());
  const int selected = std::clamp(mModel.selected, 0, n - 1);
  const float gap = std::round(ctx.u(metrics::kGap * 0.8f));
  float need = 0; // the widest year's words, whole on one line
  for (const HomeUnit& u : mModel.units) {
    need = std::max(need, choiceButtonMinWidth(ctx, yearGroupLabel(ctx, u.yearGroup)));
  }
  const auto share = [&](float room, int count) {
    const auto c = static_cast<float>(count);
    return std::min(std::round(ctx.u(30)), std::floor((room - gap * (c - 1)) / c));
  };
  int first = 0;
  int shown = n;
  float w = share(row.w, n);
  float left = row.x;
  float room = row.w;
  if (w < need) {
    // Paged: the arrows are square, as tall as the row.
    const float arrow = row.h;
    room = row.w - 2 * (arrow + gap);
    shown = std::clamp(static_cast<int>(std::floor((room + gap) / (need + gap))), 1, n - 1);
    w = std::max(need, share(room, shown));
    w = std::min(w, room);
    // Keep the window where it was while the chosen year is in it.
    mFirstChip = std::clamp(mFirstChip, selected - shown + 1, selected);
    mFirstChip = std::clamp(mFirstChip, 0, n - shown);
    first = mFirstChip;
    const float total =
        w * static_cast<float>(shown) + gap * static_cast<float>(shown - 1) + 2 * (arrow + gap);
    left = std::round(row.x + (row.w - total) / 2);
    Widget prev{"units-prev", Rect{left, row.y, arrow, row.h}, ctx.tr("home.year-before"),
                WidgetRole::Button};
    prev.enabled = selected > 0;
    out.push_back(std::move(prev));
    left += arrow + gap;
  } else {
    mFirstChip = 0;
    const float total = w * static_cast<float>(n) + gap * static_cast<float>(n - 1);
    left = std::round(row.x + (row.w - total) / 2);
  }
  float x = left;
  for (int i = first; i < first + shown; ++i) {
    const HomeUnit& u = mModel.units[static_cast<std::size_t>(i)];
    Widget chip{"unit:" + u.key, Rect{x, row.y, w, row.h}, yearGroupLabel(ctx, u.yearGroup),
                WidgetRole::Option};
    chip.selected = i == selected;
    out.push_back(std::move(chip));
    x += w + gap;
  }
  if (shown < n) {
    Widget next{"units-next", Rect{x, row.y, row.h, row.h}, ctx.tr("home.year-after"),
                WidgetRole::Button};
    next.enabled = selected < n - 1;
    out.push_back(std::move(next));
  }
}

void HomeScreen::layout(const UiContext& ctx, WidgetList& out) {
  mTiles.clear();
  const std::string notMe = ctx.tr("home.not-me");
  out.push_back(Widget{"sign-out", cornerButton(ctx, Corner::TopLeft, notMe, true), notMe,
                       WidgetRole::Button});
  mAreas = areas(ctx);
  const Areas& a = mAreas;
  if (!a.chips.empty() && !mModel.loading) {
    layoutYearChips(ctx, out);
  }
  const HomeUnit* unit = selectedUnit();
  const std::string settings = ctx.tr("settings.button");
  // Settings go last in reading order: after the lessons, before the butterfly.
  const Widget settingsButton{"settings", cornerButton(ctx, Corner::BottomLeft, settings, true),
                              settings, WidgetRole::Button};
  // The pupil's own picture, to change it: beside settings, for a pupil only.
  const std::string mine = ctx.tr("avatar.change");
  const Widget avatarButton{"avatar", cornerButton(ctx, Corner::BottomRight, mine, true), mine,
                            WidgetRole::Button};
  const auto addCorners = [&] {
    out.push_back(settingsButton);
    if (!mModel.guest && !mModel.name.empty()) {
      out.push_back(avatarButton);
    }
  };
  if (unit == nullptr || unit->lessons.empty()) {
    addCorners();
    return;
  }
  // One row for up to four lessons, two rows (a zigzag path) for more; more rows
  // (fewer, wider tiles) while a title's longest word is wider than its tile.
  const int n = static_cast<int>(unit->lessons.size());
  float gap = std::round(ctx.u(8)); // room for the path between tiles
  const float narrowGap = std::round(ctx.u(3));
  const float rowGap = std::round(ctx.u(metrics::kGap * 2));
  const auto widthWith = [&](int r, float g) {
    const int across = (n + r - 1) / r;
    return std::min(
        std::round(ctx.u(46)),
        std::floor((a.path.w - g * static_cast<float>(across - 1)) / static_cast<float>(across)));
  };
  const FontMetrics titleMetrics =
      ctx.text.metrics(ctx.fixedFont(titleFontUnits(ctx), FontWeight::Bold));
  float widest = 0;
  for (const HomeLesson& l : unit->lessons) {
    std::size_t start = 0;
    while (start <= l.title.size()) {
      std::size_t end = l.title.find(' ', start);
      if (end == std::string::npos) {
        end = l.title.size();
      }
      widest = std::max(
          widest, measureText(std::string_view(l.title).substr(start, end - start), titleMetrics));
      start = end + 1;
    }
  }
  const auto fits = [&](int r, float g) {
    return tileCardInner(ctx, Rect{0, 0, widthWith(r, g), 100}).w >= widest + 1;
  };
  // Room first: a shorter path between tiles, then more rows while tiles stay tall
  // enough for their pictures; the words are made smaller (planTile) only after.
  const int usual = n <= 4 ? 1 : 2;
  int rows = usual;
  if (!fits(rows, gap)) {
    if (fits(rows, narrowGap)) {
      gap = narrowGap;
    } else {
      while (rows < n && !fits(rows, gap) &&
             (a.path.h - rowGap * static_cast<float>(rows)) / static_cast<float>(rows + 1) >=
                 ctx.u(24)) {
        ++rows;
      }
      if (!fits(rows, gap)) {
        rows = usual;
        gap = narrowGap;
      }
    }
  }
  const int perRow = (n + rows - 1) / rows;
  const float tileW = widthWith(rows, gap);
  // Tiles grow taller (up to the room there is) when a title needs more lines.
  float wanted = std::round(ctx.u(60));
  for (const HomeLesson& l : unit->lessons) {
    wanted = std::max(wanted, std::ceil(tileNeeds(ctx, tileW, l.title)));
  }
  const float tileH =
      std::min(wanted, std::floor((a.path.h - rowGap * static_cast<float>(rows - 1)) /
                                  static_cast<float>(rows)));
  const float blockH = tileH * static_cast<float>(rows) + rowGap * static_cast<float>(rows - 1);
  const float top = std::round(a.path.y + (a.path.h - blockH) / 2);
  for (int i = 0; i < n; ++i) {
    const int row = i / perRow;
    int col = i % perRow;
    const int inRow = std::min(perRow, n - row * perRow);
    if (row % 2 == 1) {
      col = inRow - 1 - col; // the second row runs back, so the path snakes
    }
    const float rowW = tileW * static_cast<float>(inRow) + gap * static_cast<float>(inRow - 1);
    const float left = std::round(a.path.x + (a.path.w - rowW) / 2);
    const HomeLesson& l = unit->lessons[static_cast<std::size_t>(i)];
    out.push_back(
        Widget{"lesson:" + l.lessonId,
               Rect{std::round(left + static_cast<float>(col) * (tileW + gap)),
                    std::round(top + static_cast<float>(row) * (tileH + rowGap)), tileW, tileH},
               l.title + ": " + lessonStateLabel(ctx, l.state), WidgetRole::Tile});
    mTiles.push_back(planTile(ctx, out.back().rect, l.title));
  }
  addCorners();
}

// ---- draw -------------------------------------------------------------------

void HomeScreen::draw(UiContext& ctx, const WidgetList& widgets, const WidgetVisuals& v) {
  const Theme& t = ctx.theme;
  drawTitle(ctx,
            mModel.guest || mModel.name.empty() ? ctx.tr("home.hello-guest")
                                                : ctx.trf("home.hello", {{"name", mModel.name}}),
            widgets);

  const Areas& a = mAreas;
  const Rect& content = a.content;
  if (mModel.loading) {
    drawTextBlock(ctx, ctx.tr("common.getting-ready"), ctx.font(text_size::kHeading), content,
                  TextAlign::Centre, t.mutedText, 2, true);
  }
  const HomeUnit* unit = selectedUnit();
  if (!mModel.loading && unit == nullptr) {
    drawTextBlock(ctx, ctx.tr("home.no-unit"), ctx.font(text_size::kHeading), content,
                  TextAlign::Centre, t.mutedText, 3, true);
  }
  if (unit != nullptr) {
    drawTextBlock(ctx, unit->title, a.unitTitleFont, a.unitTitle, TextAlign::Centre, t.text);
  }

  // The path first, behind the tiles: a soft band joining them in order.
  std::vector<const Widget*> tiles;
  for (const Widget& w : widgets) {
    if (WidgetId::parse(w.id).is("lesson")) {
      tiles.push_back(&w);
    }
  }
  const float band = std::round(ctx.u(2.2f));
  for (std::size_t i = 1; i < tiles.size(); ++i) {
    const Rect& p = tiles[i - 1]->rect;
    const Rect& q = tiles[i]->rect;
    const Point a0{p.x + p.w / 2, p.y + p.h / 2};
    const Point b0{q.x + q.w / 2, q.y + q.h / 2};
    const float dx = b0.x - a0.x;
    const float dy = b0.y - a0.y;
    const float len = std::max(1.0f, std::sqrt(dx * dx + dy * dy));
    const float nx = -dy / len * band / 2;
    const float ny = dx / len * band / 2;
    ctx.renderer.fillConvex({Point{a0.x + nx, a0.y + ny}, Point{b0.x + nx, b0.y + ny},
                             Point{b0.x - nx, b0.y - ny}, Point{a0.x - nx, a0.y - ny}},
                            t.path);
  }

  int number = 0;
  for (const Widget& w : widgets) {
    if (w.id == "butterfly") {
      continue;
    }
    if (w.id == "sign-out") {
      drawButton(ctx, w, v, ButtonStyle::Normal, "\xE2\x86\x90"); // ←
    } else if (w.id == "settings") {
      drawButton(ctx, w, v, ButtonStyle::Normal, "\xE2\x9A\x99"); // ⚙
    } else if (w.id == "avatar") {
      drawButton(ctx, w, v, ButtonStyle::Normal, "\xE2\x98\xBA"); // ☺
    } else if (w.id == "units-prev" || w.id == "units-next") {
      // Only the arrow is drawn; its words are for a screen reader.
      Widget arrow = w;
      arrow.label.clear();
      drawButton(ctx, arrow, v, ButtonStyle::Normal,
                 w.id == "units-prev" ? "\xE2\x97\x80" : "\xE2\x96\xB6"); // ◀ ▶
    } else if (WidgetId::parse(w.id).is("unit")) {
      drawChoiceButton(ctx, w, v);
    } else if (WidgetId::parse(w.id).is("lesson") && unit != nullptr) {
      if (static_cast<std::size_t>(number) >= mTiles.size()) {
        continue;
      }
      const HomeLesson& l = unit->lessons[static_cast<std::size_t>(number)];
      const Tile& tile = mTiles[static_cast<std::size_t>(number)];
      ++number;
      const Rect in = drawTileCard(ctx, w, v);
      const FontSpec& badgeFont = tile.badgeFont;
      const float badgeH = tile.badgeH;
      drawPicture(ctx, l.picture, tile.picture);
      drawTextBlock(ctx, l.title, tile.titleFont, tile.title, TextAlign::Centre, t.text);
      const std::string label = lessonStateLabel(ctx, l.state);
      if (l.state == LessonState::Done) {
        // Done is a big tick on the picture a child sees from across the room, with
        // the word under the title for readers.
        drawDoneTick(ctx,
                     Rect{tile.picture.right() - tile.tick, tile.picture.y, tile.tick, tile.tick});
        drawTextBlock(ctx, label, badgeFont, Rect{in.x, in.bottom() - badgeH, in.w, badgeH},
                      TextAlign::Centre, t.readyText, 0, true);
      } else {
        // Its state, in words and by the badge's colour and dot.
        BadgeStyle style{t.pressed, t.mutedText, t.mutedText};
        if (l.state == LessonState::InProgress) {
          style = BadgeStyle{t.warningFill, t.warningText, t.warningText};
        }
        const float bw = badgeWidth(ctx, label, badgeFont);
        drawBadge(ctx, label, badgeFont, std::round(in.x + (in.w + bw) / 2),
                  in.bottom() - badgeH / 2, style);
      }
      // The lesson's number on the path, in a small circle at the corner.
      const Rect circle = numberCircle(ctx, w.rect);
      ctx.renderer.fillRoundedRect(circle, circle.w / 2, t.accent);
      drawIcon(ctx, std::to_string(number), circle, kNumberUnits, t.accentText);
    }
  }
}

void drawDoneTick(UiContext& ctx, const Rect& box) {
  const Theme& t = ctx.theme;
  const float d = std::min(box.w, box.h);
  const Rect circle{box.x + (box.w - d) / 2, box.y + (box.h - d) / 2, d, d};
  // A ring of the surface colour keeps the tick apart from any picture under it.
  const float ring = std::max(2.0f, std::round(d * 0.06f));
  ctx.renderer.fillRoundedRect(
      Rect{circle.x - ring, circle.y - ring, circle.w + 2 * ring, circle.h + 2 * ring},
      d / 2 + ring, t.surface);
  ctx.renderer.fillRoundedRect(circle, d / 2, t.readyAccent);
  // The tick: two thick strokes, short then long, in the accent's text colour.
  const auto stroke = [&](Point a, Point b, float width) {
    const float dx = b.x - a.x;
    const float dy = b.y - a.y;
    const float len = std::max(1.0f, std::sqrt(dx * dx + dy * dy));
    const float nx = -dy / len * width / 2;
    const float ny = dx / len * width / 2;
    ctx.renderer.fillConvex({Point{a.x + nx, a.y + ny}, Point{b.x + nx, b.y + ny},
                             Point{b.x - nx, b.y - ny}, Point{a.x - nx, a.y - ny}},
                            t.readyFill);
  };
  const float w = d * 0.13f;
  const Point start{circle.x + d * 0.26f, circle.y + d * 0.52f};
  const Point corner{circle.x + d * 0.43f, circle.y + d * 0.69f};
  const Point end{circle.x + d * 0.76f, circle.y + d * 0.33f};
  stroke(start, corner, w);
  stroke(Point{corner.x - w * 0.3f, corner.y + w * 0.3f}, end, w);
}

// ---- input ------------------------------------------------------------------

void HomeScreen::activate(std::string_view widgetId, UiHost& host) {
  const std::string id(widgetId);
  if (id == "sign-out") {
    host.pupil().signOut();
  } else if (id == "avatar") {
    host.nav().push(makeAvatarScreen(host.pupil()));
  } else if (id == "settings") {
    host.nav().push(makePupilSettingsScreen(host.pupil()));
  } else if (id == "units-prev" || id == "units-next") {
    const int n = static_cast<int>(mModel.units.size());
    mModel.selected =
        std::clamp(mModel.selected + (id == "units-prev" ? -1 : 1), 0, std::max(0, n - 1));
  } else if (WidgetId::parse(id).is("unit")) {
    for (std::size_t i = 0; i < mModel.units.size(); ++i) {
      if ("unit:" + mModel.units[i].key == id) {
        mModel.selected = static_cast<int>(i);
      }
    }
  } else if (WidgetId::parse(id).is("lesson")) {
    if (const HomeUnit* unit = selectedUnit()) {
      for (const HomeLesson& l : unit->lessons) {
        if ("lesson:" + l.lessonId == id) {
          host.nav().push(makeLessonScreen(host, l));
        }
      }
    }
  }
}

std::string HomeScreen::firstFocus() const {
  const HomeUnit* unit = selectedUnit();
  if (unit == nullptr || unit->lessons.empty()) {
    return {};
  }
  const auto next = std::find_if(unit->lessons.begin(), unit->lessons.end(),
                                 [](const HomeLesson& l) { return l.state != LessonState::Done; });
  return "lesson:" + (next != unit->lessons.end() ? *next : unit->lessons.front()).lessonId;
}

} // namespace sq
