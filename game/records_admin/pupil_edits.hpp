// Changing one pupil in the class list from the teacher's app: their name as shown
// (first name and initial or a short alias), their class, or marking them as left
// (archived, never deleted: their records stay for the register and the
// governors' report until retention). Each edit is worked out first as the class
// list it would save, with what it does in plain words, or refused with why (an
// empty name, a class that does not exist, a pupil who has left...). Saving is
// one transaction, and refuses when the class list changed since the edit was
// made (another window, an import, a merge), so nobody's change is lost.
// Also the class list as the Classes tab lists it: classes with their pupils on
// roll, sorted as a register is read.
// Depends on: results (roster, name_clashes, civil_time, results_store).
#pragma once

#include "results/roster.hpp"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace sq {

class ResultsStore;

namespace admin {

inline constexpr std::size_t kMaxFirstNameChars = 64; // as the class-list import
inline constexpr std::size_t kMaxAliasChars = 12;     // an initial, or "Rose" to tell two apart

struct PupilEdit {
  Roster before;       // the class list the edit was worked out against
  Roster after;        // what saving writes; `before` when refused
  std::string done;    // "Amy Z is now shown as Amelia Z."
  std::string refused; // why it cannot be done, in plain words; "" when it can
  std::string warning; // "3B now has two pupils shown as Amy Z: ..."; "" for none
  bool ok() const { return refused.empty(); }
};

// A new first name and initial/alias. Both are trimmed and inner spaces collapsed;
// the first name must not be empty; neither may hold control characters or be
// longer than the limits above.
PupilEdit renamePupil(const Roster& roster, std::string_view pupilId, std::string_view firstName,
                      std::string_view alias);
// To another class of the list, named as shown ("4A"); the pupil keeps their year
// group (classes may mix ages).
PupilEdit movePupil(const Roster& roster, std::string_view pupilId, std::string_view className);
// Off roll from `today` ("YYYY-MM-DD").
PupilEdit markLeaver(const Roster& roster, std::string_view pupilId, std::string_view today);

// Saves `edit.after` in one transaction. False, with `error` in plain words and
// nothing changed, when the edit was refused, the store's class list is no longer
// `edit.before`, or the store could not write (a locked or full disk).
bool saveEdit(ResultsStore& store, const PupilEdit& edit, std::string& error);

struct ClassRow {
  std::string id;
  std::string name;
  int onRoll = 0;
};
// Every class, by name, with how many pupils are on roll in it.
std::vector<ClassRow> classRows(const Roster& roster);
// The class's pupils on roll, by first name, initial, then id.
std::vector<Pupil> pupilsOnRoll(const Roster& roster, std::string_view classId);

} // namespace admin
} // namespace sq
