#include "records_admin/report_request.hpp"

#include "core/atomic_file.hpp"
#include "results/civil_time.hpp"
#include "results/report_csv.hpp"
#include "results/report_html.hpp"
#include "results/report_xapi.hpp"

#include <algorithm>
#include <filesystem>

namespace fs = std::filesystem;

namespace sq::admin {

namespace {

// Letters, digits, '-' and '_' kept; anything else (spaces, slashes, accents) a '-'.
std::string fileNamePart(const std::string& text) {
  std::string out;
  for (const char c : text) {
    const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                       c == '-' || c == '_';
    const char keep = plain ? c : '-';
    if (keep == '-' && (out.empty() || out.back() == '-')) {
      continue;
    }
    out.push_back(keep);
  }
  while (!out.empty() && out.back() == '-') {
    out.pop_back();
  }
  return out;
}

std::string yearGroupFilePart(YearGroup y) {
  return y == YearGroup::Reception ? "reception" : "y" + std::to_string(static_cast<int>(y));
}

} // namespace

std::string formatLabel(ReportFormat f) {
  switch (f) {
  case ReportFormat::Html:
    return "Governors' report (web page)";
  case ReportFormat::Csv:
    return "Spreadsheet (CSV)";
  case ReportFormat::Xapi:
    return "xAPI statements (for a learning record store)";
  }
  return "";
}

std::string formatExtension(ReportFormat f) {
  switch (f) {
  case ReportFormat::Html:
    return ".html";
  case ReportFormat::Csv:
    return ".csv";
  case ReportFormat::Xapi:
    return ".json";
  }
  return "";
}

bool formatHasNames(ReportFormat f) {
  return f != ReportFormat::Xapi;
}

std::string academicYearLabel(int academicYear) {
  return std::to_string(academicYear) + " to " + std::to_string(academicYear + 1);
}

std::vector<int> academicYearChoices(int currentAcademicYear, int retentionYears) {
  const int count = std::clamp(retentionYears, 2, 10);
  std::vector<int> years;
  for (int i = 0; i < count; ++i) {
    years.push_back(currentAcademicYear - i);
  }
  return years;
}

std::string scopeLabel(const ReportRequest& r, const Roster& roster) {
  switch (r.scope) {
  case ReportScope::School:
    return "the whole school";
  case ReportScope::Class: {
    const SchoolClass* c = roster.findClass(r.classId);
    return c != nullptr ? "class " + c->name : "a class no longer on the class list";
  }
  case ReportScope::YearGroup:
    return std::string(yearGroupName(r.yearGroup));
  }
  return "";
}

std::string defaultFileName(const ReportRequest& r, const Roster& roster) {
  std::string name = "safequest-";
  name += r.format == ReportFormat::Html  ? "governors"
          : r.format == ReportFormat::Csv ? "register"
                                          : "xapi";
  if (r.scope == ReportScope::Class) {
    const SchoolClass* c = roster.findClass(r.classId);
    const std::string part = c != nullptr ? fileNamePart(c->name) : "";
    name += "-" + (part.empty() ? std::string("class") : part);
  } else if (r.scope == ReportScope::YearGroup) {
    name += "-" + yearGroupFilePart(r.yearGroup);
  } else {
    name += "-school";
  }
  const std::string next = std::to_string((r.academicYear + 1) % 100);
  name += "-" + std::to_string(r.academicYear) + "-" + (next.size() < 2 ? "0" + next : next);
  if (r.names && formatHasNames(r.format)) {
    name += "-with-names";
  }
  return name + formatExtension(r.format);
}

std::string defaultFolder(const std::string& home) {
  std::error_code ec;
  const fs::path documents = fs::path(home) / "Documents";
  if (fs::is_directory(documents, ec)) {
    return documents.string();
  }
  return home;
}

void loadReportContent(const std::string& contentDir, ReportContent& content) {
  content = ReportContent();
  content.catalog = loadCatalog(contentDir);
  if (!content.catalog.error.empty()) {
    content.error = content.catalog.error;
    return;
  }
  for (const CatalogEntry& e : content.catalog.packs) {
    if (e.result.valid()) {
      content.packs.push_back(&*e.result.pack);
    } else {
      content.warnings.push_back("The pack in " + e.dir +
                                 " has errors, so its lessons are not counted (open it in "
                                 "Lessons to see them).");
    }
  }
  if (content.packs.empty()) {
    content.error = "there is no lesson pack without errors in " + contentDir +
                    ", so nothing says which lessons count";
  }
}

std::vector<Event> reportEvents(const ResultsStore& store, int academicYear) {
  EventFilter range;
  range.fromUtc = academicYearStart(academicYear);
  range.toUtc = academicYearStart(academicYear + 1);
  std::vector<Event> events = store.events(range);
  // As safequest-cli report: erasures and assemblies count whenever recorded.
  for (EventKind k : {EventKind::PupilErased, EventKind::AssemblyGiven}) {
    EventFilter f;
    f.kind = k;
    for (Event& e : store.events(f)) {
      if (e.timeUtc < range.fromUtc || e.timeUtc >= range.toUtc) {
        events.push_back(std::move(e));
      }
    }
  }
  return events;
}

MadeReport makeReport(const ResultsStore& store, const Roster& roster,
                      const std::vector<const Pack*>& packs, const ReportRequest& r,
                      const std::string& producedOn) {
  MadeReport made;
  if (r.format != ReportFormat::Xapi && packs.empty()) {
    made.error = "there are no lesson packs to say which lessons count";
    return made;
  }
  RegisterFilter filter;
  if (r.scope == ReportScope::Class) {
    if (roster.findClass(r.classId) == nullptr) {
      made.error = "that class is no longer on the class list: choose another";
      return made;
    }
    filter.classId = r.classId;
  } else if (r.scope == ReportScope::YearGroup) {
    filter.yearGroup = r.yearGroup;
  }
  const std::vector<Event> events = reportEvents(store, r.academicYear);
  const Register reg = computeRegister(events, roster, packs, r.academicYear, filter);
  made.pupils = static_cast<int>(reg.pupils.size());
  switch (r.format) {
  case ReportFormat::Html: {
    HtmlReportOptions o;
    o.names = r.names;
    o.producedOn = producedOn;
    made.bytes = reportHtml(reg, o);
    break;
  }
  case ReportFormat::Csv: {
    CsvOptions o;
    o.names = r.names;
    made.bytes = reportCsv(reg, o);
    break;
  }
  case ReportFormat::Xapi:
    made.bytes = reportXapi(events, reg, XapiOptions());
    break;
  }
  made.ok = true;
  return made;
}

SaveOutcome saveReport(const std::string& path, const std::string& bytes) {
  SaveOutcome out;
  if (path.empty()) {
    out.message = "Not saved: type where to save the report first.";
    return out;
  }
  std::error_code ec;
  const fs::path target(path);
  if (fs::is_directory(target, ec)) {
    out.message = "Not saved: " + path + " is a folder. Add a file name to the end, such as " +
                  "report.html.";
    return out;
  }
  const fs::path folder = target.parent_path().empty() ? fs::path(".") : target.parent_path();
  if (!fs::is_directory(folder, ec)) {
    out.message = "Not saved: there is no folder " + folder.string() +
                  ". Choose a folder that exists, such as your Documents.";
    return out;
  }
  std::string error;
  if (!writeFileAtomically(path, bytes, error)) {
    out.message = "Not saved: " + error +
                  (error.find("disk is full") != std::string::npos
                       ? ""
                       : ". Choose another folder you can save in, such as your Documents.");
    return out;
  }
  out.ok = true;
  out.message = "Saved to " + path;
  return out;
}

std::string reportSavedLine(const ReportRequest& r, const Roster& roster, int pupils,
                            const std::string& path) {
  return "Saved the report for " + scopeLabel(r, roster) + ", " +
         academicYearLabel(r.academicYear) + " (" + std::to_string(pupils) +
         (pupils == 1 ? " pupil, " : " pupils, ") +
         (r.names && formatHasNames(r.format) ? "with names" : "no names") + ") to " + path;
}

} // namespace sq::admin
