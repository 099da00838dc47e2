// What a screen gets to draw with: the renderer, text, the theme and the size of
// the area it owns. Sizes are in units of 1% of the viewport's short side, so a
// screen looks the same (only crisper) from 1280x720 to 3840x2160.
// Depends on: render/renderer, text/text_renderer, ui/theme.
#pragma once

#include "render/renderer.hpp"
#include "text/text_renderer.hpp"
#include "ui/theme.hpp"

#include <algorithm>
#include <cmath>

namespace sq {

struct UiContext {
  Renderer& renderer;
  TextRenderer& text;
  const Theme& theme;
  Size viewport; // pixels
  FontFamily family = FontFamily::Andika;

  // One unit: 1% of the short side, in pixels.
  float unit() const {
    return static_cast<float>(std::max(1, std::min(viewport.width, viewport.height))) / 100.0f;
  }
  float u(float units) const { return units * unit(); }

  // A font `units` tall (em size), rasterised at the real pixel size.
  FontSpec font(float units, FontWeight weight = FontWeight::Regular) const {
    return FontSpec{family, weight, std::max(6, static_cast<int>(std::lround(units * unit())))};
  }
};

// Text sizes, in units. The smallest is still about 26 px at 1280x720, readable
// from the back of a classroom.
namespace text_size {
inline constexpr float kTitle = 8.0f;
inline constexpr float kHeading = 5.2f;
inline constexpr float kBody = 4.2f;
inline constexpr float kDetail = 3.6f;
} // namespace text_size

} // namespace sq
