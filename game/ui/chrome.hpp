// The parts every pupil screen shares, in the same place on every screen: the
// butterfly button in the top right corner, the way back in the top left, a title
// between them; settings in the bottom left corner, and the way on (or the
// teacher's door) in the bottom right. Each corner always means the same thing.
// Screens lay out their own content between the top and bottom bars.
// The corners are also what the keyboard treats as chrome (FocusPart::Chrome):
// reached by Tab after the content, never by an arrow.
// Depends on: ui/ui_context, ui/widget, ui/controls.
#pragma once

#include "ui/controls.hpp"
#include "ui/ui_context.hpp"
#include "ui/widget.hpp"

namespace sq {

namespace chrome {
inline constexpr float kTopBar = 17.0f; // units from the top to where content starts
inline constexpr float kBarTop = 3.0f;
} // namespace chrome

enum class Corner { TopLeft, BottomLeft, BottomRight };

// The butterfly button: top right, always in the same place, as wide as its words.
Rect butterflyButtonRect(const UiContext& ctx);
// The width a button needs for its label (and an icon before it).
float buttonWidth(const UiContext& ctx, std::string_view label, bool icon);
// A button in a corner, as wide as its label needs.
Rect cornerButton(const UiContext& ctx, Corner corner, std::string_view label, bool icon);
// The area for a screen's title between the top corners.
Rect titleArea(const UiContext& ctx);
// The area below the top bar, inside the margins; above the bottom bar when the
// screen has corner buttons at the bottom.
Rect contentArea(const UiContext& ctx, bool bottomBar = false);

// Where a widget stands for the keyboard (ui/focus), for one a screen left
// FocusPart::Auto: "back", "settings", "sign-out" and "teacher" in a corner of the
// top or bottom bar are Chrome (the same ids elsewhere, as the big buttons of the
// butterfly screen, are its content); "read-aloud" and "previous" are Secondary;
// everything else is Content. A part the screen set itself is kept.
FocusPart chromeFocusPart(const UiContext& ctx, const Widget& w);

// The butterfly button's widget (id "butterfly", FocusPart::Chrome) and its drawing.
Widget butterflyWidget(const UiContext& ctx);
void drawButterflyButton(UiContext& ctx, const Widget& w, const WidgetVisuals& v);
// A screen title: centred on the screen when it fits between the top corners'
// buttons (`widgets` tells where the top-left one is), else centred in the room
// there is, made smaller before anything is cut.
void drawTitle(UiContext& ctx, std::string_view title, const WidgetList& widgets);

} // namespace sq
