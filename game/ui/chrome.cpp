#include "ui/chrome.hpp"

#include <algorithm>
#include <cmath>

namespace sq {

namespace {
constexpr float kButterflyWidth = 44.0f;
} // namespace

Rect butterflyButtonRect(const UiContext& ctx) {
  const float w = std::round(ctx.u(kButterflyWidth));
  const float h = std::round(ctx.u(metrics::kButtonHeight));
  const float top = std::round(ctx.u(chrome::kBarTop));
  return Rect{std::round(static_cast<float>(ctx.viewport.width) - ctx.u(chrome::kBarTop) - w), top,
              w, h};
}

Rect topLeftSlot(const UiContext& ctx, int slot, float widthUnits) {
  const float gap = ctx.u(metrics::kGap);
  const float w = std::round(ctx.u(widthUnits));
  const float x = std::round(ctx.u(chrome::kBarTop) + static_cast<float>(slot) * (w + gap));
  return Rect{x, std::round(ctx.u(chrome::kBarTop)), w, std::round(ctx.u(metrics::kButtonHeight))};
}

Rect titleArea(const UiContext& ctx) {
  const Rect right = butterflyButtonRect(ctx);
  // Symmetric about the middle, so a title is centred on the screen itself.
  const float side = static_cast<float>(ctx.viewport.width) - right.x + ctx.u(metrics::kGap);
  return Rect{side, right.y, std::max(0.0f, static_cast<float>(ctx.viewport.width) - 2 * side),
              right.h};
}

Rect contentArea(const UiContext& ctx) {
  const float m = ctx.u(metrics::kMargin);
  const float top = std::round(ctx.u(chrome::kTopBar));
  return Rect{std::round(m), top, std::round(static_cast<float>(ctx.viewport.width) - 2 * m),
              std::round(static_cast<float>(ctx.viewport.height) - top - m)};
}

Widget butterflyWidget(const UiContext& ctx) {
  Widget w;
  w.id = "butterfly";
  w.rect = butterflyButtonRect(ctx);
  w.label = ctx.tr("butterfly.button");
  w.role = WidgetRole::Button;
  return w;
}

void drawButterflyButton(UiContext& ctx, const Widget& w, const WidgetVisuals& v) {
  const Theme& t = ctx.theme;
  const bool hot = v.hovered == w.id || v.pressed == w.id;
  ctx.renderer.fillRoundedRect(w.rect, w.rect.h / 2, hot ? t.pressed : t.helpFill);
  ctx.renderer.strokeRoundedRect(w.rect, w.rect.h / 2,
                                 std::max(1.0f, std::round(ctx.u(hot ? 0.7f : 0.45f))),
                                 t.helpBorder);
  // The butterfly itself, then the words: a picture a non-reader knows.
  const float icon = std::round(w.rect.h * 0.92f);
  const Rect iconBox{std::round(w.rect.x + w.rect.h * 0.3f), std::round(w.rect.y + (w.rect.h - icon) / 2),
                     icon, icon};
  drawUiPicture(ctx, "butterfly", iconBox);
  const FontSpec spec = ctx.fixedFont(text_size::kDetail + 0.2f, FontWeight::Bold);
  const FontMetrics m = ctx.text.metrics(spec);
  const float left = iconBox.right() + ctx.u(0.8f);
  const float room = std::max(0.0f, w.rect.right() - ctx.u(2.5f) - left);
  const std::string label = ellipsize(w.label, room, m);
  const float centreY = w.rect.y + w.rect.h / 2;
  const float top = std::round(centreY - m.capHeight() / 2 - (m.ascent() - m.capHeight()));
  ctx.text.drawLine(label, spec, Point{std::round(left), top}, t.helpText);
}

void drawTitle(UiContext& ctx, std::string_view title) {
  const Rect area = titleArea(ctx);
  const FontSpec spec = ctx.font(text_size::kHeading + 1.0f, FontWeight::Bold);
  drawTextBlock(ctx, title, spec, area, TextAlign::Centre, ctx.theme.text, 1, true);
}

} // namespace sq
