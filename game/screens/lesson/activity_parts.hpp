// What every activity screen shares, so a pupil learns it once: where the way
// back, "read to me" and "next" sit; the lesson's progress as dots (never a
// percentage); the SMART rule's letter badge; the feedback panel (warm for a safe
// or right answer, gentle for the rest: never red, never a cross); and the quiet
// "saved" mark.
// Depends on: ui/chrome, ui/controls, screens/lesson/lesson_play.
#pragma once

#include "screens/lesson/lesson_play.hpp"
#include "ui/chrome.hpp"
#include "ui/controls.hpp"

#include <cmath>
#include <string>
#include <string_view>

namespace sq {

// The widgets every step screen has, in reading order: "back" (top left), then
// the screen's own, then "read-aloud" (bottom left, when there is narration) and
// "next" (bottom right, when `nextLabel` is not empty). Screens add their own
// widgets between back and the bottom ones, inside stepContentArea().
void addStepBack(const UiContext& ctx, WidgetList& out);
void addStepBottom(const UiContext& ctx, WidgetList& out, bool readAloud,
                   const std::string& nextLabel, bool nextEnabled = true);
// Between the top bar and the bottom buttons.
Rect stepContentArea(const UiContext& ctx);
// Draws back, read-aloud and next (next as the primary button) if present.
void drawStepButtons(UiContext& ctx, const WidgetList& widgets, const WidgetVisuals& v);

// The title bar of a step: the step's title (or the lesson's), and under the title,
// dots for the lesson's steps with the current one filled, plus the "saved" mark.
void drawStepHeader(UiContext& ctx, const LessonPlay& play, std::string_view title,
                    const WidgetList& widgets);
// Where the "saved" mark goes: in the bottom row, left of whatever sits in the
// bottom right corner (`actionLeft`: that widget's left edge), as wide as its
// longest words. Whatever else shares the bottom row keeps clear of it.
Rect saveMarkRect(const UiContext& ctx, float actionLeft);
// The same, left of the bottom-right widget among `widgets` (the corner button's
// place when there is none).
Rect saveMarkRect(const UiContext& ctx, const WidgetList& widgets);

// The SMART rule's name ("Safe", "Meeting", "Accepting", "Reliable", "Tell") and
// its one-line meaning, from the string table.
std::string smartRuleName(const UiContext& ctx, char letter);
std::string smartRuleMeaning(const UiContext& ctx, char letter);
// The letter in a round badge, `box` square.
void drawSmartBadge(UiContext& ctx, char letter, const Rect& box);

enum class FeedbackTone { Warm, Gentle };
// A rounded panel with a heading ("Well done!" / "Let's think again") and the
// feedback text; with a SMART letter, its badge and the rule's name. Returns the
// height used.
float drawFeedbackPanel(UiContext& ctx, const Rect& box, FeedbackTone tone,
                        std::string_view heading, std::string_view text, char smart = 0);
// The height drawFeedbackPanel uses, for planning what goes under it.
float feedbackPanelHeight(const UiContext& ctx, const Rect& box, std::string_view heading,
                          std::string_view text, char smart = 0);
// The height the panel needs, `width` wide, to show every word of it (the heading,
// the text and the SMART rule's line are never cut: a box shorter than this
// belongs in a ScrollBox).
float feedbackPanelNeed(const UiContext& ctx, float width, std::string_view heading,
                        std::string_view text, char smart = 0);

// Words taller than the room they have: the box scrolls, so nothing is cut and
// no font is made smaller. A bar at its right edge and a "more below" arrow show
// there is more; the wheel, the arrow keys and pressing the box (the widget
// "more", for the keyboard and a switch: a page on, then back to the top) move it.
// The screen keeps one, places it in each layout pass and draws between begin()
// and end().
class ScrollBox {
public:
  // The box and how tall what is in it is; keeps the scroll inside the content.
  void place(const UiContext& ctx, const Rect& box, float contentH);
  bool scrolls() const { return mMax > 0; }
  // What a box that scrolls keeps at its right for the bar and the cue: lay the
  // words out this much narrower when they will scroll.
  static float gutter(const UiContext& ctx) { return std::round(ctx.u(9.5f)); }
  const Rect& box() const { return mBox; }
  float offset() const { return mOffset; } // pixels scrolled down
  // Where the content begins on screen, scrolled (draw at this y).
  float top() const { return mBox.y - mOffset; }
  // true when it moved.
  bool scrollBy(float pixels);
  // A page on; at the end, back to the top.
  void page();
  void reset() { mOffset = 0; }
  // The widget for pressing it (role Button, id "more"), when it scrolls.
  void addWidget(const UiContext& ctx, WidgetList& out) const;
  // Wheel and keys (Up, Down; Page keys stay the stack's). true: moved.
  bool handle(const InputEvent& e, const UiContext& ctx);
  bool key(const KeyDown& k);
  // Where end() draws the cue (the quiz: a widget of its own, when the box holds
  // widgets and cannot be pressed as a whole).
  Rect cueRect(const UiContext& ctx) const;
  // Clips to the box; end() lifts the clip and draws the bar and the cue.
  void begin(UiContext& ctx) const;
  void end(UiContext& ctx) const;

private:
  Rect mBox;
  float mContentH = 0;
  float mMax = 0;
  float mOffset = 0;
  float mUnit = 1;
};

// Stars for the young (filled for right first time), "3 of 5" for older pupils.
void drawStars(UiContext& ctx, int filled, int total, const Rect& box);

// The text of a Text in the interface's language.
inline const std::string& inLang(const UiContext& ctx, const Text& t) {
  return t.get(ctx.strings != nullptr ? ctx.strings->language() : std::string_view{});
}

// Drawing shared by the slides and scenario screens.
namespace step_view {
// A pack picture fitted in `box`; when it is missing or refused, a soft frame that
// says in words what it shows (its alt text), so nothing is lost.
void drawPicture(UiContext& ctx, const LessonPlay& play, const Picture& picture, const Rect& box);
// The step's title, else the lesson's.
std::string title(const UiContext& ctx, const LessonPlay& play);
} // namespace step_view

} // namespace sq
