// What a class-list import would do, shown to the teacher before anything changes:
// the new pupils, the pupils whose details change, the pupils who left, and every
// refused line with its reason. Applying it is all or nothing, and only the plan the
// teacher saw is applied: if the class list changed meanwhile (another window, a
// merge), applying refuses and asks for a fresh preview.
// The same functions as `safequest-cli roster import` (planReimport, leaveOutErased),
// so the app and the command line cannot disagree.
// Depends on: results (roster, roster_import, roster_merge, name_clashes, teacher_trust,
// results_store).
#pragma once

#include "results/roster.hpp"
#include "results/roster_import.hpp"
#include "results/roster_merge.hpp"

#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace sq {

class ResultsStore;

namespace admin {

// One pupil line of the preview, as the teacher reads it.
struct PupilLine {
  std::string pupilId;   // "" for a new pupil (its id is made when applied)
  std::string name;      // "Siân K"
  std::string className; // the class after the import
  YearGroup yearGroup = YearGroup::Reception;
  std::vector<std::string> what; // for a changed pupil: "class 3B → 4B", "name Sian K → Siân K"
};

struct ImportPreview {
  MergePlan plan; // what applying saves (erased pupils already left out)
  Roster before;  // the class list the preview was made against
  std::vector<PupilLine> added;
  std::vector<PupilLine> changed;
  std::vector<PupilLine> left; // on roll before, not in the file: archived, never deleted
  int unchanged = 0;
  int erasedLeftOut = 0; // rows naming a pupil erased here, who stays erased
  // Every line the import refused, file and line first; the import cannot be applied
  // while there is one.
  std::vector<ImportError> refused;
  DetectedEncoding encoding = DetectedEncoding::Utf8;
  // Pupils of one class the imported list shows alike (results/name_clashes, as
  // `safequest-cli roster import` warns), one line a class and name: "3B will have 2
  // pupils shown as "Amy Z": ...". They are different people, so the import may still
  // be applied; the teacher is told before confirming and in the result line.
  std::vector<std::string> nameClashes;

  bool canApply() const { return refused.empty(); }
  // "12 new, 3 changed, 2 left, 25 unchanged" or "Refused: 4 lines need fixing".
  std::string summary() const;
};

// Pure: from the current class list, the file's result and the erased pupils.
ImportPreview previewImport(const Roster& current, const ImportResult& incoming,
                            std::string_view rosterKey, std::string_view today,
                            const std::set<std::string>& erased = {});

// The preview against the store's class list now.
ImportPreview previewImport(const ResultsStore& store, const ImportResult& incoming,
                            std::string_view today);

// Saves the preview's class list in one transaction. Refused, with `error` in plain
// words and nothing changed, when the preview has refused lines or the store's
// class list is no longer the one the preview was made against.
bool applyImport(ResultsStore& store, const ImportPreview& preview, std::string& error);

// The result line once applied: "The class list from pupils.csv is imported: 3 new,
// 0 changed, 0 left, 0 unchanged." then each name clash.
std::string importedLine(const ImportPreview& preview, const std::string& from);

// Whether two class lists are the same, field by field (settings included).
bool sameRoster(const Roster& a, const Roster& b);

} // namespace admin
} // namespace sq
