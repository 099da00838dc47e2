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
  const float pad = ctx.u(3);
  const float tail = std::round(ctx.u(4));
  const float textH = textBlockHeight(ctx, text, font, box.w - 2 * pad, 6);
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
                TextAlign::Left, t.text, 6, true);
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

// The area a row of `n` tiles takes below a prompt `promptH` tall.
// ---- placing ----------------------------------------------------------------------

std::vector<Rect> tileRow(const UiContext& ctx, const Rect& content, float promptH, std::size_t n,
                          float maxW, float maxH) {
  std::vector<Rect> out;
  if (n == 0) {
    return out;
  }
  const float gap = std::round(ctx.u(metrics::kGap));
  const float count = static_cast<float>(n);
  const float w = std::min(std::floor((content.w - (count - 1) * gap) / count), ctx.u(maxW));
  const Rect area{content.x, content.y + promptH, content.w, content.h - promptH};
  const float h = std::round(std::min(area.h, ctx.u(maxH)));
  float x = std::round(area.x + (area.w - (count * w + (count - 1) * gap)) / 2);
  const float y = std::round(area.y + (area.h - h) / 2);
  for (std::size_t i = 0; i < n; ++i) {
    out.push_back(Rect{x, y, std::round(w), h});
    x += w + gap;
  }
  return out;
}

// One size for every tile's words (those of widgets named `kind`), so a long
// word does not make one tile look different: the largest at which every word
// fits the tile's width and each name takes at most two lines; the words' room
// is as tall as the longest name needs, and the picture above gives it up.
void tileLabels(const UiContext& ctx, const WidgetList& tiles, std::string_view kind,
                FontSpec& font, float& labelH) {
  for (const float size : {text_size::kHeading, text_size::kBody, text_size::kDetail}) {
    font = ctx.font(size, FontWeight::Bold);
    const FontMetrics m = ctx.text.metrics(font);
    bool fits = true;
    labelH = 0;
    for (const Widget& w : tiles) {
      if (WidgetId::parse(w.id).is(kind)) {
        const WrappedText wrapped = wrapText(w.label, w.rect.w - 2 * std::round(ctx.u(1.6f)), m);
        fits = fits && wrapped.lines.size() <= 2 && !wrapped.overflow;
        labelH = std::max(labelH, static_cast<float>(wrapped.lines.size()) * m.lineHeight());
      }
    }
    if (fits) {
      break;
    }
  }
}

// One size for every tile's label, so a long word does not make one look different.
FontSpec sharedLabelFont(const UiContext& ctx, const std::vector<std::string>& labels,
                         float width) {
  FontSpec spec = ctx.fixedFont(text_size::kHeading, FontWeight::Bold);
  for (const std::string& l : labels) {
    const FontSpec f = fittingFont(ctx, l, text_size::kHeading, width);
    spec.pixelSize = std::min(spec.pixelSize, f.pixelSize);
  }
  return spec;
}

// The prompt and its hint over the tiles, wrapped in full: their height, which
// the tiles give up.
float promptHeight(const UiContext& ctx, float width, std::string_view prompt,
                   std::string_view hint) {
  const float h =
      textBlockHeight(ctx, prompt, ctx.font(text_size::kHeading, FontWeight::Bold), width) +
      (hint.empty() ? 0.0f : textBlockHeight(ctx, hint, ctx.font(text_size::kBody), width));
  return std::ceil(std::max(h + ctx.u(2), ctx.u(15)));
}

