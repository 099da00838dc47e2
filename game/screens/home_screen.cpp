#include "screens/home_screen.hpp"

#include "screens/lesson/lesson_screen.hpp"
#include "screens/pupil_settings_screen.hpp"
#include "ui/chrome.hpp"
#include "ui/controls.hpp"
#include "ui/widgets.hpp"

#include <algorithm>
#include <cmath>

namespace sq {

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

namespace {

// The unit's title grows with the pupil's text size only a little: it must fit one line.
FontSpec unitTitleFont(const UiContext& ctx) {
  return ctx.fixedFont(text_size::kHeading * std::min(ctx.textScale, 1.25f), FontWeight::Bold);
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

HomeScreen::Areas HomeScreen::areas(const UiContext& ctx) const {
  const Rect content = contentArea(ctx, true);
  Areas a;
  float y = content.y;
  if (mModel.units.size() > 1) {
    a.chips = Rect{content.x, y, content.w, std::round(ctx.u(metrics::kButtonHeight))};
    y += a.chips.h + std::round(ctx.u(metrics::kGap));
  }
  const float titleH = std::round(ctx.text.metrics(unitTitleFont(ctx)).lineHeight());
  a.unitTitle = Rect{content.x, y, content.w, titleH};
  y += titleH + std::round(ctx.u(2.5f));
  a.path = Rect{content.x, y, content.w, std::max(0.0f, content.bottom() - y)};
  a.content = contentArea(ctx);
  return a;
}

// Inside a lesson tile: the picture, the title under it and the state badge at the
// foot. Text inside a tile grows with the pupil's text size up to 150%; the
// picture keeps at least 40% of the tile, since it is what a non-reader reads.
HomeScreen::Tile HomeScreen::planTile(const UiContext& ctx, const Rect& rect,
                                      const std::string& title) {
  Tile tile;
  const Rect in = tileCardInner(ctx, rect);
  tile.titleFont =
      ctx.fixedFont(text_size::kBody * std::min(ctx.textScale, 1.5f), FontWeight::Bold);
  tile.badgeFont = ctx.fixedFont(text_size::kDetail, FontWeight::Bold);
  tile.badgeH = std::round(static_cast<float>(tile.badgeFont.pixelSize) * 1.7f);
  const float oneLine = ctx.text.metrics(tile.titleFont).lineHeight();
  const float titleH = std::min(textBlockHeight(ctx, title, tile.titleFont, in.w, 2),
                                std::max(oneLine, in.h * 0.6f - tile.badgeH - ctx.u(3)));
  const float pictureH = std::max(0.0f, in.h - tile.badgeH - titleH - ctx.u(3));
  tile.picture = Rect{in.x, in.y, in.w, pictureH};
  tile.title = Rect{in.x, in.y + pictureH + ctx.u(1), in.w, titleH};
  return tile;
}

void HomeScreen::layout(const UiContext& ctx, WidgetList& out) {
  mTiles.clear();
  const std::string notMe = ctx.tr("home.not-me");
  out.push_back(Widget{"sign-out", cornerButton(ctx, Corner::TopLeft, notMe, true), notMe,
                       WidgetRole::Button});
  mAreas = areas(ctx);
  const Areas& a = mAreas;
  if (!a.chips.empty() && !mModel.loading) {
    const float gap = std::round(ctx.u(metrics::kGap * 0.8f));
    const auto n = static_cast<float>(mModel.units.size());
    const float w = std::min(std::round(ctx.u(30)), std::floor((a.chips.w - gap * (n - 1)) / n));
    const float total = w * n + gap * (n - 1);
    float x = std::round(a.chips.x + (a.chips.w - total) / 2);
    for (std::size_t i = 0; i < mModel.units.size(); ++i) {
      const HomeUnit& u = mModel.units[i];
      Widget w2{"unit:" + u.key, Rect{x, a.chips.y, w, a.chips.h}, yearGroupLabel(ctx, u.yearGroup),
                WidgetRole::Option};
      w2.selected = static_cast<int>(i) == mModel.selected;
      out.push_back(std::move(w2));
      x += w + gap;
    }
  }
  const HomeUnit* unit = selectedUnit();
  const std::string settings = ctx.tr("settings.button");
  // Settings go last in reading order: after the lessons, before the butterfly.
  const Widget settingsButton{"settings", cornerButton(ctx, Corner::BottomLeft, settings, true),
                              settings, WidgetRole::Button};
  if (unit == nullptr || unit->lessons.empty()) {
    out.push_back(settingsButton);
    return;
  }
  // One row for up to four lessons, two rows (a zigzag path) for more.
  const int n = static_cast<int>(unit->lessons.size());
  const int rows = n <= 4 ? 1 : 2;
  const int perRow = (n + rows - 1) / rows;
  const float gap = std::round(ctx.u(8)); // room for the path between tiles
  const float rowGap = std::round(ctx.u(metrics::kGap * 2));
  const float tileW =
      std::min(std::round(ctx.u(46)), std::floor((a.path.w - gap * static_cast<float>(perRow - 1)) /
                                                 static_cast<float>(perRow)));
  const float tileH = std::min(
      std::round(ctx.u(60)),
      std::floor((a.path.h - rowGap * static_cast<float>(rows - 1)) / static_cast<float>(rows)));
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
  out.push_back(settingsButton);
}

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
    drawTextBlock(ctx, unit->title, unitTitleFont(ctx), a.unitTitle, TextAlign::Centre, t.text, 1);
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
      drawTextBlock(ctx, l.title, tile.titleFont, tile.title, TextAlign::Centre, t.text, 2);
      // Its state, in words and by the badge's colour and dot.
      BadgeStyle style{t.pressed, t.mutedText, t.mutedText};
      if (l.state == LessonState::Done) {
        style = BadgeStyle{t.readyFill, t.readyText, t.readyAccent};
      } else if (l.state == LessonState::InProgress) {
        style = BadgeStyle{t.warningFill, t.warningText, t.warningText};
      }
      const std::string label = lessonStateLabel(ctx, l.state);
      const float bw = badgeWidth(ctx, label, badgeFont);
      drawBadge(ctx, label, badgeFont, std::round(in.x + (in.w + bw) / 2), in.bottom() - badgeH / 2,
                style);
      // The lesson's number on the path, in a small circle at the corner.
      const float d = std::round(ctx.u(7));
      const Rect circle{w.rect.x - d * 0.3f, w.rect.y - d * 0.3f, d, d};
      ctx.renderer.fillRoundedRect(circle, d / 2, t.accent);
      drawIcon(ctx, std::to_string(number), circle, 4.0f, t.accentText);
    }
  }
}

void HomeScreen::activate(std::string_view widgetId, UiHost& host) {
  const std::string id(widgetId);
  if (id == "sign-out") {
    host.pupil().signOut();
  } else if (id == "settings") {
    host.nav().push(makePupilSettingsScreen(host.pupil()));
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
