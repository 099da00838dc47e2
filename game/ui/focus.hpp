// Moving keyboard focus over a screen's widgets: Tab and Shift+Tab go through them
// in the screen's own order (reading order), wrapping round; the arrow keys go to
// the nearest widget in that direction, which is what a child expects on a grid
// of tiles. Disabled widgets are skipped. Pure functions, tested without a window.
// Depends on: ui/widget.
#pragma once

#include "ui/widget.hpp"

namespace sq {

enum class Direction { Up, Down, Left, Right };

// The next (or previous) enabled widget after `current` (-1: none yet, so the
// first or the last); -1 when no widget is enabled.
int tabFocus(const WidgetList& widgets, int current, bool backwards);

// The enabled widget nearest to `current` in direction `d`, preferring ones in
// line with it; `current` itself when there is none that way; the first enabled
// widget when nothing has focus yet.
int arrowFocus(const WidgetList& widgets, int current, Direction d);

} // namespace sq
