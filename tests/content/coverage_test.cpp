// The coverage report's logic (content/coverage): which lessons fill which cells, and
// the required cells, read from the table in content/README.md so the documentation
// and the check cannot drift apart.
#include "content/coverage.hpp"
#include "content/pack_loader.hpp"
#include "support/pack_bundle.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace {

std::string readReadme() {
  std::ifstream in(std::string(SQ_SOURCE_DIR) + "/content/README.md");
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// The `backticked` words of one table column.
std::vector<std::string> codeSpans(const std::string& column) {
  std::vector<std::string> spans;
  std::size_t pos = 0;
  while ((pos = column.find('`', pos)) != std::string::npos) {
    const std::size_t end = column.find('`', pos + 1);
    if (end == std::string::npos) {
      break;
    }
    spans.push_back(column.substr(pos + 1, end - pos - 1));
    pos = end + 1;
  }
  return spans;
}

// The table under the heading "### Required coverage": one line per table row, its
// rows from the first column's code spans and its places from the second's.
std::vector<sq::RequirementLine> readmeRequirements(const std::string& doc) {
  std::vector<sq::RequirementLine> lines;
  const std::size_t heading = doc.find("\n### Required coverage\n");
  if (heading == std::string::npos) {
    return lines;
  }
  std::istringstream in(doc.substr(heading + 1));
  std::string line;
  std::getline(in, line); // the heading
  bool inTable = false;
  while (std::getline(in, line)) {
    if (line.rfind("|", 0) != 0) {
      if (inTable) {
        break; // the table has ended
      }
      if (line.rfind("#", 0) == 0) {
        break; // the next section, with no table seen
      }
      continue;
    }
    const bool first = !inTable;
    inTable = true;
    if (first || line.find("---") != std::string::npos) {
      continue; // the header and the separator
    }
    std::vector<std::string> columns;
    std::stringstream cells(line.substr(1));
    std::string cell;
    while (std::getline(cells, cell, '|')) {
      columns.push_back(cell);
    }
    REQUIRE_MESSAGE(columns.size() >= 2, line);
    lines.push_back({codeSpans(columns[0]), codeSpans(columns[1])});
  }
  return lines;
}

std::vector<sq::RequiredCell> readmeCells() {
  const auto lines = readmeRequirements(readReadme());
  std::vector<std::string> problems;
  auto cells = sq::expandRequirements(lines, problems);
  for (const auto& p : problems) {
    FAIL_CHECK("content/README.md, Required coverage: " << p);
  }
  return cells;
}

bool contains(const std::vector<sq::RequiredCell>& cells, const std::string& row,
              const std::string& where) {
  return std::find(cells.begin(), cells.end(), sq::RequiredCell{row, where}) != cells.end();
}

const sq::CoverageRow& rowOf(const std::vector<sq::CoverageRow>& rows, const std::string& key) {
  const auto it = std::find_if(rows.begin(), rows.end(),
                               [&](const sq::CoverageRow& r) { return r.key == key; });
  REQUIRE_MESSAGE(it != rows.end(), key);
  return *it;
}

std::vector<std::string> idsIn(const sq::CoverageRow& row, sq::YearGroup y) {
  std::vector<std::string> ids;
  for (const auto& l : row.cells[static_cast<std::size_t>(y)]) {
    ids.push_back(l.id + (l.required ? "" : "?"));
  }
  return ids;
}

sq::Pack gapsPack() {
  auto parsed =
      sq::test::loadBundleFile(std::string(SQ_SOURCE_DIR) + "/tests/fixtures/coverage/gaps.pack");
  REQUIRE(parsed.ok());
  const auto source = sq::test::toMemorySource(parsed.bundle);
  auto r = sq::loadPack(source);
  for (const auto& d : r.diagnostics) {
    INFO(sq::formatDiagnostic(d));
  }
  REQUIRE(r.valid());
  CHECK(r.warnings == 0);
  return *r.pack;
}

} // namespace

TEST_CASE("coverage: the README's required-coverage table is the one the code checks") {
  const auto fromDoc = readmeCells();
  REQUIRE(fromDoc.size() > 20);
  std::vector<std::string> problems;
  const auto fromCode = sq::expandRequirements(sq::requirementTable(), problems);
  CHECK(problems.empty());
  CHECK(fromDoc == fromCode);
  // What the table must say, spot-checked from the content brief.
  CHECK(contains(fromDoc, "efcw:online-bullying", "eyfs"));
  CHECK(contains(fromDoc, "efcw:copyright-and-ownership", "uks2"));
  CHECK(contains(fromDoc, "smart:T", "ks1"));
  CHECK(contains(fromDoc, "smart:M", "y3"));
  CHECK(contains(fromDoc, "smart:R", "y6"));
  CHECK(contains(fromDoc, "butterfly", "y4"));
  CHECK_FALSE(contains(fromDoc, "smart:M", "ks1"));
}

