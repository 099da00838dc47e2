// The butterfly practice step.
// Sections:
//   1. drawing with the renderer's shapes only: faces, people, the heart, adults,
//      the speech bubble
//   2. words and ids: feelings' and adults' names, praise, ids read back
//   3. placing: a row of tiles, the one size their names share, the prompt
//   4. layout: each phase's widgets, and what draw() keeps from the pass
//   5. draw: each phase, from what layout kept
//   6. input: next step, presses, keys
#include "screens/lesson/butterfly_practice_screen.hpp"

#include "screens/lesson/activity_parts.hpp"

#include <algorithm>
#include <cmath>
#include <optional>

namespace sq {

namespace {

constexpr float kPi = 3.14159265f;
const char* const kNextIcon = "\xE2\x86\x92"; // →

// ---- drawing with the renderer's shapes only ----------------------------------

void dot(UiContext& ctx, Point c, float d, Colour colour) {
  ctx.renderer.fillRoundedRect(Rect{c.x - d / 2, c.y - d / 2, d, d}, d / 2, colour);
}

// A round-ended line `thick` wide, as a row of overlapping dots.
void strokeLine(UiContext& ctx, Point a, Point b, float thick, Colour colour) {
  const float len = std::hypot(b.x - a.x, b.y - a.y);
  const int n = std::max(2, static_cast<int>(len / std::max(1.0f, thick * 0.15f)));
  for (int i = 0; i <= n; ++i) {
    const float t = static_cast<float>(i) / static_cast<float>(n);
    dot(ctx, Point{a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t}, thick, colour);
  }
}

// An arc of a circle from angle a0 to a1 (degrees, clockwise from 3 o'clock).
void strokeArc(UiContext& ctx, Point c, float radius, float a0, float a1, float thick,
               Colour colour) {
  const float len = radius * std::abs(a1 - a0) * kPi / 180.0f;
  const int n = std::max(4, static_cast<int>(len / std::max(1.0f, thick * 0.15f)));
  for (int i = 0; i <= n; ++i) {
    const float a = (a0 + (a1 - a0) * static_cast<float>(i) / static_cast<float>(n)) * kPi / 180;
    dot(ctx, Point{c.x + radius * std::cos(a), c.y + radius * std::sin(a)}, thick, colour);
  }
}

// A simple face in the square `box`: the mouth, eyes and brows tell the feeling.
void drawFace(UiContext& ctx, Feeling f, const Rect& box) {
  const Theme& t = ctx.theme;
  const float s = std::min(box.w, box.h);
  const Rect face{std::round(box.x + (box.w - s) / 2), std::round(box.y + (box.h - s) / 2), s, s};
  const float r = s / 2;
  const Point c{face.x + r, face.y + r};
  const Colour ink = t.text;
  ctx.renderer.fillRoundedRect(face, r, t.warningFill);
  ctx.renderer.strokeRoundedRect(face, r, std::max(1.0f, std::round(s * 0.035f)), ink);
  const float line = std::max(2.0f, s * 0.07f);
  const float eyeX = r * 0.34f;
  const float eyeY = c.y - r * 0.18f;
  const float eye = f == Feeling::Scared ? r * 0.24f : r * 0.17f;
  dot(ctx, Point{c.x - eyeX, eyeY}, eye, ink);
  dot(ctx, Point{c.x + eyeX, eyeY}, eye, ink);
  const float mouthY = c.y + r * 0.42f;
  switch (f) {
  case Feeling::Happy:
    strokeArc(ctx, Point{c.x, c.y + r * 0.02f}, r * 0.52f, 25, 155, line, ink);
    break;
  case Feeling::Ok:
    strokeLine(ctx, Point{c.x - r * 0.3f, mouthY}, Point{c.x + r * 0.3f, mouthY}, line, ink);
    break;
  case Feeling::Butterflies: {
    // Worried brows and a wobbly mouth.
    strokeLine(ctx, Point{c.x - eyeX - r * 0.16f, eyeY - r * 0.2f},
               Point{c.x - eyeX + r * 0.14f, eyeY - r * 0.3f}, line * 0.8f, ink);
    strokeLine(ctx, Point{c.x + eyeX - r * 0.14f, eyeY - r * 0.3f},
               Point{c.x + eyeX + r * 0.16f, eyeY - r * 0.2f}, line * 0.8f, ink);
    const float w = r * 0.7f;
    const int n = 80;
    for (int i = 0; i <= n; ++i) {
      const float u = static_cast<float>(i) / n;
      dot(ctx, Point{c.x - w / 2 + w * u, mouthY + r * 0.07f * std::sin(u * 4 * kPi)}, line, ink);
    }
    break;
  }
  case Feeling::Scared: {
    strokeLine(ctx, Point{c.x - eyeX - r * 0.15f, eyeY - r * 0.34f},
               Point{c.x - eyeX + r * 0.15f, eyeY - r * 0.38f}, line * 0.8f, ink);
    strokeLine(ctx, Point{c.x + eyeX - r * 0.15f, eyeY - r * 0.38f},
               Point{c.x + eyeX + r * 0.15f, eyeY - r * 0.34f}, line * 0.8f, ink);
    const Rect mouth{c.x - r * 0.17f, mouthY - r * 0.2f, r * 0.34f, r * 0.4f};
    ctx.renderer.fillRoundedRect(mouth, r * 0.17f, ink);
    break;
  }
  case Feeling::Sad:
    strokeArc(ctx, Point{c.x, c.y + r * 0.84f}, r * 0.46f, 210, 330, line, ink);
    break;
  }
}

// A person: a round head on rounded shoulders, standing on `base`.
void drawPerson(UiContext& ctx, float cx, float base, float h, Colour colour) {
  const float head = h * 0.34f;
  const float bodyW = h * 0.56f;
  const float bodyH = h * 0.58f;
  ctx.renderer.fillRoundedRect(Rect{cx - bodyW / 2, base - bodyH, bodyW, bodyH}, bodyW * 0.4f,
                               colour);
  dot(ctx, Point{cx, base - bodyH - head * 0.58f}, head, colour);
}

// A heart `s` wide centred on `c`: two round lobes and the point below, joined
// along the lines that touch the lobes so the sides are smooth.
void drawHeart(UiContext& ctx, Point c, float s, Colour colour) {
  const float radius = s * 0.27f;
  const Point left{c.x - s * 0.23f, c.y - s * 0.18f};
  const Point right{c.x + s * 0.23f, c.y - s * 0.18f};
  const Point tip{c.x, c.y + s * 0.46f};
  dot(ctx, left, 2 * radius, colour);
  dot(ctx, right, 2 * radius, colour);
  // Where a line from the tip touches the right lobe on its outer side (and the
  // mirror image on the left).
  const float dx = right.x - tip.x;
  const float dy = right.y - tip.y;
  const float d = std::hypot(dx, dy);
  const float along = std::sqrt(std::max(0.0f, d * d - radius * radius));
  const float a = std::atan2(dy, dx) + std::asin(radius / d);
  const Point touch{tip.x + along * std::cos(a), tip.y + along * std::sin(a)};
  ctx.renderer.fillConvex({tip, touch, right, left, Point{2 * c.x - touch.x, touch.y}}, colour);
}

// Who the pupil could tell, drawn in `box`: a teacher by a board, a parent or
// carer with a child, another trusted grown-up with a heart.
void drawAdult(UiContext& ctx, TrustedAdult a, const Rect& box) {
  const Theme& t = ctx.theme;
  const float h = std::min(box.h, box.w * 0.75f);
  const float base = box.y + (box.h + h) / 2;
  const float cx = box.x + box.w / 2;
  switch (a) {
  case TrustedAdult::Teacher: {
    const Rect board{cx - h * 0.62f, base - h * 0.95f, h * 0.6f, h * 0.44f};
    ctx.renderer.fillRoundedRect(board, h * 0.04f, t.readyFill);
    ctx.renderer.strokeRoundedRect(board, h * 0.04f, std::max(1.0f, h * 0.03f), t.readyText);
    const float line = std::max(2.0f, h * 0.035f);
    for (int i = 0; i < 3; ++i) {
      const float y = board.y + board.h * (0.3f + 0.2f * static_cast<float>(i));
      strokeLine(ctx, Point{board.x + board.w * 0.18f, y},
                 Point{board.x + board.w * (i == 2 ? 0.55f : 0.82f), y}, line, t.readyText);
    }
    drawPerson(ctx, cx + h * 0.22f, base, h, t.accent);
    break;
  }
  case TrustedAdult::Parent:
    drawPerson(ctx, cx - h * 0.2f, base, h, t.accent);
    drawPerson(ctx, cx + h * 0.3f, base, h * 0.62f, t.helpBorder);
    break;
  case TrustedAdult::Other:
    drawPerson(ctx, cx - h * 0.12f, base, h, t.accent);
    drawHeart(ctx, Point{cx + h * 0.36f, base - h * 0.78f}, h * 0.3f, t.problemAccent);
    break;
  }
}

// A speech bubble round `text`; returns its height.
float drawBubble(UiContext& ctx, const Rect& box, std::string_view text, const FontSpec& font) {
  const Theme& t = ctx.theme;
  const float pad = std::round(ctx.u(3)); // whole pixels: the words' ink stays inside
  const float tail = std::round(ctx.u(4));
  const float textH = textBlockHeight(ctx, text, font, box.w - 2 * pad);
  const float h = std::min(box.h - tail, textH + 2 * pad);
  const Rect b{box.x, box.y, box.w, h};
  const float border = std::max(1.0f, std::round(ctx.u(0.5f)));
  // The tail: an outline triangle reaching up into the bubble, and the same
  // triangle a border's width smaller inside it, so bubble and tail are one shape.
  const Point ta{b.x + ctx.u(9), b.bottom() - 3 * border};
  const Point tb{b.x + ctx.u(17), b.bottom() - 3 * border};
  const Point tc{b.x + ctx.u(6), b.bottom() + tail};
  ctx.renderer.fillRoundedRect(b, ctx.u(4), t.accent);
  ctx.renderer.fillConvex({ta, tb, tc}, t.accent);
  ctx.renderer.fillRoundedRect(Rect{b.x + border, b.y + border, b.w - 2 * border, b.h - 2 * border},
                               ctx.u(4) - border, t.surface);
  const float la = std::hypot(tc.x - tb.x, tc.y - tb.y);
  const float lb = std::hypot(tc.x - ta.x, tc.y - ta.y);
  const float lc = std::hypot(tb.x - ta.x, tb.y - ta.y);
  const float per = la + lb + lc;
  const Point in{(la * ta.x + lb * tb.x + lc * tc.x) / per,
                 (la * ta.y + lb * tb.y + lc * tc.y) / per};
  const float area = std::abs((tb.x - ta.x) * (tc.y - ta.y) - (tc.x - ta.x) * (tb.y - ta.y)) / 2;
  const float inradius = 2 * area / per;
  const float k = std::max(0.0f, (inradius - border) / inradius);
  auto shrink = [&](Point p) { return Point{in.x + (p.x - in.x) * k, in.y + (p.y - in.y) * k}; };
  ctx.renderer.fillConvex({shrink(ta), shrink(tb), shrink(tc)}, t.surface);
  drawTextBlock(ctx, text, font, Rect{b.x + pad, b.y + pad, b.w - 2 * pad, b.h - 2 * pad},
                TextAlign::Left, t.text, 0, true);
  return h + tail;
}

// ---- words and ids ----------------------------------------------------------------

std::string feelingLabel(const UiContext& ctx, Feeling f) {
  switch (f) {
  case Feeling::Happy:
    return ctx.tr("practice.feeling.happy");
  case Feeling::Ok:
    return ctx.tr("practice.feeling.ok");
  case Feeling::Butterflies:
    return ctx.tr("practice.feeling.butterflies");
  case Feeling::Scared:
    return ctx.tr("practice.feeling.scared");
  case Feeling::Sad:
    break;
  }
  return ctx.tr("practice.feeling.sad");
}

std::string adultLabel(const UiContext& ctx, TrustedAdult a) {
  switch (a) {
  case TrustedAdult::Teacher:
    return ctx.tr("practice.adult.teacher");
  case TrustedAdult::Parent:
    return ctx.tr("practice.adult.parent");
  case TrustedAdult::Other:
    break;
  }
  return ctx.tr("practice.adult.other");
}

// Praise for the grown-up chosen; a general word when it is not known (after a resume).
std::string adultPraise(const UiContext& ctx, const std::optional<TrustedAdult>& a) {
  if (!a) {
    return ctx.tr("practice.chose-any");
  }
  switch (*a) {
  case TrustedAdult::Teacher:
    return ctx.tr("practice.chose.teacher");
  case TrustedAdult::Parent:
    return ctx.tr("practice.chose.parent");
  case TrustedAdult::Other:
    break;
  }
  return ctx.tr("practice.chose.other");
}

std::optional<Feeling> feelingFromId(std::string_view id) {
  for (const Feeling f :
       {Feeling::Happy, Feeling::Ok, Feeling::Butterflies, Feeling::Scared, Feeling::Sad}) {
    if (id == feelingId(f)) {
      return f;
    }
  }
  return std::nullopt;
}

std::optional<TrustedAdult> adultFromId(std::string_view id) {
  for (const TrustedAdult a : {TrustedAdult::Teacher, TrustedAdult::Parent, TrustedAdult::Other}) {
    if (id == trustedAdultId(a)) {
      return a;
    }
  }
  return std::nullopt;
}

// ---- placing ----------------------------------------------------------------------

// Tiles `cols` to a row, their names at one size (so a long name does not make
// one tile look different), each on at most two lines with no word cut.
struct TileGrid {
  std::size_t cols = 1;
  FontSpec font;
  float labelH = 0; // the tallest name's lines
  float tileW = 0;
};

// The grid at `size` with `cols` a row in `width`, when every name fits it.
std::optional<TileGrid> tileGrid(const UiContext& ctx, const std::vector<std::string>& labels,
                                 float width, float maxW, float size, std::size_t cols) {
  const float gap = std::round(ctx.u(metrics::kGap));
  const float pad = std::round(ctx.u(1.6f)); // tileCardInner's
  TileGrid g;
  g.cols = cols;
  g.font = ctx.font(size, FontWeight::Bold);
  const FontMetrics m = ctx.text.metrics(g.font);
  const float c = static_cast<float>(cols);
  const float room = std::floor((width - (c - 1) * gap) / c);
  // The tile's usual width, or wider for a name that would wrap in it.
  float widest = 0;
  for (const std::string& l : labels) {
    widest = std::max(widest, measureText(l, m));
  }
  g.tileW = std::min(room, std::max(std::round(ctx.u(maxW)), std::ceil(widest + 2 * pad + 1)));
  for (const std::string& l : labels) {
    const WrappedText w = wrapText(l, g.tileW - 2 * pad, m);
    if (w.overflow || w.lines.size() > 2) {
      return std::nullopt;
    }
    g.labelH = std::max(g.labelH, static_cast<float>(w.lines.size()) * m.lineHeight());
  }
  return g;
}

std::size_t rowsOf(std::size_t n, std::size_t cols) {
  return (n + cols - 1) / std::max<std::size_t>(1, cols);
}

// The least a tile may be: its name, and a picture `picture` units tall.
float tileLeast(const UiContext& ctx, const TileGrid& g, float picture) {
  return std::ceil(2 * std::round(ctx.u(1.6f)) + g.labelH + ctx.u(1) + ctx.u(picture));
}

// `n` tiles of `g` in rows `tileH` tall from `top`, each row centred in `area`.
std::vector<Rect> gridRects(const UiContext& ctx, const TileGrid& g, const Rect& area, float top,
                            std::size_t n, float tileH) {
  const float gap = std::round(ctx.u(metrics::kGap));
  std::vector<Rect> out;
  for (std::size_t i = 0; i < n; ++i) {
    const std::size_t row = i / g.cols;
    const std::size_t inRow = std::min(g.cols, n - row * g.cols);
    const float rowW = static_cast<float>(inRow) * g.tileW + static_cast<float>(inRow - 1) * gap;
    const float x =
        std::round(area.x + (area.w - rowW) / 2) + static_cast<float>(i % g.cols) * (g.tileW + gap);
    out.push_back(
        Rect{x, std::round(top + static_cast<float>(row) * (tileH + gap)), g.tileW, tileH});
  }
  return out;
}

// How tall a speech bubble round `text` is, `width` wide: its words and the tail.
float bubbleNeed(const UiContext& ctx, float width, std::string_view text, const FontSpec& font) {
  const float pad = std::round(ctx.u(3)); // drawBubble's
  return std::ceil(textBlockHeight(ctx, text, font, width - 2 * pad) + 2 * pad +
                   std::round(ctx.u(4)));
}

// A feedback panel's room in a column at `x`, `width` wide: moved right by less
// than a pixel so its words start on a whole pixel or just past half of one (the
// panel's padding is a fraction of a pixel; a glyph that starts left of its pen
// would otherwise poke out of its room), and as much narrower.
Rect panelRoom(const UiContext& ctx, float x, float y, float width, bool smart) {
  const float inset = ctx.u(3) * (smart ? 2.0f : 1.0f) + (smart ? std::round(ctx.u(11)) : 0.0f);
  const float frac = (x + inset) - std::floor(x + inset);
  const float nudge = frac == 0 ? 0.0f : std::fmod(1.5f - frac, 1.0f);
  return Rect{x + nudge, y, std::max(1.0f, std::floor(width - nudge)), 0};
}

Rect shifted(const Rect& r, float dy) {
  return Rect{r.x, r.y + dy, r.w, r.h};
}

} // namespace

std::unique_ptr<Screen> makeButterflyPracticeScreen(std::shared_ptr<LessonPlay> play) {
  if (play == nullptr || play->runner.runnerAs<ButterflyRunner>() == nullptr) {
    return nullptr;
  }
  return std::make_unique<ButterflyPracticeScreen>(std::move(play));
}

// ---- layout -----------------------------------------------------------------------

void ButterflyPracticeScreen::layout(const UiContext& ctx, WidgetList& out) {
  mContent = stepContentArea(ctx); // for draw()
  mStep = StepPlan{};
  mSayIt = SayItPlan{};
  mPraise = PraisePlan{};
  mPrompt = PromptPlan{};
  addStepBack(ctx, out);
  const ButterflyRunner* r = runner();
  if (r == nullptr) {
    mScroll.place(ctx, Rect{}, 0);
    return;
  }
  // A new phase, or a new reporting step, starts at the top of its page.
  const int phase = static_cast<int>(r->phase()) * 100 + static_cast<int>(r->stepIndex());
  if (phase != mScrollPhase) {
    mScroll.reset();
    mScrollPhase = phase;
  }
  switch (r->phase()) {
  case ButterflyRunner::Phase::CheckIn: {
    const auto& feelings = r->activity().feelings;
    std::vector<std::string> ids;
    std::vector<std::string> labels;
    for (const Feeling f : feelings) {
      ids.push_back("feeling:" + std::string(feelingId(f)));
      labels.push_back(feelingLabel(ctx, f));
    }
    const auto rects = planTiles(ctx, labels, ctx.tr("practice.check-in"),
                                 ctx.tr("practice.check-in-hint"), 36, 46);
    addTiles(ctx, out, rects, ids, labels);
    break;
  }
  case ButterflyRunner::Phase::Steps: {
    const ReportStep* s = r->currentStep();
    if (s != nullptr) {
      planStep(ctx, *r, *s);
    } else {
      mScroll.place(ctx, Rect{}, 0);
    }
    mScroll.addWidget(ctx, out); // when the page scrolls
    if (s != nullptr && s->narration) {
      const std::string read = ctx.tr("common.read-aloud");
      out.push_back(Widget{"read-aloud", cornerButton(ctx, Corner::BottomLeft, read, true), read,
                           WidgetRole::Button});
    }
    const std::string next = ctx.tr("lesson.next");
    out.push_back(Widget{"step:next", cornerButton(ctx, Corner::BottomRight, next, true), next,
                         WidgetRole::Button});
    break;
  }
  case ButterflyRunner::Phase::ChooseAdult: {
    std::vector<std::string> ids;
    std::vector<std::string> labels;
    for (const TrustedAdult a : r->activity().adults) {
      ids.push_back("adult:" + std::string(trustedAdultId(a)));
      labels.push_back(adultLabel(ctx, a));
    }
    const auto rects = planTiles(ctx, labels, ctx.tr("practice.choose-adult"),
                                 ctx.tr("practice.choose-adult-hint"), 54, 48);
    addTiles(ctx, out, rects, ids, labels);
    break;
  }
  case ButterflyRunner::Phase::SayIt:
    planSayIt(ctx, *r);
    mScroll.addWidget(ctx, out);
    addStepBottom(ctx, out, false, ctx.tr("lesson.next"));
    break;
  case ButterflyRunner::Phase::Praise:
  case ButterflyRunner::Phase::Finished:
    planPraise(ctx, *r);
    mScroll.addWidget(ctx, out);
    addStepBottom(ctx, out, false, ctx.tr("lesson.next"));
    break;
  }
}

std::vector<Rect> ButterflyPracticeScreen::planTiles(const UiContext& ctx,
                                                     const std::vector<std::string>& labels,
                                                     std::string_view prompt, std::string_view hint,
                                                     float maxW, float maxH) {
  const Rect& c = mContent;
  const std::size_t n = labels.size();
  const float gap = std::round(ctx.u(metrics::kGap));
  const FontSpec hintFont = ctx.font(text_size::kBody);
  // The prompt (the heading size, else the body size) and its hint, wrapped in full.
  const auto promptNeed = [&](const FontSpec& font, float width) {
    const float h = textBlockHeight(ctx, prompt, font, width) +
                    (hint.empty() ? 0.0f : textBlockHeight(ctx, hint, hintFont, width));
    return std::ceil(std::max(h + ctx.u(2), ctx.u(15)));
  };
  const FontSpec promptFonts[] = {ctx.font(text_size::kHeading, FontWeight::Bold),
                                  ctx.font(text_size::kBody, FontWeight::Bold)};
  const float sizes[] = {text_size::kHeading, text_size::kBody, text_size::kDetail};
  // Everything on the page: the names at the largest size, as many to a row as
  // fit (fewer, on more rows, before a smaller size), the prompt a size smaller
  // before the names are.
  std::optional<TileGrid> grid;
  float promptH = 0;
  for (const float size : sizes) {
    for (std::size_t cols = n; cols >= 1 && !grid; --cols) {
      const auto g = tileGrid(ctx, labels, c.w, maxW, size, cols);
      if (!g) {
        continue;
      }
      const float rows = static_cast<float>(rowsOf(n, cols));
      const float tilesLeast = rows * tileLeast(ctx, *g, 10) + (rows - 1) * gap;
      for (const FontSpec& pf : promptFonts) {
        const float ph = promptNeed(pf, c.w);
        if (ph + tilesLeast <= c.h) {
          grid = g;
          promptH = ph;
          mPrompt.promptFont = pf;
          break;
        }
      }
    }
    if (grid) {
      break;
    }
  }
  if (grid) {
    mScroll.place(ctx, Rect{}, 0);
    const Rect area{c.x, c.y + promptH, c.w, c.h - promptH};
    const float rows = static_cast<float>(rowsOf(n, grid->cols));
    const float tileH =
        std::floor(std::max(tileLeast(ctx, *grid, 10),
                            std::min(std::round(ctx.u(maxH)), (area.h - (rows - 1) * gap) / rows)));
    const float allH = rows * tileH + (rows - 1) * gap;
    mPrompt.prompt = Rect{c.x, c.y, c.w, textBlockHeight(ctx, prompt, mPrompt.promptFont, c.w)};
    mPrompt.hint = Rect{c.x, mPrompt.prompt.bottom(), c.w,
                        hint.empty() ? 0.0f : textBlockHeight(ctx, hint, hintFont, c.w)};
    mTileFont = grid->font;
    mTileLabelH = grid->labelH;
    return gridRects(ctx, *grid, area, std::round(area.y + (area.h - allH) / 2), n, tileH);
  }
  // Still too tall: the page scrolls, the tiles with it, clear of the bar and its
  // cue; the grid that needs the least height, at the largest size that does.
  const float w = std::max(1.0f, c.w - ScrollBox::gutter(ctx));
  float least = 0;
  for (const float size : sizes) {
    for (std::size_t cols = n; cols >= 1; --cols) {
      const auto g = tileGrid(ctx, labels, w, maxW, size, cols);
      if (!g) {
        continue;
      }
      const float rows = static_cast<float>(rowsOf(n, cols));
      const float h = rows * tileLeast(ctx, *g, 12) + (rows - 1) * gap;
      if (!grid || h < least) {
        grid = g;
        least = h;
      }
    }
  }
  if (!grid) { // a name with a word wider than the page: one a row, smallest size
    grid = TileGrid{};
    grid->font = ctx.font(text_size::kDetail, FontWeight::Bold);
    grid->labelH = 2 * ctx.text.metrics(grid->font).lineHeight();
    grid->tileW = w;
  }
  mPrompt.promptFont = promptFonts[1];
  promptH = promptNeed(mPrompt.promptFont, w);
  mPrompt.prompt = Rect{c.x, c.y, w, textBlockHeight(ctx, prompt, mPrompt.promptFont, w)};
  mPrompt.hint = Rect{c.x, mPrompt.prompt.bottom(), w,
                      hint.empty() ? 0.0f : textBlockHeight(ctx, hint, hintFont, w)};
  mTileFont = grid->font;
  mTileLabelH = grid->labelH;
  const float tileH = tileLeast(ctx, *grid, 12);
  const float rows = static_cast<float>(rowsOf(n, grid->cols));
  mScroll.place(ctx, c, promptH + rows * tileH + (rows - 1) * gap);
  return gridRects(ctx, *grid, Rect{c.x, c.y, w, c.h}, c.y + promptH, n, tileH);
}

void ButterflyPracticeScreen::addTiles(const UiContext& ctx, WidgetList& out,
                                       const std::vector<Rect>& rects,
                                       const std::vector<std::string>& ids,
                                       const std::vector<std::string>& labels) {
  const float dy = scrollShift();
  for (std::size_t i = 0; i < rects.size() && i < ids.size(); ++i) {
    Rect r = shifted(rects[i], dy);
    if (mScroll.scrolls()) {
      // As much of it as shows: a tile scrolled out of sight cannot be pressed.
      r = intersect(r, mScroll.box());
      if (r.h < 1) {
        continue;
      }
    }
    Widget w{ids[i], r, labels[i], WidgetRole::Tile};
    out.push_back(w);
  }
  if (mScroll.scrolls()) {
    // Pressing the bar and its cue scrolls a page on: the tiles keep their own
    // presses. Its own id, so focus left on it moves on with the page of tiles.
    const float gutter = ScrollBox::gutter(ctx);
    const Rect box = mScroll.box();
    out.push_back(Widget{"more:tiles", Rect{box.right() - gutter, box.y, gutter, box.h},
                         ctx.tr("lesson.scroll-more"), WidgetRole::Button});
  }
  mTileRects = rects;
  mTileIds = ids;
}

void ButterflyPracticeScreen::planPraise(const UiContext& ctx, const ButterflyRunner& r) {
  PraisePlan& p = mPraise;
  const Rect& c = mContent;
  const float gap = std::round(ctx.u(metrics::kGap));
  // A big heart, then the praise; when the lesson has no words to practise,
  // a short example of what to say.
  const ButterflyActivity& a = r.activity();
  p.praise = a.praise ? inLang(ctx, *a.praise) : ctx.tr("practice.praise-default");
  if (!a.sayIt && r.adult()) {
    p.praise = adultPraise(ctx, r.adult()) + " " + p.praise;
  }
  const std::string heading = ctx.tr("practice.well-done");
  const FontSpec titleFont = ctx.font(text_size::kBody, FontWeight::Bold);
  const FontSpec bubbleFont = ctx.font(text_size::kBody);
  // The column's height `width` wide: the panel, then the example.
  const auto need = [&](float x, float width) {
    float h = feedbackPanelNeed(ctx, panelRoom(ctx, x, 0, width, true).w, heading, p.praise, 'T');
    if (!a.sayIt) {
      h += gap * 1.5f + textBlockHeight(ctx, ctx.tr("practice.say-it-title"), titleFont, width) +
           ctx.u(1) + bubbleNeed(ctx, width, ctx.tr("practice.say-it-default"), bubbleFont);
    }
    return h;
  };
  // The heart gets smaller, then gives up its room, then the words scroll.
  float side = 0;
  float colW = c.w;
  bool fits = false;
  for (const float share : {0.3f, 0.2f, 0.0f}) {
    side = std::round(std::min(c.h * 0.8f, c.w * share));
    colW = side > 0 ? c.w - side - gap * 2 : c.w;
    if (need(side > 0 ? c.x + side + gap * 2 : c.x, colW) <= c.h) {
      fits = true;
      break;
    }
  }
  if (!fits) {
    side = 0;
    colW = std::max(1.0f, c.w - ScrollBox::gutter(ctx));
  }
  const float total = need(side > 0 ? c.x + side + gap * 2 : c.x, colW);
  mScroll.place(ctx, fits ? Rect{} : c, fits ? 0.0f : total);
  p.heart = Point{c.x + side / 2, c.y + side * 0.45f};
  p.heartSize = side * 0.8f;
  const float colX = side > 0 ? c.x + side + gap * 2 : c.x;
  p.panel = panelRoom(ctx, colX, c.y, colW, true);
  p.panel.h = feedbackPanelNeed(ctx, p.panel.w, heading, p.praise, 'T');
  if (!a.sayIt) {
    float y = p.panel.bottom() + gap * 1.5f;
    const float titleH = textBlockHeight(ctx, ctx.tr("practice.say-it-title"), titleFont, colW);
    p.title = Rect{colX, y, colW, titleH};
    y += titleH + ctx.u(1);
    p.bubble =
        Rect{colX, y, colW, bubbleNeed(ctx, colW, ctx.tr("practice.say-it-default"), bubbleFont)};
  }
}

void ButterflyPracticeScreen::planSayIt(const UiContext& ctx, const ButterflyRunner& r) {
  SayItPlan& p = mSayIt;
  const Rect& c = mContent;
  const float gap = std::round(ctx.u(metrics::kGap));
  const std::string heading = ctx.tr("practice.good-choice");
  const std::string praise = adultPraise(ctx, r.adult());
  const std::string title = ctx.tr("practice.say-it-title");
  const FontSpec titleFont = ctx.font(text_size::kBody, FontWeight::Bold);
  const std::string say = r.activity().sayIt ? inLang(ctx, *r.activity().sayIt) : std::string();
  // The words to say as large as fit on the page (largest for the young), else
  // the page scrolls at the body size.
  const auto need = [&](float width, const FontSpec& font) {
    return feedbackPanelNeed(ctx, panelRoom(ctx, c.x, 0, width, false).w, heading, praise) +
           gap * 1.5f + textBlockHeight(ctx, title, titleFont, width) + ctx.u(1) +
           bubbleNeed(ctx, width, say, font);
  };
  float w = c.w;
  bool fits = false;
  for (const float size : {mPlay->youngBand() ? text_size::kTitle : text_size::kHeading,
                           text_size::kHeading, text_size::kBody}) {
    p.font = ctx.font(size);
    const WrappedText wrapped = wrapText(say, w - 2 * ctx.u(3), ctx.text.metrics(p.font));
    if (!wrapped.overflow && need(w, p.font) <= c.h) {
      fits = true;
      break;
    }
  }
  if (!fits) {
    w = std::max(1.0f, c.w - ScrollBox::gutter(ctx));
  }
  mScroll.place(ctx, fits ? Rect{} : c, fits ? 0.0f : need(w, p.font));
  p.panel = panelRoom(ctx, c.x, c.y, w, false);
  p.panel.h = feedbackPanelNeed(ctx, p.panel.w, heading, praise);
  float y = p.panel.bottom() + gap * 1.5f;
  p.title = Rect{c.x, y, w, textBlockHeight(ctx, title, titleFont, w)};
  y = p.title.bottom() + ctx.u(1);
  p.bubble = Rect{c.x, y, w, bubbleNeed(ctx, w, say, p.font)};
}

void ButterflyPracticeScreen::planStep(const UiContext& ctx, const ButterflyRunner& r,
                                       const ReportStep& s) {
  StepPlan& p = mStep;
  const float gap = std::round(ctx.u(metrics::kGap));
  const Rect& c = mContent;
  const FontSpec body = ctx.font(text_size::kBody);
  p.stepOfFont = ctx.font(text_size::kBody, FontWeight::Bold);
  const std::string stepOf =
      ctx.trf("practice.step-of", {{"n", std::to_string(r.stepIndex() + 1)},
                                   {"count", std::to_string(r.steps().size())}});
  if (mThanked && r.stepIndex() == 0 && r.feeling()) {
    const Feeling f = *r.feeling();
    const bool worried = f == Feeling::Butterflies || f == Feeling::Scared || f == Feeling::Sad;
    p.thanksId = worried ? "practice.thanks-worried" : "practice.thanks";
  } else {
    p.thanksId = "";
  }
  const std::string& words = inLang(ctx, s.text);
  const float badge = std::round(ctx.u(12));
  // The page `width` wide with the picture `share` of it and the words at `size`:
  // the kind word, the quiet line, then the picture beside the badge, "Step 2 of
  // 5" and the words. Returns its height; `fitsRow` is false when a word is too
  // wide or the row is taller than `rowRoom`.
  const auto plan = [&](float width, float share, float size, float rowRoom, bool& ok) {
    float y = c.y;
    p.thanks = Rect{};
    if (*p.thanksId != '\0') {
      const float pad = std::round(ctx.u(2));
      const float h = textBlockHeight(ctx, ctx.tr(p.thanksId), body, width - 2 * pad) + 2 * pad;
      p.thanks = Rect{c.x, y, width, h};
      y += h + gap;
    }
    const float introH = textBlockHeight(ctx, ctx.tr("practice.steps-intro"), body, width);
    p.intro = Rect{c.x, y, width, introH};
    y += introH + gap;
    const float room = rowRoom < 0 ? c.bottom() - y : rowRoom;
    Rect col;
    p.picture = Rect{};
    if (s.picture && share > 0) {
      const float side = std::round(std::min(std::max(room, ctx.u(20)), width * share));
      p.picture = Rect{c.x, y, side, side};
      col = Rect{c.x + side + gap * 2, y, width - side - gap * 2, room};
    } else {
      const float w = std::min(width, ctx.u(130));
      col = Rect{std::round(c.x + (width - w) / 2), y, w, room};
    }
    const float top = col.y + ctx.u(1);
    const float stepOfW = col.right() - col.x - badge - gap;
    const float stepOfH =
        std::max(badge, textBlockHeight(ctx, stepOf, p.stepOfFont, std::max(1.0f, stepOfW)));
    p.badge = Rect{col.x, std::round(top + (stepOfH - badge) / 2), badge, badge};
    p.stepOf = Rect{p.badge.right() + gap, top, std::max(1.0f, stepOfW), stepOfH};
    p.font = ctx.font(size, FontWeight::Bold);
    // Judged a little narrower than drawn, so a size that only just fits is not
    // chosen at one window size and refused at another (glyphs round differently).
    const float judgeW = std::max(1.0f, col.w - ctx.u(3));
    const float textH = textBlockHeight(ctx, words, p.font, judgeW);
    p.text = Rect{col.x, top + stepOfH + gap, col.w, textH};
    const float rowH = std::max(p.picture.h, p.text.bottom() - y);
    ok = !wrapText(words, judgeW, ctx.text.metrics(p.font)).overflow &&
         !wrapText(stepOf, std::max(1.0f, stepOfW), ctx.text.metrics(p.stepOfFont)).overflow &&
         rowH <= room + 0.5f;
    if (!p.picture.empty()) { // centred beside the words, or in the room when it fits
      const float span = rowRoom < 0 ? room : rowH;
      p.picture.y = std::round(y + std::max(0.0f, span - p.picture.h) / 2);
    }
    return y + rowH - c.y;
  };
  // A smaller picture, then smaller words (never below the body size), then the
  // page scrolls.
  const std::vector<float> sizes =
      mPlay->youngBand()
          ? std::vector<float>{text_size::kTitle, text_size::kHeading, text_size::kBody}
          : std::vector<float>{text_size::kHeading, text_size::kBody};
  const std::vector<float> shares =
      s.picture ? std::vector<float>{0.42f, 0.3f, 0.2f} : std::vector<float>{0.0f};
  for (const float size : sizes) {
    for (const float share : shares) {
      bool ok = false;
      plan(c.w, share, size, -1, ok);
      if (ok) {
        mScroll.place(ctx, Rect{}, 0);
        return;
      }
    }
  }
  const float w = std::max(1.0f, c.w - ScrollBox::gutter(ctx));
  bool ok = false;
  const float h = plan(w, s.picture ? 0.3f : 0.0f, text_size::kBody, std::round(ctx.u(30)), ok);
  mScroll.place(ctx, c, h);
}

// ---- draw -------------------------------------------------------------------------

void ButterflyPracticeScreen::draw(UiContext& ctx, const WidgetList& widgets,
                                   const WidgetVisuals& v) {
  const Theme& t = ctx.theme;
  const LessonPlay& play = *mPlay;
  const Step* step = play.runner.step();
  const std::string title =
      step != nullptr && step->title ? inLang(ctx, *step->title) : inLang(ctx, play.lesson->title);
  drawStepHeader(ctx, play, title, widgets);
  drawStepButtons(ctx, widgets, v);
  const ButterflyRunner* r = runner();
  if (r == nullptr) {
    return;
  }
  const float dy = scrollShift();
  const auto at = [dy](const Rect& rect) { return shifted(rect, dy); };

  switch (r->phase()) {
  case ButterflyRunner::Phase::CheckIn:
  case ButterflyRunner::Phase::ChooseAdult: {
    const bool feelings = r->phase() == ButterflyRunner::Phase::CheckIn;
    mScroll.begin(ctx);
    drawTextBlock(ctx, ctx.tr(feelings ? "practice.check-in" : "practice.choose-adult"),
                  mPrompt.promptFont, at(mPrompt.prompt), TextAlign::Centre, t.text);
    if (mPrompt.hint.h > 0) {
      drawTextBlock(ctx, ctx.tr(feelings ? "practice.check-in-hint" : "practice.choose-adult-hint"),
                    ctx.font(text_size::kBody), at(mPrompt.hint), TextAlign::Centre, t.mutedText);
    }
    const float labelH = mTileLabelH;
    for (std::size_t i = 0; i < mTileRects.size() && i < mTileIds.size(); ++i) {
      const Widget* shown = findWidget(widgets, mTileIds[i]);
      if (shown == nullptr) {
        continue; // scrolled out of sight
      }
      // The whole tile, scrolled; the box clips what is out of sight.
      Widget w = *shown;
      w.rect = at(mTileRects[i]);
      const Rect in = drawTileCard(ctx, w, v);
      const Rect label{in.x, in.bottom() - labelH, in.w, labelH};
      const WidgetId wid = WidgetId::parse(w.id);
      if (const auto f = feelings ? feelingFromId(wid.value) : std::nullopt) {
        const float side = std::max(0.0f, std::min(in.w, in.h - labelH - ctx.u(1)) * 0.9f);
        drawFace(ctx, *f,
                 Rect{in.x + (in.w - side) / 2, in.y + (in.h - labelH - side) / 2, side, side});
      } else if (const auto a = feelings ? std::nullopt : adultFromId(wid.value)) {
        const Rect pic{in.x, in.y + ctx.u(1), in.w, std::max(0.0f, in.h - labelH - ctx.u(2))};
        drawAdult(ctx, *a, Rect{pic.x + pic.w * 0.1f, pic.y, pic.w * 0.8f, pic.h});
      }
      drawTextBlock(ctx, w.label, mTileFont, label, TextAlign::Centre, t.text, 0, true);
    }
    mScroll.end(ctx);
    break;
  }

  case ButterflyRunner::Phase::Steps: {
    for (const Widget& w : widgets) {
      if (w.id == "step:next") {
        drawButton(ctx, w, v, ButtonStyle::Primary, kNextIcon);
      }
    }
    const ReportStep* s = r->currentStep();
    if (s == nullptr) {
      break;
    }
    const StepPlan& p = mStep;
    mScroll.begin(ctx);
    // A kind word for the feeling just shared, on the first step only.
    if (!p.thanks.empty()) {
      const float pad = std::round(ctx.u(2));
      const Rect box = at(p.thanks);
      ctx.renderer.fillRoundedRect(box, ctx.u(metrics::kRadius), t.readyFill);
      drawTextBlock(ctx, ctx.tr(p.thanksId), ctx.font(text_size::kBody),
                    Rect{box.x + pad, box.y + pad, box.w - 2 * pad, box.h - 2 * pad},
                    TextAlign::Centre, t.readyText, 0, true);
    }
    // What the steps are for, in a quiet line.
    drawTextBlock(ctx, ctx.tr("practice.steps-intro"), ctx.font(text_size::kBody), at(p.intro),
                  TextAlign::Centre, t.mutedText);
    if (s->picture && !p.picture.empty()) {
      drawPicture(ctx, play.asset(s->picture->src), at(p.picture));
    }
    // The step's number in a round badge, "Step 2 of 5" beside it, then the words.
    const Rect badge = at(p.badge);
    ctx.renderer.fillRoundedRect(badge, badge.w / 2, t.accent);
    drawIcon(ctx, std::to_string(r->stepIndex() + 1), badge, 7.0f, t.accentText);
    drawTextBlock(ctx,
                  ctx.trf("practice.step-of", {{"n", std::to_string(r->stepIndex() + 1)},
                                               {"count", std::to_string(r->steps().size())}}),
                  p.stepOfFont, at(p.stepOf), TextAlign::Left, t.mutedText, 0, true);
    drawTextBlock(ctx, inLang(ctx, s->text), p.font, at(p.text), TextAlign::Left, t.text, 0);
    mScroll.end(ctx);
    break;
  }

  case ButterflyRunner::Phase::SayIt: {
    const SayItPlan& p = mSayIt;
    mScroll.begin(ctx);
    drawFeedbackPanel(ctx, at(p.panel), FeedbackTone::Warm, ctx.tr("practice.good-choice"),
                      adultPraise(ctx, r->adult()));
    drawTextBlock(ctx, ctx.tr("practice.say-it-title"),
                  ctx.font(text_size::kBody, FontWeight::Bold), at(p.title), TextAlign::Left,
                  t.text);
    if (r->activity().sayIt) {
      drawBubble(ctx, at(p.bubble), inLang(ctx, *r->activity().sayIt), p.font);
    }
    mScroll.end(ctx);
    break;
  }

  case ButterflyRunner::Phase::Praise:
  case ButterflyRunner::Phase::Finished: {
    const PraisePlan& p = mPraise;
    mScroll.begin(ctx);
    if (p.heartSize > 0) {
      drawHeart(ctx, Point{p.heart.x, p.heart.y + dy}, p.heartSize, t.problemAccent);
    }
    drawFeedbackPanel(ctx, at(p.panel), FeedbackTone::Warm, ctx.tr("practice.well-done"), p.praise,
                      'T');
    if (!r->activity().sayIt) {
      drawTextBlock(ctx, ctx.tr("practice.say-it-title"),
                    ctx.font(text_size::kBody, FontWeight::Bold), at(p.title), TextAlign::Left,
                    t.text);
      drawBubble(ctx, at(p.bubble), ctx.tr("practice.say-it-default"), ctx.font(text_size::kBody));
    }
    mScroll.end(ctx);
    break;
  }
  }
}

// ---- input ------------------------------------------------------------------------

void ButterflyPracticeScreen::nextStep(UiHost& host) {
  ButterflyRunner* r = runner();
  if (r == nullptr || !r->nextStep()) {
    return;
  }
  saveProgress(*mPlay, host);
  if (const ReportStep* s = r->currentStep()) {
    narrate(*mPlay, host, s->narration, true);
  }
}

void ButterflyPracticeScreen::activate(std::string_view widgetId, UiHost& host) {
  ButterflyRunner* r = runner();
  if (widgetId == "back") {
    host.nav().pop();
    return;
  }
  if (r == nullptr) {
    return;
  }
  if (WidgetId::parse(widgetId).is("feeling")) {
    // Any feeling is welcome. It stays in the runner's memory: never recorded.
    if (const auto f = feelingFromId(WidgetId::parse(widgetId).value); f && r->chooseFeeling(*f)) {
      mThanked = true;
      saveProgress(*mPlay, host);
      if (const ReportStep* s = r->currentStep()) {
        narrate(*mPlay, host, s->narration, true);
      }
    }
  } else if (widgetId == "more" || widgetId == "more:tiles") {
    mScroll.page();
  } else if (widgetId == "step:next") {
    nextStep(host);
  } else if (widgetId == "read-aloud") {
    if (const ReportStep* s = r->currentStep()) {
      narrate(*mPlay, host, s->narration, false);
    }
  } else if (WidgetId::parse(widgetId).is("adult")) {
    if (const auto a = adultFromId(WidgetId::parse(widgetId).value); a && r->chooseAdult(*a)) {
      saveProgress(*mPlay, host);
    }
  } else if (widgetId == "next") {
    if (r->phase() == ButterflyRunner::Phase::SayIt) {
      r->proceed();
      saveProgress(*mPlay, host);
    } else {
      if (r->phase() == ButterflyRunner::Phase::Praise) {
        r->proceed();
      }
      if (r->isFinished()) {
        finishStep(mPlay, host);
      }
    }
  }
}

bool ButterflyPracticeScreen::key(const KeyDown& k, UiHost& host) {
  const ButterflyRunner* r = runner();
  if (r == nullptr) {
    return false;
  }
  // Up and Down scroll a page of words; on a page of tiles they move between tiles.
  const bool tiles = r->phase() == ButterflyRunner::Phase::CheckIn ||
                     r->phase() == ButterflyRunner::Phase::ChooseAdult;
  if (!tiles && mScroll.key(k)) {
    return true;
  }
  if (k.key != Key::PageDown || k.repeat || r->phase() != ButterflyRunner::Phase::Steps) {
    return false;
  }
  nextStep(host);
  return true;
}

bool ButterflyPracticeScreen::pointer(const InputEvent& e, const UiContext& ctx) {
  return mScroll.handle(e, ctx);
}

std::string ButterflyPracticeScreen::firstFocus() const {
  // The way on, not "more": Return keeps moving through the steps.
  const ButterflyRunner* r = runner();
  if (r == nullptr) {
    return {};
  }
  switch (r->phase()) {
  case ButterflyRunner::Phase::Steps:
    return "step:next";
  case ButterflyRunner::Phase::SayIt:
  case ButterflyRunner::Phase::Praise:
  case ButterflyRunner::Phase::Finished:
    return "next";
  case ButterflyRunner::Phase::CheckIn:
  case ButterflyRunner::Phase::ChooseAdult:
    break;
  }
  return mTileIds.empty() ? std::string() : mTileIds.front();
}

} // namespace sq
