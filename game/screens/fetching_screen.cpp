#include "screens/fetching_screen.hpp"

#include "ui/chrome.hpp"
#include "ui/controls.hpp"

#include <algorithm>
#include <cmath>

namespace sq {

namespace {

// A computer, drawn plainly so a young child knows it: a screen in a frame on a
// stand.
void drawComputer(UiContext& ctx, const Rect& r, Colour screen) {
  const Theme& t = ctx.theme;
  const float frame = std::max(2.0f, std::round(r.w * 0.06f));
  const Rect monitor{r.x, r.y, r.w, std::round(r.h * 0.76f)};
  ctx.renderer.fillRoundedRect(monitor, frame * 1.2f, t.mutedText);
  ctx.renderer.fillRoundedRect(
      Rect{monitor.x + frame, monitor.y + frame, monitor.w - 2 * frame, monitor.h - 2 * frame},
      frame * 0.5f, screen);
  const float neckW = std::round(r.w * 0.14f);
  const float baseH = std::max(2.0f, std::round(r.h * 0.07f));
  const Rect neck{std::round(r.x + (r.w - neckW) / 2), monitor.bottom(), neckW,
                  r.bottom() - baseH - monitor.bottom()};
  ctx.renderer.fillRect(neck, t.mutedText);
  const float baseW = std::round(r.w * 0.5f);
  ctx.renderer.fillRoundedRect(
      Rect{std::round(r.x + (r.w - baseW) / 2), r.bottom() - baseH, baseW, baseH}, baseH / 2,
      t.mutedText);
}

// A fat arrow pointing right, filling `r`.
void drawArrow(UiContext& ctx, const Rect& r, Colour c) {
  const float head = std::round(r.w * 0.45f);
  const float shaftH = std::round(r.h * 0.4f);
  const float midY = r.y + r.h / 2;
  ctx.renderer.fillRect(Rect{r.x, std::round(midY - shaftH / 2), r.w - head + 1, shaftH}, c);
  ctx.renderer.fillConvex(
      {Point{r.right() - head, r.y}, Point{r.right(), midY}, Point{r.right() - head, r.bottom()}},
      c);
}

} // namespace

std::unique_ptr<Screen> makeFetchingScreen(const PupilSession& pupil,
                                           std::shared_ptr<const FetchProgress> progress) {
  return std::make_unique<FetchingScreen>(pupil.session().shortName(), std::move(progress));
}

float FetchingScreen::fraction() const {
  if (!mProgress || mProgress->total <= 0) {
    return 0.0f;
  }
  return std::clamp(static_cast<float>(mProgress->done) / static_cast<float>(mProgress->total),
                    0.0f, 1.0f);
}

void FetchingScreen::layout(const UiContext& ctx, WidgetList& out) {
  // The same "Not me" as on home, in the same corner: a pupil who tapped the
  // wrong name need not wait.
  const std::string notMe = ctx.tr("home.not-me");
  out.push_back(Widget{"sign-out", cornerButton(ctx, Corner::TopLeft, notMe, true), notMe,
                       WidgetRole::Button});

  Plan& p = mPlan;
  p.title = mName.empty() ? ctx.tr("home.hello-guest") : ctx.trf("home.hello", {{"name", mName}});
  const Rect content = contentArea(ctx);
  p.words = ctx.tr("fetching.words");
  p.font = ctx.font(text_size::kHeading, FontWeight::Bold);
  const float textW = std::min(content.w, ctx.u(150));
  const float textH = textBlockHeight(ctx, p.words, p.font, textW, 3);
  const float gap = std::round(ctx.u(5));
  const float barH = std::round(ctx.u(6));
  // The picture takes what the words and the bar leave, up to 30 units.
  const float pic =
      std::round(std::clamp(content.h - textH - barH - 2 * gap - ctx.u(2), ctx.u(8), ctx.u(30)));
  const float total = pic + gap + textH + gap + barH;
  float y = std::round(content.y + std::max(0.0f, (content.h - total) / 2));

  // Three of the other computers, an arrow, and this one (bigger): work travels
  // from them to here.
  const float smallW = std::round(pic * 0.62f);
  const float smallH = std::round(pic * 0.52f);
  const float smallGap = std::round(pic * 0.12f);
  const float arrowW = std::round(pic * 0.62f);
  const float arrowGap = std::round(pic * 0.2f);
  const float bigW = std::round(pic * 1.25f);
  const float rowW = 3 * smallW + 2 * smallGap + 2 * arrowGap + arrowW + bigW;
  float x = std::round(content.x + (content.w - rowW) / 2);
  const float smallY = std::round(y + (pic - smallH) / 2);
  for (Rect& small : p.others) {
    small = Rect{x, smallY, smallW, smallH};
    x += smallW + smallGap;
  }
  x += arrowGap - smallGap;
  p.arrow = Rect{x, std::round(y + pic * 0.22f), arrowW, std::round(pic * 0.36f)};
  x += arrowW + arrowGap;
  p.here = Rect{x, y, bigW, pic};
  y += pic + gap;

  p.text = Rect{std::round(content.x + (content.w - textW) / 2), y, textW, textH};
  y += textH + gap;

  const float barW = std::round(std::min(content.w * 0.6f, ctx.u(100)));
  p.bar = Rect{std::round(content.x + (content.w - barW) / 2), y, barW, barH};
  p.border = std::max(1.0f, std::round(ctx.u(metrics::kBorder * 1.5f)));
}

void FetchingScreen::draw(UiContext& ctx, const WidgetList& widgets, const WidgetVisuals& v) {
  const Theme& t = ctx.theme;
  const Plan& p = mPlan;
  drawTitle(ctx, p.title, widgets);
  for (std::size_t i = 0; i < p.others.size(); ++i) {
    drawComputer(ctx, p.others[i], tileTint(t, i));
  }
  drawArrow(ctx, p.arrow, t.accent);
  drawComputer(ctx, p.here, t.surface);
  drawTextBlock(ctx, p.words, p.font, p.text, TextAlign::Centre, t.text, 3);

  // The bar: a track with an outline, filled from the left as work comes in.
  const Rect& bar = p.bar;
  ctx.renderer.fillRoundedRect(bar, bar.h / 2, t.surface);
  const float filled = std::round((bar.w - 2 * p.border) * fraction());
  if (filled >= 1.0f) {
    const Rect in{bar.x + p.border, bar.y + p.border, std::max(filled, bar.h - 2 * p.border),
                  bar.h - 2 * p.border};
    ctx.renderer.fillRoundedRect(in, in.h / 2, t.accent);
  }
  ctx.renderer.strokeRoundedRect(bar, bar.h / 2, p.border, t.mutedText);

  for (const Widget& w : widgets) {
    if (w.id == "sign-out") {
      drawButton(ctx, w, v, ButtonStyle::Normal, "\xE2\x86\x90"); // ←
    }
  }
}

void FetchingScreen::activate(std::string_view widgetId, UiHost& host) {
  if (widgetId == "sign-out") {
    host.pupil().signOut();
  }
}

} // namespace sq
