// The parts every pupil screen shares, in the same place on every screen: the
// butterfly button in the top right corner, a back button in the top left, and a
// title between them. Screens lay out their own content below the top bar.
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

// The butterfly button: top right, always in the same place.
Rect butterflyButtonRect(const UiContext& ctx);
// The first and second slots at the top left (back, settings, sign out).
Rect topLeftSlot(const UiContext& ctx, int slot, float widthUnits = 30.0f);
// The area for a screen's title between the top corners.
Rect titleArea(const UiContext& ctx);
// The area below the top bar, inside the margins.
Rect contentArea(const UiContext& ctx);

// The butterfly button's widget (id "butterfly") and its drawing.
Widget butterflyWidget(const UiContext& ctx);
void drawButterflyButton(UiContext& ctx, const Widget& w, const WidgetVisuals& v);
// A screen title, centred in titleArea().
void drawTitle(UiContext& ctx, std::string_view title);

} // namespace sq
