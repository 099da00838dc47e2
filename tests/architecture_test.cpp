// The module rules, checked on the sources. game/README.md's module table says
// which modules and libraries each module may use; this reads that table (so the
// document and the check cannot drift), then checks every #include in every module
// folder under game/ and in editor/. A folder with no row fails, and so does a row
// with no folder. The checker itself is shown to catch a forbidden include.
#include "support/module_rules.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using sq::test::checkIncludes;
using sq::test::formatIncludeProblem;
using sq::test::IncludeProblem;
using sq::test::ModuleTable;
using sq::test::parseModuleTable;

namespace {

const fs::path kRoot = fs::path(SQ_SOURCE_DIR);

std::string readText(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

ModuleTable gameTable() {
  return parseModuleTable(readText(kRoot / "game" / "README.md"));
}

bool isSource(const fs::path& p) {
  const std::string ext = p.extension().string();
  return ext == ".cpp" || ext == ".hpp" || ext == ".h" || ext == ".c" || ext == ".inl";
}

std::string joined(const std::vector<IncludeProblem>& problems) {
  std::string out;
  for (const auto& p : problems) {
    out += formatIncludeProblem(p) + "\n";
  }
  return out;
}

// The line of `text` in `file`, 1-based; 0 when absent.
int lineOf(const fs::path& file, const std::string& text) {
  std::ifstream in(file);
  std::string line;
  for (int n = 1; std::getline(in, line); ++n) {
    if (line == text) {
      return n;
    }
  }
  return 0;
}

const fs::path kFixtures = kRoot / "tests" / "fixtures" / "architecture";

} // namespace

TEST_CASE("game/README.md's module table reads cleanly and names every module folder") {
  const ModuleTable table = gameTable();
  std::string problems;
  for (const auto& p : table.problems) {
    problems += p + "\n";
  }
  INFO(problems);
  CHECK(table.problems.empty());
  REQUIRE(table.rows.size() >= 5);

  std::vector<std::string> onDisk;
  for (const auto& entry : fs::directory_iterator(kRoot / "game")) {
    if (entry.is_directory()) {
      onDisk.push_back(entry.path().filename().string());
    }
  }
  std::string missingRows;
  for (const auto& folder : onDisk) {
    const auto* row = table.find(folder);
    if (row == nullptr || row->folder != folder) {
      missingRows += "game/" + folder + "/ ";
    }
  }
  INFO("module folders with no row in game/README.md: ", missingRows);
  CHECK(missingRows.empty());

  std::string missingFolders;
  for (const auto& row : table.rows) {
    if (!fs::is_directory(kRoot / "game" / row.folder)) {
      missingFolders += row.folder + "/ ";
    }
  }
  INFO("rows in game/README.md with no folder: ", missingFolders);
  CHECK(missingFolders.empty());
  CHECK(table.find("editor") != nullptr); // the editor is checked by the same rules
}

TEST_CASE("every #include in every module is one the module table allows") {
  const ModuleTable table = gameTable();
  REQUIRE(table.problems.empty());
  int files = 0;
  for (const auto& row : table.rows) {
    const fs::path folder = kRoot / "game" / row.folder;
    REQUIRE(fs::is_directory(folder));
    std::vector<IncludeProblem> problems;
    for (const auto& entry : fs::recursive_directory_iterator(folder)) {
      if (!entry.is_regular_file() || !isSource(entry.path())) {
        continue;
      }
      ++files;
      const auto found = checkIncludes(table, row.name, entry.path());
      problems.insert(problems.end(), found.begin(), found.end());
    }
    INFO(row.folder, "/:\n", joined(problems));
    CHECK(problems.empty());
  }
  CHECK(files > 100); // it really read the sources
}

TEST_CASE("the checker reports a forbidden include by file and line, and passes allowed ones") {
  const ModuleTable table = gameTable();
  REQUIRE(table.find("content") != nullptr);

  const fs::path bad = kFixtures / "forbidden_in_content.cpp";
  const auto problems = checkIncludes(table, "content", bad);
  INFO(joined(problems));
  REQUIRE(problems.size() == 2);
  const int uiLine = lineOf(bad, "#include \"ui/screen.hpp\"");
  const int sdlLine = lineOf(bad, "#include <SDL.h>");
  REQUIRE(uiLine > 0);
  REQUIRE(sdlLine > 0);
  CHECK(problems[0].file == bad.string());
  CHECK(problems[0].line == uiLine);
  CHECK(problems[0].include == "#include \"ui/screen.hpp\"");
  CHECK(problems[0].why == "content/ may not use ui/");
  CHECK(problems[1].line == sdlLine);
  CHECK(problems[1].why == "content/ may not use SDL2");
  CHECK(formatIncludeProblem(problems[0]) ==
        bad.string() + ":" + std::to_string(uiLine) +
            ": #include \"ui/screen.hpp\": content/ may not use ui/");

  const fs::path good = kFixtures / "allowed_in_content.cpp";
  const auto none = checkIncludes(table, "content", good);
  INFO(joined(none));
  CHECK(none.empty());

  // The same ui/ include is fine where the table allows it.
  CHECK(checkIncludes(table, "app", bad).size() == 1); // app may use ui/, but not SDL
}

TEST_CASE("module table rules: transitive modules, libraries only where named, new rows") {
  const std::string readme = "`lib` is `a` + `b`\n\n"
                             "| module | job | may use |\n"
                             "|---|---|---|\n"
                             "| `a/` | bottom | std only |\n"
                             "| `b/` | middle | a, SDL2 |\n"
                             "| `c/` | top | b |\n"
                             "| `d/` | a new row | all above, nlohmann_json |\n"
                             "| `e/` | uses a group | lib |\n"
                             "\nafter the table\n| x | y | z |\n";
  const ModuleTable t = parseModuleTable(readme);
  INFO(t.problems.size());
  REQUIRE(t.problems.empty());
  REQUIRE(t.rows.size() == 5);
  CHECK(t.find("c")->modules == std::set<std::string>{"a", "b", "c"});
  CHECK(t.find("c")->libraries.empty()); // b's SDL2 is b's alone
  CHECK(t.find("d")->modules == std::set<std::string>{"a", "b", "c", "d"});
  CHECK(t.find("d")->libraries == std::set<std::string>{"nlohmann_json"});
  CHECK(t.find("e")->modules == std::set<std::string>{"a", "b", "e"});
  CHECK(t.find("a")->modules == std::set<std::string>{"a"});

  // Names that are neither a row above nor a library are reported, not ignored.
  const ModuleTable upward = parseModuleTable("| module | job | may use |\n|---|---|---|\n"
                                              "| `a/` | x | b |\n| `b/` | y | std only |\n"
                                              "| `c/` | z | curl |\n");
  CHECK(upward.problems.size() == 2);
  CHECK(parseModuleTable("no table here").problems.size() == 1);
}
