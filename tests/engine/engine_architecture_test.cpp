// The engine's half of the dependency rule: the framework (ui/), the screens
// (screens/) and the app never include
// SDL, ImGui or stb directly; they see only the engine's own types. Only
// platform/, render/ and text/ talk to SDL and stb, and only the editor uses ImGui.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

std::string includesOf(const fs::path& dir, const std::vector<std::string>& banned) {
  std::string found;
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    if (!entry.is_regular_file()) {
      continue;
    }
    std::ifstream in(entry.path());
    std::string line;
    for (int n = 1; std::getline(in, line); ++n) {
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

const fs::path kGame = fs::path(SQ_SOURCE_DIR) / "game";

} // namespace

TEST_CASE("ui/, screens/ and app/ include no SDL, ImGui or stb") {
  for (const char* module : {"ui", "screens", "app"}) {
    const std::string bad = includesOf(kGame / module, {"SDL", "imgui", "stb_"});
    INFO(bad);
    CHECK(bad.empty());
  }
}

TEST_CASE("engine headers keep SDL and stb out of their users' way") {
  // Headers forward-declare SDL types; the .cpp files include <SDL.h>.
  for (const char* module : {"platform", "render", "text"}) {
    std::string bad;
    for (const auto& entry : fs::directory_iterator(kGame / module)) {
      if (entry.path().extension() == ".hpp") {
        std::ifstream in(entry.path());
        std::string line;
        for (int n = 1; std::getline(in, line); ++n) {
          if (line.rfind("#include", 0) == 0 &&
              (line.find("SDL") != std::string::npos || line.find("stb_") != std::string::npos)) {
            bad += entry.path().string() + ":" + std::to_string(n) + ": " + line + "\n";
          }
        }
      }
    }
    INFO(bad);
    CHECK(bad.empty());
  }
}

TEST_CASE("nothing in game/ uses ImGui: it belongs to the editor") {
  const std::string bad = includesOf(kGame, {"imgui"});
  INFO(bad);
  CHECK(bad.empty());
}
