// The school's own settings as the teacher's app edits them: the school's name, the
// staff list, the safeguarding lead and incident steps the game's butterfly screens
// show, and this academic year's three term dates. The form works on a copy
// (SchoolEdit); problems() says in plain words what must be mended before it is
// saved, and saveSchoolEdit() writes only these fields, into the class list as it is
// now, so an import or retention setting saved meanwhile is kept.
// Dates are typed as a teacher writes them ("3/9/2026") or as the records keep them
// ("2026-09-03"); they are kept as "YYYY-MM-DD/YYYY-MM-DD" ranges in
// SchoolSettings::termDates, which results/register reads (a range starting from
// August to December is the autumn term's, January to March the spring's, April to
// July the summer's: the checks hold each term to its months so the register agrees).
// Depends on: results (results_store, roster, register, civil_time, uuid).
#pragma once

#include "results/results_store.hpp"
#include "results/roster.hpp"

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sq::admin {

inline constexpr std::size_t kMaxSchoolText = 200; // bytes, a name or a step
inline constexpr std::size_t kMaxStaff = 300;
inline constexpr std::size_t kMaxIncidentSteps = 20;

struct TermEdit {
  const char* name = ""; // "autumn", "spring", "summer"
  std::string firstDay;  // as typed
  std::string lastDay;
};

struct SchoolEdit {
  std::string schoolName;
  std::vector<StaffMember> staff; // a new member has a fresh id and "" for a name
  std::string safeguardingLead;
  std::vector<std::string> incidentSteps;
  int academicYear = 0;          // the year the term dates are for (2026: 2026-27)
  std::array<TermEdit, 3> terms; // autumn, spring, summer
  bool termsSaved = false;       // the school has saved dates for this year
};

// The form's starting point: the class list's settings, and this year's term dates
// as saved (several ranges of one term, such as half terms, shown as one term from
// its first day to its last), else the usual ones.
SchoolEdit schoolEditFrom(const Roster& roster, int academicYear);

// The usual terms when a school has set none: 1 September to 31 December, 1 January
// to the day before Easter Sunday, then to 31 August (as results/register counts
// them), with the summer term starting no earlier than 1 April (the register reads a
// range starting in March as spring's).
std::array<TermEdit, 3> usualTerms(int academicYear);

// "3/9/2026", "03/09/2026" or "2026-09-03" as "2026-09-03"; nullopt when it is not
// a real day.
std::optional<std::string> readDay(std::string_view typed);

struct SchoolProblem {
  std::string field; // the control to look at: "school-name", "staff:2", "term-first:spring"
  std::string message;
};

// Every reason the form cannot be saved yet, in the form's order; empty when it can.
std::vector<SchoolProblem> problems(const SchoolEdit& edit);

// Saves the form into the store's class list (only these fields; an empty incident
// step is left out). False, with the first problem or why the store refused, and
// nothing changed, when it cannot.
bool saveSchoolEdit(ResultsStore& store, const SchoolEdit& edit, std::string& error);

// "Saved: the school's name, 4 staff, the safeguarding lead, 3 incident steps and
// the term dates for 2026 to 2027." for the result line.
std::string savedSummary(const SchoolEdit& edit);

} // namespace sq::admin
