// The presenter's view, for a second screen the room does not see: the clock and
// the time since the show started, where the show is, the current stop and the
// next (their words; a question's choices with the counts so far), and the
// presenter's notes. The hall's screen shows only the slide. Drawn by the app into
// its presenter window (`--presenter-window`, or by itself on a second display);
// read-only: the clicker's keys go to the show whichever window has them.
// Depends on: screens/assembly/assembly_run, screens/assembly/projector_theme,
// ui/controls.
#pragma once

#include "screens/assembly/assembly_run.hpp"
#include "ui/ui_context.hpp"

#include <cstdint>
#include <string>

namespace sq {

// What R does or did on the stop on screen, for the presenter only: "R reads it
// aloud", "Reading aloud: R stops", "No narration here: read it yourself"... ("" :
// the stop has no narration and R was not pressed).
std::string readAloudNote(const UiContext& ctx, const AssemblyRun& run);

// "10:42" and "3:05" for the clock and the elapsed time.
std::string clockText(std::int64_t unixSeconds);
std::string elapsedText(std::int64_t seconds);

// Draws the whole view over `ctx`'s viewport. `nowSeconds`: UTC, for the clock.
void drawPresenterView(UiContext& ctx, const AssemblyRun& run, std::int64_t nowSeconds,
                       std::int64_t elapsedSeconds);
// When no show is on (the list, the record screen): what the presenter sees.
void drawPresenterIdle(UiContext& ctx, std::int64_t nowSeconds);

} // namespace sq
