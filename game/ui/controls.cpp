#include "ui/controls.hpp"

#include "ui/widgets.hpp"

#include <algorithm>
#include <cmath>

namespace sq {

FontSpec fitFont(const UiContext& ctx, std::string_view text, const Rect& box,
                 std::initializer_list<float> sizes, FontWeight weight, const FitRule& rule) {
  const auto fits = [&](const FontSpec& spec) {
    const FontMetrics m = ctx.text.metrics(spec);
    const WrappedText wrapped = wrapText(text, box.w, m);
    return (!rule.wholeWords || !wrapped.overflow) &&
           static_cast<float>(wrapped.lines.size()) * m.lineHeight() <= box.h + rule.spare;
  };
  FontSpec spec = ctx.font(text_size::kBody, weight);
  float last = text_size::kBody;
  for (const float s : sizes) {
    spec = ctx.font(s, weight);
    last = s;
    if (fits(spec)) {
      return spec;
    }
  }
  if (rule.shrinkTo > 0) {
    const float floorUnits = std::min(rule.shrinkTo, last);
    const int floorPx =
        (rule.shrinkToFixed ? ctx.fixedFont(floorUnits, weight) : ctx.font(floorUnits, weight))
            .pixelSize;
    while (spec.pixelSize > floorPx) {
      spec.pixelSize = std::max(floorPx, spec.pixelSize * 9 / 10);
      if (fits(spec)) {
        break;
      }
    }
  }
  return spec;
}

FontSpec fittingFont(const UiContext& ctx, std::string_view label, float units, float room) {
  // Shrink a little before cutting a word short, but never below the detail size.
  FontSpec spec = ctx.fixedFont(units, FontWeight::Bold);
  const FontSpec smallest = ctx.fixedFont(std::min(units, text_size::kDetail), FontWeight::Bold);
  while (spec.pixelSize > smallest.pixelSize && measureText(label, ctx.text.metrics(spec)) > room) {
    spec.pixelSize = std::max(smallest.pixelSize, spec.pixelSize * 9 / 10);
  }
  return spec;
}

namespace {

float px(const UiContext& ctx, float units) {
  return std::max(1.0f, std::round(ctx.u(units)));
}

bool isPressed(const Widget& w, const WidgetVisuals& v) {
  return !v.pressed.empty() && v.pressed == w.id;
}
bool isHovered(const Widget& w, const WidgetVisuals& v) {
  return !v.hovered.empty() && v.hovered == w.id;
}

// The card shared by buttons and tiles.
void drawCard(UiContext& ctx, const Rect& r, Colour fill, Colour border, float borderUnits) {
  const float radius = ctx.u(metrics::kRadius);
  ctx.renderer.fillRoundedRect(r, radius, fill);
  ctx.renderer.strokeRoundedRect(r, radius, px(ctx, borderUnits), border);
}

// Room around a control's label, in units: a button's side padding and icon, an
// option button's mark and its gaps; a wrapped label's clearance above and below.
constexpr float kButtonPad = 3.0f;
constexpr float kButtonIcon = 6.0f;
constexpr float kChoiceMark = 6.0f;
constexpr float kChoicePad = 2.5f;
constexpr float kChoiceMarkGap = 1.0f;
constexpr float kWrapClearance = 1.5f;

float buttonRoom(const UiContext& ctx, float width, bool withIcon) {
  return std::max(0.0f, width - 2 * ctx.u(kButtonPad) - (withIcon ? ctx.u(kButtonIcon) : 0.0f));
}
float choiceRoom(const UiContext& ctx, float width) {
  return std::max(0.0f, width - ctx.u(kChoicePad) - ctx.u(kChoiceMark) - ctx.u(kChoiceMarkGap) -
                            ctx.u(kChoicePad));
}

// A control's label: one line at the body size, else the detail size; else
// wrapped onto lines that fit the control's height (body size, then detail);
// only when no size fits is the last line cut with "…".
struct LabelFit {
  FontSpec spec;
  std::string text;  // what is drawn (the label, or the label cut short)
  WrappedText lines; // its lines at `spec` within the room
  float width = 0;   // of the widest line
  bool cut = false;
};

LabelFit fitLabel(const UiContext& ctx, std::string_view label, float room, float height) {
  LabelFit fit;
  const auto done = [&](const FontSpec& spec, std::string text, bool cut) {
    const FontMetrics m = ctx.text.metrics(spec);
    fit.spec = spec;
    fit.text = std::move(text);
    fit.lines = wrapText(fit.text, std::max(room, measureText(fit.text, m)), m);
    fit.width = fit.lines.width;
    fit.cut = cut;
    return fit;
  };
  // One line: shrink a little (to the detail size) before breaking it.
  const FontSpec one = fittingFont(ctx, label, text_size::kBody, room);
  if (measureText(label, ctx.text.metrics(one)) <= room) {
    return done(one, std::string(label), false);
  }
  // Wrapped, leaving a little of the control's edge clear above and below.
  const float usable = height - ctx.u(kWrapClearance);
  for (const float units : {text_size::kBody, text_size::kDetail}) {
    const FontSpec spec = ctx.fixedFont(units, FontWeight::Bold);
    const FontMetrics m = ctx.text.metrics(spec);
    WrappedText wrapped = wrapText(label, room, m);
    if (!wrapped.overflow &&
        static_cast<float>(wrapped.lines.size()) * m.lineHeight() <= usable + 0.5f) {
      fit.spec = spec;
      fit.text = std::string(label);
      fit.lines = std::move(wrapped);
      fit.width = fit.lines.width;
      return fit;
    }
  }
  // Nothing fits: the last resort, which the text-fit test reports.
  const FontSpec small = ctx.fixedFont(text_size::kDetail, FontWeight::Bold);
  return done(small, ellipsize(label, room, ctx.text.metrics(small)), true);
}

// Draws a fitted label: its lines' block centred on `anchor.y`, the capital
// letters of a single line centred by eye; aligned from `anchor.x`.
void drawLabelLines(UiContext& ctx, const LabelFit& fit, const FontMetrics& m, Point anchor,
                    TextAlign align, Colour colour, const Rect& room) {
  float top = 0;
  if (fit.lines.lines.size() <= 1) {
    top = std::round(anchor.y - m.capHeight() / 2 - (m.ascent() - m.capHeight()));
    ctx.text.drawLine(fit.text, fit.spec, Point{anchor.x, top}, colour, TextRoom{room, fit.cut});
    return;
  } else {
    const float h = static_cast<float>(fit.lines.lines.size()) * m.lineHeight();
    // The block's ink, not its last line gap, is what looks centred.
    top = std::round(anchor.y - (h - (m.lineHeight() - m.ascent() - m.descent())) / 2);
  }
  ctx.text.drawWrapped(fit.text, fit.lines, fit.spec, Point{anchor.x, top}, fit.width, align,
                       colour, TextRoom{room, fit.cut});
}

} // namespace

void drawButton(UiContext& ctx, const Widget& w, const WidgetVisuals& v, ButtonStyle style,
                std::string_view icon) {
  const Theme& t = ctx.theme;
  Colour fill = t.surface;
  Colour border = t.border;
  Colour text = t.text;
  switch (style) {
  case ButtonStyle::Primary:
    fill = t.accent;
    border = t.accent;
    text = t.accentText;
    break;
  case ButtonStyle::Help:
    fill = t.helpFill;
    border = t.helpBorder;
    text = t.helpText;
    break;
  case ButtonStyle::Normal:
    break;
  }
  if (isPressed(w, v) && style == ButtonStyle::Normal) {
    fill = t.pressed;
  }
  if (isHovered(w, v) || isPressed(w, v)) {
    border = style == ButtonStyle::Primary ? t.text : t.accent;
  }
  if (!w.enabled) {
    text = t.mutedText;
  }
  drawCard(ctx, w.rect, fill, border, isHovered(w, v) ? metrics::kBorder * 2 : metrics::kBorder);

  const float pad = ctx.u(kButtonPad);
  const float iconW = icon.empty() ? 0.0f : ctx.u(kButtonIcon);
  const float room = buttonRoom(ctx, w.rect.w, !icon.empty());
  const Rect labelRoom{w.rect.x + pad, w.rect.y, w.rect.w - 2 * pad, w.rect.h};
  const LabelFit fit = fitLabel(ctx, w.label, room, w.rect.h);
  const FontMetrics m = ctx.text.metrics(fit.spec);
  const float total = iconW + fit.width;
  float x = std::round(w.rect.x + (w.rect.w - total) / 2);
  if (!icon.empty()) {
    drawIcon(ctx, icon, Rect{x, w.rect.y, iconW, w.rect.h}, 5.0f, text);
    x += iconW;
  }
  drawLabelLines(ctx, fit, m, Point{x, w.rect.y + w.rect.h / 2}, TextAlign::Centre, text,
                 labelRoom);
}

void drawChoiceButton(UiContext& ctx, const Widget& w, const WidgetVisuals& v) {
  const Theme& t = ctx.theme;
  const bool on = w.selected;
  Colour fill = on ? t.accent : t.surface;
  if (!on && isPressed(w, v)) {
    fill = t.pressed;
  }
  Colour border = on ? t.accent : t.border;
  if (isHovered(w, v)) {
    border = on ? t.text : t.accent;
  }
  drawCard(ctx, w.rect, fill, border, isHovered(w, v) ? metrics::kBorder * 2 : metrics::kBorder);
  const Colour text = on ? t.accentText : t.text;
  // A tick (or an empty ring) on the left says "chosen" by shape, not only colour.
  const float mark = ctx.u(kChoiceMark);
  const float pad = ctx.u(kChoicePad);
  const Rect markBox{w.rect.x + pad, w.rect.y, mark, w.rect.h};
  if (on) {
    drawIcon(ctx, "\xE2\x9C\x94", markBox, 4.6f, text); // ✔
  } else {
    const float d = std::round(ctx.u(3.6f));
    const Rect ring{std::round(markBox.x + (mark - d) / 2),
                    std::round(w.rect.y + (w.rect.h - d) / 2), d, d};
    ctx.renderer.strokeRoundedRect(ring, d / 2, px(ctx, 0.4f), t.mutedText);
  }
  const float left = markBox.right() + ctx.u(kChoiceMarkGap);
  const float room = choiceRoom(ctx, w.rect.w);
  const LabelFit fit = fitLabel(ctx, w.label, room, w.rect.h);
  const FontMetrics m = ctx.text.metrics(fit.spec);
  drawLabelLines(ctx, fit, m, Point{std::round(left), w.rect.y + w.rect.h / 2}, TextAlign::Left,
                 text, Rect{left, w.rect.y, room, w.rect.h});
}

float buttonMinWidth(const UiContext& ctx, std::string_view label, bool withIcon) {
  const FontSpec smallest = ctx.fixedFont(text_size::kDetail, FontWeight::Bold);
  return std::ceil(measureText(label, ctx.text.metrics(smallest)) + 2 * ctx.u(kButtonPad) +
                   (withIcon ? ctx.u(kButtonIcon) : 0.0f) + 1.0f);
}

float choiceButtonMinWidth(const UiContext& ctx, std::string_view label) {
  const FontSpec smallest = ctx.fixedFont(text_size::kDetail, FontWeight::Bold);
  return std::ceil(measureText(label, ctx.text.metrics(smallest)) + 2 * ctx.u(kChoicePad) +
                   ctx.u(kChoiceMark) + ctx.u(kChoiceMarkGap) + 1.0f);
}

namespace {
// The height at which fitLabel keeps `label` whole in `room` pixels: `height`
// when one line does (or when it fits wrapped in it), more for more lines.
float labelHeightFor(const UiContext& ctx, std::string_view label, float room, float height) {
  const FontSpec one = fittingFont(ctx, label, text_size::kBody, room);
  if (measureText(label, ctx.text.metrics(one)) <= room) {
    return height;
  }
  // Wrapped at the body size when its words fit the room, else at the detail size.
  for (const float units : {text_size::kBody, text_size::kDetail}) {
    const FontSpec spec = ctx.fixedFont(units, FontWeight::Bold);
    const FontMetrics m = ctx.text.metrics(spec);
    const WrappedText wrapped = wrapText(label, room, m);
    if (!wrapped.overflow) {
      return std::max(height, std::ceil(static_cast<float>(wrapped.lines.size()) * m.lineHeight() +
                                        ctx.u(kWrapClearance)));
    }
  }
  return height; // a word wider than the room: only a wider control helps
}
} // namespace

float buttonHeightFor(const UiContext& ctx, std::string_view label, float width, float height,
                      bool withIcon) {
  return labelHeightFor(ctx, label, buttonRoom(ctx, width, withIcon), height);
}

float choiceButtonHeightFor(const UiContext& ctx, std::string_view label, float width,
                            float height) {
  return labelHeightFor(ctx, label, choiceRoom(ctx, width), height);
}

Rect drawTileCard(UiContext& ctx, const Widget& w, const WidgetVisuals& v,
                  std::optional<Colour> tint) {
  const Theme& t = ctx.theme;
  const Colour fill = isPressed(w, v) ? t.pressed : tint.value_or(t.surface);
  const bool hot = isHovered(w, v) || isPressed(w, v);
  drawCard(ctx, w.rect, fill, hot ? t.accent : t.border,
           hot ? metrics::kBorder * 2 : metrics::kBorder);
  return tileCardInner(ctx, w.rect);
}

Rect tileCardInner(const UiContext& ctx, const Rect& r) {
  const float pad = std::round(ctx.u(1.6f));
  return Rect{r.x + pad, r.y + pad, r.w - 2 * pad, r.h - 2 * pad};
}

void drawFocusRing(UiContext& ctx, const Rect& r) {
  const float gap = ctx.u(metrics::kFocusGap);
  const float width = px(ctx, metrics::kFocusWidth);
  const Rect outer{r.x - gap - width, r.y - gap - width, r.w + 2 * (gap + width),
                   r.h + 2 * (gap + width)};
  const float radius = ctx.u(metrics::kRadius) + gap + width;
  ctx.renderer.strokeRoundedRect(outer, radius, width, ctx.theme.focusRing);
  // A thin line of the opposite tone inside the ring keeps it visible even on a
  // widget filled with the ring's own colour.
  const float inner = px(ctx, 0.3f);
  const Rect in{outer.x + width, outer.y + width, outer.w - 2 * width, outer.h - 2 * width};
  ctx.renderer.strokeRoundedRect(in, radius - width, inner, ctx.theme.focusInner);
}

void drawIcon(UiContext& ctx, std::string_view glyph, const Rect& box, float units, Colour c) {
  const FontSpec spec = ctx.fixedFont(units, FontWeight::Bold);
  const FontMetrics m = ctx.text.metrics(spec);
  const float w = measureText(glyph, m);
  const float top =
      std::round(box.y + box.h / 2 - m.capHeight() / 2 - (m.ascent() - m.capHeight()));
  ctx.text.drawLine(glyph, spec, Point{std::round(box.x + (box.w - w) / 2), top}, c);
}

void drawPicturePlaceholder(UiContext& ctx, const Rect& box) {
  if (box.empty()) {
    return;
  }
  const Theme& t = ctx.theme;
  // Keep a picture's usual 4:3 shape inside the box.
  Rect r = box;
  if (r.w > r.h * 4 / 3) {
    r.w = std::round(r.h * 4 / 3);
    r.x = std::round(box.x + (box.w - r.w) / 2);
  } else {
    r.h = std::round(r.w * 3 / 4);
    r.y = std::round(box.y + (box.h - r.h) / 2);
  }
  const float radius = std::min(r.w, r.h) * 0.08f;
  ctx.renderer.fillRoundedRect(r, radius, t.pressed);
  const float s = std::min(r.w, r.h);
  const float sun = std::round(s * 0.18f);
  ctx.renderer.fillRoundedRect(Rect{r.x + r.w * 0.66f, r.y + r.h * 0.16f, sun, sun}, sun / 2,
                               t.path);
  ctx.renderer.fillConvex({Point{r.x + r.w * 0.1f, r.bottom() - r.h * 0.14f},
                           Point{r.x + r.w * 0.36f, r.y + r.h * 0.4f},
                           Point{r.x + r.w * 0.62f, r.bottom() - r.h * 0.14f}},
                          t.path);
  ctx.renderer.fillConvex({Point{r.x + r.w * 0.45f, r.bottom() - r.h * 0.14f},
                           Point{r.x + r.w * 0.66f, r.y + r.h * 0.55f},
                           Point{r.x + r.w * 0.9f, r.bottom() - r.h * 0.14f}},
                          t.path);
}

void drawPicture(UiContext& ctx, const std::string& path, const Rect& box) {
  const Texture* tex =
      (ctx.pictures != nullptr && !path.empty()) ? ctx.pictures->getFor(path, box) : nullptr;
  if (tex == nullptr) {
    drawPicturePlaceholder(ctx, box);
    return;
  }
  ctx.renderer.drawTexture(*tex, fitInside(*tex, box));
}

void drawUiPicture(UiContext& ctx, std::string_view name, const Rect& box) {
  drawPicture(ctx, ctx.assetsDir + "/ui/" + std::string(name) + ".png", box);
}

float textBlockHeight(const UiContext& ctx, std::string_view text, const FontSpec& spec,
                      float width, int maxLines) {
  const FontMetrics m = ctx.text.metrics(spec);
  const WrappedText wrapped = wrapText(text, width, m);
  int lines = static_cast<int>(wrapped.lines.size());
  if (maxLines > 0) {
    lines = std::min(lines, maxLines);
  }
  return static_cast<float>(lines) * m.lineHeight();
}

float drawTextBlock(UiContext& ctx, std::string_view text, const FontSpec& spec, const Rect& box,
                    TextAlign align, Colour colour, int maxLines, bool centreY) {
  const FontMetrics m = ctx.text.metrics(spec);
  WrappedText wrapped = wrapText(text, box.w, m);
  std::string shortened;
  std::string_view shown = text;
  // Half a pixel to spare: a box made exactly n lines tall must hold n lines.
  const int fitLines = std::max(1, static_cast<int>((box.h + 0.5f) / m.lineHeight()));
  const int limit = maxLines > 0 ? std::min(maxLines, fitLines) : fitLines;
  if (static_cast<int>(wrapped.lines.size()) > limit || wrapped.overflow) {
    // Keep the lines that fit; the last one ends with "…" holding the rest.
    const auto keep =
        static_cast<std::size_t>(std::min<int>(limit, static_cast<int>(wrapped.lines.size())));
    const TextLine& last = wrapped.lines[keep - 1];
    shortened = std::string(text.substr(0, last.begin));
    shortened += ellipsize(text.substr(last.begin), box.w, m);
    // Every other line wraps as before; cut any single word still too wide.
    WrappedText again = wrapText(shortened, box.w, m);
    if (again.lines.size() > keep) {
      again.lines.resize(keep);
    }
    wrapped = again;
    shown = shortened;
  }
  const float h = static_cast<float>(wrapped.lines.size()) * m.lineHeight();
  const float top = centreY ? std::round(box.y + (box.h - h) / 2) : box.y;
  ctx.text.drawWrapped(shown, wrapped, spec, Point{box.x, top}, box.w, align, colour,
                       TextRoom{box, !shortened.empty()});
  return h;
}

} // namespace sq