void drawPrompt(UiContext& ctx, const Rect& content, std::string_view prompt,
                std::string_view hint) {
  const Theme& t = ctx.theme;
  const FontSpec head = ctx.font(text_size::kHeading, FontWeight::Bold);
  const float promptH = textBlockHeight(ctx, prompt, head, content.w);
  const float used = drawTextBlock(
      ctx, prompt, head, Rect{content.x, content.y, content.w, promptH}, TextAlign::Centre, t.text);
  if (!hint.empty()) {
    const FontSpec body = ctx.font(text_size::kBody);
    drawTextBlock(
        ctx, hint, body,
        Rect{content.x, content.y + used, content.w, textBlockHeight(ctx, hint, body, content.w)},
        TextAlign::Centre, t.mutedText);
  }
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
  addStepBack(ctx, out);
  const ButterflyRunner* r = runner();
  if (r == nullptr) {
    return;
  }
  const Rect content = stepContentArea(ctx);
  switch (r->phase()) {
  case ButterflyRunner::Phase::CheckIn: {
    const auto& feelings = r->activity().feelings;
    const float promptH =
        promptHeight(ctx, content.w, ctx.tr("practice.check-in"), ctx.tr("practice.check-in-hint"));
    const auto rects = tileRow(ctx, content, promptH, feelings.size(), 36, 46);
    for (std::size_t i = 0; i < rects.size(); ++i) {
      out.push_back(Widget{"feeling:" + std::string(feelingId(feelings[i])), rects[i],
                           feelingLabel(ctx, feelings[i]), WidgetRole::Tile});
    }
    // One size for every feeling's name, on one line.
    float labelRoom = content.w;
    std::vector<std::string> labels;
    for (const Widget& w : out) {
      if (WidgetId::parse(w.id).is("feeling")) {
        labels.push_back(w.label);
        labelRoom = std::min(labelRoom, w.rect.w - 2 * std::round(ctx.u(1.6f)));
      }
    }
    mTileFont = sharedLabelFont(ctx, labels, labelRoom);
    mTileLabelH = ctx.text.metrics(mTileFont).lineHeight();
    break;
  }
  case ButterflyRunner::Phase::Steps: {
    const ReportStep* s = r->currentStep();
    if (s != nullptr && s->narration) {
      const std::string read = ctx.tr("common.read-aloud");
      out.push_back(Widget{"read-aloud", cornerButton(ctx, Corner::BottomLeft, read, true), read,
                           WidgetRole::Button});
    }
    const std::string next = ctx.tr("lesson.next");
    out.push_back(Widget{"step:next", cornerButton(ctx, Corner::BottomRight, next, true), next,
                         WidgetRole::Button});
    if (s != nullptr) {
      planStep(ctx, *r, *s);
    }
    break;
  }
  case ButterflyRunner::Phase::ChooseAdult: {
    const auto& adults = r->activity().adults;
    const float promptH = promptHeight(ctx, content.w, ctx.tr("practice.choose-adult"),
                                       ctx.tr("practice.choose-adult-hint"));
    const auto rects = tileRow(ctx, content, promptH, adults.size(), 54, 48);
    for (std::size_t i = 0; i < rects.size(); ++i) {
      out.push_back(Widget{"adult:" + std::string(trustedAdultId(adults[i])), rects[i],
                           adultLabel(ctx, adults[i]), WidgetRole::Tile});
    }
    tileLabels(ctx, out, "adult", mTileFont, mTileLabelH);
    break;
  }
  case ButterflyRunner::Phase::SayIt:
    planSayIt(ctx, *r);
    addStepBottom(ctx, out, false, ctx.tr("lesson.next"));
    break;
  case ButterflyRunner::Phase::Praise:
  case ButterflyRunner::Phase::Finished:
    planPraise(ctx, *r);
    addStepBottom(ctx, out, false, ctx.tr("lesson.next"));
    break;
  }
}

void ButterflyPracticeScreen::planPraise(const UiContext& ctx, const ButterflyRunner& r) {
  PraisePlan& p = mPraise;
  const Rect& content = mContent;
  const float gap = std::round(ctx.u(metrics::kGap));
  // A big heart, then the praise; when the lesson has no words to practise,
  // a short example of what to say.
  const ButterflyActivity& a = r.activity();
  p.praise = a.praise ? inLang(ctx, *a.praise) : ctx.tr("practice.praise-default");
  if (!a.sayIt && r.adult()) {
    p.praise = adultPraise(ctx, r.adult()) + " " + p.praise;
  }
  // The heart gives up its room when the praise would not be whole beside it.
  float side = std::round(std::min(content.h * 0.8f, content.w * 0.3f));
  const float need = feedbackPanelNeed(ctx, content.w - side - gap * 2,
                                       ctx.tr("practice.well-done"), p.praise, 'T');
  if (need > (a.sayIt ? content.h : content.h * 0.55f)) {
    side = 0;
  }
  p.heart = Point{content.x + side / 2, content.y + side * 0.45f};
  p.heartSize = side * 0.8f;
  const float colX = side > 0 ? content.x + side + gap * 2 : content.x;
  const Rect col{colX, content.y, content.right() - colX, content.h};
  const float panelNeed =
      feedbackPanelNeed(ctx, col.w, ctx.tr("practice.well-done"), p.praise, 'T');
  p.panel = Rect{col.x, col.y, col.w,
                 a.sayIt ? col.h : std::min(col.h, std::max(col.h * 0.55f, panelNeed))};
  if (!a.sayIt) {
    const float used =
        feedbackPanelHeight(ctx, p.panel, ctx.tr("practice.well-done"), p.praise, 'T');
    float y = col.y + used + gap * 1.5f;
    const float titleH = textBlockHeight(ctx, ctx.tr("practice.say-it-title"),
                                         ctx.font(text_size::kBody, FontWeight::Bold), col.w);
    p.title = Rect{col.x, y, col.w, titleH};
    y += titleH + ctx.u(1);
    p.bubble = Rect{col.x, y, col.w, col.bottom() - y};
  }
}

