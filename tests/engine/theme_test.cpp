// Every text colour against every surface it sits on meets WCAG 2.1 contrast:
// 4.5:1 in the standard theme, 7:1 in the high-contrast one; and what a colour
// says (ready, problem, a lesson's state) is said in words and shape as well.
#include "ui/theme.hpp"

#include "screen_rig.hpp"
#include "screens/home_screen.hpp"
#include "screens/teacher/packs_screen.hpp"

#include <doctest/doctest.h>

#include <set>
#include <string>

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

TEST_CASE("status is told by words and shape as well as colour") {
  // A pack's status badge: its fill says it by colour, its label by words, and its
  // dot (the accent) and the row's stripe by a shape that stands out from the fill.
  for (const Theme* t : {&standardTheme(), &highContrastTheme()}) {
    CAPTURE(t->id);
    CHECK(t->readyFill != t->problemFill);
    CHECK(t->readyAccent != t->problemAccent);
    CHECK(t->readyAccent != t->readyFill);
    CHECK(t->problemAccent != t->problemFill);
    CHECK(t->readyAccent != t->surface);
    CHECK(t->problemAccent != t->surface);
  }
  PackRow ready;
  ready.loaded = true;
  PackRow broken = ready;
  broken.errors = 2;
  PackRow unread;
  PackRow warned = ready;
  warned.warnings = 1;
  const std::set<std::string> words = {statusLabel(ready), statusLabel(broken),
                                       statusLabel(unread)};
  CHECK(words.size() == 3); // each state its own words
  CHECK(words.count("") == 0);
  CHECK(warningsLabel(ready).empty());
  CHECK_FALSE(warningsLabel(warned).empty()); // the warning badge's colour has words too

  // A lesson's state on the home screen: each coloured badge has its own label.
  UiContext ctx = sq::test::uiContext(sq::test::headless(), standardTheme(), Size{1280, 720});
  const std::set<std::string> states = {lessonStateLabel(ctx, LessonState::Done),
                                        lessonStateLabel(ctx, LessonState::InProgress),
                                        lessonStateLabel(ctx, LessonState::NotStarted)};
  CHECK(states.size() == 3);
  for (const std::string& label : states) {
    CAPTURE(label);
    CHECK_FALSE(label.empty());
    CHECK(label.find("home.") == std::string::npos); // a real word, not a missing string id
  }
}

TEST_CASE("themes are found by id") {
  CHECK(themeById("standard").has_value());
  CHECK(themeById("high-contrast").has_value());
  CHECK_FALSE(themeById("neon").has_value());
}
