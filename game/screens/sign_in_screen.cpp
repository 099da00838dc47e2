// Sections:
//   1. ordering: classes and names in the order a teacher reads them
//   2. the model: classes, pupils on roll, emblems, avatars and picture passwords
//      from the host
//   3. layout: the room each tile's words need, the class tiles, the name tiles
//      (with a mark where names clash), the pictures
//   4. drawing: titles, tiles with their emblems, avatars and marks, the progress dots
//   5. taps: what each widget does
#include "screens/sign_in_screen.hpp"

#include "screens/name_marks.hpp"
#include "screens/picture_password.hpp"
#include "screens/pupil_settings_screen.hpp"
#include "screens/teacher/teacher_pin_screen.hpp"
#include "screens/teacher/teacher_settings_screen.hpp"
#include "settings/pupil_settings.hpp"
#include "text/layout.hpp"
#include "ui/chrome.hpp"
#include "ui/controls.hpp"
#include "ui/grid.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>

namespace sq {

// ---- ordering ----

// "Year 2" before "Year 10", "3B" before "10A": numbers compare as numbers.
bool naturalLess(const std::string& a, const std::string& b) {
  std::size_t i = 0;
  std::size_t j = 0;
  while (i < a.size() && j < b.size()) {
    const auto ca = static_cast<unsigned char>(a[i]);
    const auto cb = static_cast<unsigned char>(b[j]);
    if (std::isdigit(ca) && std::isdigit(cb)) {
      std::size_t ei = i;
      std::size_t ej = j;
      while (ei < a.size() && std::isdigit(static_cast<unsigned char>(a[ei]))) {
        ++ei;
      }
      while (ej < b.size() && std::isdigit(static_cast<unsigned char>(b[ej]))) {
        ++ej;
      }
      const std::string na = a.substr(i, ei - i);
      const std::string nb = b.substr(j, ej - j);
      if (na.size() != nb.size()) {
        return na.size() < nb.size();
      }
      if (na != nb) {
        return na < nb;
      }
      i = ei;
      j = ej;
      continue;
    }
    const int la = std::tolower(ca);
    const int lb = std::tolower(cb);
    if (la != lb) {
      return la < lb;
    }
    ++i;
    ++j;
  }
  return a.size() - i < b.size() - j;
}

void sortClasses(std::vector<SchoolClass>& classes) {
  std::sort(classes.begin(), classes.end(),
            [](const SchoolClass& a, const SchoolClass& b) { return naturalLess(a.name, b.name); });
}

namespace {

std::string pictureLabel(const UiContext& ctx, int n) {
  switch (n) {
  case 1:
    return ctx.tr("picture.star");
  case 2:
    return ctx.tr("picture.heart");
  case 3:
    return ctx.tr("picture.sun");
  case 4:
    return ctx.tr("picture.tree");
  case 5:
    return ctx.tr("picture.apple");
  default:
    return ctx.tr("picture.fish");
  }
}

// The emblem's colour as a strong disc (the same in every theme, like the pictures)
// and the theme's pale tile tint nearest to it.
Colour emblemDisc(int colour) {
  switch (colour) {
  case 0:
    return Colour{214, 84, 72, 255}; // red
  case 1:
    return Colour{236, 134, 46, 255}; // orange
  case 2:
    return Colour{232, 178, 30, 255}; // yellow
  case 3:
    return Colour{64, 160, 92, 255}; // green
  case 4:
    return Colour{58, 122, 204, 255}; // blue
  default:
    return Colour{138, 96, 196, 255}; // purple
  }
}

std::size_t emblemTint(int colour) {
  // tileTints: blue, green, yellow, lilac, pink, periwinkle
  static constexpr std::size_t kTint[kEmblemColourCount] = {4, 2, 2, 1, 0, 3};
  return kTint[static_cast<std::size_t>(std::clamp(colour, 0, kEmblemColourCount - 1))];
}

// "Amy J, the one with the star": what the tile of a marked pupil says aloud.
std::string markedLabel(const UiContext& ctx, const std::string& name, int picture) {
  switch (picture) {
  case 1:
    return ctx.trf("sign-in.name-with-star", {{"name", name}});
  case 2:
    return ctx.trf("sign-in.name-with-heart", {{"name", name}});
  case 3:
    return ctx.trf("sign-in.name-with-sun", {{"name", name}});
  case 4:
    return ctx.trf("sign-in.name-with-tree", {{"name", name}});
  case 5:
    return ctx.trf("sign-in.name-with-apple", {{"name", name}});
  default:
    return ctx.trf("sign-in.name-with-fish", {{"name", name}});
  }
}

} // namespace

// ---- the model ----

SignInModel SignInModel::fromHost(const UiHost& host) {
  SignInModel m;
  const Roster& r = host.records().roster();
  m.classes = r.classes;
  sortClasses(m.classes);
  for (const Pupil& p : r.pupils) {
    if (p.archivedOn.empty()) {
      m.pupils.push_back(p);
    }
  }
  std::sort(m.pupils.begin(), m.pupils.end(), [](const Pupil& a, const Pupil& b) {
    if (a.firstName != b.firstName) {
      return naturalLess(a.firstName, b.firstName);
    }
    return naturalLess(a.initial, b.initial);
  });
  for (const SchoolClass& c : m.classes) {
    if (validPicturePassword(host.pupil().picturePassword(c.id))) {
      m.classesWithPictures.insert(c.id);
    }
  }
  m.emblems = classEmblems(m.classes);
  for (const Pupil& p : m.pupils) {
    const std::string avatar = host.pupil().avatarOf(p.id);
    if (validAvatar(avatar) && avatar != kNoAvatar) {
      m.avatars[p.id] = avatar;
    }
  }
  return m;
}

std::vector<const Pupil*> SignInModel::pupilsOf(const std::string& classId) const {
  std::vector<const Pupil*> out;
  for (const Pupil& p : pupils) {
    if (p.classId == classId) {
      out.push_back(&p);
    }
  }
  return out;
}

std::unique_ptr<Screen> makeSignInScreen(const UiHost& host) {
  return std::make_unique<SignInScreen>(SignInModel::fromHost(host));
}

void SignInScreen::showNames(const std::string& classId, int page) {
  mStep = Step::Names;
  mClassId = classId;
  mPage = page;
  mTaps.clear();
}

void SignInScreen::showPictures(const std::string& classId, const std::string& pupilId) {
  mStep = Step::Pictures;
  mClassId = classId;
  mPupilId = pupilId;
  mTaps.clear();
  mWrongTries = 0;
}

void SignInScreen::resumed(UiHost& host) {
  // The teacher may have changed the class list or picture passwords meanwhile.
  mModel = SignInModel::fromHost(host);
  const bool classGone = std::none_of(mModel.classes.begin(), mModel.classes.end(),
                                      [&](const SchoolClass& c) { return c.id == mClassId; });
  if (mStep != Step::Classes && classGone) {
    mStep = Step::Classes;
  }
}

SignInScreen::Areas SignInScreen::areas(const UiContext& ctx) const {
  Areas a;
  a.tiles = contentArea(ctx, true);
  const float h = std::round(ctx.u(metrics::kButtonHeight));
  const float edge = std::round(ctx.u(chrome::kBarTop));
  a.bottom = Rect{a.tiles.x, static_cast<float>(ctx.viewport.height) - edge - h, a.tiles.w, h};
  a.content = contentArea(ctx);
  return a;
}

// ---- layout ----

void SignInScreen::layout(const UiContext& ctx, WidgetList& out) {
  mAreas = areas(ctx);
  mMarks = nameMarks(mModel.pupils);
  switch (mStep) {
  case Step::Classes:
    layoutClasses(ctx, out);
    break;
  case Step::Names:
    layoutNames(ctx, out);
    break;
  case Step::Pictures:
    layoutPictures(ctx, out);
    break;
  }
  // Which page of names this is, when there is more than one.
  mPageNote.clear();
  if (mStep == Step::Names) {
    const int count = static_cast<int>(mModel.pupilsOf(mClassId).size());
    const int pages = std::max(1, (count + mPerPage - 1) / std::max(1, mPerPage));
    if (pages > 1) {
      mPageNote = ctx.trf("sign-in.page",
                          {{"page", std::to_string(mPage + 1)}, {"pages", std::to_string(pages)}});
    }
  }
}

Rect SignInScreen::pictureBox(const Rect& inner) const {
  if (mFit.above) {
    // As big as the words below leave room for, and no wider than most of the tile.
    const float side =
        std::max(std::min(mFit.picture, inner.w),
                 std::min({inner.h - mFit.gap - mFit.wordsH, inner.w * 0.6f, mFit.picture * 2.0f}));
    return Rect{std::round(inner.x + (inner.w - side) / 2), inner.y, side, side};
  }
  // As big as the words beside leave room for, up to most of the tile's height.
  const float side = std::max(std::min(mFit.picture, inner.h),
                              std::min(inner.h * 0.85f, inner.w - mFit.gap - mFit.wordsW));
  return Rect{inner.x, std::round(inner.y + (inner.h - side) / 2), side, side};
}

Rect SignInScreen::wordsBox(const Rect& inner, bool picture) const {
  if (!picture || mFit.picture <= 0) {
    return inner;
  }
  const Rect pic = pictureBox(inner);
  if (mFit.above) {
    const float top = pic.bottom() + mFit.gap;
    return Rect{inner.x, top, inner.w, std::max(0.0f, inner.bottom() - top)};
  }
  const float used = pic.w + mFit.gap;
  return Rect{inner.x + used, inner.y, std::max(0.0f, inner.w - used), inner.h};
}

SignInScreen::TileFit SignInScreen::fitTiles(const UiContext& ctx, const FitRequest& req) const {
  const Rect sample{0, 0, 1000, 1000};
  const Rect inner = tileCardInner(ctx, sample);
  const float padW = sample.w - inner.w;
  const float padH = sample.h - inner.h;
  const GridSpec& base = req.base;
  const Rect& area = req.area;
  const bool pictures = req.pictures;
  const float gap = pictures ? std::round(ctx.u(1.2f)) : 0.0f;
  const float picture =
      pictures ? std::round(ctx.u(12) * std::clamp(ctx.textScale, 1.0f, 1.3f)) : 0.0f;
  // How many tiles of at least w x h fit the area.
  const auto perPage = [&](float w, float h) {
    const int cols =
        std::min(std::max(1, base.maxColumns),
                 static_cast<int>(std::floor((area.w + base.gap) / std::max(1.0f, w + base.gap))));
    const int rows =
        static_cast<int>(std::floor((area.h + base.gap) / std::max(1.0f, h + base.gap)));
    return std::max(0, cols) * std::max(0, rows);
  };
  // The pupil's size first; smaller only when no way of placing the picture gives
  // every word its width and every label its lines on a page of `minPerPage`.
  float size = req.units * ctx.textScale;
  TileFit best;
  for (;;) {
    const FontSpec font = ctx.fixedFont(size, FontWeight::Bold);
    const FontMetrics m = ctx.text.metrics(font);
    // The note is smaller than the words it is under, and shrinks with them.
    const FontSpec noteFont =
        ctx.fixedFont(std::min(text_size::kDetail * ctx.textScale, size * 0.7f));
    float widest = 0;
    for (const std::string& l : req.labels) {
      widest = std::max(widest, widestWord(l, m));
    }
    if (!req.note.empty()) {
      widest = std::max(widest, widestWord(req.note, ctx.text.metrics(noteFont)));
    }
    int bestCount = -1;
    for (const bool above : {false, true}) {
      if (above && !pictures) {
        continue;
      }
      TileFit fit;
      fit.font = font;
      fit.noteFont = noteFont;
      fit.picture = picture;
      fit.gap = gap;
      fit.above = above;
      const float beside = above ? 0.0f : picture + gap;
      const float needW = std::ceil(widest + beside + padW + 1);
      const float tileW = std::max(base.minTileW, needW);
      fit.wordsW = tileW - padW - beside;
      int lines = 1;
      for (const std::string& l : req.labels) {
        lines = std::max(lines, static_cast<int>(wrapText(l, fit.wordsW, m).lines.size()));
      }
      fit.wordsH = static_cast<float>(lines) * m.lineHeight();
      float needH = std::ceil((above ? picture + gap + fit.wordsH : std::max(fit.wordsH, picture)) +
                              padH + 1);
      if (!req.note.empty() && !req.labels.empty()) {
        // The last tile has no picture: its word, then the note under it.
        const float last =
            static_cast<float>(wrapText(req.labels.back(), tileW - padW, m).lines.size()) *
                m.lineHeight() +
            textBlockHeight(ctx, req.note, noteFont, tileW - padW);
        needH = std::max(needH, std::ceil(last + padH + 1));
      }
      fit.spec = base;
      fit.spec.minTileW = tileW;
      fit.spec.minTileH = std::max(base.minTileH, needH);
      fit.spec.maxTileW = std::max(base.maxTileW, fit.spec.minTileW);
      fit.spec.maxTileH = std::max(base.maxTileH, fit.spec.minTileH);
      const int count = perPage(fit.spec.minTileW, fit.spec.minTileH);
      if (count > bestCount) {
        bestCount = count;
        best = fit;
      }
    }
    if (bestCount >= std::max(1, req.minPerPage) || size <= req.floorUnits) {
      break;
    }
    size = std::max(req.floorUnits, size * 0.9f);
  }
  return best;
}

SignInScreen::TileFit SignInScreen::classFit(const UiContext& ctx, const Rect& area) const {
  FitRequest req;
  req.base.minTileW = ctx.u(30);
  req.base.minTileH = ctx.u(16);
  req.base.maxTileH = ctx.u(mModel.classes.empty() ? 30 : 24);
  req.base.maxTileW = ctx.u(60);
  req.base.gap = std::round(ctx.u(metrics::kGap));
  req.base.maxColumns = 5;
  for (const SchoolClass& c : mModel.classes) {
    req.labels.push_back(c.name);
  }
  req.labels.push_back(ctx.tr("sign-in.guest"));
  req.note = ctx.tr("sign-in.guest-detail");
  req.units = text_size::kHeading + 1.2f;
  req.pictures = !mModel.classes.empty();
  req.area = area;
  // Classes are not paged: every one must be on the screen, even if a very long
  // name has to be smaller for it.
  req.minPerPage = static_cast<int>(req.labels.size());
  req.floorUnits = text_size::kDetail * 0.5f;
  return fitTiles(ctx, req);
}

SignInScreen::TileFit SignInScreen::nameFit(const UiContext& ctx) const {
  FitRequest req;
  req.base.minTileW = ctx.u(26) * std::max(1.0f, ctx.textScale * 0.9f);
  req.base.minTileH = ctx.u(11.5f);
  req.base.maxTileH = ctx.u(22);
  req.base.maxTileW = ctx.u(50);
  req.base.gap = std::round(ctx.u(metrics::kGap));
  req.base.maxColumns = 6;
  for (const Pupil* p : mModel.pupilsOf(mClassId)) {
    req.labels.push_back(p->shortName());
    req.pictures = req.pictures || mMarks.count(p->id) != 0 || mModel.avatars.count(p->id) != 0;
  }
  req.units = text_size::kHeading;
  req.area = areas(ctx).tiles;
  // Fewer names a page rather than smaller words, down to two a page: a pupil who
  // chose big text needs it, and one name a page would be a long search.
  req.minPerPage = std::min(2, static_cast<int>(req.labels.size()));
  req.floorUnits = text_size::kDetail;
  return fitTiles(ctx, req);
}

void SignInScreen::layoutClasses(const UiContext& ctx, WidgetList& out) const {
  const std::string settings = ctx.tr("settings.button");
  out.push_back(Widget{"settings", cornerButton(ctx, Corner::BottomLeft, settings, true), settings,
                       WidgetRole::Button});
  if (mModel.loading) {
    return;
  }
  const Areas a = areas(ctx);
  const int count = static_cast<int>(mModel.classes.size()) + 1; // + guest
  Rect tiles = a.tiles;
  if (mModel.classes.empty()) {
    // Room above for the "no class list yet" note: all of its lines.
    const float note =
        std::round(std::max(ctx.u(16), textBlockHeight(ctx, ctx.tr("sign-in.no-classes"),
                                                       ctx.font(text_size::kBody), a.content.w) +
                                           ctx.u(2)));
    tiles = Rect{tiles.x, tiles.y + note, tiles.w, tiles.h - note};
  }
  mFit = classFit(ctx, tiles);
  const GridSpec& spec = mFit.spec;
  const Grid g = makeGrid(tiles, count, spec);
  // More classes than fit is unlikely on one machine; the rest would be on a
  // second page, but a school's classes fit in 5 x 3 tiles at 1280x720.
  const auto rects = g.place(tiles, count, spec.gap);
  for (std::size_t i = 0; i < rects.size(); ++i) {
    if (i < mModel.classes.size()) {
      const SchoolClass& c = mModel.classes[i];
      // Said aloud with its emblem ("3B, the rocket"); the tile shows the name.
      std::string label = c.name;
      if (const auto e = mModel.emblems.find(c.id); e != mModel.emblems.end()) {
        label = ctx.trf("sign-in.class-with-emblem",
                        {{"class", c.name},
                         {"picture", ctx.tr("emblem." + std::string(e->second.pictureName()))}});
      }
      out.push_back(Widget{"class:" + c.name, rects[i], label, WidgetRole::Tile});
    } else {
      out.push_back(Widget{"guest", rects[i], ctx.tr("sign-in.guest"), WidgetRole::Tile});
    }
  }
  const std::string teacher = ctx.tr("sign-in.teacher");
  out.push_back(Widget{"teacher", cornerButton(ctx, Corner::BottomRight, teacher, false), teacher,
                       WidgetRole::Button});
}

int SignInScreen::namesPerPage(const UiContext& ctx) const {
  const Areas a = areas(ctx);
  GridSpec spec = nameFit(ctx).spec;
  spec.maxTileH = 0; // as many rows as fit tiles of the least height
  return makeGrid(a.tiles, 1000, spec).perPage();
}

void SignInScreen::layoutNames(const UiContext& ctx, WidgetList& out) const {
  const std::string back = ctx.tr("common.back");
  out.push_back(
      Widget{"back", cornerButton(ctx, Corner::TopLeft, back, true), back, WidgetRole::Button});
  const Areas a = areas(ctx);
  const auto pupils = mModel.pupilsOf(mClassId);
  const int perPage = std::max(1, namesPerPage(ctx));
  mPerPage = perPage;
  const int pages = std::max(1, (static_cast<int>(pupils.size()) + perPage - 1) / perPage);
  const int page = std::clamp(mPage, 0, pages - 1);
  const int first = page * perPage;
  const int count = std::min(perPage, static_cast<int>(pupils.size()) - first);
  mFit = nameFit(ctx);
  const GridSpec& spec = mFit.spec;
  if (count > 0) {
    const Grid g = makeGrid(a.tiles, count, spec);
    const auto rects = g.place(a.tiles, count, spec.gap);
    for (int i = 0; i < count; ++i) {
      const Pupil& p = *pupils[static_cast<std::size_t>(first + i)];
      const auto mark = mMarks.find(p.id);
      const std::string label = mark == mMarks.end()
                                    ? p.shortName()
                                    : markedLabel(ctx, p.shortName(), mark->second.picture);
      out.push_back(
          Widget{"pupil:" + p.id, rects[static_cast<std::size_t>(i)], label, WidgetRole::Tile});
    }
  }
  if (page + 1 < pages) {
    const std::string more = ctx.tr("sign-in.more-names");
    out.push_back(Widget{"next", cornerButton(ctx, Corner::BottomRight, more, true), more,
                         WidgetRole::Button});
  }
}

void SignInScreen::layoutPictures(const UiContext& ctx, WidgetList& out) const {
  const std::string back = ctx.tr("common.back");
  out.push_back(
      Widget{"back", cornerButton(ctx, Corner::TopLeft, back, true), back, WidgetRole::Button});
  const Rect content = contentArea(ctx);
  // A line of words and three progress dots sit above the pictures.
  const float top = std::round(content.y + ctx.u(17));
  const Rect tiles{content.x, top, content.w, content.bottom() - top};
  GridSpec spec;
  spec.minTileW = ctx.u(24);
  spec.minTileH = ctx.u(24);
  spec.maxTileW = ctx.u(34);
  spec.maxTileH = ctx.u(34);
  spec.gap = std::round(ctx.u(metrics::kGap * 1.5f));
  spec.maxColumns = 3;
  Grid g = makeGrid(tiles, kPasswordPictures, spec);
  // Square tiles read as pictures.
  const float side = std::min(g.tileW, g.tileH);
  g.tileW = side;
  g.tileH = side;
  const auto rects = g.place(tiles, kPasswordPictures, spec.gap);
  for (std::size_t i = 0; i < rects.size(); ++i) {
    const int n = static_cast<int>(i) + 1;
    out.push_back(
        Widget{"picture:" + std::to_string(n), rects[i], pictureLabel(ctx, n), WidgetRole::Tile});
  }
}

// ---- drawing ----

void SignInScreen::draw(UiContext& ctx, const WidgetList& widgets, const WidgetVisuals& v) {
  const Theme& t = ctx.theme;
  const FontSpec tileFont = mFit.font; // class and name tiles: fitted in layout
  const FontSpec nameFont = mFit.font;
  const FontSpec detail = mFit.noteFont;

  switch (mStep) {
  case Step::Classes:
    drawTitle(ctx, ctx.tr("sign-in.pick-class"), widgets);
    break;
  case Step::Names: {
    std::string className;
    for (const auto& c : mModel.classes) {
      if (c.id == mClassId) {
        className = c.name;
      }
    }
    drawTitle(ctx, ctx.trf("sign-in.pick-name", {{"class", className}}), widgets);
    break;
  }
  case Step::Pictures:
    drawTitle(ctx, ctx.tr("sign-in.pick-pictures"), widgets);
    break;
  }

  if (mModel.loading) {
    const Rect& content = mAreas.content;
    drawTextBlock(ctx, ctx.tr("common.getting-ready"), ctx.font(text_size::kHeading), content,
                  TextAlign::Centre, t.mutedText, 2, true);
  }

  for (const Widget& w : widgets) {
    if (w.id == "butterfly") {
      continue; // the stack draws it
    }
    if (w.id == "settings") {
      drawButton(ctx, w, v, ButtonStyle::Normal, "\xE2\x9A\x99"); // ⚙
    } else if (w.id == "back") {
      drawButton(ctx, w, v, ButtonStyle::Normal, "\xE2\x86\x90"); // ←
    } else if (w.id == "next") {
      drawButton(ctx, w, v, ButtonStyle::Primary, "\xE2\x86\x92"); // →
    } else if (w.id == "teacher") {
      drawButton(ctx, w, v, ButtonStyle::Normal);
    } else if (w.id == "guest") {
      const Rect in = drawTileCard(ctx, w, v);
      const std::string note = ctx.tr("sign-in.guest-detail");
      const float detailH = textBlockHeight(ctx, note, detail, in.w);
      const float wordH = textBlockHeight(ctx, w.label, tileFont, in.w);
      // The word and its note together, centred in the tile.
      const float top = std::round(in.y + std::max(0.0f, (in.h - wordH - detailH) / 2));
      drawTextBlock(ctx, w.label, tileFont, Rect{in.x, top, in.w, wordH}, TextAlign::Centre,
                    t.text);
      drawTextBlock(ctx, note, detail, Rect{in.x, top + wordH, in.w, detailH}, TextAlign::Centre,
                    t.mutedText);
    } else if (WidgetId::parse(w.id).is("class")) {
      const SchoolClass* cls = nullptr;
      for (const SchoolClass& c : mModel.classes) {
        if (c.name == WidgetId::parse(w.id).value) {
          cls = &c;
        }
      }
      const std::string className = cls != nullptr ? cls->name : w.label;
      const auto emblem = cls != nullptr ? mModel.emblems.find(cls->id) : mModel.emblems.end();
      if (emblem == mModel.emblems.end()) {
        const Rect in = drawTileCard(ctx, w, v);
        drawTextBlock(ctx, className, tileFont, in, TextAlign::Centre, t.text, 0, true);
        continue;
      }
      // The class's emblem: its picture on its colour, at the left, on a tile of
      // the matching pale tint.
      const ClassEmblem& e = emblem->second;
      const Rect in = drawTileCard(ctx, w, v, tileTint(t, emblemTint(e.colour)));
      const Rect disc = pictureBox(in);
      const float side = disc.w;
      ctx.renderer.fillRoundedRect(disc, side / 2, emblemDisc(e.colour));
      const float inset = side * 0.1f;
      drawUiPicture(ctx, "em-" + std::string(e.pictureName()),
                    Rect{disc.x + inset, disc.y + inset, side - 2 * inset, side - 2 * inset});
      drawTextBlock(ctx, className, tileFont, wordsBox(in, true), TextAlign::Centre, t.text, 0,
                    true);
    } else if (WidgetId::parse(w.id).is("pupil")) {
      const std::string pupilId(WidgetId::parse(w.id).value);
      const auto mark = mMarks.find(pupilId);
      const auto avatar = mModel.avatars.find(pupilId);
      std::string name;
      for (const Pupil& p : mModel.pupils) {
        if (p.id == pupilId) {
          name = p.shortName();
        }
      }
      if (mark != mMarks.end()) {
        // A name shared in the class: its own colour, its picture on the left, and
        // the name (not the spoken label) beside it.
        const Rect in = drawTileCard(ctx, w, v, tileTint(t, mark->second.tint));
        drawUiPicture(ctx, "pw-" + std::string(passwordPictureName(mark->second.picture)),
                      pictureBox(in));
        drawTextBlock(ctx, name, nameFont, wordsBox(in, true), TextAlign::Centre, t.text, 0, true);
      } else if (avatar != mModel.avatars.end()) {
        // The picture the pupil picked, beside their name.
        const Rect in = drawTileCard(ctx, w, v);
        drawUiPicture(ctx, "av-" + avatar->second, pictureBox(in));
        drawTextBlock(ctx, name, nameFont, wordsBox(in, true), TextAlign::Centre, t.text, 0, true);
      } else {
        const Rect in = drawTileCard(ctx, w, v);
        drawTextBlock(ctx, w.label, nameFont, in, TextAlign::Centre, t.text, 0, true);
      }
    } else if (WidgetId::parse(w.id).is("picture")) {
      const Rect in = drawTileCard(ctx, w, v);
      const int n = static_cast<int>(WidgetId::parse(w.id).number().value_or(0));
      const std::string name = "pw-" + std::string(passwordPictureName(n));
      drawUiPicture(ctx, name,
                    Rect{in.x + in.w * 0.08f, in.y + in.h * 0.08f, in.w * 0.84f, in.h * 0.84f});
    }
  }

  const Rect& content = mAreas.content;
  if (mStep == Step::Classes && !mModel.loading && mModel.classes.empty()) {
    const std::string none = ctx.tr("sign-in.no-classes");
    const FontSpec body = ctx.font(text_size::kBody);
    drawTextBlock(ctx, none, body,
                  Rect{content.x, content.y, content.w,
                       std::max(ctx.u(14), textBlockHeight(ctx, none, body, content.w))},
                  TextAlign::Centre, t.mutedText, 0, true);
  }
  if (mStep == Step::Names) {
    const auto pupils = mModel.pupilsOf(mClassId);
    if (pupils.empty()) {
      drawTextBlock(ctx, ctx.tr("sign-in.no-names"), ctx.font(text_size::kBody), content,
                    TextAlign::Centre, t.mutedText, 3, true);
    }
    if (!mPageNote.empty()) {
      // Along the bottom, clear of "More names" (the bottom left is free here).
      float right = mAreas.bottom.right();
      for (const Widget& w : widgets) {
        if (w.id == "next") {
          right = w.rect.x - std::round(ctx.u(metrics::kGap));
        }
      }
      const Rect box{mAreas.bottom.x, mAreas.bottom.y, std::max(0.0f, right - mAreas.bottom.x),
                     mAreas.bottom.h};
      const FontSpec note = fitFont(ctx, mPageNote, box, {text_size::kBody}, FontWeight::Regular,
                                    FitRule{text_size::kDetail * 0.8f, true, 0.5f, true});
      drawTextBlock(ctx, mPageNote, note, box, TextAlign::Centre, t.mutedText, 0, true);
    }
  }
  if (mStep == Step::Pictures) {
    // Who is signing in, and three dots that fill as pictures are tapped.
    std::string who;
    for (const Pupil& p : mModel.pupils) {
      if (p.id == mPupilId) {
        who = p.shortName();
      }
    }
    const FontSpec whoFont = ctx.font(text_size::kHeading, FontWeight::Bold);
    const float lineH = ctx.text.metrics(whoFont).lineHeight();
    const std::string line = mWrongTries > 0 ? ctx.tr("sign-in.pictures-again") : who;
    drawTextBlock(ctx, line, whoFont, Rect{content.x, content.y, content.w, lineH},
                  TextAlign::Centre, mWrongTries > 0 ? t.text : t.text, 1);
    const float dot = std::round(ctx.u(4.5f));
    const float gap = std::round(ctx.u(3));
    const float total = 3 * dot + 2 * gap;
    const float y = std::round(content.y + lineH + ctx.u(2.5f));
    for (int i = 0; i < kPasswordLength; ++i) {
      const Rect d{
          std::round(content.x + (content.w - total) / 2 + static_cast<float>(i) * (dot + gap)), y,
          dot, dot};
      if (i < static_cast<int>(mTaps.size())) {
        ctx.renderer.fillRoundedRect(d, dot / 2, t.accent);
      } else {
        ctx.renderer.strokeRoundedRect(d, dot / 2, std::max(1.0f, std::round(ctx.u(0.45f))),
                                       t.mutedText);
      }
    }
  }
}

// ---- taps ----

void SignInScreen::activate(std::string_view widgetId, UiHost& host) {
  const std::string id(widgetId);
  if (id == "settings") {
    host.nav().push(makePupilSettingsScreen(host.pupil()));
    return;
  }
  if (id == "teacher") {
    host.nav().push(makeTeacherPinScreen(
        host.teacher(), [](UiHost& h) { h.nav().replaceTop(makeTeacherSettingsScreen(h)); }));
    return;
  }
  if (id == "guest") {
    host.pupil().signInGuest();
    return;
  }
  if (id == "back") {
    if (mStep == Step::Pictures) {
      mStep = Step::Names;
      mTaps.clear();
      mWrongTries = 0;
    } else if (mStep == Step::Names && mPage > 0) {
      --mPage;
    } else {
      mStep = Step::Classes;
      mPage = 0;
    }
    return;
  }
  if (id == "next") {
    ++mPage;
    return;
  }
  if (WidgetId::parse(id).is("class")) {
    const std::string name(WidgetId::parse(id).value);
    for (const SchoolClass& c : mModel.classes) {
      if (c.name == name) {
        showNames(c.id);
        return;
      }
    }
    return;
  }
  if (WidgetId::parse(id).is("pupil")) {
    const std::string pupilId(WidgetId::parse(id).value);
    const Pupil* pupil = nullptr;
    for (const Pupil& p : mModel.pupils) {
      if (p.id == pupilId) {
        pupil = &p;
      }
    }
    if (pupil == nullptr) {
      return;
    }
    if (mModel.classesWithPictures.count(pupil->classId) != 0) {
      showPictures(pupil->classId, pupil->id);
      return;
    }
    host.pupil().signIn(*pupil);
    return;
  }
  if (WidgetId::parse(id).is("picture") && mStep == Step::Pictures) {
    mTaps.push_back(static_cast<int>(WidgetId::parse(id).number().value_or(0)));
    if (static_cast<int>(mTaps.size()) < kPasswordLength) {
      return;
    }
    const bool right = mTaps == host.pupil().picturePassword(mClassId);
    mTaps.clear();
    if (!right) {
      ++mWrongTries; // no lockout for a child: just a calm "let's try again"
      return;
    }
    for (const Pupil& p : mModel.pupils) {
      if (p.id == mPupilId) {
        mWrongTries = 0;
        host.pupil().signIn(p);
        return;
      }
    }
  }
}

} // namespace sq
