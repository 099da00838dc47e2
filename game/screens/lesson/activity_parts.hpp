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
