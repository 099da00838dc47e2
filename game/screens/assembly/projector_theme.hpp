// How the hall's screen looks: the projector theme and the hall's type sizes.
// A projector in a lit hall washes colours out and lifts its blacks, so the hall
// screen is light words on a deep blue-grey (never a large white area to glare),
// every text pair at 7:1 or more, and each vote choice has its own strong colour,
// a letter and a shape, so no answer is told apart by colour alone.
// Type: the body text's x-height is at least 3% of the screen's height
// (tests/engine/assembly_screen_test.cpp measures it on the drawn frame).
// Depends on: ui/theme, ui/ui_context.
#pragma once

#include "ui/theme.hpp"
#include "ui/ui_context.hpp"

#include <cstddef>
#include <string_view>

namespace sq {

const Theme& projectorTheme();

// The hall's context: the projector theme, the regular font, and no pupil text
// size (the room reads it, not a pupil).
UiContext hallContext(const UiContext& ctx);

// Sizes in units (1% of the screen's short side). Andika's x-height is about half
// its em (0.51), so the body's 6.4 units give an x-height of about 3.25%.
namespace hall_size {
inline constexpr float kTitle = 9.0f;
inline constexpr float kBody = 6.4f;
inline constexpr float kCount = 10.0f; // the vote counts on the bars
inline constexpr float kMargin = 3.0f;
// Where the show is, "3 / 14", under the content: large enough to read on a
// screenshot scaled to a quarter (as from the back of the hall), in a band of its own.
inline constexpr float kPosition = 5.0f;
inline constexpr float kPositionBand = 7.0f;
} // namespace hall_size

// A vote choice's mark: its colour, letter and shape (choices beyond the sixth
// repeat them).
enum class ChoiceShape {
  Circle,
  Square,
  Triangle,
  Diamond,
  Hexagon,
  Cross,
  ArrowUp,
  ArrowRight,
  ArrowDown
};
struct ChoiceMark {
  Colour colour;
  char letter; // 0: none (the thumbs vote says its words instead)
  ChoiceShape shape;
};
ChoiceMark choiceMark(std::size_t index);
// The thumbs vote's marks: up, sideways, down.
ChoiceMark thumbMark(std::size_t index);

// The shape of `mark` filled inside `box`, outlined in the background colour so
// neighbouring colours never run together.
void drawChoiceShape(UiContext& ctx, ChoiceShape shape, const Rect& box, Colour fill);

} // namespace sq
