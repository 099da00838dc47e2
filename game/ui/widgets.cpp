#include "ui/widgets.hpp"

#include <cmath>

namespace sq {

float drawLabel(UiContext& ctx, std::string_view text, const FontSpec& spec, const Rect& box,
                Colour colour, EllipsisAt cut) {
  const FontMetrics m = ctx.text.metrics(spec);
  const std::string fitted = ellipsize(text, box.w, m, cut);
  return ctx.text.drawLine(fitted, spec, Point{box.x, box.y}, colour,
                           TextRoom{box, fitted != text});
}

namespace {
// Badge geometry relative to its text's pixel size.
constexpr float kPadX = 0.65f;
constexpr float kDot = 0.45f;
constexpr float kDotGap = 0.35f;
constexpr float kHeight = 1.7f;
} // namespace

float badgeWidth(const UiContext& ctx, std::string_view label, const FontSpec& spec) {
  const FontMetrics m = ctx.text.metrics(spec);
  const auto px = static_cast<float>(spec.pixelSize);
  return std::round(measureText(label, m) + px * (2 * kPadX + kDot + kDotGap));
}

Rect drawBadge(UiContext& ctx, std::string_view label, const FontSpec& spec, float right,
               float centreY, const BadgeStyle& style) {
  const FontMetrics m = ctx.text.metrics(spec);
  const auto px = static_cast<float>(spec.pixelSize);
  const float w = badgeWidth(ctx, label, spec);
  const float h = std::round(px * kHeight);
  const Rect box{std::round(right - w), std::round(centreY - h / 2), w, h};
  ctx.renderer.fillRoundedRect(box, h / 2, style.fill);
  const float dot = std::round(px * kDot);
  const float dotX = box.x + std::round(px * kPadX);
  ctx.renderer.fillRoundedRect(Rect{dotX, std::round(centreY - dot / 2), dot, dot}, dot / 2,
                               style.accent);
  // Centre the capital letters, not the whole line box: it looks centred to the eye.
  const float textTop = std::round(centreY - m.capHeight() / 2 - (m.ascent() - m.capHeight()));
  ctx.text.drawLine(label, spec, Point{dotX + dot + std::round(px * kDotGap), textTop}, style.text);
  return box;
}

} // namespace sq
