// The dependency rule, checked on the sources: sq_logic (core, content, runtime, play,
// results) never includes SDL, ImGui or stb, and nothing in game/ includes editor/.
// The CMake targets enforce the same at build time; this names the offending line.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

std::string offendingIncludes(const fs::path& dir, const std::vector<std::string>& banned) {
  std::string found;
  if (!fs::exists(dir)) {
    return found;
  }
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    if (!entry.is_regular_file()) {
      continue;
    }
    std::ifstream in(entry.path());
    std::string line;
    int n = 0;
    while (std::getline(in, line)) {
      ++n;
      if (line.rfind("#include", 0) != 0) {
        continue;
      }
      for (const auto& b : banned) {
        if (line.find(b) != std::string::npos) {
          found += entry.path().string() + ":" + std::to_string(n) + ": " + line + "\n";
        }
      }
    }
  }
  return found;
}

} // namespace

TEST_CASE("sq_logic modules include no SDL, ImGui or stb") {
  const fs::path game = fs::path(SQ_SOURCE_DIR) / "game";
  for (const char* module : {"core", "content", "runtime", "results", "play", "cli"}) {
    const std::string bad = offendingIncludes(
        game / module, {"SDL", "imgui", "stb_", "platform/", "render/", "text/", "audio/", "ui/"});
    INFO(bad);
    CHECK(bad.empty());
  }
}

TEST_CASE("nothing in game/ includes the editor") {
  const std::string bad = offendingIncludes(fs::path(SQ_SOURCE_DIR) / "game", {"editor/"});
  INFO(bad);
  CHECK(bad.empty());
}
