// Where the program's own files are: the folder of the executable, and the first
// of several candidate folders that exists (assets next to the executable, the
// repository's content/ when run from a build tree, ...).
// Depends on: SDL2 (inside the .cpp only), std::filesystem.
#pragma once

#include <string>
#include <vector>

namespace sq {

// The folder holding the running executable, ending in '/'; "" if unknown.
std::string executableDir();

// The first candidate that is a folder (and, when `mustContain` is not empty, holds
// that relative path), normalised; "" when none is. Empty candidates are skipped.
std::string firstExistingDir(const std::vector<std::string>& candidates,
                             const std::string& mustContain = {});

} // namespace sq
