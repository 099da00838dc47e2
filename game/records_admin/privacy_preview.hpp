// What an erasure or a retention run would delete, in numbers and names, for the
// question the teacher answers before it happens. Counting never changes anything;
// the deleting itself is ResultsStore::erasePupil and applyRetention, as the CLI's.
// Depends on: results (results_store, roster, event).
#pragma once

#include "results/results_store.hpp"

#include <string>
#include <utility>
#include <vector>

namespace sq::admin {

struct ErasePreview {
  bool found = false; // the pupil is on the class list (on roll or left)
  std::string pupilId;
  std::string name;                                // "Siân K"
  std::string className;                           // "" when their class is gone
  int records = 0;                                 // events about the pupil, all kinds
  std::vector<std::pair<std::string, int>> byKind; // "lessons completed", 3; ...
  // "Erase Siân K (3B)? This deletes 14 records about them (...) and takes them off
  // the class list, on this PC and, at the next merge, on every PC. It cannot be
  // undone."
  std::string question() const;
  // "SafeQuest holds their class-list entry and 14 records about them (...)."
  std::string held() const;
};

ErasePreview previewErase(const ResultsStore& store, const std::string& pupilId);

struct RetentionPreview {
  int retentionYears = 2;
  ResultsStore::RetentionPlan plan;
  std::vector<std::string> leaverNames; // of plan.leaversToErase, "Siân K"
  bool nothingToDo() const {
    return plan.events == 0 && plan.setAside == 0 && plan.leaversToErase.empty();
  }
  // "Keeping 2 academic years deletes 1,204 records from before 1 September 2025
  // and erases 3 pupils who left before then." or "Nothing is older than ...".
  std::string summary() const;
};

RetentionPreview previewRetention(const ResultsStore& store, int currentAcademicYear);
// What keeping `years` academic years would delete now, counted before that number
// is saved (previewRetention counts for the saved setting), so the teacher sees the
// count for the number in the box.
RetentionPreview previewRetentionFor(const ResultsStore& store, int currentAcademicYear, int years);

// 1204 -> "1,204", as the teacher's screens write counts.
std::string withCommas(long long n);

} // namespace sq::admin