void ButterflyPracticeScreen::planSayIt(const UiContext& ctx, const ButterflyRunner& r) {
  SayItPlan& p = mSayIt;
  const Rect& content = mContent;
  const float gap = std::round(ctx.u(metrics::kGap));
  p.panel = Rect{content.x, content.y, content.w, content.h * 0.45f};
  const float used = feedbackPanelHeight(ctx, p.panel, ctx.tr("practice.good-choice"),
                                         adultPraise(ctx, r.adult()));
  float y = content.y + used + gap * 1.5f;
  const float titleH = textBlockHeight(ctx, ctx.tr("practice.say-it-title"),
                                       ctx.font(text_size::kBody, FontWeight::Bold), content.w);
  p.title = Rect{content.x, y, content.w, titleH};
  y += titleH + ctx.u(1);
  p.bubble = Rect{content.x, y, content.w, content.bottom() - y};
  if (r.activity().sayIt) {
    const std::string& say = inLang(ctx, *r.activity().sayIt);
    p.font = fitFont(ctx, say, Rect{0, 0, p.bubble.w - ctx.u(6), p.bubble.h - ctx.u(10)},
                     {mPlay->youngBand() ? text_size::kTitle : text_size::kHeading,
                      text_size::kHeading, text_size::kBody},
                     FontWeight::Regular);
  }
}

