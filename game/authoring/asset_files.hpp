// New picture and sound files in a pack folder: a file name made from where the
// file came from ("My Park.JPG" -> "my-park.jpg"), unique in its folder, and a write
// that never replaces a file already there. The editor adds files this way and
// then points the JSON at them with an undoable edit; a file is never overwritten,
// so undoing the edit leaves at worst an unused file, never a changed one.
// Depends on: core (atomic_file for syncing), std and POSIX link().
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>

namespace sq::authoring {

// A safe file stem from any name: lowercase ASCII letters and digits, words joined
// by '-', at most 40 characters; `fallback` when nothing usable is left.
std::string fileStem(std::string_view name, std::string_view fallback = "file");

// A path relative to the pack ("assets/pictures/park-2.png") for a new file in
// `dir` (relative, '/'-separated) named from `stem` and `extension` (".png"): the
// first of stem, stem-2, stem-3 ... that is neither on disk in `packFolder` nor in
// `taken` (relative paths already used, e.g. the document's assets).
std::string uniqueAssetPath(const std::string& packFolder, const std::string& dir,
                            const std::string& stem, const std::string& extension,
                            const std::set<std::string>& taken = {});

// Writes `bytes` to `packFolder/relPath`, making its folders. The bytes go to a
// temporary file that is synced and then hard-linked to the name, which fails
// when the name exists: an existing file is never replaced. False with a
// sentence in `error` otherwise; no temporary file is left behind.
bool writeNewAsset(const std::string& packFolder, const std::string& relPath,
                   std::string_view bytes, std::string& error);

// Reads a whole file of at most `maxBytes`; nullopt with the reason in `error`
// ("too big to read" when larger, naming both sizes).
std::optional<std::string> readFileLimited(const std::string& path, std::uint64_t maxBytes,
                                           std::string& error);

} // namespace sq::authoring
