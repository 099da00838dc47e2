#include "settings/default_dirs.hpp"

#include <filesystem>
#include <system_error>
#include <vector>

namespace sq {

std::string userDataDir(const EnvLookup& env) {
  if (const auto d = env("SAFEQUEST_DATA")) {
    return *d;
  }
  if (const auto x = env("XDG_DATA_HOME")) {
    return *x + "/safequest";
  }
  if (const auto h = env("HOME")) {
    return *h + "/.local/share/safequest";
  }
  return "safequest-data";
}

std::string bundledContentDir(const std::string& programDir, const std::string& sourceContentDir) {
  namespace fs = std::filesystem;
  std::vector<fs::path> candidates;
  if (!programDir.empty()) {
    candidates.push_back(fs::path(programDir) / "content");
    candidates.push_back(fs::path(programDir) / ".." / ".." / "content");
  }
  if (!sourceContentDir.empty()) {
    candidates.emplace_back(sourceContentDir);
  }
  for (const fs::path& dir : candidates) {
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) {
      continue;
    }
    fs::path normal = fs::weakly_canonical(dir, ec);
    if (ec) {
      normal = dir.lexically_normal();
    }
    return normal.string();
  }
  return sourceContentDir;
}

} // namespace sq
