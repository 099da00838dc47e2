// The reading-level pass: every pupil-facing text of a lesson or AUP measured
// against its band's limits (content/reading_level), a warning when it is over.
// Teacher notes, objectives and assemblies (read aloud by the presenter) are not
// pupil-facing and are left out. Internal to content/.
// Depends on: content/reading_level, core/diagnostics.
#pragma once

#include "content/pack_model.hpp"
#include "core/diagnostics.hpp"

namespace sq::detail {

// A lesson is judged by the youngest band of the units that list it (a lesson in no
// unit is not judged); an AUP by its phase (KS2 at the LKS2 limits, as Year 3 signs
// it). A butterfly step marked ks2Only is judged at LKS2 at least.
void checkReadingLevels(Diagnostics& diags, const Pack& pack);

} // namespace sq::detail
