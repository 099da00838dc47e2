#include "cli/report_command.hpp"

#include "cli/cli_args.hpp"
#include "content/pack_catalog.hpp"
#include "results/aup_print.hpp"
#include "results/civil_time.hpp"
#include "results/register.hpp"
#include "results/report_csv.hpp"
#include "results/report_html.hpp"
#include "results/report_xapi.hpp"
#include "results/results_store.hpp"

#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <unordered_set>

namespace fs = std::filesystem;

namespace sq::cli {

namespace {

constexpr const char* kReportUsage =
    "usage: safequest-cli report --format csv|html|xapi [--class NAME | --year YEAR]\n"
    "                            [--academic-year 2026] [--content DIR] [--names]\n"
    "                            [--homepage URL] [--data DIR]\n"
    "  --year          reception, y1 ... y6 (the pupils' own year group)\n"
    "  --academic-year the year starting 1 September of it (default: the current one)\n"
    "  --content       csv, html: the packs whose units define \"complete\"\n"
    "                  (default: the bundled content)\n"
    "  --names         csv, html: show pupils' names; otherwise an 8-character code\n"
    "  --homepage      xapi: the account home page (default "
    "https://safequest.invalid/pupils)\n"
    "xapi writes one statement per pupil event (lessons, activities, AUP signing); help\n"
    "requests, class, assembly and parent or carer events have no pupil actor and are\n"
    "left out. Statements never carry names.\n";

constexpr const char* kAupUsage =
    "usage: safequest-cli aup-print --phase eyfs|ks1|ks2 [--content DIR]\n";

bool wantsHelp(const std::vector<std::string>& argv) {
  return argv.size() == 1 && (argv[0] == "--help" || argv[0] == "-h");
}

std::string todayUtc() {
  const auto now = std::chrono::duration_cast<std::chrono::seconds>(
                       std::chrono::system_clock::now().time_since_epoch())
                       .count();
  return formatUtc(now);
}

// The packs in a content folder that loaded without errors. Refused packs are
// reported but do not stop the report: the others still define completion.
struct LoadedContent {
  Catalog catalog;
  std::vector<const Pack*> packs;
  std::map<const Pack*, std::string> dirs;
};

bool loadContent(const std::string& dir, const char* command, LoadedContent& content,
                 std::ostream& err, int& status) {
  content.catalog = loadCatalog(dir);
  if (!content.catalog.error.empty()) {
    err << "safequest-cli " << command << ": " << content.catalog.error << "\n";
    status = 2;
    return false;
  }
  for (const CatalogEntry& e : content.catalog.packs) {
    if (e.result.valid()) {
      content.packs.push_back(&*e.result.pack);
      content.dirs[&*e.result.pack] = e.dir;
    } else {
      err << "safequest-cli " << command << ": warning: the pack in " << e.dir
          << " has errors and is not used (run safequest-cli validate " << e.dir << ")\n";
    }
  }
  if (content.packs.empty()) {
    err << "safequest-cli " << command << ": no valid content pack in " << dir << "\n";
    status = 1;
    return false;
  }
  return true;
}

bool parseAcademicYear(const std::string& s, int& year) {
  if (s.size() != 4 || s.find_first_not_of("0123456789") != std::string::npos) {
    return false;
  }
  year = std::stoi(s);
  return year >= 2000 && year <= 2200;
}

} // namespace

int runReport(const std::vector<std::string>& argv, std::ostream& out, std::ostream& err,
              const std::string& defaultContentDir) {
  if (wantsHelp(argv)) {
    out << kReportUsage;
    return 0;
  }
  Args args;
  std::string error;
  const std::set<std::string> options = {"--format",  "--class",    "--year", "--academic-year",
                                         "--content", "--homepage", "--data"};
  if (!args.parse(argv, options, {"--names"}, error) || !args.positional().empty()) {
    err << "safequest-cli report: " << (error.empty() ? "unexpected argument" : error) << "\n"
        << kReportUsage;
    return 2;
  }
  const std::string format = args.getOr("--format", "");
  if (format != "csv" && format != "html" && format != "xapi") {
    err << "safequest-cli report: --format must be csv, html or xapi\n" << kReportUsage;
    return 2;
  }
  if (args.get("--class") && args.get("--year")) {
    err << "safequest-cli report: give --class or --year, not both\n" << kReportUsage;
    return 2;
  }
  if (format == "xapi" && args.flag("--names")) {
    err << "safequest-cli report: xAPI statements never carry names; leave out --names\n";
    return 2;
  }
  RegisterFilter filter;
  if (auto y = args.get("--year")) {
    filter.yearGroup = parseYearGroup(*y);
    if (!filter.yearGroup) {
      err << "safequest-cli report: --year must be reception, y1, y2, y3, y4, y5 or y6\n";
      return 2;
    }
  }
  int academicYear = academicYearOf(*parseDate(todayUtc()));
  if (auto a = args.get("--academic-year"); a && !parseAcademicYear(*a, academicYear)) {
    err << "safequest-cli report: --academic-year must be a year such as 2026 (for 1 September "
           "2026 to 31 August 2027)\n";
    return 2;
  }
  XapiOptions xapi;
  if (auto h = args.get("--homepage")) {
    if (!isXapiHomePage(*h)) {
      err << "safequest-cli report: --homepage must be an http:// or https:// address\n";
      return 2;
    }
    xapi.homePage = *h;
  }

  // Reports only read: never create an empty records file where none was.
  const std::string dataDir = args.getOr("--data", defaultDataDir());
  std::error_code ec;
  if (!fs::is_regular_file(fs::path(dataDir) / "safequest.sqlite", ec)) {
    err << "safequest-cli report: there are no SafeQuest records in " << dataDir << "\n";
    return 2;
  }
  auto store = ResultsStore::open(dataDir, error);
  if (!store) {
    err << "safequest-cli report: " << error << "\n";
    return 2;
  }
  const Roster roster = store->loadRoster();
  if (auto c = args.get("--class")) {
    const SchoolClass* sc = roster.findClassByName(*c);
    if (sc == nullptr) {
      sc = roster.findClass(*c);
    }
    if (sc == nullptr) {
      err << "safequest-cli report: there is no class \"" << *c << "\" on the class list";
      if (!roster.classes.empty()) {
        err << "; the classes are:";
        for (const SchoolClass& k : roster.classes) {
          err << " \"" << k.name << "\"";
        }
      }
      err << "\n";
      return 1;
    }
    filter.classId = sc->id;
  }

  // The year's events, plus the two kinds that matter whenever they were recorded:
  // erasure tombstones, and assemblies recorded after the day they were given.
  EventFilter range;
  range.fromUtc = academicYearStart(academicYear);
  range.toUtc = academicYearStart(academicYear + 1);
  std::vector<Event> events = store->events(range);
  for (EventKind k : {EventKind::PupilErased, EventKind::AssemblyGiven}) {
    EventFilter f;
    f.kind = k;
    for (Event& e : store->events(f)) {
      if (e.timeUtc < range.fromUtc || e.timeUtc >= range.toUtc) {
        events.push_back(std::move(e));
      }
    }
  }

  // xAPI statements need no pack: the events name their pack and activity.
  LoadedContent content;
  if (format != "xapi") {
    int status = 0;
    if (!loadContent(args.getOr("--content", defaultContentDir), "report", content, err, status)) {
      return status;
    }
  }
  const Register reg = computeRegister(events, roster, content.packs, academicYear, filter);

  if (format == "csv") {
    CsvOptions o;
    o.names = args.flag("--names");
    out << reportCsv(reg, o);
  } else if (format == "html") {
    HtmlReportOptions o;
    o.names = args.flag("--names");
    o.producedOn = todayUtc().substr(0, 10);
    out << reportHtml(reg, o);
  } else {
    out << reportXapi(events, reg, xapi);
  }
  out.flush();
  if (!out) {
    err << "safequest-cli report: the report could not be written\n";
    return 2;
  }
  return 0;
}

int runAupPrint(const std::vector<std::string>& argv, std::ostream& out, std::ostream& err,
                const std::string& defaultContentDir) {
  if (wantsHelp(argv)) {
    out << kAupUsage;
    return 0;
  }
  Args args;
  std::string error;
  if (!args.parse(argv, {"--phase", "--content"}, {}, error) || !args.positional().empty()) {
    err << "safequest-cli aup-print: " << (error.empty() ? "unexpected argument" : error) << "\n"
        << kAupUsage;
    return 2;
  }
  const auto phase = parseAupPhase(args.getOr("--phase", ""));
  if (!phase) {
    err << "safequest-cli aup-print: --phase must be eyfs, ks1 or ks2\n" << kAupUsage;
    return 2;
  }
  LoadedContent content;
  int status = 0;
  const std::string dir = args.getOr("--content", defaultContentDir);
  if (!loadContent(dir, "aup-print", content, err, status)) {
    return status;
  }
  const Pack* pack = nullptr;
  const Aup* aup = findAupForPhase(content.packs, *phase, &pack);
  if (aup == nullptr) {
    err << "safequest-cli aup-print: no pack in " << dir << " has an AUP for "
        << aupPhaseName(*phase) << "\n";
    return 1;
  }
  AupPrintOptions options;
  options.readAsset = packAssetReader(content.dirs[pack]);
  out << aupPrintHtml(*pack, *aup, options);
  out.flush();
  if (!out) {
    err << "safequest-cli aup-print: the page could not be written\n";
    return 2;
  }
  return 0;
}

} // namespace sq::cli
