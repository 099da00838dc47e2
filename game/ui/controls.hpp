// How the pupil screens draw their widgets: buttons, tiles, toggles, the focus
// ring, icons, pictures (with a calm placeholder when one is missing or refused)
// and blocks of wrapped text. One look everywhere, so a child learns it once.
// Sizes are in units of the short side (UiContext::u).
// Depends on: ui/ui_context, ui/widget, ui/widgets.
#pragma once

#include "ui/ui_context.hpp"
#include "ui/widget.hpp"

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

namespace sq {

// Geometry shared by every screen, in units.
namespace metrics {
inline constexpr float kMargin = 4.0f;        // screen edge to content
inline constexpr float kGap = 2.5f;           // between tiles
inline constexpr float kRadius = 2.5f;        // corners of buttons and tiles
inline constexpr float kBorder = 0.35f;       // outlines
inline constexpr float kButtonHeight = 11.0f; // above 1/12 of the short side (8.33)
inline constexpr float kFocusGap = 0.7f;      // between a widget and its focus ring
inline constexpr float kFocusWidth = 1.0f;    // the ring itself: thick, seen from the back
} // namespace metrics

enum class ButtonStyle {
  Normal,  // surface with an outline
  Primary, // the one main action: filled with the accent colour
  Help,    // the butterfly button
};

// Buttons and option buttons fit their label on one line (shrinking a little, to
// the detail size), else wrap it onto lines that fit their height; only when no
// size fits is it cut with "…" (and the text-fit test reports it: the screen must
// give it room).
// A button: its label centred, after an optional icon (a symbol such as "←").
void drawButton(UiContext& ctx, const Widget& w, const WidgetVisuals& v, ButtonStyle style,
                std::string_view icon = {});
// A toggle or option button: filled and ticked when selected.
void drawChoiceButton(UiContext& ctx, const Widget& w, const WidgetVisuals& v);
// For laying out before drawing: the narrowest button (with an icon when
// `withIcon`) or option button whose label shows whole on one line (at the
// detail size at least); and how tall a button or option button `width` wide
// must be to show its label whole, wrapped if need be: `height` when that does
// (the caller's usual height), more when its lines need it.
float buttonMinWidth(const UiContext& ctx, std::string_view label, bool withIcon = false);
float choiceButtonMinWidth(const UiContext& ctx, std::string_view label);
float buttonHeightFor(const UiContext& ctx, std::string_view label, float width, float height,
                      bool withIcon = false);
float choiceButtonHeightFor(const UiContext& ctx, std::string_view label, float width,
                            float height);
// The card behind a tile (pressed and hovered states included), filled with
// `fill` (the surface colour when not given). Returns the area inside its
// padding for the tile's own content.
Rect drawTileCard(UiContext& ctx, const Widget& w, const WidgetVisuals& v,
                  std::optional<Colour> fill = std::nullopt);
// The room inside a tile card drawn at `r` (what drawTileCard returns), for
// planning what goes in it before it is drawn.
Rect tileCardInner(const UiContext& ctx, const Rect& r);
// The thick two-tone ring round the focused widget.
void drawFocusRing(UiContext& ctx, const Rect& r);

// A bold label font `units` tall, made smaller (down to the detail size) until
// `label` fits `room` pixels; a label still too long is then cut with "…".
FontSpec fittingFont(const UiContext& ctx, std::string_view label, float units, float room);

// How fitFont judges a size, and whether it shrinks past the sizes it is given.
struct FitRule {
  // Above 0: after the last size, shrink by tenths down to this many units (never
  // below the last size); the floor follows the pupil's text size unless
  // `shrinkToFixed`.
  float shrinkTo = 0;
  bool shrinkToFixed = false;
  // The wrapped lines may be this many pixels taller than the box (negative: they
  // must leave that much room). Half a pixel matches drawTextBlock's count.
  float spare = 0.5f;
  // A word wider than the box means the size does not fit.
  bool wholeWords = true;
};
// Cards that shrink their words down to the detail size before drawTextBlock cuts them.
inline constexpr FitRule kShrinkToDetail{text_size::kDetail, false, 0.0f, false};

// The first of `sizes` (units times the pupil's text size, largest first), then
// the shrinking `rule` asks for, at which `text` wraps inside `box`; the last
// one tried when none fits.
FontSpec fitFont(const UiContext& ctx, std::string_view text, const Rect& box,
                 std::initializer_list<float> sizes, FontWeight weight,
                 const FitRule& rule = FitRule{});
// One symbol, centred in `box`, `units` tall (from the fallback font if the
// chosen one lacks it).
void drawIcon(UiContext& ctx, std::string_view glyph, const Rect& box, float units, Colour c);
// A picture file fitted inside `box`, or the placeholder.
void drawPicture(UiContext& ctx, const std::string& path, const Rect& box);
// A soft frame with a sun and hills: "a picture goes here".
void drawPicturePlaceholder(UiContext& ctx, const Rect& box);
// One of the interface's own pictures, assets/ui/<name>.png.
void drawUiPicture(UiContext& ctx, std::string_view name, const Rect& box);

// Wrapped text in `box`: never cuts a word; when more than `maxLines` lines are
// needed, the last shown ends with "…". Vertically centred when `centreY`.
// Returns the height used.
float drawTextBlock(UiContext& ctx, std::string_view text, const FontSpec& spec, const Rect& box,
                    TextAlign align, Colour colour, int maxLines = 0, bool centreY = false);
// The height drawTextBlock would use.
float textBlockHeight(const UiContext& ctx, std::string_view text, const FontSpec& spec,
                      float width, int maxLines = 0);

} // namespace sq
