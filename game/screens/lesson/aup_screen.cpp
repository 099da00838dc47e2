// The AUP step.
// Sections:
//   1. helpers: bottom-bar buttons, the one-promise-a-page layout (its picture
//      giving way, then its hint, then the words scrolling), the name tiles' fit
//   2. the screen: building it, which page, the rows of promises and the line
//      over them
//   3. layout: the intro, the promises (a page each, or rows), signing, done; the
//      pass keeps what draw() needs (mContent, mPlan, mScroll)
//   4. draw: the intro, the promises, signing, done, from what layout kept
//   5. input: turning pages, signing, presses, scrolling, coming back from the PIN
#include "screens/lesson/aup_screen.hpp"

#include "screens/lesson/activity_parts.hpp"
#include "screens/sign_in_screen.hpp"
#include "screens/teacher/teacher_pin_screen.hpp"
#include "text/layout.hpp"
#include "ui/grid.hpp"

#include <algorithm>
#include <cmath>

namespace sq {

namespace {

// ---- helpers ------------------------------------------------------------------------

const char* const kTick = "\xE2\x9C\x94";     // ✔
const char* const kPrevIcon = "\xE2\x86\x90"; // ←
// Between a chosen name's tick and the name: the tick never sits on a line alone.
const char* const kNoBreak = "\xC2\xA0";

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

// The lines that say where the pupil is ("Promise 2 of 9", "Tick each promise…"):
// they grow with the pupil's text size only a little, as the other screens'
// counts do, so the promises themselves keep the room.
FontSpec statusFont(const UiContext& ctx, FontWeight weight) {
  return ctx.fixedFont(text_size::kBody * std::min(ctx.textScale, 1.25f), weight);
}

// A promise on a page of its own: for Reception and KS1 with its picture on the
// left, and on the right "Promise 2 of 6", the words as large as fit, the
// "I promise" toggle and under it how to tick it.
struct PageWords {
  std::string count;  // "Promise 2 of 6"
  std::string words;  // the promise
  std::string toggle; // "I promise"
  std::string hint;   // "Tap “I promise” when you understand it."
  bool picture = false;
  bool young = false; // Reception and KS1: the words may be larger than the body size
};

struct PromisePage {
  Rect picture; // empty when the promise has none, or it gave way
  Rect count;
  FontSpec countFont;
  Rect words; // their room; the scroll box when they scroll
  FontSpec font;
  float wordsH = 0; // their whole height
  bool scrolls = false;
  Rect toggle;
  Rect hint; // empty when it gave way
  FontSpec hintFont;
  bool fits = false; // every word whole (scrolling or not)
};

PromisePage promisePage(const UiContext& ctx, const PageWords& in, float share, bool withHint,
                        bool scroll, bool wide = false) {
  PromisePage pg;
  const Rect content = stepContentArea(ctx);
  const float gap = gapPx(ctx);
  Rect col{};
  if (in.picture && share > 0) {
    const float side = std::round(std::min(content.h, content.w * share));
    pg.picture = Rect{content.x, std::round(content.y + (content.h - side) / 2), side, side};
    col = Rect{content.x + side + 2 * gap, content.y, content.w - side - 2 * gap, content.h};
  } else {
    // A calm line length, or the whole width rather than scrolling.
    const float w = wide ? content.w : std::min(content.w, std::round(ctx.u(130)));
    col = Rect{std::round(content.x + (content.w - w) / 2), content.y, w, content.h};
  }
  pg.countFont = statusFont(ctx, FontWeight::Bold);
  const float countH = std::ceil(textBlockHeight(ctx, in.count, pg.countFont, col.w));
  pg.count = Rect{col.x, col.y, col.w, countH};
  const float toggleW =
      std::min(col.w, std::max(std::round(ctx.u(56)), choiceButtonMinWidth(ctx, in.toggle)));
  const float toggleH =
      std::ceil(choiceButtonHeightFor(ctx, in.toggle, toggleW, std::round(ctx.u(14))));
  pg.hintFont = ctx.font(text_size::kDetail);
  const float hintGap = std::round(ctx.u(1.5f));
  const float hintH =
      withHint ? std::ceil(textBlockHeight(ctx, in.hint, pg.hintFont, col.w)) + hintGap : 0.0f;
  const float top = col.y + countH + std::round(ctx.u(1.5f));
  const float toggleGap = std::round(gap * 1.5f);
  const Rect room{col.x, top, col.w, col.bottom() - top - toggleGap - toggleH - hintH};
  const FontSpec body = ctx.font(text_size::kBody);
  if (room.h < ctx.text.metrics(body).lineHeight() || toggleW < 1) {
    return pg; // not even a line: this way does not work
  }
  if (!scroll) {
    pg.font = in.young ? fitFont(ctx, in.words, room,
                                 {text_size::kTitle, text_size::kHeading, text_size::kBody},
                                 FontWeight::Regular)
                       : body;
    pg.wordsH = textBlockHeight(ctx, in.words, pg.font, room.w);
    pg.fits = pg.wordsH <= room.h + 0.5f;
    pg.words = Rect{room.x, room.y, room.w, std::min(room.h, pg.wordsH)};
  } else {
    // At the body size, scrolling: the words keep clear of the bar and its cue.
    pg.font = body;
    pg.scrolls = true;
    pg.wordsH = textBlockHeight(ctx, in.words, body, room.w - ScrollBox::gutter(ctx));
    pg.words = room;
    pg.fits = true;
  }
  pg.toggle = Rect{col.x, std::round(pg.words.bottom() + toggleGap), toggleW, toggleH};
  if (withHint) {
    pg.hint = Rect{col.x, pg.toggle.bottom() + hintGap, col.w, hintH - hintGap};
  }
  return pg;
}

PromisePage promisePage(const UiContext& ctx, const PageWords& in) {
  // The picture gives up room first, then the hint (the toggle says "I promise"
  // itself), then the picture goes; only then do the words scroll.
  if (in.picture) {
    for (const float share : {0.42f, 0.32f, 0.22f}) {
      PromisePage pg = promisePage(ctx, in, share, true, false);
      if (pg.fits) {
        return pg;
      }
    }
    PromisePage pg = promisePage(ctx, in, 0.22f, false, false);
    if (pg.fits) {
      return pg;
    }
  }
  for (const bool wide : {false, true}) {
    for (const bool hint : {true, false}) {
      PromisePage pg = promisePage(ctx, in, 0.0f, hint, false, wide);
      if (pg.fits) {
        return pg;
      }
    }
  }
  return promisePage(ctx, in, 0.0f, false, true, true);
}

bool pageHasNarration(const Aup& aup, std::size_t first, std::size_t end) {
  for (std::size_t i = first; i < end && i < aup.promises.size(); ++i) {
    if (aup.promises[i].narration) {
      return true;
    }
  }
  return false;
}

// The name tiles: as wide as the longest word of any name and as tall as the
// most lines, so fewer fit a page; the names are made smaller (never below the
// detail size at the pupil's text size) only when fewer than `minPerPage` fit.
struct NameTiles {
  GridSpec spec;
  FontSpec font;
  int perPage = 0;
};

NameTiles fitNames(const UiContext& ctx, const Rect& area, const std::vector<std::string>& labels,
                   int minPerPage) {
  const Rect sample{0, 0, 1000, 1000};
  const Rect inner = tileCardInner(ctx, sample);
  const float padW = sample.w - inner.w;
  const float padH = sample.h - inner.h;
  GridSpec base;
  base.minTileW = ctx.u(26) * std::max(1.0f, ctx.textScale * 0.9f);
  base.minTileH = ctx.u(11.5f);
  base.maxTileH = ctx.u(20);
  base.maxTileW = ctx.u(46);
  base.gap = gapPx(ctx);
  base.maxColumns = 6;
  const float floor = text_size::kDetail * ctx.textScale;
  float size = text_size::kHeading * ctx.textScale;
  NameTiles fit;
  for (;;) {
    const FontSpec font = ctx.fixedFont(size, FontWeight::Bold);
    const FontMetrics m = ctx.text.metrics(font);
    float widest = 0;     // the longest word
    float widestLine = 0; // the longest name on one line
    for (const std::string& l : labels) {
      widest = std::max(widest, widestWord(l, m));
      widestLine = std::max(widestLine, measureText(l, m));
    }
    // Tiles as wide as the longest name (each on one line) when that places as
    // many, else as wide as the longest word (names wrapping).
    NameTiles best;
    best.perPage = -1;
    for (const float words : {widestLine, widest}) {
      NameTiles f;
      f.font = font;
      const float tileW = std::max(std::min(base.minTileW, area.w), std::ceil(words + padW + 1));
      std::size_t lines = 1;
      for (const std::string& l : labels) {
        lines = std::max(lines, wrapText(l, tileW - padW, m).lines.size());
      }
      const float tileH =
          std::max(base.minTileH, std::ceil(static_cast<float>(lines) * m.lineHeight() + padH + 1));
      f.spec = base;
      f.spec.minTileW = tileW;
      f.spec.maxTileW = std::max(base.maxTileW, tileW);
      f.spec.minTileH = tileH;
      f.spec.maxTileH = std::max(base.maxTileH, tileH);
      const int cols = std::min(
          base.maxColumns, static_cast<int>(std::floor((area.w + base.gap) / (tileW + base.gap))));
      const int rows = static_cast<int>(std::floor((area.h + base.gap) / (tileH + base.gap)));
      f.perPage = std::max(0, cols) * std::max(0, rows);
      if (f.perPage > best.perPage) {
        best = f;
      }
    }
    fit = best;
    if (fit.perPage >= minPerPage || size <= floor) {
      return fit;
    }
    size = std::max(floor, size * 0.9f);
  }
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

namespace {

constexpr float kRowPad = 2.5f;
constexpr float kRowMark = 9.0f;

// Over the rows: what to do on the left (wrapping when it must), and which
// promises these are on the right, as wide as the widest that page could say.
struct RowsHead {
  Rect tick;
  Rect range;
  FontSpec font;
  Rect rows; // the room under the line for the rows
};

RowsHead rowsHead(const UiContext& ctx, std::size_t count) {
  RowsHead h;
  const Rect content = stepContentArea(ctx);
  h.font = statusFont(ctx, FontWeight::Regular);
  const FontMetrics m = ctx.text.metrics(h.font);
  const std::string n = std::to_string(count);
  const std::string before = std::to_string(count > 0 ? count - 1 : 0);
  const float rangeW = std::ceil(
      std::max(measureText(ctx.trf("aup.promise-of", {{"n", n}, {"count", n}}), m),
               measureText(
                   ctx.trf("aup.promises-range", {{"from", before}, {"to", n}, {"count", n}}), m)) +
      ctx.u(1));
  const float tickW = std::max(1.0f, content.w - rangeW - std::round(ctx.u(3)));
  const float lineH = std::ceil(
      std::max(m.lineHeight(), textBlockHeight(ctx, ctx.tr("aup.tick-each"), h.font, tickW)));
  h.tick = Rect{content.x, content.y, tickW, lineH};
  h.range = Rect{content.right() - rangeW, content.y, rangeW, lineH};
  const float top = lineH + std::round(ctx.u(2));
  h.rows = Rect{content.x, content.y + top, content.w, content.h - top};
  return h;
}

float rowTextWidth(const UiContext& ctx, const Rect& area) {
  return area.w - std::round(ctx.u(kRowMark)) - 3 * std::round(ctx.u(kRowPad));
}

// A row's height for its promise, whole at the body size.
float rowHeight(const UiContext& ctx, const Rect& area, const std::string& words) {
  const float pad = std::round(ctx.u(kRowPad));
  const float h =
      textBlockHeight(ctx, words, ctx.font(text_size::kBody), rowTextWidth(ctx, area)) + 2 * pad;
  // In whole units, so a page is laid out alike at every screen size even though
  // glyphs round to whole pixels a little differently at each.
  const float units = std::ceil(h / ctx.unit() + 0.3f);
  return std::max(std::ceil(h), std::round(ctx.u(std::max(12.0f, units))));
}

} // namespace

std::vector<Rect> AupScreen::promiseRows(const UiContext& ctx, std::size_t first) const {
  std::vector<Rect> rows;
  const AupRunner* r = runner();
  if (r == nullptr) {
    return rows;
  }
  const auto& promises = r->aup().promises;
  const Rect area = rowsHead(ctx, promises.size()).rows;
  const float gap = std::round(ctx.u(2));
  float y = area.y;
  for (std::size_t i = first; i < promises.size() && rows.size() < kMaxRows; ++i) {
    const float h = rowHeight(ctx, area, inLang(ctx, promises[i].text));
    if (y + h > area.bottom() + 0.5f) {
      break;
    }
    rows.push_back(Rect{area.x, y, area.w, h});
    y += h + gap;
  }
  return rows;
}

std::size_t AupScreen::pageSize(const UiContext& ctx, std::size_t first) const {
  if (pictures()) {
    return 1;
  }
  return std::max<std::size_t>(1, promiseRows(ctx, first).size());
}

// ---- layout -------------------------------------------------------------------------

void AupScreen::layout(const UiContext& ctx, WidgetList& out) {
  mContent = stepContentArea(ctx); // for draw()
  mPlan = Plan{};
  const std::pair<Stage, std::size_t> page{mStage, mFirst};
  if (page != mScrollFor) {
    mScroll.reset(); // a new page starts at its top
    mScrollFor = page;
  }
  mScroll.place(ctx, Rect{}, 0); // nothing scrolls unless this page needs it
  addStepBack(ctx, out);
  if (runner() == nullptr) {
    return;
  }
  switch (mStage) {
  case Stage::Intro:
    layoutIntro(ctx);
    mScroll.addWidget(ctx, out);
    addStepBottom(ctx, out, false, ctx.tr("lesson.next"));
    break;
  case Stage::Done:
    layoutDone(ctx);
    mScroll.addWidget(ctx, out);
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
  const std::string thanks = ctx.tr("aup.thank-you");
  const float w = std::min(content.w, std::round(ctx.u(124)));
  const float x = std::round(content.x + (content.w - w) / 2);
  const float above = std::round(ctx.u(4));
  const float need = feedbackPanelNeed(ctx, w, thanks, mPlan.doneWords);
  if (above + need > content.h) {
    // Taller than the room: the panel scrolls, whole, clear of the bar and its cue.
    const float pw = w - ScrollBox::gutter(ctx);
    const float h = feedbackPanelNeed(ctx, pw, thanks, mPlan.doneWords);
    mPlan.donePanel = Rect{x, content.y, pw, h};
    mScroll.place(ctx, Rect{x, content.y, w, content.h}, h);
    return;
  }
  mPlan.donePanel = Rect{x, content.y + above, w, need};
  // A big tick and how many promises were made, when there is room for them.
  const std::string made =
      ctx.trf("aup.made", {{"count", std::to_string(r->aup().promises.size())}});
  mPlan.doneMadeFont = ctx.font(text_size::kHeading, FontWeight::Bold);
  const float madeH = std::ceil(textBlockHeight(ctx, made, mPlan.doneMadeFont, content.w));
  // The tick is smaller when the room is short, and goes (with the count) when
  // it would be too small to see.
  const float y = mPlan.donePanel.bottom() + std::round(ctx.u(4));
  const float madeGap = std::round(ctx.u(1.5f));
  const float side =
      std::floor(std::min(std::round(ctx.u(18)), content.bottom() - y - madeGap - madeH));
  if (side >= std::round(ctx.u(10))) {
    mPlan.doneTick = Rect{std::round(content.x + (content.w - side) / 2), y, side, side};
    mPlan.doneMade = Rect{content.x, y + side + madeGap, content.w, madeH};
  }
}

void AupScreen::layoutIntro(const UiContext& ctx) {
  const Aup& aup = runner()->aup();
  const Rect& content = mContent;
  const std::string count = ctx.trf("aup.count", {{"count", std::to_string(aup.promises.size())}});
  const std::string& intro = aup.intro ? inLang(ctx, *aup.intro) : std::string();
  const float gap = std::round(ctx.u(4));
  float w = std::min(content.w, std::round(ctx.u(128)));
  // The words and the count under them, at the largest size both fit; at the
  // body size and still too tall, they scroll.
  const auto need = [&](float width, float size) {
    const FontSpec countFont = ctx.font(
        size >= text_size::kHeading ? text_size::kHeading : text_size::kBody, FontWeight::Bold);
    return textBlockHeight(ctx, intro, ctx.font(size), width) + gap +
           textBlockHeight(ctx, count, countFont, width);
  };
  float size = text_size::kBody;
  for (const float s : {pictures() ? text_size::kTitle : text_size::kHeading, text_size::kHeading,
                        text_size::kBody}) {
    if (need(w, s) <= content.h) {
      size = s;
      break;
    }
  }
  const bool scrolls = need(w, size) > content.h;
  if (scrolls) {
    w = std::min(w, content.w - 2 * ScrollBox::gutter(ctx));
    mScroll.place(ctx, content, need(w, size));
  }
  mPlan.introFont = ctx.font(size);
  mPlan.countFont = ctx.font(size >= text_size::kHeading ? text_size::kHeading : text_size::kBody,
                             FontWeight::Bold);
  const float x = std::round(content.x + (content.w - w) / 2);
  const float introH = textBlockHeight(ctx, intro, mPlan.introFont, w);
  mPlan.introBox = Rect{x, content.y, w, introH};
  mPlan.countBox =
      Rect{x, content.y + introH + gap, w, textBlockHeight(ctx, count, mPlan.countFont, w)};
}

void AupScreen::layoutPromisePage(const UiContext& ctx, WidgetList& out) {
  const AupRunner& r = *runner();
  const AupPromise& p = r.aup().promises[mFirst];
  PageWords in;
  in.count = ctx.trf("aup.promise-of", {{"n", std::to_string(mFirst + 1)},
                                        {"count", std::to_string(r.aup().promises.size())}});
  in.words = inLang(ctx, p.text);
  in.toggle = ctx.tr("aup.i-promise");
  in.hint = ctx.tr("aup.tap-promise");
  in.young = pictures();
  in.picture = in.young && p.picture.has_value();
  const PromisePage pg = promisePage(ctx, in);
  mPlan.promisePage = true;
  mPlan.picture = pg.picture;
  mPlan.count = pg.count;
  mPlan.countLineFont = pg.countFont;
  mPlan.words = pg.words;
  mPlan.wordsH = pg.wordsH;
  mPlan.wordsFont = pg.font;
  mPlan.hint = pg.hint;
  mPlan.hintFont = pg.hintFont;
  Widget t{"promise:" + std::to_string(mFirst + 1), pg.toggle, in.toggle, WidgetRole::Toggle};
  t.selected = r.ticked(mFirst);
  out.push_back(t);
  if (pg.scrolls) {
    mScroll.place(ctx, pg.words, pg.wordsH);
    mScroll.addWidget(ctx, out);
  }
  mEnd = mFirst + 1;
}

void AupScreen::layoutPromises(const UiContext& ctx, WidgetList& out) {
  const AupRunner& r = *runner();
  const auto& promises = r.aup().promises;
  if (mFirst >= promises.size()) {
    addStepBottom(ctx, out, false, ctx.tr("lesson.next"));
    return;
  }
  const auto rows = pictures() ? std::vector<Rect>{} : promiseRows(ctx, mFirst);
  if (rows.empty()) {
    // Reception and KS1, or a KS2 promise too long for a row: a page of its own.
    layoutPromisePage(ctx, out);
  } else {
    const RowsHead head = rowsHead(ctx, promises.size());
    mPlan.tickLine = head.tick;
    mPlan.rangeLine = head.range;
    mPlan.lineFont = head.font;
    mPlan.rowFont = ctx.font(text_size::kBody);
    for (std::size_t k = 0; k < rows.size(); ++k) {
      const std::size_t i = mFirst + k;
      Widget t{"promise:" + std::to_string(i + 1), rows[k], inLang(ctx, promises[i].text),
               WidgetRole::Toggle};
      t.selected = r.ticked(i);
      out.push_back(t);
    }
    mEnd = mFirst + rows.size();
  }
  // The page before: as many promises as fit, ending just before this one.
  std::size_t j = mFirst;
  while (j > 0 && mFirst - (j - 1) <= kMaxRows && pageSize(ctx, j - 1) >= mFirst - (j - 1)) {
    --j;
  }
  mPrevFirst = j;
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

std::vector<std::string> AupScreen::allSignWords(const UiContext& ctx) const {
  if (!mRecords) {
    return {ctx.tr(mWholeClass ? "aup.class-note" : "aup.guest-note")};
  }
  return {ctx.tr(runner()->aup().phase == AupPhase::Eyfs ? "aup.find-name-eyfs" : "aup.find-name"),
          ctx.trf("aup.thats-you", {{"name", mPupilName}}), ctx.tr("aup.not-you")};
}

void AupScreen::layoutSign(const UiContext& ctx, WidgetList& out) {
  const AupRunner& r = *runner();
  const Rect content = stepContentArea(ctx);
  // The words at the top (whose name to find, or what just happened) get the
  // room the longest of them needs, so the tiles stay put when they change.
  const std::vector<std::string> sentences = allSignWords(ctx);
  std::vector<std::string> labels;
  for (const Pupil& p : mClassmates) {
    labels.push_back(std::string(kTick) + kNoBreak + p.shortName()); // room for the tick
  }
  const int count = static_cast<int>(mClassmates.size());
  const int wanted = std::min(2, count);
  const float pad = std::round(ctx.u(2));
  const float below = std::round(ctx.u(2));
  const auto wordsHeight = [&](const FontSpec& font) {
    float h = 0;
    for (const std::string& s : sentences) {
      h = std::max(h, textBlockHeight(ctx, s, font, content.w - 2 * pad));
    }
    return std::ceil(h);
  };
  const auto tilesArea = [&](float wordsH) {
    const float top = wordsH + std::round(ctx.u(1)) + below;
    return Rect{content.x, content.y + top, content.w, std::max(0.0f, content.h - top)};
  };
  // The largest words that leave room for two names a page (their own size
  // giving way first); at the detail size, as many names as then fit.
  NameTiles names;
  float size = text_size::kDetail;
  for (const float s : {text_size::kHeading, text_size::kBody, text_size::kDetail}) {
    const float h = wordsHeight(ctx.font(s, FontWeight::Bold));
    if (!mRecords) {
      if (h + std::round(ctx.u(1)) <= content.h) {
        size = s;
        break;
      }
      continue;
    }
    names = fitNames(ctx, tilesArea(h), labels, wanted);
    if (names.perPage >= wanted) {
      size = s;
      break;
    }
  }
  mPlan.signFont = ctx.font(size, FontWeight::Bold);
  float wordsH = wordsHeight(mPlan.signFont);
  if (mRecords && names.perPage < wanted) {
    names = fitNames(ctx, tilesArea(wordsH), labels, 1);
  }
  bool gentle = false;
  const std::string words = signWords(ctx, gentle);
  mPlan.signWordsH = textBlockHeight(ctx, words, mPlan.signFont, content.w - 2 * pad);
  float bandH = wordsH + std::round(ctx.u(1));
  if (mRecords && names.perPage < 1) {
    // Not even one name fits under the words: they scroll over a row of names.
    bandH = std::max(std::round(ctx.u(8)), content.h - below - names.spec.minTileH);
    mScroll.place(ctx, Rect{content.x, content.y, content.w, bandH},
                  mPlan.signWordsH + std::round(ctx.u(1)));
    names.perPage = 1;
  } else if (!mRecords && bandH > content.h) {
    bandH = content.h;
    mScroll.place(ctx, content, mPlan.signWordsH + std::round(ctx.u(1)));
  }
  mPlan.signBand = Rect{content.x, content.y, content.w, bandH};
  const float inset = mScroll.scrolls() ? ScrollBox::gutter(ctx) : 0.0f;
  mPlan.signWords = Rect{content.x + pad, content.y + std::round(ctx.u(0.5f)),
                         content.w - 2 * pad - inset, bandH - std::round(ctx.u(1))};
  if (mScroll.scrolls()) {
    mPlan.signWordsH = textBlockHeight(ctx, words, mPlan.signFont, mPlan.signWords.w);
  }
  mScroll.addWidget(ctx, out);
  int pages = 1;
  if (mRecords) {
    const Rect tiles{content.x, content.y + bandH + below, content.w,
                     std::max(1.0f, content.h - bandH - below)};
    mPlan.nameFont = names.font;
    mNamesPerPage = std::max(1, names.perPage);
    pages = std::max(1, (count + mNamesPerPage - 1) / mNamesPerPage);
    const int page = std::clamp(mNamePage, 0, pages - 1);
    const int first = page * mNamesPerPage;
    const int shown = std::min(mNamesPerPage, count - first);
    if (shown > 0) {
      const Grid g = makeGrid(tiles, shown, names.spec);
      const auto rects = g.place(tiles, shown, names.spec.gap);
      for (std::size_t i = 0; i < rects.size(); ++i) {
        const Pupil& p = mClassmates[static_cast<std::size_t>(first) + i];
        Widget w{"pupil:" + p.id, rects[i], p.shortName(), WidgetRole::Tile};
        w.selected = mNameChosen && p.id == mPupilId;
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
  const float dy = mScroll.scrolls() ? mScroll.offset() : 0.0f;
  const auto up = [dy](Rect box) {
    box.y -= dy;
    return box;
  };
  switch (mStage) {
  case Stage::Intro: {
    const std::string count =
        ctx.trf("aup.count", {{"count", std::to_string(aup.promises.size())}});
    const std::string& intro = aup.intro ? inLang(ctx, *aup.intro) : std::string();
    mScroll.begin(ctx);
    drawTextBlock(ctx, intro, mPlan.introFont, up(mPlan.introBox), TextAlign::Centre, t.text);
    drawTextBlock(ctx, count, mPlan.countFont, up(mPlan.countBox), TextAlign::Centre, t.text);
    mScroll.end(ctx);
    break;
  }
  case Stage::Promises:
    drawPromises(ctx, widgets, v);
    break;
  case Stage::Sign:
    drawSign(ctx, widgets, v);
    break;
  case Stage::Done: {
    mScroll.begin(ctx);
    drawFeedbackPanel(ctx, up(mPlan.donePanel), FeedbackTone::Warm, ctx.tr("aup.thank-you"),
                      mPlan.doneWords);
    mScroll.end(ctx);
    const Rect& badge = mPlan.doneTick;
    if (badge.w > 0) {
      ctx.renderer.fillRoundedRect(badge, badge.w / 2, t.readyText);
      drawIcon(ctx, kTick, badge, badge.h / ctx.unit() * 0.55f, t.readyFill);
      const std::string made =
          ctx.trf("aup.made", {{"count", std::to_string(aup.promises.size())}});
      drawTextBlock(ctx, made, mPlan.doneMadeFont, mPlan.doneMade, TextAlign::Centre, t.text);
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
  if (mPlan.promisePage) {
    const AupPromise& p = promises[mFirst];
    if (p.picture && mPlan.picture.w > 0) {
      drawPicture(ctx, mPlay->asset(p.picture->src), mPlan.picture);
    }
    drawTextBlock(ctx,
                  ctx.trf("aup.promise-of", {{"n", std::to_string(mFirst + 1)}, {"count", count}}),
                  mPlan.countLineFont, mPlan.count, TextAlign::Left, t.mutedText);
    Rect words = mPlan.words;
    if (mScroll.scrolls()) {
      words = Rect{words.x, mScroll.top(), words.w - ScrollBox::gutter(ctx), mPlan.wordsH};
    }
    mScroll.begin(ctx);
    drawTextBlock(ctx, inLang(ctx, p.text), mPlan.wordsFont, words, TextAlign::Left, t.text);
    mScroll.end(ctx);
    for (const Widget& w : widgets) {
      if (w.role == WidgetRole::Toggle) {
        drawChoiceButton(ctx, w, v);
        if (!w.selected && mPlan.hint.h > 0) {
          drawTextBlock(ctx, ctx.tr("aup.tap-promise"), mPlan.hintFont, mPlan.hint, TextAlign::Left,
                        t.mutedText);
        }
      }
    }
    return;
  }
  // Older pupils: the promises as rows of text, each ticked on its own. Over
  // them, what to do and which promises these are.
  const std::string range =
      mEnd <= mFirst + 1
          ? ctx.trf("aup.promise-of", {{"n", std::to_string(mFirst + 1)}, {"count", count}})
          : ctx.trf("aup.promises-range", {{"from", std::to_string(mFirst + 1)},
                                           {"to", std::to_string(mEnd)},
                                           {"count", count}});
  drawTextBlock(ctx, range, mPlan.lineFont, mPlan.rangeLine, TextAlign::Right, t.mutedText);
  drawTextBlock(ctx, ctx.tr("aup.tick-each"), mPlan.lineFont, mPlan.tickLine, TextAlign::Left,
                t.text);
  const float pad = std::round(ctx.u(kRowPad));
  const float mark = std::round(ctx.u(kRowMark));
  for (const Widget& w : widgets) {
    if (w.role != WidgetRole::Toggle) {
      continue;
    }
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
    drawTextBlock(ctx, w.label, mPlan.rowFont,
                  Rect{x, w.rect.y + pad, w.rect.right() - pad - x, w.rect.h - 2 * pad},
                  TextAlign::Left, w.selected ? t.readyText : t.text, 0, true);
  }
}

void AupScreen::drawSign(UiContext& ctx, const WidgetList& widgets, const WidgetVisuals& v) {
  const Theme& t = ctx.theme;
  bool gentle = false;
  const std::string words = signWords(ctx, gentle);
  if (gentle) {
    ctx.renderer.fillRoundedRect(mPlan.signBand, ctx.u(metrics::kRadius), t.calm);
  }
  Rect box = mPlan.signWords;
  if (mScroll.scrolls()) {
    box = Rect{box.x, mScroll.top() + std::round(ctx.u(0.5f)), box.w, mPlan.signWordsH};
  }
  mScroll.begin(ctx);
  drawTextBlock(ctx, words, mPlan.signFont, box, TextAlign::Centre, gentle ? t.calmText : t.text, 0,
                !mScroll.scrolls());
  mScroll.end(ctx);
  for (const Widget& w : widgets) {
    if (WidgetId::parse(w.id).is("pupil")) {
      const Rect in =
          drawTileCard(ctx, w, v, w.selected ? std::optional<Colour>(t.readyFill) : std::nullopt);
      if (w.selected) {
        ctx.renderer.strokeRoundedRect(w.rect, ctx.u(metrics::kRadius),
                                       std::max(1.0f, std::round(ctx.u(0.6f))), t.readyAccent);
      }
      const std::string label = w.selected ? std::string(kTick) + kNoBreak + w.label : w.label;
      drawTextBlock(ctx, label, mPlan.nameFont, in, TextAlign::Centre,
                    w.selected ? t.readyText : t.text, 0, true);
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

bool AupScreen::key(const KeyDown& k, UiHost& host) {
  (void)host;
  return mScroll.key(k);
}

bool AupScreen::pointer(const InputEvent& e, const UiContext& ctx) {
  return mScroll.handle(e, ctx);
}

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
  } else if (id == "more") {
    mScroll.page();
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
