// Moving the whole school up at the start of a new academic year, as the teacher
// is asked about it first: how many pupils move up a year group and how many
// Year 6 leave (archived, never deleted), class by class, and what each class's
// pupils become ("3B: 28 pupils, Year 3 → Year 4"). Classes keep their names: the
// new year's class lists are imported afterwards. Moving up twice in one academic
// year is a mistake easy to make and tedious to undo, so the preview says when it
// was done already and applying then needs `again`. The same promoteYear as
// `safequest-cli roster promote`.
// Depends on: results (roster, roster_merge, civil_time, register, results_store).
#pragma once

#include "results/roster.hpp"
#include "results/roster_merge.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace sq {

class ResultsStore;

namespace admin {

struct PromoteClassLine {
  std::string className;
  int pupils = 0; // on roll now
  // "28 from Year 3 to Year 4", one per year group in the class, youngest first.
  std::vector<std::string> moves;
  int leaving = 0; // Year 6 who leave
};

struct PromotePreview {
  Roster before; // the class list the preview was made against
  Roster after;  // what applying saves
  PromoteSummary summary;
  int academicYear = 0;                  // 2026 for 2026-27
  bool alreadyThisYear = false;          // the list already moved up for this academic year
  std::vector<PromoteClassLine> classes; // by class name; classes with no pupil on roll left out
  std::string refused;                   // why it cannot be done; "" when it can

  bool canApply() const { return refused.empty(); }
  // "2026-27"
  std::string yearLabel() const;
  // "47 pupils move up a year group; 12 in Year 6 leave (kept as leavers, not deleted)."
  std::string summaryText() const;
};

// Pure: from the class list now and today ("YYYY-MM-DD").
PromotePreview previewPromote(const Roster& roster, std::string_view today);

// Saves the preview's class list in one transaction. Refused, with `error` in plain
// words and nothing changed, when the preview was refused, the class list changed
// since the preview, or it already moved up this academic year and `again` is false.
bool applyPromote(ResultsStore& store, const PromotePreview& preview, bool again,
                  std::string& error);

} // namespace admin
} // namespace sq
