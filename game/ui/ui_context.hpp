// What a screen gets to draw with: the renderer, text, the theme and the size of
// the area it owns. Sizes are in units of 1% of the viewport's short side, so a
// screen looks the same (only crisper) from 1280x720 to 3840x2160.
// Depends on: render/renderer, render/picture, text/text_renderer, ui/theme, ui/strings.
#pragma once

#include "render/picture.hpp"
#include "render/renderer.hpp"
#include "text/text_renderer.hpp"
#include "ui/strings.hpp"
#include "ui/theme.hpp"

#include <algorithm>
#include <cmath>
#include <string>
#include <string_view>

namespace sq {

struct UiContext {
  Renderer& renderer;
  TextRenderer& text;
  const Theme& theme;
  Size viewport; // pixels
  FontFamily family = FontFamily::Andika;
  float textScale = 1.0f;           // the pupil's text size setting
  const Strings* strings = nullptr; // the interface's words
  PictureCache* pictures = nullptr; // decoded pictures; nullptr draws placeholders
  std::string assetsDir = {};       // the interface's own art is in <assetsDir>/ui/

  // One unit: 1% of the short side, in pixels.
  float unit() const {
    return static_cast<float>(std::max(1, std::min(viewport.width, viewport.height))) / 100.0f;
  }
  float u(float units) const { return units * unit(); }

  // A font `units` tall (em size) times the pupil's text size, rasterised at the
  // real pixel size.
  FontSpec font(float units, FontWeight weight = FontWeight::Regular) const {
    return FontSpec{family, weight,
                    std::max(6, static_cast<int>(std::lround(units * textScale * unit())))};
  }
  // The same without the pupil's text size: icons and fixed-size labels.
  FontSpec fixedFont(float units, FontWeight weight = FontWeight::Regular) const {
    return FontSpec{family, weight, std::max(6, static_cast<int>(std::lround(units * unit())))};
  }
  Rect screen() const {
    return Rect{0, 0, static_cast<float>(viewport.width), static_cast<float>(viewport.height)};
  }
  // The interface's words (the id itself when no table is loaded, as in some tests).
  std::string tr(std::string_view id) const {
    return strings != nullptr ? strings->tr(id) : std::string(id);
  }
  std::string trf(std::string_view id,
                  std::initializer_list<std::pair<std::string_view, std::string_view>> args) const {
    return strings != nullptr ? strings->trf(id, args) : std::string(id);
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