void ButterflyPracticeScreen::planStep(const UiContext& ctx, const ButterflyRunner& r,
                                       const ReportStep& s) {
  StepPlan& p = mStep;
  const float gap = std::round(ctx.u(metrics::kGap));
  Rect area = mContent;
  if (mThanked && r.stepIndex() == 0 && r.feeling()) {
    const Feeling f = *r.feeling();
    const bool worried = f == Feeling::Butterflies || f == Feeling::Scared || f == Feeling::Sad;
    p.thanksId = worried ? "practice.thanks-worried" : "practice.thanks";
    const float pad = std::round(ctx.u(2));
    const float h =
        textBlockHeight(ctx, ctx.tr(p.thanksId), ctx.font(text_size::kBody), area.w - 2 * pad) +
        2 * pad;
    p.thanks = Rect{area.x, area.y, area.w, h};
    area.y += h + gap;
    area.h -= h + gap;
  }
  // Wrapped in full: the steps below give up the room.
  const float introH =
      textBlockHeight(ctx, ctx.tr("practice.steps-intro"), ctx.font(text_size::kBody), area.w);
  p.intro = Rect{area.x, area.y, area.w, introH};
  area.y += introH + gap;
  area.h -= introH + gap;
  Rect col = area;
  if (s.picture) {
    const float side = std::round(std::min(area.h, area.w * 0.42f));
    p.picture = Rect{area.x, area.y + (area.h - side) / 2, side, side};
    col = Rect{area.x + side + gap * 2, area.y, area.w - side - gap * 2, area.h};
  } else {
    const float w = std::min(area.w, ctx.u(130));
    col = Rect{std::round(area.x + (area.w - w) / 2), area.y, w, area.h};
  }
  const float badge = std::round(ctx.u(12));
  const float top = col.y + ctx.u(1);
  p.badge = Rect{col.x, top, badge, badge};
  p.stepOf = Rect{p.badge.right() + gap, top, col.right() - p.badge.right() - gap, badge};
  p.text = Rect{col.x, p.badge.bottom() + gap, col.w, col.bottom() - p.badge.bottom() - gap};
  const std::string& words = inLang(ctx, s.text);
  p.font =
      mPlay->youngBand()
          ? fitFont(ctx, words, p.text, {text_size::kTitle, text_size::kHeading, text_size::kBody},
                    FontWeight::Bold)
          : fitFont(ctx, words, p.text, {text_size::kHeading, text_size::kBody}, FontWeight::Bold);
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
  const Rect content = mContent;

  switch (r->phase()) {
  case ButterflyRunner::Phase::CheckIn: {
    drawPrompt(ctx, content, ctx.tr("practice.check-in"), ctx.tr("practice.check-in-hint"));
    const FontSpec& font = mTileFont;
    for (const Widget& w : widgets) {
      const WidgetId wid = WidgetId::parse(w.id);
      const auto f = wid.is("feeling") ? feelingFromId(wid.value) : std::nullopt;
      if (!f) {
        continue;
      }
      const Rect in = drawTileCard(ctx, w, v);
      const float labelH = mTileLabelH;
      const float side = std::min(in.w, in.h - labelH - ctx.u(1)) * 0.9f;
      drawFace(ctx, *f,
               Rect{in.x + (in.w - side) / 2, in.y + (in.h - labelH - side) / 2, side, side});
      drawTextBlock(ctx, w.label, font, Rect{in.x, in.bottom() - labelH, in.w, labelH},
                    TextAlign::Centre, t.text, 1);
    }
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
    // A kind word for the feeling just shared, on the first step only.
    if (!p.thanks.empty()) {
      const float pad = std::round(ctx.u(2));
      ctx.renderer.fillRoundedRect(p.thanks, ctx.u(metrics::kRadius), t.readyFill);
      drawTextBlock(
          ctx, ctx.tr(p.thanksId), ctx.font(text_size::kBody),
          Rect{p.thanks.x + pad, p.thanks.y + pad, p.thanks.w - 2 * pad, p.thanks.h - 2 * pad},
          TextAlign::Centre, t.readyText, 0, true);
    }
    // What the steps are for, in a quiet line.
    drawTextBlock(ctx, ctx.tr("practice.steps-intro"), ctx.font(text_size::kBody), p.intro,
                  TextAlign::Centre, t.mutedText);
    if (s->picture) {
      drawPicture(ctx, play.asset(s->picture->src), p.picture);
    }
    // The step's number in a round badge, "Step 2 of 5" beside it, then the words.
    ctx.renderer.fillRoundedRect(p.badge, p.badge.w / 2, t.accent);
    drawIcon(ctx, std::to_string(r->stepIndex() + 1), p.badge, 7.0f, t.accentText);
    drawTextBlock(ctx,
                  ctx.trf("practice.step-of", {{"n", std::to_string(r->stepIndex() + 1)},
                                               {"count", std::to_string(r->steps().size())}}),
                  ctx.font(text_size::kBody, FontWeight::Bold), p.stepOf, TextAlign::Left,
                  t.mutedText, 1, true);
    drawTextBlock(ctx, inLang(ctx, s->text), p.font, p.text, TextAlign::Left, t.text, 0);
    break;
  }

  case ButterflyRunner::Phase::ChooseAdult: {
    drawPrompt(ctx, content, ctx.tr("practice.choose-adult"), ctx.tr("practice.choose-adult-hint"));
    const FontSpec& font = mTileFont;
    const float labelH = mTileLabelH;
    for (const Widget& w : widgets) {
      const WidgetId wid = WidgetId::parse(w.id);
      const auto a = wid.is("adult") ? adultFromId(wid.value) : std::nullopt;
      if (!a) {
        continue;
      }
      const Rect in = drawTileCard(ctx, w, v);
      const Rect pic{in.x, in.y + ctx.u(1), in.w, in.h - labelH - ctx.u(2)};
      drawAdult(ctx, *a, Rect{pic.x + pic.w * 0.1f, pic.y, pic.w * 0.8f, pic.h});
      drawTextBlock(ctx, w.label, font, Rect{in.x, in.bottom() - labelH, in.w, labelH},
                    TextAlign::Centre, t.text, 0, true);
    }
    break;
  }

  case ButterflyRunner::Phase::SayIt: {
    const SayItPlan& p = mSayIt;
    drawFeedbackPanel(ctx, p.panel, FeedbackTone::Warm, ctx.tr("practice.good-choice"),
                      adultPraise(ctx, r->adult()));
    drawTextBlock(ctx, ctx.tr("practice.say-it-title"),
                  ctx.font(text_size::kBody, FontWeight::Bold), p.title, TextAlign::Left, t.text);
    drawBubble(ctx, p.bubble, inLang(ctx, *r->activity().sayIt), p.font);
    break;
  }

  case ButterflyRunner::Phase::Praise:
  case ButterflyRunner::Phase::Finished: {
    const PraisePlan& p = mPraise;
    if (p.heartSize > 0) {
      drawHeart(ctx, p.heart, p.heartSize, t.problemAccent);
    }
    drawFeedbackPanel(ctx, p.panel, FeedbackTone::Warm, ctx.tr("practice.well-done"), p.praise,
                      'T');
    if (!r->activity().sayIt) {
      drawTextBlock(ctx, ctx.tr("practice.say-it-title"),
                    ctx.font(text_size::kBody, FontWeight::Bold), p.title, TextAlign::Left, t.text);
      drawBubble(ctx, p.bubble, ctx.tr("practice.say-it-default"), ctx.font(text_size::kBody));
    }
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
  if (k.key != Key::PageDown || k.repeat || r == nullptr ||
      r->phase() != ButterflyRunner::Phase::Steps) {
    return false;
  }
  nextStep(host);
  return true;
}

} // namespace sq
