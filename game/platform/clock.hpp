// A monotonic clock in milliseconds, for the only things that may measure time:
// the scanning highlight's steps and a script's waits. Screens never read it: the
// app passes the time in, so tests can pin it.
// Depends on: SDL2 (inside the .cpp only).
#pragma once

#include <cstdint>

namespace sq {

// Milliseconds since the program started; never goes backwards.
std::uint64_t monotonicMs();

} // namespace sq
