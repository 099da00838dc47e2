// The register as a grid for the teacher's app: one class's pupils (or a whole year
// group's, from every class, each row naming its class) down the side, their year
// group's required lessons and the AUP across the top, each cell done,
// started or not started, in a word and a symbol (never colour alone). Filters
// narrow the rows; choosing a pupil or a lesson gives its history.
// "Done" comes from computeRegister (a required lesson is done unless it is among
// the pupil's lessonsLeft; the AUP is done when aupSigned), so the grid, the
// governors' report and the CLI always agree. "Started" is what the register does
// not count: a step finished or a place saved this academic year, with no
// completion yet.
// Depends on: results (register, event, event_payload, completion_rules), content.
#pragma once

#include "content/pack_model.hpp"
#include "results/event.hpp"
#include "results/register.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sq::admin {

enum class CellState { Done, Started, NotStarted, NotNeeded };

// "Done", "Started", "Not started", "Not needed".
std::string_view cellWord(CellState s);
// ✔ ◐ ○ – : a shape for each, so the grid reads in greyscale and on a projector.
std::string_view cellSymbol(CellState s);

struct GridColumn {
  bool isAup = false;
  std::string packId;                 // a lesson's pack ("" for the AUP column)
  std::string lessonId;               // "" for the AUP column
  std::string title;                  // the lesson's title, or "AUP"
  std::vector<YearGroup> requiredFor; // the year groups whose unit requires it
};

struct GridCell {
  CellState state = CellState::NotStarted;
  std::string whenUtc; // completed or signed; the latest step for Started
  bool wholeClass = false;
  std::optional<std::int64_t>
      score; // the first-try score: the completion's, else its quiz steps' first tries
  std::optional<std::int64_t> maxScore;
};

struct GridRow {
  std::size_t pupil = 0;       // index into Register::pupils
  std::string className;       // the pupil's class ("No class" when not on the list)
  std::vector<GridCell> cells; // one per column
};

struct GridFilter {
  bool notFinished = false;  // only pupils whose unit is not complete
  bool aupNotSigned = false; // only pupils who have not signed the AUP
  std::optional<YearGroup> yearGroup;
};

struct RegisterGrid {
  std::string classId;                // "" for a whole year group (and for "No class")
  std::string className;              // "" for a whole year group
  std::optional<YearGroup> wholeYear; // set: every pupil of this year group, every class
  std::vector<GridColumn> columns;    // the lessons in unit order, then the AUP
  std::vector<GridRow> rows;
  std::vector<std::size_t> members; // every pupil of the class or year, filters aside
};

// The grid for one class ("" : pupils with no class on the list) of a register made
// by computeRegister over the same `events` and `packs`.
RegisterGrid buildRegisterGrid(const Register& reg, const std::vector<Event>& events,
                               const std::vector<const Pack*>& packs, const std::string& classId,
                               const GridFilter& filter = {});

// Every pupil of `year` from every class (classes in the register's order, pupils in
// each as the class's grid has them), with the same columns, cells and filters as a
// class's grid (the filter's year group is ignored: the year is chosen already).
RegisterGrid buildYearGrid(const Register& reg, const std::vector<Event>& events,
                           const std::vector<const Pack*>& packs, YearGroup year,
                           const GridFilter& filter = {});

// The year groups with pupils in the register, youngest first: what "All of Year 4"
// can be chosen for.
std::vector<YearGroup> registerYearGroups(const Register& reg);

// One line of a pupil's or a lesson's history, newest first (events in one second in
// the reverse of their order in `events`, which the store gives oldest first).
struct HistoryLine {
  std::string whenUtc;
  std::string what; // "Completed Keep it private (in class), 4 of 5 first time"
};

// Everything counted for one pupil this academic year.
std::vector<HistoryLine> pupilHistory(const Register& reg, const std::vector<Event>& events,
                                      const std::vector<const Pack*>& packs,
                                      const std::string& pupilId);

// Who completed one lesson this academic year, when, alone or in class, and the
// first-try score; names only when `names` is set (pseudonyms otherwise). With
// `among` (indices into reg.pupils, e.g. a grid's members), only those pupils: a
// class teacher's list names their own class.
std::vector<HistoryLine> lessonHistory(const Register& reg, const std::vector<Event>& events,
                                       const std::string& packId, const std::string& lessonId,
                                       bool names, const std::vector<std::size_t>* among = nullptr);

} // namespace sq::admin
