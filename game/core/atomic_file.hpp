// Writing a whole file so that readers see the old contents or the new, never half:
// the bytes go to a temporary file in the same folder, are synced to disk, and the
// temporary file is renamed over the target. Settings files, the teacher PIN and
// the school folder's class list all save this way, so it lives at the bottom of
// the module table where every logic module may use it.
// Depends on: std, and POSIX open/fsync (to sync the file and its folder).
#pragma once

#include <string>
#include <string_view>

namespace sq {

// Writes `bytes` to `path` atomically. The temporary name holds 128 random bits, so
// several PCs writing into one shared folder never pick the same one. On failure
// returns false with the reason in `error`, and leaves no temporary file behind.
bool writeFileAtomically(const std::string& path, std::string_view bytes, std::string& error);

// Why writing `path` failed, from the C library's errno: "the disk is full: ..." for
// ENOSPC and EDQUOT (a quota), so a full disk is never mistaken for a damaged
// file or a locked folder; otherwise "could not write PATH: <reason>".
std::string describeWriteFailure(const std::string& path, int errnoValue);

// fsync()s a file, or a folder (so a rename in it is on disk). False when it
// cannot be opened or synced.
bool syncToDisk(const std::string& path, bool directory);

} // namespace sq
