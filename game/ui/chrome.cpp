#include "ui/chrome.hpp"

#include <algorithm>
#include <cmath>

namespace sq {

namespace {

FontSpec butterflyFont(const UiContext& ctx) {
  return ctx.fixedFont(text_size::kDetail + 0.2f, FontWeight::Bold);
}

} // namespace

Rect butterflyButtonRect(const UiContext& ctx) {
  const float h = std::round(ctx.u(metrics::kButtonHeight));
  // Picture, a little gap, the words, and padding: never cut short.
  const float words = measureText(ctx.tr("butterfly.button"), ctx.text.metrics(butterflyFont(ctx)));
  const float w =
      std::round(std::clamp(h * 1.22f + ctx.u(0.8f) + words + ctx.u(3.5f), ctx.u(30), ctx.u(64)));
  const float top = std::round(ctx.u(chrome::kBarTop));
  return Rect{std::round(static_cast<float>(ctx.viewport.width) - ctx.u(chrome::kBarTop) - w), top,
              w, h};
}

float buttonWidth(const UiContext& ctx, std::string_view label, bool icon) {
  const FontMetrics m = ctx.text.metrics(ctx.fixedFont(text_size::kBody, FontWeight::Bold));
  // The padding drawButton uses, plus a unit to spare for rounding.
  const float w = measureText(label, m) + ctx.u(7) + (icon ? ctx.u(6) : 0.0f);
  return std::round(std::clamp(w, ctx.u(20), ctx.u(70)));
}

Rect cornerButton(const UiContext& ctx, Corner corner, std::string_view label, bool icon) {
  const float w = buttonWidth(ctx, label, icon);
  const float h = std::round(ctx.u(metrics::kButtonHeight));
  const float edge = std::round(ctx.u(chrome::kBarTop));
  const float vw = static_cast<float>(ctx.viewport.width);
  const float vh = static_cast<float>(ctx.viewport.height);
  switch (corner) {
  case Corner::TopLeft:
    return Rect{edge, edge, w, h};
  case Corner::BottomLeft:
    return Rect{edge, vh - edge - h, w, h};
  case Corner::BottomRight:
    break;
  }
  return Rect{vw - edge - w, vh - edge - h, w, h};
}

Rect titleArea(const UiContext& ctx) {
  const Rect right = butterflyButtonRect(ctx);
  // Symmetric about the middle, so a title is centred on the screen itself.
  const float side = static_cast<float>(ctx.viewport.width) - right.x + ctx.u(metrics::kGap);
  return Rect{side, right.y, std::max(0.0f, static_cast<float>(ctx.viewport.width) - 2 * side),
              right.h};
}

Rect contentArea(const UiContext& ctx, bool bottomBar) {
  const float m = ctx.u(metrics::kMargin);
  const float top = std::round(ctx.u(chrome::kTopBar));
  float bottom = static_cast<float>(ctx.viewport.height) - m;
  if (bottomBar) {
    bottom = static_cast<float>(ctx.viewport.height) -
             std::round(ctx.u(chrome::kBarTop + metrics::kButtonHeight + metrics::kGap));
  }
  return Rect{std::round(m), top, std::round(static_cast<float>(ctx.viewport.width) - 2 * m),
              std::round(std::max(0.0f, bottom - top))};
}

FocusPart chromeFocusPart(const UiContext& ctx, const Widget& w) {
  if (w.part != FocusPart::Auto) {
    return w.part;
  }
  const std::string_view id = w.id;
  if (id == "read-aloud" || id == "previous") {
    return FocusPart::Secondary;
  }
  if (id != "back" && id != "settings" && id != "sign-out" && id != "teacher" &&
      id != "butterfly") {
    return FocusPart::Content;
  }
  // In a corner, where cornerButton puts it (a pixel's rounding either way).
  const float edge = std::round(ctx.u(chrome::kBarTop)) + 1.0f;
  const float vw = static_cast<float>(ctx.viewport.width);
  const float vh = static_cast<float>(ctx.viewport.height);
  const bool side = w.rect.x <= edge || w.rect.right() >= vw - edge;
  const bool bar = w.rect.y <= edge || w.rect.bottom() >= vh - edge;
  return side && bar ? FocusPart::Chrome : FocusPart::Content;
}

Widget butterflyWidget(const UiContext& ctx) {
  Widget w;
  w.id = "butterfly";
  w.rect = butterflyButtonRect(ctx);
  w.label = ctx.tr("butterfly.button");
  w.role = WidgetRole::Button;
  w.part = FocusPart::Chrome;
  return w;
}

void drawButterflyButton(UiContext& ctx, const Widget& w, const WidgetVisuals& v) {
  const Theme& t = ctx.theme;
  const bool hot = v.hovered == w.id || v.pressed == w.id;
  ctx.renderer.fillRoundedRect(w.rect, w.rect.h / 2, hot ? t.pressed : t.helpFill);
  ctx.renderer.strokeRoundedRect(
      w.rect, w.rect.h / 2, std::max(1.0f, std::round(ctx.u(hot ? 0.7f : 0.45f))), t.helpBorder);
  // The butterfly itself, then the words: a picture a non-reader knows.
  const float icon = std::round(w.rect.h * 0.92f);
  const Rect iconBox{std::round(w.rect.x + w.rect.h * 0.3f),
                     std::round(w.rect.y + (w.rect.h - icon) / 2), icon, icon};
  drawUiPicture(ctx, "butterfly", iconBox);
  const FontSpec spec = butterflyFont(ctx);
  const FontMetrics m = ctx.text.metrics(spec);
  const float left = iconBox.right() + ctx.u(0.8f);
  const float room = std::max(0.0f, w.rect.right() - ctx.u(2.5f) - left);
  const std::string label = ellipsize(w.label, room, m);
  const float centreY = w.rect.y + w.rect.h / 2;
  const float top = std::round(centreY - m.capHeight() / 2 - (m.ascent() - m.capHeight()));
  ctx.text.drawLine(label, spec, Point{std::round(left), top}, t.helpText);
}

void drawTitle(UiContext& ctx, std::string_view title, const WidgetList& widgets) {
  const Rect butterfly = butterflyButtonRect(ctx);
  const float vw = static_cast<float>(ctx.viewport.width);
  const float gap = ctx.u(metrics::kGap);
  float left = ctx.u(metrics::kMargin);
  for (const Widget& w : widgets) {
    if (w.rect.bottom() <= butterfly.bottom() + 1 && w.rect.right() < vw / 2) {
      left = std::max(left, w.rect.right() + gap);
    }
  }
  const float right = butterfly.x - gap;
  // Titles are big already: they grow with the pupil's text size only a little.
  const float scale = std::min(ctx.textScale, 1.25f);
  const float units = (text_size::kHeading + 1.0f) * scale;
  const FontSpec full = ctx.fixedFont(units, FontWeight::Bold);
  const float side = std::max(left, vw - right);
  // Level with the butterfly button, with the whole top bar above and below it as
  // room: a tall font's letters reach past the button's height.
  const float mid = butterfly.y + butterfly.h / 2;
  const float half = std::min(mid, ctx.u(chrome::kTopBar) - mid);
  const Rect centred{side, mid - half, std::max(0.0f, vw - 2 * side), 2 * half};
  if (measureText(title, ctx.text.metrics(full)) <= centred.w) {
    drawTextBlock(ctx, title, full, centred, TextAlign::Centre, ctx.theme.text, 1, true);
    return;
  }
  // Too long for one line: the whole room between the buttons, wrapped onto a
  // second line, the font made smaller only as far as the two lines need (a
  // title is never cut: "Cerys and the race ga…" says nothing).
  const Rect room{left, centred.y, std::max(0.0f, right - left), centred.h};
  const float fixedUnits = units / std::max(0.01f, ctx.textScale); // fitFont scales by it
  FontSpec spec = fitFont(ctx, title, room, {fixedUnits}, FontWeight::Bold,
                          FitRule{text_size::kDetail, true, 0.5f, true});
  spec.family = full.family;
  drawTextBlock(ctx, title, spec, room, TextAlign::Centre, ctx.theme.text, 0, true);
}

} // namespace sq
