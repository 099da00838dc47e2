#include "platform/clock.hpp"

#include <SDL.h>

namespace sq {

std::uint64_t monotonicMs() {
  return SDL_GetTicks64();
}

} // namespace sq
