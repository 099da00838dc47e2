// Pupils the class list shows alike: two or more pupils on roll in one class whose
// names as shown (first name and initial, Pupil::shortName) are the same when
// compared as a teacher would read them (foldName: "AMY J" and "Amy J" are one).
// The class-list import warns about them (csv.duplicate-name), and the sign-in
// screen gives each of them a picture of their own (screens/name_marks).
// Depends on: results/roster, results/roster_import (foldName).
#pragma once

#include "results/roster.hpp"

#include <string>
#include <vector>

namespace sq {

struct NameClash {
  std::string classId;
  std::string shownAs;               // the greatest of their shortName()s (stable)
  std::vector<std::string> pupilIds; // two or more, sorted
};

// Among `pupils` (archived ones are left out), every group of one class shown
// alike; ordered by class id, then by the folded name.
std::vector<NameClash> findNameClashes(const std::vector<Pupil>& pupils);

} // namespace sq
