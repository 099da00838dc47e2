// The coverage of a pack: which lessons teach each Education for a Connected World
// strand, Welsh DCF element, SMART letter, butterfly practice and topic in each year
// group, and which of the cells a year's unit must cover are empty. The rules are
// the table "Required coverage" in content/README.md; `safequest-cli coverage`
// prints the result.
// Depends on: content/pack_model, content/tag_vocabulary.
#pragma once

#include "content/pack_model.hpp"
#include "content/tag_vocabulary.hpp"

#include <array>
#include <string>
#include <string_view>
#include <vector>

namespace sq {

constexpr std::size_t kYearGroupCount = 7; // reception, y1 ... y6

enum class CoverageGroup { Strand, Dcf, Smart, Butterfly, Topic };

struct CoverageLesson {
  std::string id;
  bool required = true; // required in that year's unit
};

struct CoverageRow {
  CoverageGroup group = CoverageGroup::Strand;
  // "efcw:online-bullying", "dcf:health-wellbeing", "smart:S", "butterfly",
  // "topics:email": the names the required-coverage table uses.
  std::string key;
  std::string value; // the tag value ("online-bullying", "S"), or "butterfly"
  // Indexed by YearGroup: the lessons of that year's unit that cover the row, in
  // unit order.
  std::array<std::vector<CoverageLesson>, kYearGroupCount> cells;
};

// One row that must be covered somewhere in a band or in one year group.
struct RequiredCell {
  std::string row;   // a row key
  std::string where; // a band id ("ks1") or a year group id ("y3")
  bool operator==(const RequiredCell& o) const { return row == o.row && where == o.where; }
};

// One line of the required-coverage table: rows and places, either of which may
// name several. A row pattern is a row key or "GROUP:*" for every value of a group
// ("efcw:*", "smart:*").
struct RequirementLine {
  std::vector<std::string> rows;
  std::vector<std::string> where;
};

// Every row, in the order of content/README.md's tag table, with its cells filled
// from the pack's units. A lesson covers:
// - a strand, DCF element or topic when its `tags` list it;
// - a SMART letter when one of its scenario choices exercises it (a letter that is
//   only in the lesson's `tags.smart` is claimed, not practised, so it does not count);
// - butterfly practice when it has a butterfly step.
// Lessons in no unit appear nowhere; a lesson in two units counts in both years.
std::vector<CoverageRow> buildCoverage(const Pack& pack);

// The table in content/README.md as the code holds it.
const std::vector<RequirementLine>& requirementTable();

// Expands table lines into one cell per row and place, in table order. `problems`
// gets a message for every row pattern or place that names nothing.
std::vector<RequiredCell> expandRequirements(const std::vector<RequirementLine>& lines,
                                             std::vector<std::string>& problems);

// The year groups a place ("eyfs", "ks1", "lks2", "uks2", "reception", "y1" ...)
// names; empty when it names none.
std::vector<YearGroup> yearGroupsIn(std::string_view where);

// The required cells no required lesson covers (optional lessons do not count: a
// pupil's unit is complete without them). A row key unknown to `rows` is missing.
std::vector<RequiredCell> missingCells(const std::vector<CoverageRow>& rows,
                                       const std::vector<RequiredCell>& required);

} // namespace sq