TEST_CASE("coverage: a table naming an unknown row or place is reported") {
  std::vector<std::string> problems;
  const auto cells =
      sq::expandRequirements({{{"efcw:no-such-strand", "smart:S"}, {"ks3", "y2"}}}, problems);
  REQUIRE(problems.size() == 2);
  CHECK(problems[0].find("efcw:no-such-strand") != std::string::npos);
  CHECK(problems[1].find("ks3") != std::string::npos);
  CHECK(cells == std::vector<sq::RequiredCell>{{"smart:S", "y2"}});
  CHECK(sq::yearGroupsIn("lks2") ==
        std::vector<sq::YearGroup>{sq::YearGroup::Y3, sq::YearGroup::Y4});
  CHECK(sq::yearGroupsIn("reception") == std::vector<sq::YearGroup>{sq::YearGroup::Reception});
  CHECK(sq::yearGroupsIn("nursery").empty());
}

TEST_CASE("coverage: lessons fill cells by tags, practised SMART choices and butterfly steps") {
  const sq::Pack pack = gapsPack();
  const auto rows = sq::buildCoverage(pack);
  CHECK(rows.size() == 8 + 4 + 5 + 1 + 15);
  using sq::YearGroup;
  using V = std::vector<std::string>;
  CHECK(idsIn(rowOf(rows, "efcw:online-bullying"), YearGroup::Y3) == V{"meet-and-tell"});
  CHECK(idsIn(rowOf(rows, "efcw:online-bullying"), YearGroup::Y4).empty());
  CHECK(idsIn(rowOf(rows, "smart:M"), YearGroup::Y3) == V{"meet-and-tell"});
  // Claimed in tags but practised in no choice: not covered.
  CHECK(idsIn(rowOf(rows, "smart:M"), YearGroup::Y4).empty());
  CHECK(idsIn(rowOf(rows, "smart:R"), YearGroup::Y4) == V{"check-it"}); // listed once
  CHECK(idsIn(rowOf(rows, "butterfly"), YearGroup::Y4) == V{"extra-butterfly?"});
  CHECK(idsIn(rowOf(rows, "topics:photos-of-others"), YearGroup::Y4) == V{"extra-butterfly?"});
  for (const auto& row : rows) {
    for (YearGroup y : {YearGroup::Reception, YearGroup::Y1, YearGroup::Y5}) {
      CHECK_MESSAGE(idsIn(row, y).empty(), row.key);
    }
  }
}

TEST_CASE("coverage: an empty required cell is found, and optional lessons do not fill one") {
  const auto required = readmeCells();
  const auto missing = sq::missingCells(sq::buildCoverage(gapsPack()), required);
  // Filled by Year 3 or Year 4's required lessons.
  CHECK_FALSE(contains(missing, "butterfly", "y3"));
  CHECK_FALSE(contains(missing, "smart:M", "y3"));
  CHECK_FALSE(contains(missing, "smart:T", "y3"));
  CHECK_FALSE(contains(missing, "smart:R", "y4"));
  CHECK_FALSE(contains(missing, "efcw:online-bullying", "lks2"));
  CHECK_FALSE(contains(missing, "efcw:copyright-and-ownership", "lks2"));
  CHECK_FALSE(contains(missing, "topics:webcams", "lks2"));
  // Empty.
  CHECK(contains(missing, "smart:S", "y3"));
  CHECK(contains(missing, "smart:M", "y4"));                     // tags only
  CHECK(contains(missing, "butterfly", "y4"));                   // optional lesson only
  CHECK(contains(missing, "efcw:privacy-and-security", "lks2")); // optional lesson only
  CHECK(contains(missing, "topics:photos-of-others", "lks2"));   // optional lesson only
  CHECK(contains(missing, "butterfly", "reception"));            // no unit at all
  CHECK(contains(missing, "efcw:online-bullying", "ks1"));
}

TEST_CASE("coverage: content/core fills every required cell") {
  const auto r = sq::loadPack(std::string(SQ_SOURCE_DIR) + "/content/core");
  REQUIRE(r.valid());
  const auto missing = sq::missingCells(sq::buildCoverage(*r.pack), readmeCells());
  for (const auto& cell : missing) {
    FAIL_CHECK("empty: " << cell.row << " in " << cell.where);
  }
  CHECK(missing.empty());
}
