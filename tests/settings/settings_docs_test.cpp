// game/settings/README.md is the documentation IT works from, so its examples must
// be real: the machine configuration example reads with no diagnostic (and its
// PIN hash is usable), the pupil example likewise, the lockout example is a valid
// state, and every field key appears in the docs. Also the module's dependency
// rule: settings is sq_logic, so it includes no SDL, ImGui, stb or engine module
// (tests/architecture_test.cpp checks the older modules the same way).
#include "settings/machine_config.hpp"
#include "settings/pupil_settings.hpp"
#include "settings/teacher_pin.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using namespace sq;

namespace {

std::string readme() {
  std::ifstream in(fs::path(SQ_SOURCE_DIR) / "game" / "settings" / "README.md");
  REQUIRE(in.good());
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// The bodies of the ```json blocks, in order.
std::vector<std::string> jsonBlocks(const std::string& doc) {
  std::vector<std::string> blocks;
  const std::string open = "```json\n";
  for (std::size_t at = doc.find(open); at != std::string::npos; at = doc.find(open, at)) {
    at += open.size();
    const std::size_t end = doc.find("```", at);
    REQUIRE(end != std::string::npos);
    blocks.push_back(doc.substr(at, end - at));
    at = end + 3;
  }
  return blocks;
}

std::string listOf(const Diagnostics& d) {
  std::string s;
  for (const auto& x : d.all()) {
    s += formatDiagnostic(x) + "\n";
  }
  return s;
}

} // namespace

TEST_CASE("settings README: the examples are real") {
  const auto blocks = jsonBlocks(readme());
  REQUIRE(blocks.size() == 3);

  Diagnostics d;
  const ConfigLayer c = parseConfig(blocks[0], "README example", d);
  INFO(listOf(d));
  CHECK(d.all().empty());
  for (ConfigField f : allConfigFields()) {
    CHECK_MESSAGE(c.sets(f), configFieldKey(f));
  }

  Diagnostics d2;
  const PinLockout l = PinLockout::fromJson(blocks[1], "README lockout", d2);
  CHECK(d2.all().empty());
  CHECK(l.state().lockouts == 1);

  Diagnostics d3;
  const PupilPreferences p = parsePupilPreferences(blocks[2], "README pupil", d3);
  CHECK(d3.all().empty());
  CHECK(p.scanIntervalMs == 2500);
}

TEST_CASE("settings README: every configuration field is documented") {
  const std::string doc = readme();
  for (ConfigField f : allConfigFields()) {
    CHECK_MESSAGE(doc.find("| `" + std::string(configFieldKey(f)) + "` |") != std::string::npos,
                  configFieldKey(f));
  }
  for (const char* key : {"textSize", "highContrast", "font", "soundEffects", "narration",
                          "switchScanning", "scanIntervalSeconds"}) {
    CHECK_MESSAGE(doc.find(std::string("| `") + key + "` |") != std::string::npos, key);
  }
}

TEST_CASE("settings includes no SDL, ImGui, stb or engine module") {
  const std::vector<std::string> banned = {"SDL",   "imgui",  "stb_", "platform/", "render/",
                                           "text/", "audio/", "ui/",  "app/",      "editor/"};
  std::string found;
  for (const auto& entry :
       fs::recursive_directory_iterator(fs::path(SQ_SOURCE_DIR) / "game" / "settings")) {
    if (!entry.is_regular_file() || entry.path().extension() == ".md") {
      continue;
    }
    std::ifstream in(entry.path());
    int n = 0;
    for (std::string line; std::getline(in, line);) {
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
  INFO(found);
  CHECK(found.empty());
}
