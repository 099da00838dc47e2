// The top level of the repository holds only what README.md's Folders table lists:
// anything else there (a screenshot a test wrote into the working folder, an
// editor's scratch file) fails this test by name. The table is read from the
// README, so the page and the check cannot disagree.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <regex>
#include <set>
#include <sstream>
#include <string>

namespace fs = std::filesystem;

namespace {

const fs::path kRoot = fs::path(SQ_SOURCE_DIR);

std::string readText(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// The top-level names in the first column of the `| folder | what is in it |`
// table: "`game/`" -> "game", "`.ci/run`" -> ".ci", "`README.md`, `LICENSE`" -> both.
std::set<std::string> documentedTopLevel(const std::string& readme) {
  std::set<std::string> names;
  std::istringstream lines(readme);
  std::string line;
  bool inTable = false;
  while (std::getline(lines, line)) {
    if (!inTable) {
      inTable = line.rfind("| folder | what is in it |", 0) == 0;
      continue;
    }
    if (line.empty() || line.front() != '|') {
      break;
    }
    const auto cellEnd = line.find('|', 1);
    const std::string first = line.substr(1, cellEnd == std::string::npos ? 0 : cellEnd - 1);
    static const std::regex quoted("`([^`]+)`");
    for (auto it = std::sregex_iterator(first.begin(), first.end(), quoted);
         it != std::sregex_iterator(); ++it) {
      const std::string path = (*it)[1];
      names.insert(path.substr(0, path.find('/')));
    }
  }
  return names;
}

} // namespace

TEST_CASE("the repository's top level holds only what README.md's Folders table lists") {
  const std::set<std::string> allowed = documentedTopLevel(readText(kRoot / "README.md"));
  // The table must name the essentials, or a broken parse would let anything pass.
  for (const char* must : {"game", "tests", "CMakeLists.txt", "README.md", "build", ".git"}) {
    INFO(must);
    CHECK(allowed.count(must) == 1);
  }
  std::string stray;
  for (const auto& entry : fs::directory_iterator(kRoot)) {
    const std::string name = entry.path().filename().string();
    if (allowed.count(name) == 0) {
      stray += name + " ";
    }
  }
  INFO("not in README.md's Folders table: ", stray);
  CHECK(stray.empty());
}

TEST_CASE("the build folder is git-ignored") {
  const std::string ignore = readText(kRoot / ".gitignore");
  CHECK(ignore.find("/build/\n") != std::string::npos);
}

TEST_CASE("the Folders table parser reads every name of a row and stops at the table's end") {
  const std::string readme = "| folder | what is in it |\n|---|---|\n"
                             "| `game/` | sources |\n"
                             "| `.ci/run` | CI |\n"
                             "| `README.md`, `LICENSE` | docs |\n"
                             "\n| `after/` | not in the table |\n";
  CHECK(documentedTopLevel(readme) == std::set<std::string>{"game", ".ci", "README.md", "LICENSE"});
}
