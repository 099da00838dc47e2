// The AUP step.
// Sections:
//   1. helpers: bottom-bar buttons, the one-promise-a-page picture page
//   2. the screen: building it, which page, the rows of promises
//   3. layout: the intro, the promises (pictures or rows), signing, done; the pass
//      keeps what draw() needs (mContent, mPlan)
//   4. draw: the intro, the promises, signing, done, from what layout kept
//   5. input: turning pages, signing, presses, coming back from the PIN
#include "screens/lesson/aup_screen.hpp"

#include "screens/lesson/activity_parts.hpp"
#include "screens/sign_in_screen.hpp"
#include "screens/teacher/teacher_pin_screen.hpp"
#include "ui/grid.hpp"

#include <algorithm>
#include <cmath>

namespace sq {

namespace {

// ---- helpers ------------------------------------------------------------------------

const char* const kTick = "\xE2\x9C\x94";     // ✔
const char* const kPrevIcon = "\xE2\x86\x90"; // ←

constexpr std::size_t kMaxRows = 4; // older pupils: at most four promises a page

float gapPx(const UiContext& ctx) {
  return std::round(ctx.u(metrics::kGap));
}

// A button in the bottom bar just right of `left` (or in the corner when null).
Rect bottomAfter(const UiContext& ctx, const Widget* left, std::string_view label, bool icon) {
  Rect r = cornerButton(ctx, Corner::BottomLeft, label, icon);
  if (left != nullptr) {
    r.x = left->rect.right() + gapPx(ctx);
  }
  return r;
}

// One promise a page, for Reception and KS1: its picture on the left, and on the
// right "Promise 2 of 6", the words as large as fit, and the "I promise" toggle.
struct PicturePage {
  Rect picture; // empty when the promise has none
  Rect count;
  Rect words;
  FontSpec font;
  Rect toggle;
  bool cut = false; // the words are taller than their room
};

PicturePage picturePage(const UiContext& ctx, const AupPromise& p, float share) {
  PicturePage pg;
  const Rect content = stepContentArea(ctx);
  const float gap = gapPx(ctx);
  Rect col{};
  if (p.picture && share > 0) {
    const float side = std::round(std::min(content.h, content.w * share));
    pg.picture = Rect{content.x, std::round(content.y + (content.h - side) / 2), side, side};
    col = Rect{content.x + side + 2 * gap, content.y, content.w - side - 2 * gap, content.h};
  } else {
    const float w = std::min(content.w, std::round(ctx.u(130)));
    col = Rect{std::round(content.x + (content.w - w) / 2), content.y, w, content.h};
  }
  const float countH = std::round(ctx.u(7));
  const float toggleH = std::round(ctx.u(14));
  // Room for the hint under the toggle: two lines of the detail size.
  const float hintH =
      std::ceil(2 * ctx.text.metrics(ctx.font(text_size::kDetail)).lineHeight() + ctx.u(1.5f));
  pg.count = Rect{col.x, col.y, col.w, countH};
  const Rect room{col.x, col.y + countH, col.w, col.h - countH - toggleH - hintH - 2 * gap};
  const std::string& words = inLang(ctx, p.text);
  pg.font = fitFont(ctx, words, room, {text_size::kTitle, text_size::kHeading, text_size::kBody},
                    FontWeight::Regular);
  const float fullH = textBlockHeight(ctx, words, pg.font, room.w);
  pg.cut = fullH > room.h + 0.5f;
  const float wordsH = std::min(room.h, fullH);
  pg.words = Rect{room.x, room.y, room.w, wordsH};
  pg.toggle = Rect{col.x, std::round(room.y + wordsH + gap * 1.5f),
                   std::min(col.w, std::round(ctx.u(56))), toggleH};
  return pg;
}

PicturePage picturePage(const UiContext& ctx, const AupPromise& p) {
  // The picture gives up room (down to none) before the promise's words are cut.
  for (const float share : {0.42f, 0.32f, 0.22f}) {
    PicturePage pg = picturePage(ctx, p, share);
    if (!pg.cut) {
      return pg;
    }
  }
  return picturePage(ctx, p, 0.0f);
}

bool pageHasNarration(const Aup& aup, std::size_t first, std::size_t end) {
  for (std::size_t i = first; i < end && i < aup.promises.size(); ++i) {
    if (aup.promises[i].narration) {
      return true;
    }
  }
  return false;
}

} // namespace

// ---- the screen ---------------------------------------------------------------------

std::unique_ptr<Screen> makeAupScreen(std::shared_ptr<LessonPlay> play, const UiHost& host) {
  if (play == nullptr || play->runner.runnerAs<AupRunner>() == nullptr) {
    return nullptr;
  }
  return std::make_unique<AupScreen>(std::move(play), host);
}

AupScreen::AupScreen(std::shared_ptr<LessonPlay> play, const UiHost& host)
    : mPlay(std::move(play)) {
  const Session& who = host.pupil().session();
  mWholeClass = mPlay->wholeClass();
  mRecords = mPlay->session.player().kind == Player::Kind::Pupil;
  mPupilId = who.pupilId;
  mPupilName = who.shortName();
  mClassId = mWholeClass ? mPlay->classId() : who.classId;
  if (mRecords) {
    // The name tiles: the pupil's class, as on the sign-in screen.
    for (const Pupil& p : host.records().roster().pupils) {
      if (p.classId == mClassId && p.archivedOn.empty()) {
        mClassmates.push_back(p);
      }
    }
    const bool listed = std::any_of(mClassmates.begin(), mClassmates.end(),
                                    [&](const Pupil& p) { return p.id == mPupilId; });
    if (!listed) {
      Pupil self;
      self.id = mPupilId;
      self.firstName = who.firstName;
      self.initial = who.initial;
      self.classId = mClassId;
      mClassmates.push_back(self);
    }
    std::sort(mClassmates.begin(), mClassmates.end(), [](const Pupil& a, const Pupil& b) {
      if (a.firstName != b.firstName) {
        return naturalLess(a.firstName, b.firstName);
      }
      return naturalLess(a.initial, b.initial);
    });
  }
  const AupRunner* r = runner();
  if (r == nullptr) {
    return;
  }
  const Aup& aup = r->aup();
  if (r->isFinished()) {
    mStage = Stage::Done;
  } else if (r->allTicked()) {
    mStage = Stage::Sign;
  } else {
    std::size_t first = 0;
    while (first < aup.promises.size() && r->ticked(first)) {
      ++first;
    }
    mFirst = first;
    mStage = first == 0 && aup.intro ? Stage::Intro : Stage::Promises;
  }
}

bool AupScreen::pictures() const {
  const AupRunner* r = runner();
  return r != nullptr && r->aup().phase != AupPhase::Ks2;
}

bool AupScreen::pageTicked() const {
  const AupRunner* r = runner();
  for (std::size_t i = mFirst; r != nullptr && i < mEnd; ++i) {
    if (!r->ticked(i)) {
      return false;
    }
  }
  return true;
}

Rect AupScreen::rowsArea(const UiContext& ctx) const {
  const Rect content = stepContentArea(ctx);
  const float top = std::round(ctx.u(8));
  return Rect{content.x, content.y + top, content.w, content.h - top};
}

namespace {

constexpr float kRowPad = 2.5f;
constexpr float kRowMark = 9.0f;

float rowTextWidth(const UiContext& ctx, const Rect& area) {
  return area.w - std::round(ctx.u(kRowMark)) - 3 * std::round(ctx.u(kRowPad));
}

// The body size, or smaller when a promise would not fit the page at the pupil's
// text size: a promise is never cut short.
FontSpec rowFont(const UiContext& ctx, const Rect& area, const std::string& words) {
  const float pad = std::round(ctx.u(kRowPad));
  return fitFont(ctx, words, Rect{0, 0, rowTextWidth(ctx, area), area.h - 2 * pad},
                 {text_size::kBody, text_size::kDetail, 3.0f, 2.5f, 2.1f}, FontWeight::Regular);
}

float rowHeight(const UiContext& ctx, const Rect& area, const std::string& words) {
  const float pad = std::round(ctx.u(kRowPad));
  const float h =
      textBlockHeight(ctx, words, rowFont(ctx, area, words), rowTextWidth(ctx, area)) + 2 * pad;
  // In whole units, so a page is laid out alike at every screen size even though
  // glyphs round to whole pixels a little differently at each.
  const float units = std::ceil(h / ctx.unit() + 0.3f);
  return std::min(area.h, std::round(ctx.u(std::max(12.0f, units))));
}

} // namespace

std::vector<Rect> AupScreen::promiseRows(const UiContext& ctx, std::size_t first) const {
  std::vector<Rect> rows;
  const AupRunner* r = runner();
  if (r == nullptr) {
    return rows;
  }
  const auto& promises = r->aup().promises;
  const Rect area = rowsArea(ctx);
  const float gap = std::round(ctx.u(2));
  float y = area.y;
  for (std::size_t i = first; i < promises.size() && rows.size() < kMaxRows; ++i) {
    const float h = rowHeight(ctx, area, inLang(ctx, promises[i].text));
    if (y + h > area.bottom() && !rows.empty()) {
      break;
    }
    rows.push_back(Rect{area.x, y, area.w, h});
    y += h + gap;
  }
  return rows;
}

// ---- layout -------------------------------------------------------------------------

void AupScreen::layout(const UiContext& ctx, WidgetList& out) {
  mContent = stepContentArea(ctx); // for draw()
  mPlan = Plan{};
  addStepBack(ctx, out);
  if (runner() == nullptr) {
    return;
  }
  switch (mStage) {
  case Stage::Intro:
    layoutIntro(ctx);
    addStepBottom(ctx, out, false, ctx.tr("lesson.next"));
    break;
  case Stage::Done:
    layoutDone(ctx);
    addStepBottom(ctx, out, false, ctx.tr("lesson.next"));
    break;
  case Stage::Promises:
    layoutPromises(ctx, out);
    break;
  case Stage::Sign:
    layoutSign(ctx, out);
    break;
  }
}

void AupScreen::layoutDone(const UiContext& ctx) {
  const AupRunner* r = runner();
  if (!mRecords) {
    mPlan.doneWords = ctx.tr(mWholeClass ? "aup.done-class" : "aup.done-guest");
  } else if (r->signedByTeacher()) {
    mPlan.doneWords = ctx.tr("aup.done-teacher");
  } else {
    mPlan.doneWords = ctx.tr("aup.done-pupil");
  }
  const Rect& content = mContent;
  const float w = std::min(content.w, std::round(ctx.u(130)));
  mPlan.donePanel = Rect{std::round(content.x + (content.w - w) / 2), content.y + ctx.u(4), w,
                         content.h - ctx.u(4)};
  const float used =
      feedbackPanelHeight(ctx, mPlan.donePanel, ctx.tr("aup.thank-you"), mPlan.doneWords);
  // A big tick and how many promises were made, when there is room for them.
  const float side = std::round(ctx.u(18));
  const float y = mPlan.donePanel.y + used + ctx.u(5);
  if (y + side <= content.bottom()) {
    mPlan.doneTick = Rect{std::round(content.x + (content.w - side) / 2), y, side, side};
    mPlan.doneMade = Rect{content.x, mPlan.doneTick.bottom() + ctx.u(2), content.w,
                          std::max(0.0f, content.bottom() - mPlan.doneTick.bottom() - ctx.u(2))};
  }
}

void AupScreen::layoutIntro(const UiContext& ctx) {
  const Aup& aup = runner()->aup();
  const Rect& content = mContent;
  const float w = std::min(content.w, std::round(ctx.u(128)));
  const Rect col{std::round(content.x + (content.w - w) / 2), content.y, w, content.h};
  const std::string count = ctx.trf("aup.count", {{"count", std::to_string(aup.promises.size())}});
  mPlan.countH =
      textBlockHeight(ctx, count, ctx.font(text_size::kHeading, FontWeight::Bold), col.w, 2);
  const std::string& intro = aup.intro ? inLang(ctx, *aup.intro) : std::string();
  mPlan.introBox = Rect{col.x, col.y, col.w, col.h - mPlan.countH - ctx.u(4)};
  mPlan.introFont = fitFont(ctx, intro, mPlan.introBox,
                            {pictures() ? text_size::kTitle : text_size::kHeading,
                             text_size::kHeading, text_size::kBody, text_size::kDetail},
                            FontWeight::Regular);
  // The count sits under the words as drawn: as many lines as the box holds.
  const float lineH = ctx.text.metrics(mPlan.introFont).lineHeight();
  const int fitLines = std::max(1, static_cast<int>((mPlan.introBox.h + 0.5f) / lineH));
  const float used = textBlockHeight(ctx, intro, mPlan.introFont, mPlan.introBox.w, fitLines);
  mPlan.countBox = Rect{col.x, col.y + used + ctx.u(4), col.w, mPlan.countH};
}

void AupScreen::layoutPromises(const UiContext& ctx, WidgetList& out) {
  const AupRunner& r = *runner();
  const auto& promises = r.aup().promises;
  if (mFirst >= promises.size()) {
    addStepBottom(ctx, out, false, ctx.tr("lesson.next"));
    return;
  }
  if (pictures()) {
    const PicturePage pg = picturePage(ctx, promises[mFirst]);
    Widget t{"promise:" + std::to_string(mFirst + 1), pg.toggle, ctx.tr("aup.i-promise"),
             WidgetRole::Toggle};
    t.selected = r.ticked(mFirst);
    out.push_back(t);
    mPlan.picture = pg.picture;
    mPlan.count = pg.count;
    mPlan.words = pg.words;
    mPlan.wordsFont = pg.font;
    // Under the toggle until it is ticked: how to tick it.
    const std::string hint = ctx.tr("aup.tap-promise");
    mPlan.hint = Rect{t.rect.x, t.rect.bottom() + ctx.u(1.5f), std::max(t.rect.w, pg.words.w),
                      std::ceil(2 * ctx.text.metrics(ctx.font(text_size::kDetail)).lineHeight())};
    mPlan.hintFont =
        fitFont(ctx, hint, mPlan.hint, {text_size::kBody, text_size::kDetail}, FontWeight::Regular);
    mEnd = mFirst + 1;
    mPrevFirst = mFirst > 0 ? mFirst - 1 : 0;
  } else {
    const auto rows = promiseRows(ctx, mFirst);
    mPlan.rows = rowsArea(ctx);
    for (std::size_t k = 0; k < rows.size(); ++k) {
      const std::size_t i = mFirst + k;
      Widget t{"promise:" + std::to_string(i + 1), rows[k], inLang(ctx, promises[i].text),
               WidgetRole::Toggle};
      t.selected = r.ticked(i);
      mPlan.rowFonts.push_back(rowFont(ctx, mPlan.rows, t.label));
      out.push_back(t);
    }
    mEnd = mFirst + rows.size();
    // The page before: as many promises as fit, ending just before this one.
    const Rect area = rowsArea(ctx);
    const float gap = std::round(ctx.u(2));
    std::size_t j = mFirst;
    float used = 0;
    while (j > 0 && mFirst - j < kMaxRows) {
      const float h = rowHeight(ctx, area, inLang(ctx, promises[j - 1].text));
      if (used + h > area.h && j != mFirst) {
        break;
      }
      used += h + gap;
      --j;
    }
    mPrevFirst = j;
  }
  const bool narration = pageHasNarration(r.aup(), mFirst, mEnd);
  if (narration) {
    const std::string read = ctx.tr("common.read-aloud");
    out.push_back(Widget{"read-aloud", cornerButton(ctx, Corner::BottomLeft, read, true), read,
                         WidgetRole::Button});
  }
  if (mFirst > 0) {
    const std::string prev = ctx.tr("aup.previous");
    out.push_back(Widget{"previous",
                         bottomAfter(ctx, narration ? &out.back() : nullptr, prev, true), prev,
                         WidgetRole::Button});
  }
  addStepBottom(ctx, out, false, ctx.tr("lesson.next"), pageTicked());
}

std::string AupScreen::signWords(const UiContext& ctx, bool& gentle) const {
  gentle = false;
  if (!mRecords) {
    return ctx.tr(mWholeClass ? "aup.class-note" : "aup.guest-note");
  }
  if (mMessage == "aup.thats-you") {
    return ctx.trf("aup.thats-you", {{"name", mPupilName}});
  }
  if (mMessage == "aup.not-you") {
    gentle = true;
    return ctx.tr("aup.not-you");
  }
  return ctx.tr(runner()->aup().phase == AupPhase::Eyfs ? "aup.find-name-eyfs" : "aup.find-name");
}

void AupScreen::layoutSign(const UiContext& ctx, WidgetList& out) {
  const AupRunner& r = *runner();
  const Rect content = stepContentArea(ctx);
  {
    // The words at the top: whose name to find, or what just happened.
    bool gentle = false;
    const std::string words = signWords(ctx, gentle);
    const Rect top{content.x, content.y, content.w, std::round(ctx.u(15))};
    mPlan.signWords =
        Rect{top.x + ctx.u(2), top.y + ctx.u(0.5f), top.w - ctx.u(4), top.h - ctx.u(1)};
    mPlan.signFont =
        fitFont(ctx, words, mPlan.signWords,
                {text_size::kHeading, text_size::kBody, text_size::kDetail}, FontWeight::Bold);
  }
  const float top = std::round(ctx.u(17));
  const Rect tiles{content.x, content.y + top, content.w, content.h - top};
  int pages = 1;
  if (mRecords) {
    GridSpec spec;
    spec.minTileW = ctx.u(26) * std::max(1.0f, ctx.textScale * 0.9f);
    spec.minTileH = ctx.u(11.5f);
    spec.maxTileH = ctx.u(20);
    spec.maxTileW = ctx.u(46);
    spec.gap = gapPx(ctx);
    spec.maxColumns = 6;
    mNamesPerPage = std::max(1, makeGrid(tiles, 1000, spec).perPage());
    const int count = static_cast<int>(mClassmates.size());
    pages = std::max(1, (count + mNamesPerPage - 1) / mNamesPerPage);
    const int page = std::clamp(mNamePage, 0, pages - 1);
    const int first = page * mNamesPerPage;
    const int shown = std::min(mNamesPerPage, count - first);
    if (shown > 0) {
      const Grid g = makeGrid(tiles, shown, spec);
      const auto rects = g.place(tiles, shown, spec.gap);
      for (int i = 0; i < shown; ++i) {
        const Pupil& p = mClassmates[static_cast<std::size_t>(first + i)];
        Widget w{"pupil:" + p.id, rects[static_cast<std::size_t>(i)], p.shortName(),
                 WidgetRole::Tile};
        w.selected = mNameChosen && p.id == mPupilId;
        // A long name is made smaller, never cut.
        const std::string label = w.selected ? std::string(kTick) + " " + w.label : w.label;
        mPlan.nameFonts.push_back(fitFont(
            ctx, label, tileCardInner(ctx, w.rect),
            {text_size::kHeading, text_size::kBody, text_size::kDetail, 3.0f}, FontWeight::Bold));
        out.push_back(w);
      }
    }
  }
  const Widget* left = nullptr;
  if (mRecords && r.aup().phase == AupPhase::Eyfs) {
    const std::string teacher = ctx.tr("aup.teacher-signs");
    Widget w{"teacher-signs", cornerButton(ctx, Corner::BottomLeft, teacher, false), teacher,
             WidgetRole::Button};
    w.enabled = r.allTicked();
    out.push_back(w);
    left = &out.back();
  }
  if (pages > 1) {
    const std::string more = ctx.tr("aup.more-names");
    out.push_back(
        Widget{"more-names", bottomAfter(ctx, left, more, true), more, WidgetRole::Button});
  }
  const std::string agree = ctx.tr("aup.agree");
  Widget a{"agree", cornerButton(ctx, Corner::BottomRight, agree, true), agree, WidgetRole::Button};
  a.enabled = r.allTicked() && (mNameChosen || !mRecords);
  out.push_back(a);
}

// ---- draw ---------------------------------------------------------------------------

void AupScreen::draw(UiContext& ctx, const WidgetList& widgets, const WidgetVisuals& v) {
  const Theme& t = ctx.theme;
  const AupRunner* r = runner();
  drawStepHeader(ctx, *mPlay, r != nullptr ? inLang(ctx, r->aup().title) : std::string(), widgets);
  drawStepButtons(ctx, widgets, v);
  if (r == nullptr) {
    return;
  }
  const Aup& aup = r->aup();
  switch (mStage) {
  case Stage::Intro: {
    const Rect& box = mPlan.introBox;
    const std::string count =
        ctx.trf("aup.count", {{"count", std::to_string(aup.promises.size())}});
    const std::string& intro = aup.intro ? inLang(ctx, *aup.intro) : std::string();
    drawTextBlock(ctx, intro, mPlan.introFont, box, TextAlign::Centre, t.text);
    drawTextBlock(ctx, count, ctx.font(text_size::kHeading, FontWeight::Bold), mPlan.countBox,
                  TextAlign::Centre, t.text, 2);
    break;
  }
  case Stage::Promises:
    drawPromises(ctx, widgets, v);
    break;
  case Stage::Sign:
    drawSign(ctx, widgets, v);
    break;
  case Stage::Done: {
    drawFeedbackPanel(ctx, mPlan.donePanel, FeedbackTone::Warm, ctx.tr("aup.thank-you"),
                      mPlan.doneWords);
    const Rect& badge = mPlan.doneTick;
    if (badge.w > 0) {
      ctx.renderer.fillRoundedRect(badge, badge.w / 2, t.readyText);
      drawIcon(ctx, kTick, badge, 10.0f, t.readyFill);
      const std::string made =
          ctx.trf("aup.made", {{"count", std::to_string(aup.promises.size())}});
      drawTextBlock(ctx, made, ctx.font(text_size::kHeading, FontWeight::Bold), mPlan.doneMade,
                    TextAlign::Centre, t.text, 1);
    }
    break;
  }
  }
}

void AupScreen::drawPromises(UiContext& ctx, const WidgetList& widgets, const WidgetVisuals& v) {
  const Theme& t = ctx.theme;
  const AupRunner& r = *runner();
  const auto& promises = r.aup().promises;
  const std::string count = std::to_string(promises.size());
  if (mFirst >= promises.size()) {
    return;
  }
  for (const Widget& w : widgets) {
    if (w.id == "previous") {
      drawButton(ctx, w, v, ButtonStyle::Normal, kPrevIcon);
    }
  }
  if (pictures()) {
    const AupPromise& p = promises[mFirst];
    if (p.picture) {
      drawPicture(ctx, mPlay->asset(p.picture->src), mPlan.picture);
    }
    drawTextBlock(
        ctx, ctx.trf("aup.promise-of", {{"n", std::to_string(mFirst + 1)}, {"count", count}}),
        ctx.font(text_size::kBody, FontWeight::Bold), mPlan.count, TextAlign::Left, t.mutedText, 1);
    drawTextBlock(ctx, inLang(ctx, p.text), mPlan.wordsFont, mPlan.words, TextAlign::Left, t.text);
    for (const Widget& w : widgets) {
      if (w.role == WidgetRole::Toggle) {
        drawChoiceButton(ctx, w, v);
        if (!w.selected) {
          drawTextBlock(ctx, ctx.tr("aup.tap-promise"), mPlan.hintFont, mPlan.hint, TextAlign::Left,
                        t.mutedText, 2);
        }
      }
    }
    return;
  }
  // Older pupils: the promises as rows of text, each ticked on its own.
  const Rect& area = mPlan.rows;
  const Rect line{area.x, mContent.y, area.w, area.y - mContent.y};
  // One line: what to do, and which promises these are. It grows with the
  // pupil's text size only a little, so it always fits.
  const float lineUnits = text_size::kBody * std::min(ctx.textScale, 1.25f);
  const std::string range =
      mEnd <= mFirst + 1
          ? ctx.trf("aup.promise-of", {{"n", std::to_string(mFirst + 1)}, {"count", count}})
          : ctx.trf("aup.promises-range", {{"from", std::to_string(mFirst + 1)},
                                           {"to", std::to_string(mEnd)},
                                           {"count", count}});
  const FontSpec rangeFont = ctx.fixedFont(lineUnits);
  const float rangeW = measureText(range, ctx.text.metrics(rangeFont)) + ctx.u(1);
  drawTextBlock(ctx, range, rangeFont, line, TextAlign::Right, t.mutedText, 1);
  const std::string tick = ctx.tr("aup.tick-each");
  const float tickRoom = std::max(0.0f, line.w - rangeW - ctx.u(3));
  drawTextBlock(ctx, tick, fittingFont(ctx, tick, lineUnits, tickRoom),
                Rect{line.x, line.y, tickRoom, line.h}, TextAlign::Left, t.text, 1);
  const float pad = std::round(ctx.u(2.5f));
  const float mark = std::round(ctx.u(9));
  std::size_t row = 0;
  for (const Widget& w : widgets) {
    if (w.role != WidgetRole::Toggle || row >= mPlan.rowFonts.size()) {
      continue;
    }
    const FontSpec& font = mPlan.rowFonts[row++];
    drawTileCard(ctx, w, v, w.selected ? std::optional<Colour>(t.readyFill) : std::nullopt);
    if (w.selected) {
      ctx.renderer.strokeRoundedRect(w.rect, ctx.u(metrics::kRadius),
                                     std::max(1.0f, std::round(ctx.u(0.6f))), t.readyAccent);
    }
    const float d = std::round(ctx.u(6.5f));
    const Rect ring{w.rect.x + pad + (mark - d) / 2, std::round(w.rect.y + (w.rect.h - d) / 2), d,
                    d};
    if (w.selected) {
      ctx.renderer.fillRoundedRect(ring, d / 2, t.readyText);
      drawIcon(ctx, kTick, ring, 4.2f, t.readyFill);
    } else {
      ctx.renderer.strokeRoundedRect(ring, d / 2, std::max(1.0f, std::round(ctx.u(0.45f))),
                                     t.mutedText);
    }
    const float x = w.rect.x + mark + 2 * pad;
    drawTextBlock(ctx, w.label, font,
                  Rect{x, w.rect.y + pad, w.rect.right() - pad - x, w.rect.h - 2 * pad},
                  TextAlign::Left, w.selected ? t.readyText : t.text, 0, true);
  }
}

void AupScreen::drawSign(UiContext& ctx, const WidgetList& widgets, const WidgetVisuals& v) {
  const Theme& t = ctx.theme;
  const Rect content = mContent;
  bool gentle = false;
  const std::string words = signWords(ctx, gentle);
  const Rect top{content.x, content.y, content.w, std::round(ctx.u(15))};
  if (gentle) {
    ctx.renderer.fillRoundedRect(top, ctx.u(metrics::kRadius), t.calm);
  }
  drawTextBlock(ctx, words, mPlan.signFont, mPlan.signWords, TextAlign::Centre,
                gentle ? t.calmText : t.text, 0, true);
  std::size_t name = 0;
  for (const Widget& w : widgets) {
    if (WidgetId::parse(w.id).is("pupil") && name < mPlan.nameFonts.size()) {
      const FontSpec& font = mPlan.nameFonts[name++];
      const Rect in =
          drawTileCard(ctx, w, v, w.selected ? std::optional<Colour>(t.readyFill) : std::nullopt);
      if (w.selected) {
        ctx.renderer.strokeRoundedRect(w.rect, ctx.u(metrics::kRadius),
                                       std::max(1.0f, std::round(ctx.u(0.6f))), t.readyAccent);
      }
      const std::string label = w.selected ? std::string(kTick) + " " + w.label : w.label;
      drawTextBlock(ctx, label, font, in, TextAlign::Centre, w.selected ? t.readyText : t.text, 0,
                    true);
    } else if (w.id == "teacher-signs") {
      drawButton(ctx, w, v, ButtonStyle::Normal);
    } else if (w.id == "more-names") {
      drawButton(ctx, w, v, ButtonStyle::Normal, "\xE2\x86\x92"); // →
    } else if (w.id == "agree") {
      drawButton(ctx, w, v, w.enabled ? ButtonStyle::Primary : ButtonStyle::Normal, kTick);
    }
  }
}

// ---- input --------------------------------------------------------------------------

void AupScreen::showPage(std::size_t first, UiHost& host) {
  mStage = Stage::Promises;
  mFirst = first;
  mEnd = first + 1; // until the next layout works out the page
  saveProgress(*mPlay, host);
  const AupRunner* r = runner();
  if (r != nullptr && first < r->aup().promises.size()) {
    narrate(*mPlay, host, r->aup().promises[first].narration, true);
  }
}

void AupScreen::sign(UiHost& host, bool byTeacher) {
  (void)host;
  // The session agrees and records aup.signed (the pupil's class, the teacher
  // signing for a Reception child included) and progress; a guest's and a whole
  // class's signing record nothing here.
  if (!signAup(*mPlay, byTeacher ? SignedBy::Teacher : SignedBy::Pupil)) {
    return;
  }
  mStage = Stage::Done;
}

void AupScreen::activate(std::string_view widgetId, UiHost& host) {
  AupRunner* r = runner();
  if (widgetId == "back") {
    host.nav().pop();
    return;
  }
  if (r == nullptr) {
    return;
  }
  const auto& promises = r->aup().promises;
  const std::string id(widgetId);
  if (id == "next") {
    switch (mStage) {
    case Stage::Intro:
      showPage(0, host);
      break;
    case Stage::Promises:
      if (!pageTicked()) {
        break;
      }
      if (mEnd >= promises.size()) {
        mStage = Stage::Sign;
        saveProgress(*mPlay, host);
      } else {
        mHistory.push_back(mFirst);
        showPage(mEnd, host);
      }
      break;
    case Stage::Sign:
      break;
    case Stage::Done:
      finishStep(mPlay, host);
      break;
    }
  } else if (id == "previous" && mStage == Stage::Promises && mFirst > 0) {
    std::size_t first = mPrevFirst;
    if (!mHistory.empty()) {
      first = mHistory.back();
      mHistory.pop_back();
    }
    showPage(std::min(first, mFirst - 1), host);
  } else if (WidgetId::parse(id).is("promise") && mStage == Stage::Promises) {
    const int n = static_cast<int>(WidgetId::parse(id).number().value_or(0));
    const auto i = static_cast<std::size_t>(std::max(0, n - 1));
    if (n >= 1 && i >= mFirst && i < mEnd) {
      r->tick(i);
    }
  } else if (id == "read-aloud") {
    for (std::size_t i = mFirst; i < mEnd && i < promises.size(); ++i) {
      if (promises[i].narration) {
        narrate(*mPlay, host, promises[i].narration, false);
        break;
      }
    }
  } else if (WidgetId::parse(id).is("pupil") && mStage == Stage::Sign) {
    // Only the pupil's own name signs; another gets a gentle word.
    mNameChosen = WidgetId::parse(id).value == mPupilId;
    mMessage = mNameChosen ? "aup.thats-you" : "aup.not-you";
  } else if (id == "more-names") {
    const int count = static_cast<int>(mClassmates.size());
    const int pages = std::max(1, (count + mNamesPerPage - 1) / std::max(1, mNamesPerPage));
    mNamePage = (mNamePage + 1) % pages;
  } else if (id == "agree" && mStage == Stage::Sign) {
    if (mNameChosen || !mRecords) {
      sign(host, false);
    }
  } else if (id == "teacher-signs" && mStage == Stage::Sign) {
    // A Reception child may have a teacher sign for them, behind the PIN.
    const auto accepted = mTeacherAccepted;
    *accepted = false;
    host.nav().push(makeTeacherPinScreen(host.teacher(), [accepted](UiHost& h) {
      *accepted = true;
      h.nav().pop();
    }));
  }
}

void AupScreen::resumed(UiHost& host) {
  if (*mTeacherAccepted) {
    *mTeacherAccepted = false;
    sign(host, true);
  }
}

} // namespace sq
