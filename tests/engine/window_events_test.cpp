// The window's own events (app/window_events), as the game's loop and the editor's
// preview both handle them: a lost GPU device drops every kept texture, a redraw
// asks for a frame, and nothing else is taken from the screens. Also the blanks a
// script line loses (app/script_text), shared by the game's and the editor's scripts.
#include "app/script_text.hpp"
#include "app/window_events.hpp"

#include "headless.hpp"
#include "render/picture.hpp"

#include <doctest/doctest.h>

using namespace sq;

TEST_CASE("a lost device drops the glyphs and pictures; a redraw is asked for; keys pass on") {
  test::Headless hl(320, 240);
  PictureCache pictures(*hl.renderer);
  REQUIRE(pictures.get(std::string(SQ_SOURCE_DIR) + "/content/core/assets/pictures/star.png") !=
          nullptr);
  hl.text->drawLine("Hello", FontSpec{}, Point{10, 10}, Colour{0, 0, 0, 255});
  REQUIRE(hl.text->cachedGlyphCount() > 0);
  REQUIRE(pictures.size() == 1);
  DrawingParts parts{*hl.renderer, *hl.text, pictures};

  bool dirty = false;
  CHECK_FALSE(handleDrawingEvent(InputEvent{KeyDown{}}, parts, dirty));
  CHECK_FALSE(dirty);
  CHECK(hl.text->cachedGlyphCount() > 0); // a key changes nothing here
  CHECK(pictures.size() == 1);

  CHECK(handleDrawingEvent(InputEvent{RedrawNeeded{}}, parts, dirty));
  CHECK(dirty);
  CHECK(pictures.size() == 1); // a redraw keeps the textures

  dirty = false;
  CHECK(handleDrawingEvent(InputEvent{DeviceReset{}}, parts, dirty));
  CHECK(dirty);
  CHECK(hl.text->cachedGlyphCount() == 0);
  CHECK(pictures.size() == 0);
}

TEST_CASE("a script line loses spaces and tabs on the left, and a carriage return on the right") {
  CHECK(script_text::trimLeft(" \t click save ") == "click save ");
  CHECK(script_text::trimRight(" text hello \t\r") == " text hello");
  CHECK(script_text::trimRight("\r\r") == "");
  CHECK(script_text::trimLeft("") == "");
  CHECK(script_text::trimLeft("\rx") == "\rx"); // a carriage return is not a blank on the left
}
