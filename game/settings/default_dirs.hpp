// Where SafeQuest keeps and finds things when nothing else says: the user's own
// data folder and the content that comes with the program. One place for the game
// and safequest-cli, so both look in the same folders.
// Depends on: settings/machine_config (EnvLookup), std.
#pragma once

#include "settings/machine_config.hpp"

#include <string>

namespace sq {

// $SAFEQUEST_DATA, else $XDG_DATA_HOME/safequest, else ~/.local/share/safequest,
// else "safequest-data" (relative) when not even HOME is set. The machine
// configuration's data folder, when IT set one, comes before this (loadConfig).
std::string userDataDir(const EnvLookup& env);

// The content packs that come with the program: content/ in `programDir` (the
// folder the program is in, "" when unknown), else ../../content from it (a build
// tree, build/<preset>/), else `sourceContentDir`; the first that is a folder,
// normalised. `sourceContentDir` as given when none is.
std::string bundledContentDir(const std::string& programDir, const std::string& sourceContentDir);

} // namespace sq
