// Every text colour against every surface it sits on meets WCAG 2.1 contrast:
// 4.5:1 in the standard theme, 7:1 in the high-contrast one.
#include "ui/theme.hpp"

#include <doctest/doctest.h>

using namespace sq;

TEST_CASE("contrastRatio matches the WCAG formula") {
  CHECK(contrastRatio(rgb(0x000000), rgb(0xFFFFFF)) == doctest::Approx(21.0));
  CHECK(contrastRatio(rgb(0xFFFFFF), rgb(0x000000)) == doctest::Approx(21.0));
  CHECK(contrastRatio(rgb(0x777777), rgb(0x777777)) == doctest::Approx(1.0));
  // #767676 on white is the well-known 4.54:1.
  CHECK(contrastRatio(rgb(0x767676), rgb(0xFFFFFF)) == doctest::Approx(4.54).epsilon(0.01));
}

TEST_CASE("the standard theme's text reaches 4.5:1 everywhere") {
  const Theme& t = standardTheme();
  CHECK(t.minimumContrast() == 4.5);
  for (const auto& [fg, bg] : t.textPairs()) {
    CAPTURE(contrastRatio(fg, bg));
    CHECK(contrastRatio(fg, bg) >= 4.5);
  }
  // Main text is far above the minimum.
  CHECK(contrastRatio(t.text, t.background) >= 12.0);
}

TEST_CASE("the high-contrast theme's text reaches 7:1 everywhere") {
  const Theme& t = highContrastTheme();
  CHECK(t.minimumContrast() == 7.0);
  for (const auto& [fg, bg] : t.textPairs()) {
    CAPTURE(contrastRatio(fg, bg));
    CHECK(contrastRatio(fg, bg) >= 7.0);
  }
}

TEST_CASE("status is told by words as well as colour: ready and problem fills differ") {
  for (const Theme* t : {&standardTheme(), &highContrastTheme()}) {
    CHECK(t->readyFill != t->problemFill);
    CHECK(t->readyAccent != t->problemAccent);
  }
}

TEST_CASE("themes are found by id") {
  CHECK(themeById("standard").has_value());
  CHECK(themeById("high-contrast").has_value());
  CHECK_FALSE(themeById("neon").has_value());
}
