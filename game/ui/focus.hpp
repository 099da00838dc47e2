// Moving keyboard focus over a screen's widgets. Tab and Shift+Tab go through them
// in reading order, wrapping round: the screen's content in its own order (the
// choices, then the way on: Check, Next), then its secondary actions (read to me),
// then the chrome (back, settings, ..., the butterfly last). The arrow keys go to
// the nearest content widget in that direction, which is what a child expects on
// a grid of tiles; they never land on the chrome. Focus starts on the content.
// Disabled widgets are skipped. Pure functions, tested without a window.
// Depends on: ui/widget.
#pragma once

#include "ui/widget.hpp"

#include <string_view>
#include <vector>

namespace sq {

enum class Direction { Up, Down, Left, Right };

// Content and secondary widgets (Auto counts as content) may be arrow targets;
// the chrome may not.
bool arrowTarget(const Widget& w);

// The enabled widgets in Tab order (indices into `widgets`): content, then
// secondary, then chrome, each in the screen's own order.
std::vector<int> tabOrder(const WidgetList& widgets);

// The next (or previous) enabled widget after `current` in Tab order (-1, or a
// widget not in the order: the first or the last); -1 when no widget is enabled.
int tabFocus(const WidgetList& widgets, int current, bool backwards);

// The enabled arrow target nearest to `current` in direction `d`, preferring ones
// in line with it; `current` itself when there is none that way. From no focus
// (-1): where focus starts (initialFocus with no preference).
int arrowFocus(const WidgetList& widgets, int current, Direction d);

// Where focus starts on a new screen, step or question: `preferred` (the screen's
// firstFocus) when it is there and enabled, else the first enabled content widget
// in Tab order, else the first secondary one; -1 when there is only chrome, so a
// stray Return never leaves the screen or asks for help.
int initialFocus(const WidgetList& widgets, std::string_view preferred);

} // namespace sq
