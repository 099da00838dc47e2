// Where the game and the editor look for content packs and their own assets when
// the command line does not say.
// Depends on: platform/paths, settings/default_dirs, text/font (the font file names).
#pragma once

#include <string>

namespace sq {

// content/ next to the executable, else the repository's content/ when run from a
// build tree (build/<preset>/ is two folders below it), else the source tree's
// (settings/default_dirs, as safequest-cli; the game does not read $SAFEQUEST_CONTENT).
std::string defaultContentDir();

// assets/ next to the executable (holding fonts/), else the build tree's; "" if none.
std::string defaultAssetsDir();

} // namespace sq
