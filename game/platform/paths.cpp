#include "platform/paths.hpp"

#include <SDL.h>

#include <filesystem>
#include <system_error>

namespace sq {

std::string executableDir() {
  char* base = SDL_GetBasePath();
  if (base == nullptr) {
    return {};
  }
  std::string dir = base;
  SDL_free(base);
  return dir;
}

std::string firstExistingDir(const std::vector<std::string>& candidates,
                             const std::string& mustContain) {
  namespace fs = std::filesystem;
  for (const auto& candidate : candidates) {
    if (candidate.empty()) {
      continue;
    }
    std::error_code ec;
    const fs::path dir(candidate);
    if (!fs::is_directory(dir, ec)) {
      continue;
    }
    if (!mustContain.empty() && !fs::exists(dir / mustContain, ec)) {
      continue;
    }
    fs::path normal = fs::weakly_canonical(dir, ec);
    if (ec) {
      normal = dir.lexically_normal();
    }
    return normal.string();
  }
  return {};
}

} // namespace sq
