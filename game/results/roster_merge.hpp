// Applying an import to the class list, and moving everyone up a year. Pure
// functions from one Roster to the next: the caller saves the result (in one
// transaction) only when the plan is clean, so a refused import changes nothing.
//   - Re-import keeps every pupil's id: a row matches a pupil by MIS id (through
//     Pupil::misKey), else by first name + initial + class. Anything ambiguous is a
//     conflict that refuses the import, never a guess. New rows get new random ids;
//     pupils missing from the file are archived, never deleted.
//   - promoteYear is the new academic year: everyone on roll moves up one year
//     group, and Year 6 leave (archived).
// Depends on: results/roster, results/roster_import, results/uuid.
#pragma once

#include "results/roster.hpp"
#include "results/roster_import.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace sq {

struct MergeSummary {
  int added = 0;     // new pupils
  int updated = 0;   // matched pupils whose name, class, year or MIS key changed, or who return
  int archived = 0;  // on roll before, not in the file
  int unchanged = 0; // matched and identical
  int classesAdded = 0;
  int staffAdded = 0;
  int staffRemoved = 0;
};

struct MergePlan {
  Roster roster; // the class list to save; the old one when refused
  MergeSummary summary;
  std::vector<ImportError> errors;    // the import's own errors, passed on
  std::vector<ImportError> conflicts; // rows that cannot be matched without guessing
  bool ok() const { return errors.empty() && conflicts.empty(); }
};

// `rosterKey` is ResultsStore::rosterKey(); `today` ("YYYY-MM-DD") is written to
// archivedOn. New ids come from sq::newUuid().
MergePlan planReimport(const Roster& existing, const ImportResult& incoming,
                       std::string_view rosterKey, std::string_view today);

struct PromoteSummary {
  int promoted = 0; // moved up one year group
  int left = 0;     // Year 6, archived
};

// Every on-roll pupil moves up one year group; Year 6 are archived on `today`.
// Archived pupils are untouched, and so are classes: schools re-import their new
// classes after promoting.
Roster promoteYear(const Roster& roster, std::string_view today, PromoteSummary* summary = nullptr);

} // namespace sq
