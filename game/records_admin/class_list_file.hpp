// Reading a class list the teacher chose (or dropped on the window) from disk: a
// file is an MIS CSV export (SIMS, Arbor, Bromcom...; Windows-1252 exports read as
// such), a folder a OneRoster 1.1 export (users.csv, classes.csv, enrollments.csv).
// Every limit is checked before the bytes are read, so a huge or odd file never
// lands in memory, and whatever goes wrong is said in plain words. What was read
// goes to previewImport (records_admin/import_preview); nothing is changed here.
// The same reading as `safequest-cli roster import`.
// Depends on: results/roster_import, std::filesystem.
#pragma once

#include "results/roster_import.hpp"

#include <string>

namespace sq::admin {

struct ClassListFile {
  std::string path;      // as chosen
  std::string shownName; // "pupils.csv", or "export/ (OneRoster)" for a folder
  bool oneRoster = false;
  // Why nothing could be read ("The file is 9 MB; the most SafeQuest reads is 5 MB."),
  // else "" and `result` holds what the file says (its refused lines included).
  std::string problem;
  ImportResult result;
  bool ok() const { return problem.empty(); }
};

ClassListFile readClassListFile(const std::string& path, const ImportLimits& limits = {});

// One refused line as a teacher reads it: "pupils.csv, line 4: the year group ..."
// (the file's own name, never the folder path; no codes).
std::string refusedLineText(const ImportError& e);

} // namespace sq::admin
