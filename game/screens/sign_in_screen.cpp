// Sections:
//   1. ordering: classes and names in the order a teacher reads them
//   2. the model: classes, pupils on roll and picture passwords from the host
//   3. layout: the class tiles, the name tiles (with a mark where names clash), the
//      pictures
//   4. drawing: titles, tiles, the progress dots
//   5. taps: what each widget does
#include "screens/sign_in_screen.hpp"

#include "screens/name_marks.hpp"
#include "screens/picture_password.hpp"
#include "screens/pupil_settings_screen.hpp"
#include "screens/teacher/teacher_pin_screen.hpp"
#include "screens/teacher/teacher_settings_screen.hpp"
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

void SignInScreen::layoutClasses(const UiContext& ctx, WidgetList& out) const {
  const std::string settings = ctx.tr("settings.button");
  out.push_back(Widget{"settings", cornerButton(ctx, Corner::BottomLeft, settings, true), settings,
                       WidgetRole::Button});
  if (mModel.loading) {
    return;
  }
  const Areas a = areas(ctx);
  const int count = static_cast<int>(mModel.classes.size()) + 1; // + guest
  GridSpec spec;
  spec.minTileW = ctx.u(30);
  spec.minTileH = ctx.u(16);
  spec.maxTileH = ctx.u(mModel.classes.empty() ? 30 : 24);
  spec.maxTileW = ctx.u(60);
  spec.gap = std::round(ctx.u(metrics::kGap));
  spec.maxColumns = 5;
  Rect tiles = a.tiles;
  if (mModel.classes.empty()) {
    // Room above for the "no class list yet" note.
    const float note = std::round(ctx.u(16));
    tiles = Rect{tiles.x, tiles.y + note, tiles.w, tiles.h - note};
  }
  const Grid g = makeGrid(tiles, count, spec);
  // More classes than fit is unlikely on one machine; the rest would be on a
  // second page, but a school's classes fit in 5 x 3 tiles at 1280x720.
  const auto rects = g.place(tiles, count, spec.gap);
  for (std::size_t i = 0; i < rects.size(); ++i) {
    if (i < mModel.classes.size()) {
      const SchoolClass& c = mModel.classes[i];
      out.push_back(Widget{"class:" + c.name, rects[i], c.name, WidgetRole::Tile});
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
  GridSpec spec;
  spec.minTileW = ctx.u(26) * std::max(1.0f, ctx.textScale * 0.9f);
  spec.minTileH = ctx.u(11.5f);
  spec.gap = std::round(ctx.u(metrics::kGap));
  spec.maxColumns = 6;
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
  GridSpec spec;
  spec.minTileW = ctx.u(26) * std::max(1.0f, ctx.textScale * 0.9f);
  spec.minTileH = ctx.u(11.5f);
  spec.maxTileH = ctx.u(22);
  spec.maxTileW = ctx.u(50);
  spec.gap = std::round(ctx.u(metrics::kGap));
  spec.maxColumns = 6;
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
  const FontSpec tileFont = ctx.font(text_size::kHeading + 1.2f, FontWeight::Bold);
  const FontSpec nameFont = ctx.font(text_size::kHeading, FontWeight::Bold);
  const FontSpec detail = ctx.font(text_size::kDetail);
  std::size_t tileIndex = 0; // class tiles come first, in the model's order

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
      const float detailH = textBlockHeight(ctx, note, detail, in.w, 2);
      const Rect main{in.x, in.y, in.w, in.h - detailH};
      drawTextBlock(ctx, w.label, tileFont, main, TextAlign::Centre, t.text, 1, true);
      drawTextBlock(ctx, note, detail, Rect{in.x, main.bottom() - ctx.u(1), in.w, detailH},
                    TextAlign::Centre, t.mutedText, 2);
    } else if (WidgetId::parse(w.id).is("class")) {
      const Rect in = drawTileCard(ctx, w, v, tileTint(t, tileIndex++));
      drawTextBlock(ctx, w.label, tileFont, in, TextAlign::Centre, t.text, 2, true);
    } else if (WidgetId::parse(w.id).is("pupil")) {
      const std::string pupilId(WidgetId::parse(w.id).value);
      const auto mark = mMarks.find(pupilId);
      if (mark == mMarks.end()) {
        const Rect in = drawTileCard(ctx, w, v);
        drawTextBlock(ctx, w.label, nameFont, in, TextAlign::Centre, t.text, 2, true);
      } else {
        // A name shared in the class: its own colour, its picture on the left, and
        // the name (not the spoken label) beside it.
        const Rect in = drawTileCard(ctx, w, v, tileTint(t, mark->second.tint));
        const float side = std::min(in.h, in.w * 0.4f);
        drawUiPicture(ctx, "pw-" + std::string(passwordPictureName(mark->second.picture)),
                      Rect{in.x, in.y + (in.h - side) / 2, side, side});
        std::string name;
        for (const Pupil& p : mModel.pupils) {
          if (p.id == pupilId) {
            name = p.shortName();
          }
        }
        const float gap = std::round(ctx.u(1));
        drawTextBlock(ctx, name, nameFont, Rect{in.x + side + gap, in.y, in.w - side - gap, in.h},
                      TextAlign::Centre, t.text, 2, true);
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
    drawTextBlock(ctx, ctx.tr("sign-in.no-classes"), ctx.font(text_size::kBody),
                  Rect{content.x, content.y, content.w, ctx.u(14)}, TextAlign::Centre, t.mutedText,
                  2, true);
  }
  if (mStep == Step::Names) {
    const auto pupils = mModel.pupilsOf(mClassId);
    if (pupils.empty()) {
      drawTextBlock(ctx, ctx.tr("sign-in.no-names"), ctx.font(text_size::kBody), content,
                    TextAlign::Centre, t.mutedText, 3, true);
    }
    if (!mPageNote.empty()) {
      drawTextBlock(ctx, mPageNote, ctx.font(text_size::kBody), mAreas.bottom, TextAlign::Centre,
                    t.mutedText, 1, true);
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
