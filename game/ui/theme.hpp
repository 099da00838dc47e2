// Colours of the interface and the contrast rule they must meet. Every text colour
// is checked against the surfaces it is drawn on (WCAG 2.1: 4.5:1 for the standard
// theme, 7:1 for high contrast) by tests/engine/theme_test.cpp.
// Depends on: render/geometry (std only).
#pragma once

#include "render/geometry.hpp"

#include <array>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

namespace sq {

struct Theme {
  const char* id; // "standard", "high-contrast"
  Colour background;
  Colour surface; // cards and rows
  Colour border;  // card outlines (decoration: text never relies on it)
  Colour text;
  Colour mutedText; // secondary lines, still fully readable
  Colour readyText;
  Colour readyFill; // the "Ready" badge
  Colour problemText;
  Colour problemFill; // the "N errors" badge
  Colour warningText;
  Colour warningFill; // the "N warnings" badge
  Colour readyAccent; // a stripe beside the row (shape, not only colour, carries meaning)
  Colour problemAccent;
  Colour scrollbar;
  // The pupil screens.
  Colour accent;     // the main button on a screen ("next", "done"), chosen options
  Colour accentText; // words on it
  Colour focusRing;  // the thick keyboard-focus and scanning ring
  Colour focusInner; // a thin line inside the ring, so it shows on any colour
  Colour pressed;    // a tile while a finger or the mouse is down on it
  Colour helpFill;   // the butterfly button
  Colour helpText;
  Colour helpBorder;
  Colour calm;     // the butterfly screen's background
  Colour calmText; // and its words
  Colour path;     // the line joining a unit's lessons
  // Soft tints for class tiles, so a child can find "the green one" before they
  // can read its name. (High contrast: all the plain surface.)
  std::array<Colour, 6> tileTints;

  // Every (text, surface) pair the screens draw, for the contrast test.
  std::vector<std::pair<Colour, Colour>> textPairs() const;
  // Shapes that carry meaning (the focus ring, outlines of buttons) against what
  // they sit on: WCAG 2.1 asks 3:1 for these.
  std::vector<std::pair<Colour, Colour>> nonTextPairs() const;
  // The ratio every pair must reach.
  double minimumContrast() const;
};

const Theme& standardTheme();
const Theme& highContrastTheme();
// The tint of the `index`th class tile (classes in their shown order, so
// neighbours always differ).
Colour tileTint(const Theme& theme, std::size_t index);
// By id; nullopt when unknown.
std::optional<Theme> themeById(std::string_view id);

// WCAG 2.1 relative luminance (0..1) and contrast ratio (1..21) of opaque colours.
double relativeLuminance(Colour c);
double contrastRatio(Colour a, Colour b);

} // namespace sq
