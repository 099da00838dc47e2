// Small drawing helpers shared by screens: one-line labels that fit a width, and
// status badges. They only draw; input belongs to the screens.
// Depends on: ui/ui_context.
#pragma once

#include "ui/ui_context.hpp"

#include <string_view>

namespace sq {

// Draws one line of text in `box` (top-left aligned), shortened with "…" if it
// does not fit. Returns the width drawn.
float drawLabel(UiContext& ctx, std::string_view text, const FontSpec& spec, const Rect& box,
                Colour colour, EllipsisAt cut = EllipsisAt::End);

struct BadgeStyle {
  Colour fill;
  Colour text;
  Colour accent; // a dot before the label: shape as well as colour
};

// Width of a badge for `label` at `spec` with the badge's padding.
float badgeWidth(const UiContext& ctx, std::string_view label, const FontSpec& spec);
// Draws a badge whose right edge is at `right`, vertically centred on `centreY`.
// Returns its rectangle.
Rect drawBadge(UiContext& ctx, std::string_view label, const FontSpec& spec, float right,
               float centreY, const BadgeStyle& style);

} // namespace sq
