// The engine's headers keep SDL and stb to themselves: platform/, render/ and text/
// forward-declare SDL types and include <SDL.h> and stb only in their .cpp files, so
// a module that includes their headers does not pull SDL in. Which module may use
// which library at all is tests/architecture_test.cpp's check of game/README.md's
// module table.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <string>

namespace fs = std::filesystem;

namespace {

const fs::path kGame = fs::path(SQ_SOURCE_DIR) / "game";

} // namespace

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
