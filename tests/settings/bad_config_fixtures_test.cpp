// The bad machine-configuration corpus: every tests/fixtures/bad-config/NAME.json
// must give exactly the diagnostics NAME.expect lists, one "code pointer" per line
// (just "code" for the whole file; '#' starts a comment), in any order: every
// expected one reported, and nothing reported that is not expected. Each file is
// read through loadConfigFile, as the game reads /etc/safequest/config.json, and
// must still give a usable configuration: every field it names but gets wrong is
// locked at its default.
// Each fixture is listed by name, so each is its own CTest test; "every file is
// listed" catches one added without a line here.
#include "settings/machine_config.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

#define SQ_BAD_CONFIG_FIXTURES(X)                                                                  \
  X("band-not-string")                                                                             \
  X("band-unknown")                                                                                \
  X("bands-not-list")                                                                              \
  X("bands-too-many")                                                                              \
  X("empty-file")                                                                                  \
  X("folder-control-character")                                                                    \
  X("folder-empty")                                                                                \
  X("folder-relative")                                                                             \
  X("folder-too-long")                                                                             \
  X("format-version-2")                                                                            \
  X("invalid-utf8")                                                                                \
  X("language-unknown")                                                                            \
  X("lock-not-boolean")                                                                            \
  X("not-json")                                                                                    \
  X("null-value")                                                                                  \
  X("pin-argon2i")                                                                                 \
  X("pin-bcrypt")                                                                                  \
  X("pin-huge-memory")                                                                             \
  X("pin-malformed")                                                                               \
  X("pin-plain")                                                                                   \
  X("retention-fraction")                                                                          \
  X("retention-too-high")                                                                          \
  X("retention-zero")                                                                              \
  X("root-array")                                                                                  \
  X("too-big")                                                                                     \
  X("too-deep")                                                                                    \
  X("trailing-comma")                                                                              \
  X("unknown-field")                                                                               \
  X("wrong-types")

#define SQ_LIST_ENTRY(name) name,
const std::vector<std::string> kFixtures = {SQ_BAD_CONFIG_FIXTURES(SQ_LIST_ENTRY)};
#undef SQ_LIST_ENTRY

const fs::path& fixtureDir() {
  static const fs::path dir = fs::path(SQ_SOURCE_DIR) / "tests" / "fixtures" / "bad-config";
  return dir;
}

const sq::CodeInfo* findCode(std::string_view id) {
  for (const sq::CodeInfo& info : sq::allCodes()) {
    if (info.id == id) {
      return &info;
    }
  }
  return nullptr;
}

// "code pointer" lines; the pointer may be absent (the whole file).
std::vector<std::string> readExpect(const fs::path& path) {
  std::ifstream in(path);
  REQUIRE_MESSAGE(in.good(), "missing " << path.string());
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) {
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) {
      line.pop_back();
    }
    if (line.empty() || line[0] == '#') {
      continue;
    }
    const std::string code = line.substr(0, line.find(' '));
    CHECK_MESSAGE(findCode(code) != nullptr, "unknown code in " << path.string() << ": " << code);
    lines.push_back(line);
  }
  std::sort(lines.begin(), lines.end());
  return lines;
}

std::string where(const sq::Diagnostic& d) {
  std::string s(sq::codeId(d.code));
  if (!d.pointer.empty()) {
    s += " " + d.pointer;
  }
  return s;
}

void runFixture(const std::string& name) {
  const fs::path file = fixtureDir() / (name + ".json");
  INFO("fixture: " << file.string());
  REQUIRE(fs::exists(file));
  const std::vector<std::string> expected = readExpect(fixtureDir() / (name + ".expect"));
  REQUIRE_MESSAGE(!expected.empty(), "a bad fixture needs at least one expected diagnostic");

  sq::Diagnostics diags;
  const sq::ConfigLayer layer = sq::loadConfigFile(file.string(), diags);
  std::vector<std::string> actual;
  std::string listing;
  for (const sq::Diagnostic& d : diags.all()) {
    actual.push_back(where(d));
    listing += "  " + sq::formatDiagnostic(d) + "\n";
    CHECK(d.file == file.string());
    CHECK(!d.message.empty());
  }
  std::sort(actual.begin(), actual.end());
  INFO("actual diagnostics:\n" << listing);
  CHECK(actual == expected);

  // The game still gets a configuration: each refused field is locked at its default.
  sq::ConfigDefaults defaults;
  defaults.dataFolder = "/home/pupil/.local/share/safequest";
  sq::ConfigLayer user;
  user.fullScreenLock = false;
  user.retentionYears = 7;
  const sq::EffectiveConfig e = sq::resolveConfig(layer, user, defaults);
  for (sq::ConfigField f : layer.refused) {
    CHECK(e.isLocked(f));
  }
  if (layer.refused.count(sq::ConfigField::RetentionYears) > 0) {
    CHECK(e.retentionYears.value == sq::kDefaultRetentionYears);
  }
  if (layer.refused.count(sq::ConfigField::DataFolder) > 0) {
    CHECK(e.dataFolder.value == defaults.dataFolder);
  }
}

std::vector<std::string> jsonFilesIn(const fs::path& dir) {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.path().extension() == ".json") {
      names.push_back(entry.path().stem().string());
    }
  }
  std::sort(names.begin(), names.end());
  return names;
}

} // namespace

#define SQ_BAD_CONFIG_CASE(name)                                                                   \
  TEST_CASE("bad config fixture: " name) {                                                         \
    runFixture(name);                                                                              \
  }
SQ_BAD_CONFIG_FIXTURES(SQ_BAD_CONFIG_CASE)
#undef SQ_BAD_CONFIG_CASE

TEST_CASE("bad config fixtures: every file is listed, has an .expect, and there are 12+") {
  CHECK(jsonFilesIn(fixtureDir()) == kFixtures);
  CHECK(kFixtures.size() >= 12);
  for (const auto& entry : fs::directory_iterator(fixtureDir())) {
    if (entry.path().extension() == ".expect") {
      CHECK_MESSAGE(fs::exists(fs::path(entry.path()).replace_extension(".json")),
                    entry.path().string() << " has no .json");
    }
  }
}
