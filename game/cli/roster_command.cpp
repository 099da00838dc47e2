#include "cli/roster_command.hpp"

#include "cli/cli_args.hpp"
#include "cli/teacher_key_command.hpp"
#include "core/bounded_file.hpp"
#include "results/civil_time.hpp"
#include "results/class_emblem.hpp"
#include "results/name_clashes.hpp"
#include "results/results_store.hpp"
#include "results/roster_import.hpp"
#include "results/roster_merge.hpp"
#include "results/teacher_trust.hpp"

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <set>
#include <tuple>

namespace sq::cli {

namespace {

namespace fs = std::filesystem;

constexpr const char* kUsage =
    "usage: safequest-cli roster import FILE|DIR [--format mis-csv|oneroster]\n"
    "           [--forename-col NAME] [--surname-col NAME] [--class-col NAME]\n"
    "           [--year-col NAME] [--id-col NAME] [--data DIR]\n"
    "       safequest-cli roster list [--data DIR]\n"
    "       safequest-cli roster promote [--again] [--data DIR]\n"
    "       safequest-cli roster emblem [CLASS [PICTURE/COLOUR | default]] [--data DIR]\n";

int usage(std::ostream& err, const std::string& problem) {
  err << "safequest-cli roster: " << problem << "\n" << kUsage;
  return 2;
}

// Reads a whole file, refusing before reading one past `limit` bytes so a huge
// file never lands in memory. nullopt (with `error`) when it cannot be read.
std::optional<std::string> readLimited(const fs::path& path, std::uintmax_t limit,
                                       std::string& error, bool& tooBig) {
  tooBig = false;
  BoundedFile file = readFileBounded(path.string(), limit);
  switch (file.status) {
  case BoundedFileStatus::Read:
    return std::move(file.bytes);
  case BoundedFileStatus::Missing:
  case BoundedFileStatus::NotAFile:
    error = path.string() + ": not found, or not a file";
    break;
  case BoundedFileStatus::TooLarge:
    tooBig = true;
    // The size is known when the file system reported it; a file that grew while
    // it was read is only known to be over the limit.
    error = file.size > limit + 1
                ? path.string() + ": the file is " + std::to_string(file.size) +
                      " bytes; the most SafeQuest reads is " + std::to_string(limit)
                : path.string() + ": the file is larger than " + std::to_string(limit) +
                      " bytes, the most SafeQuest reads";
    break;
  case BoundedFileStatus::CannotOpen:
    error = path.string() + ": cannot open";
    break;
  case BoundedFileStatus::ReadFailed:
    error = path.string() + ": read error";
    break;
  }
  return std::nullopt;
}

std::string todayUtc() {
  const auto now = std::chrono::duration_cast<std::chrono::seconds>(
                       std::chrono::system_clock::now().time_since_epoch())
                       .count();
  return formatUtc(now).substr(0, 10);
}

// --today pins the archive date (tests, or backdating an import done late).
bool resolveToday(const Args& args, std::string& today, std::ostream& err) {
  today = args.getOr("--today", "");
  if (today.empty()) {
    today = todayUtc();
    return true;
  }
  if (today.size() != 10 || !parseDate(today)) {
    err << "safequest-cli roster: --today must be a date such as 2026-09-01\n";
    return false;
  }
  return true;
}

std::unique_ptr<ResultsStore> openStore(const Args& args, std::ostream& err) {
  std::string error;
  auto store =
      ResultsStore::open(args.getOr("--data", defaultDataDir()), error, recordsStoreOptions());
  if (!store) {
    err << "safequest-cli roster: " << error << "\n";
  }
  return store;
}

void printProblems(const std::vector<ImportError>& problems, const std::string& prefix,
                   std::ostream& err) {
  for (const ImportError& e : problems) {
    ImportError shown = e;
    shown.file = prefix + e.file;
    err << formatImportError(shown) << "\n";
  }
}

// Pupils of one class shown by one name are accepted (they are different people),
// but a child choosing a tile needs to tell them apart, so the teacher is told: at
// the line of the first such row in this file, else of the file.
void warnNameClashes(const Roster& roster, const ImportResult& incoming, const std::string& prefix,
                     std::ostream& err) {
  for (const NameClash& clash : findNameClashes(roster.pupils)) {
    const SchoolClass* c = roster.findClass(clash.classId);
    const std::string className = c != nullptr ? c->name : std::string();
    ImportError e;
    e.code = Code::CsvDuplicateName;
    e.file = incoming.pupils.empty() ? std::string() : incoming.pupils.front().file;
    for (const ImportedPupil& p : incoming.pupils) {
      const std::string shown = p.initial.empty() ? p.firstName : p.firstName + " " + p.initial;
      if (p.className == className && foldName(shown) == foldName(clash.shownAs)) {
        e.file = p.file;
        e.line = p.line;
        break;
      }
    }
    e.file = prefix + e.file;
    e.message = "class " + className + " has " + std::to_string(clash.pupilIds.size()) +
                " pupils shown as \"" + clash.shownAs +
                "\"; the sign-in screen gives each a picture of their own, and to tell them "
                "apart by name, write their first names differently in the class list (an "
                "alias such as \"" +
                clash.shownAs.substr(0, clash.shownAs.find(' ')) + " Rose\") and import it again";
    err << formatImportError(e) << "\n";
  }
}

int runImport(const Args& args, std::ostream& out, std::ostream& err) {
  if (args.positional().size() != 2) {
    return usage(err, "roster import takes one FILE or DIR");
  }
  const fs::path source = args.positional()[1];
  std::error_code ec;
  const bool isDir = fs::is_directory(source, ec);
  if (!isDir && !fs::exists(source, ec)) {
    err << "safequest-cli roster: " << source.string() << ": no such file or folder\n";
    return 2;
  }
  const std::string format = args.getOr("--format", isDir ? "oneroster" : "mis-csv");
  const bool columnOptions = args.get("--forename-col") || args.get("--surname-col") ||
                             args.get("--class-col") || args.get("--year-col") ||
                             args.get("--id-col");
  if (format != "mis-csv" && format != "oneroster") {
    return usage(err, "--format must be mis-csv or oneroster");
  }
  if (format == "oneroster" && columnOptions) {
    return usage(err, "the --*-col options are for --format mis-csv only");
  }
  if ((format == "oneroster") != isDir) {
    return usage(err, format == "oneroster" ? "a OneRoster import needs a folder"
                                            : "an MIS CSV import needs a file");
  }
  std::string today;
  if (!resolveToday(args, today, err)) {
    return 2;
  }

  const ImportLimits limits;
  ImportResult incoming;
  std::string prefix; // what errors are reported against: the file, or DIR/ for OneRoster
  std::string error;
  bool tooBig = false;
  if (format == "mis-csv") {
    MisCsvOptions options;
    options.fileName = source.string();
    options.forenameColumn = args.getOr("--forename-col", "");
    options.surnameColumn = args.getOr("--surname-col", "");
    options.classColumn = args.getOr("--class-col", "");
    options.yearColumn = args.getOr("--year-col", "");
    options.idColumn = args.getOr("--id-col", "");
    const auto bytes = readLimited(source, limits.maxFileBytes, error, tooBig);
    if (!bytes) {
      err << (tooBig ? "" : "safequest-cli roster: ") << error << "\n";
      return tooBig ? 1 : 2;
    }
    incoming = importMisCsv(*bytes, options);
  } else {
    OneRosterFiles files;
    prefix = (source / "").string();
    for (const auto& [name, target] :
         {std::pair<const char*, std::string*>{"users.csv", &files.users},
          {"classes.csv", &files.classes},
          {"enrollments.csv", &files.enrollments}}) {
      const auto bytes = readLimited(source / name, limits.maxFileBytes, error, tooBig);
      if (!bytes) {
        err << (tooBig ? "" : "safequest-cli roster: ") << error << "\n";
        return tooBig ? 1 : 2;
      }
      *target = *bytes;
    }
    incoming = importOneRoster(files, limits);
  }

  const auto refuse = [&](const std::vector<ImportError>& problems) {
    printProblems(problems, prefix, err);
    err << "safequest-cli roster: import refused (" << problems.size()
        << (problems.size() == 1 ? " problem" : " problems") << "); the class list is unchanged\n";
    return 1;
  };
  // A file that does not read cleanly is refused before the store is even opened.
  if (!incoming.ok()) {
    return refuse(incoming.errors);
  }
  auto store = openStore(args, err);
  if (!store) {
    return 2;
  }
  const MergePlan plan = planReimport(store->loadRoster(), incoming, store->rosterKey(), today);
  if (!plan.ok()) {
    return refuse(plan.conflicts);
  }
  // A pupil erased here stays erased, whatever the file says (results/teacher_trust).
  Roster imported = plan.roster;
  leaveOutErased(imported, heldErasures(*store));
  if (!store->saveRoster(imported, error)) {
    err << "safequest-cli roster: " << error << "\n";
    return 2;
  }
  const MergeSummary& s = plan.summary;
  out << "imported: " << s.added << " added, " << s.updated << " updated, " << s.archived
      << " archived, " << s.unchanged << " unchanged\n";
  if (s.classesAdded > 0) {
    out << "classes: " << s.classesAdded << " added\n";
  }
  if (incoming.hasStaff) {
    out << "staff: " << s.staffAdded << " added, " << s.staffRemoved << " removed\n";
  }
  if (format == "mis-csv") {
    out << "read as " << encodingName(incoming.encoding) << "\n";
  }
  warnNameClashes(plan.roster, incoming, prefix, err);
  return 0;
}

int runList(const Args& args, std::ostream& out, std::ostream& err) {
  if (args.positional().size() != 1) {
    return usage(err, "roster list takes no arguments");
  }
  auto store = openStore(args, err);
  if (!store) {
    return 2;
  }
  const Roster roster = store->loadRoster();
  struct Line {
    std::string className;
    const Pupil* pupil;
  };
  std::vector<Line> lines;
  for (const Pupil& p : roster.pupils) {
    if (!p.archivedOn.empty()) {
      continue;
    }
    const SchoolClass* c = roster.findClass(p.classId);
    lines.push_back({c != nullptr ? c->name : std::string(), &p});
  }
  // Sorted by class, then name: the order a teacher reads a register in. The id
  // breaks ties so the output is the same every time.
  std::sort(lines.begin(), lines.end(), [](const Line& a, const Line& b) {
    return std::tie(a.className, a.pupil->firstName, a.pupil->initial, a.pupil->id) <
           std::tie(b.className, b.pupil->firstName, b.pupil->initial, b.pupil->id);
  });
  for (const Line& l : lines) {
    out << l.pupil->id << '\t' << l.className << '\t' << yearGroupId(l.pupil->yearGroup) << '\t'
        << l.pupil->firstName << '\t' << l.pupil->initial << '\n';
  }
  return 0;
}

int runPromote(const Args& args, std::ostream& out, std::ostream& err) {
  if (args.positional().size() != 1) {
    return usage(err, "roster promote takes no arguments");
  }
  std::string today;
  if (!resolveToday(args, today, err)) {
    return 2;
  }
  auto store = openStore(args, err);
  if (!store) {
    return 2;
  }
  // Moving everyone up twice in one year is a mistake that is easy to make and
  // tedious to undo, so a second run for the same academic year needs --again.
  const Roster current = store->loadRoster();
  const auto date = parseDate(today);
  const int year = date ? academicYearOf(*date) : 0;
  if (year != 0 && current.settings.promotedForYear == year && !args.flag("--again")) {
    err << "safequest-cli roster: the class list has already moved up for " << year << "-"
        << (year + 1) % 100 << "; run with --again to move everyone up once more\n";
    return 1;
  }
  PromoteSummary summary;
  Roster next = promoteYear(current, today, &summary);
  next.settings.promotedForYear = year;
  std::string error;
  if (!store->saveRoster(next, error)) {
    err << "safequest-cli roster: " << error << "\n";
    return 2;
  }
  out << "promoted: " << summary.promoted << " moved up a year, " << summary.left
      << " left (Year 6, archived)\n";
  return 0;
}

// The emblem on each class's sign-in tile: lists them, shows one class's, or sets
// it. The choice is kept with the class list, so the next signed publish takes it
// to every game PC.
int runEmblem(const Args& args, std::ostream& out, std::ostream& err) {
  const auto& pos = args.positional();
  if (pos.size() > 3) {
    return usage(err, "roster emblem takes a class and an emblem");
  }
  auto store = openStore(args, err);
  if (!store) {
    return 2;
  }
  Roster roster = store->loadRoster();
  const auto emblems = classEmblems(roster.classes);
  const auto line = [&](const SchoolClass& c) {
    const auto it = emblems.find(c.id);
    if (it != emblems.end()) {
      out << c.name << '\t' << it->second.id() << '\t' << (it->second.chosen ? "chosen" : "default")
          << '\n';
    }
  };
  if (pos.size() == 1) {
    for (const SchoolClass& c : roster.classes) {
      line(c);
    }
    return 0;
  }
  SchoolClass* target = nullptr;
  for (SchoolClass& c : roster.classes) {
    if (c.name == pos[1]) {
      target = &c;
    }
  }
  if (target == nullptr) {
    err << "safequest-cli roster: no class is called \"" << pos[1] << "\"\n";
    return 1;
  }
  if (pos.size() == 2) {
    line(*target);
    return 0;
  }
  if (pos[2] == "default") {
    target->emblem.clear();
  } else if (auto e = parseClassEmblem(pos[2])) {
    target->emblem = e->id();
  } else {
    std::string pictures;
    std::string colours;
    for (std::string_view p : kEmblemPictures) {
      pictures += (pictures.empty() ? "" : ", ") + std::string(p);
    }
    for (std::string_view c : kEmblemColours) {
      colours += (colours.empty() ? "" : ", ") + std::string(c);
    }
    err << "safequest-cli roster: an emblem is PICTURE/COLOUR, e.g. rocket/blue; pictures: "
        << pictures << "; colours: " << colours << "\n";
    return 1;
  }
  std::string error;
  if (!store->saveRoster(roster, error)) {
    err << "safequest-cli roster: " << error << "\n";
    return 2;
  }
  const SchoolClass saved = *target;
  const auto now = classEmblems(roster.classes);
  if (const auto it = now.find(saved.id); it != now.end()) {
    out << saved.name << '\t' << it->second.id() << '\t'
        << (it->second.chosen ? "chosen" : "default") << '\n';
  }
  return 0;
}

} // namespace

int runRoster(const std::vector<std::string>& argv, std::ostream& out, std::ostream& err) {
  Args args;
  std::string error;
  const std::set<std::string> options = {"--data",        "--format",    "--forename-col",
                                         "--surname-col", "--class-col", "--year-col",
                                         "--id-col",      "--today"};
  if (!args.parse(argv, options, {"--again"}, error)) {
    return usage(err, error);
  }
  if (args.positional().empty()) {
    return usage(err, "missing subcommand");
  }
  const std::string& sub = args.positional().front();
  const bool importOnly = args.get("--format") || args.get("--forename-col") ||
                          args.get("--surname-col") || args.get("--class-col") ||
                          args.get("--year-col") || args.get("--id-col");
  if (sub == "import") {
    return runImport(args, out, err);
  }
  if (importOnly) {
    return usage(err, "--format and the --*-col options are for roster import only");
  }
  if (sub == "list") {
    return runList(args, out, err);
  }
  if (sub == "promote") {
    return runPromote(args, out, err);
  }
  if (sub == "emblem") {
    return runEmblem(args, out, err);
  }
  return usage(err, "unknown subcommand \"" + sub + "\"");
}

} // namespace sq::cli
