// A report a teacher asks for in the teacher's app: the governors' HTML, the CSV or
// the xAPI file, for a class, a year group or the school, for the current or an
// earlier academic year, with pseudonyms unless "with names" is ticked. The report
// itself is made by the same results/ calls as `safequest-cli report`
// (computeRegister, reportHtml, reportCsv, reportXapi) over the same events, so the
// app and the command line write the same file. Saving is atomic
// (core/atomic_file), and a failure says why in plain words.
// Depends on: core (atomic_file), content (pack catalog), results (store, register,
// report writers, civil time).
#pragma once

#include "content/pack_catalog.hpp"
#include "results/register.hpp"
#include "results/results_store.hpp"
#include "results/roster.hpp"

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace sq::admin {

enum class ReportFormat { Html, Csv, Xapi };
enum class ReportScope { School, Class, YearGroup };

struct ReportRequest {
  ReportFormat format = ReportFormat::Html;
  ReportScope scope = ReportScope::School;
  std::string classId;                        // ReportScope::Class
  YearGroup yearGroup = YearGroup::Reception; // ReportScope::YearGroup (the pupils' own)
  int academicYear = 2026;                    // the year starting 1 September of it
  bool names = false;                         // never for xAPI: statements carry no names
};

// "Governors' report (web page)", "Spreadsheet (CSV)", "xAPI statements (for a
// learning record store)".
std::string formatLabel(ReportFormat f);
// ".html", ".csv", ".json".
std::string formatExtension(ReportFormat f);
// Whether the format can show names at all (xAPI never does).
bool formatHasNames(ReportFormat f);

// "2026 to 2027".
std::string academicYearLabel(int academicYear);
// The academic years a teacher may choose, newest first: the current one and the
// earlier ones the school keeps records for (its retention, roster.settings), at
// least two and at most ten.
std::vector<int> academicYearChoices(int currentAcademicYear, int retentionYears);

// "the whole school", "class 4C", "Year 3", for the words around the report.
std::string scopeLabel(const ReportRequest& r, const Roster& roster);
// "safequest-governors-4C-2026-27.html": safe in any file system, no names of pupils.
std::string defaultFileName(const ReportRequest& r, const Roster& roster);
// The folder a report is offered in: `home`/Documents when it is a folder, else `home`.
std::string defaultFolder(const std::string& home);

// The packs that define "complete" (loaded from the content folder), with a plain
// line for each pack left out because it has errors.
struct ReportContent {
  Catalog catalog;
  std::vector<const Pack*> packs;
  std::vector<std::string> warnings;
  std::string error; // the folder could not be read, or holds no valid pack
};
// Loads the content folder's packs; a pack with errors is left out and named.
void loadReportContent(const std::string& contentDir, ReportContent& content);

// The events a report of `academicYear` reads: the year's, plus erasure tombstones
// and assemblies recorded outside it (as `safequest-cli report`).
std::vector<Event> reportEvents(const ResultsStore& store, int academicYear);

struct MadeReport {
  bool ok = false;
  std::string bytes;
  std::string error; // in plain words
  int pupils = 0;    // pupils in the report
};
// Makes the report. `packs` may be empty for xAPI only; `producedOn` is today
// ("2026-12-07"), printed on the governors' report.
MadeReport makeReport(const ResultsStore& store, const Roster& roster,
                      const std::vector<const Pack*>& packs, const ReportRequest& r,
                      const std::string& producedOn);

struct SaveOutcome {
  bool ok = false;
  std::string message; // "Saved ... to PATH" or why it was not saved, in plain words
};
// Writes `bytes` to `path` atomically (the old file stays whole on failure). Refuses
// an empty path, a path that is a folder, and a folder that does not exist.
SaveOutcome saveReport(const std::string& path, const std::string& bytes);

// "Saved the report for class 4C, 2026 to 2027 (28 pupils, no names) to PATH": the
// result line once a report is saved.
std::string reportSavedLine(const ReportRequest& r, const Roster& roster, int pupils,
                            const std::string& path);

} // namespace sq::admin
