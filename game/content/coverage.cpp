#include "content/coverage.hpp"

#include <algorithm>

namespace sq {

namespace {

constexpr std::array<YearGroup, kYearGroupCount> kAllYears = {
    YearGroup::Reception, YearGroup::Y1, YearGroup::Y2, YearGroup::Y3,
    YearGroup::Y4,        YearGroup::Y5, YearGroup::Y6};

void addRows(std::vector<CoverageRow>& rows, CoverageGroup group, std::string_view prefix,
             const std::vector<std::string_view>& values) {
  for (std::string_view v : values) {
    CoverageRow row;
    row.group = group;
    row.key = std::string(prefix) + ":" + std::string(v);
    row.value = std::string(v);
    rows.push_back(std::move(row));
  }
}

// The row keys a lesson covers, by the rules in the header.
std::vector<std::string> rowsCoveredBy(const Lesson& lesson) {
  std::vector<std::string> keys;
  for (const auto& v : lesson.tags.efcw) {
    keys.push_back("efcw:" + v);
  }
  for (const auto& v : lesson.tags.dcf) {
    keys.push_back("dcf:" + v);
  }
  for (const auto& v : lesson.tags.topics) {
    keys.push_back("topics:" + v);
  }
  for (const Step& step : lesson.steps) {
    if (const auto* scenario = std::get_if<ScenarioActivity>(&step.activity)) {
      for (const ScenarioNode& node : scenario->nodes) {
        for (const Choice& choice : node.choices) {
          keys.push_back(std::string("smart:") + choice.smart);
        }
      }
    } else if (std::holds_alternative<ButterflyActivity>(step.activity)) {
      keys.emplace_back("butterfly");
    }
  }
  return keys;
}

bool isPrefixPattern(std::string_view pattern, std::string_view& prefix) {
  if (pattern.size() > 2 && pattern.substr(pattern.size() - 2) == ":*") {
    prefix = pattern.substr(0, pattern.size() - 1); // keeps the ':'
    return true;
  }
  return false;
}

} // namespace

std::vector<CoverageRow> buildCoverage(const Pack& pack) {
  std::vector<CoverageRow> rows;
  addRows(rows, CoverageGroup::Strand, "efcw", efcwStrandIds());
  addRows(rows, CoverageGroup::Dcf, "dcf", dcfElementIds());
  addRows(rows, CoverageGroup::Smart, "smart", smartLetterIds());
  CoverageRow butterfly;
  butterfly.group = CoverageGroup::Butterfly;
  butterfly.key = "butterfly";
  butterfly.value = "butterfly";
  rows.push_back(std::move(butterfly));
  addRows(rows, CoverageGroup::Topic, "topics", topicIds());

  for (const Unit& unit : pack.units) {
    const auto year = static_cast<std::size_t>(unit.yearGroup);
    for (const UnitLesson& entry : unit.lessons) {
      const Lesson* lesson = pack.findLesson(entry.lesson);
      if (lesson == nullptr) {
        continue; // the validator refuses such a pack; a hand-built one is skipped
      }
      const std::vector<std::string> keys = rowsCoveredBy(*lesson);
      for (CoverageRow& row : rows) {
        if (std::find(keys.begin(), keys.end(), row.key) == keys.end()) {
          continue;
        }
        auto& cell = row.cells[year];
        const bool listed = std::any_of(
            cell.begin(), cell.end(), [&](const CoverageLesson& l) { return l.id == lesson->id; });
        if (!listed) {
          cell.push_back({lesson->id, entry.required});
        }
      }
    }
  }
  return rows;
}

const std::vector<RequirementLine>& requirementTable() {
  // Keep in step with "Required coverage" in content/README.md: a test compares them.
  static const std::vector<RequirementLine> table = {
      {{"efcw:*"}, {"eyfs", "ks1", "lks2", "uks2"}},
      {{"smart:S", "smart:A", "smart:T"}, {"ks1"}},
      {{"smart:*"}, {"y3"}},
      {{"smart:M", "smart:R"}, {"y4", "y5", "y6"}},
      {{"butterfly"}, {"reception", "y1", "y2", "y3", "y4", "y5", "y6"}},
      {{"topics:personal-details", "topics:cyberbullying", "topics:gaming-and-messaging",
        "topics:asking-before-accepting", "topics:reporting"},
       {"eyfs", "ks1", "lks2", "uks2"}},
      {{"topics:passwords", "topics:photos-of-others", "topics:reliable-information",
        "topics:copyright", "topics:online-identity", "topics:digital-footprint",
        "topics:viruses-and-popups"},
       {"ks1", "lks2", "uks2"}},
      {{"topics:webcams", "topics:email"}, {"lks2", "uks2"}},
      {{"topics:mobile-phones"}, {"uks2"}},
  };
  return table;
}

std::vector<YearGroup> yearGroupsIn(std::string_view where) {
  std::vector<YearGroup> years;
  if (const auto year = parseYearGroup(where)) {
    years.push_back(*year);
  } else if (const auto band = parseBand(where)) {
    for (YearGroup y : kAllYears) {
      if (bandOf(y) == *band) {
        years.push_back(y);
      }
    }
  }
  return years;
}

std::vector<RequiredCell> expandRequirements(const std::vector<RequirementLine>& lines,
                                             std::vector<std::string>& problems) {
  // The row keys that exist, from an empty pack's rows.
  const std::vector<CoverageRow> known = buildCoverage(Pack{});
  std::vector<RequiredCell> cells;
  for (const RequirementLine& line : lines) {
    std::vector<std::string> rowKeys;
    for (const std::string& pattern : line.rows) {
      std::string_view prefix;
      const bool all = isPrefixPattern(pattern, prefix);
      const std::size_t before = rowKeys.size();
      for (const CoverageRow& row : known) {
        if (all ? row.key.rfind(prefix, 0) == 0 : row.key == pattern) {
          rowKeys.push_back(row.key);
        }
      }
      if (rowKeys.size() == before) {
        problems.push_back("no coverage row \"" + pattern + "\"");
      }
    }
    for (const std::string& where : line.where) {
      if (yearGroupsIn(where).empty()) {
        problems.push_back("no band or year group \"" + where + "\"");
        continue;
      }
      for (const std::string& key : rowKeys) {
        RequiredCell cell{key, where};
        if (std::find(cells.begin(), cells.end(), cell) == cells.end()) {
          cells.push_back(std::move(cell));
        }
      }
    }
  }
  return cells;
}

std::vector<RequiredCell> missingCells(const std::vector<CoverageRow>& rows,
                                       const std::vector<RequiredCell>& required) {
  std::vector<RequiredCell> missing;
  for (const RequiredCell& cell : required) {
    const auto row = std::find_if(rows.begin(), rows.end(),
                                  [&](const CoverageRow& r) { return r.key == cell.row; });
    bool covered = false;
    if (row != rows.end()) {
      for (YearGroup y : yearGroupsIn(cell.where)) {
        const auto& lessons = row->cells[static_cast<std::size_t>(y)];
        covered = covered || std::any_of(lessons.begin(), lessons.end(),
                                         [](const CoverageLesson& l) { return l.required; });
      }
    }
    if (!covered) {
      missing.push_back(cell);
    }
  }
  return missing;
}

} // namespace sq
