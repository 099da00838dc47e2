// Sections:
//   1. shared helpers: opening the store, numbers, the school folder, the year
//   2. record: one event from the command line
//   3. the school folder: publish and merge
//   4. privacy: erase, export-pupil, retention
//   5. the butterfly button: every press, quick closes said
#include "cli/records_command.hpp"

#include "cli/cli_args.hpp"
#include "cli/teacher_key_command.hpp"
#include "play/recorder.hpp"
#include "results/civil_time.hpp"
#include "results/class_records.hpp"
#include "results/event_payload.hpp"
#include "results/privacy.hpp"
#include "results/results_store.hpp"
#include "results/school_folder.hpp"
#include "results/teacher_trust.hpp"
#include "results/uuid.hpp"
#include "settings/pupil_settings.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <map>
#include <set>
#include <type_traits>

namespace sq::cli {

// ---- shared helpers ----

namespace {

std::unique_ptr<ResultsStore> openStore(const Args& args, std::ostream& err) {
  std::string error;
  auto store =
      ResultsStore::open(args.getOr("--data", defaultDataDir()), error, recordsStoreOptions());
  if (!store) {
    err << "safequest-cli: " << error << "\n";
  }
  return store;
}

std::optional<std::int64_t> parseInt(const std::string& s) {
  if (s.empty() || s.size() > 12) {
    return std::nullopt;
  }
  char* end = nullptr;
  const long long v = std::strtoll(s.c_str(), &end, 10);
  if (end == nullptr || *end != '\0') {
    return std::nullopt;
  }
  return v;
}

// --school-folder, else the machine configuration's school folder, else "".
std::string schoolFolderFor(const Args& args) {
  if (auto f = args.get("--school-folder")) {
    return *f;
  }
  return machineConfig().schoolFolder.value_or("");
}

bool needsPupil(EventKind k) {
  return k != EventKind::HelpAsked && k != EventKind::AupClassConfirmed &&
         k != EventKind::AssemblyGiven;
}

int currentAcademicYear() {
  const auto now = std::chrono::duration_cast<std::chrono::seconds>(
                       std::chrono::system_clock::now().time_since_epoch())
                       .count();
  return academicYearOf(*parseDate(formatUtc(now)));
}

} // namespace

// ---- record ----

int runRecord(const std::vector<std::string>& argv, std::ostream& out, std::ostream& err) {
  Args args;
  std::string error;
  const std::set<std::string> options = {
      "--data",         "--pupil",     "--kind",  "--pack",     "--pack-version",
      "--content-hash", "--activity",  "--score", "--max",      "--choices",
      "--aup-version",  "--phase",     "--class", "--assembly", "--presenter",
      "--year-groups",  "--signed-by", "--staff", "--step",     "--date",
      "--time"};
  if (!args.parse(argv, options, {"--whole-class"}, error) || !args.positional().empty()) {
    err << "safequest-cli record: " << (error.empty() ? "unexpected argument" : error) << "\n"
        << "usage: safequest-cli record --kind KIND [--pupil ID] [--pack P --activity A "
           "--score N --max M] [kind-specific options] [--data DIR]\n";
    return 2;
  }
  const auto kindName = args.get("--kind");
  const auto kind = kindName ? parseEventKind(*kindName) : std::nullopt;
  if (!kind) {
    err << "safequest-cli record: --kind must be one of: ";
    for (auto k : allEventKinds()) {
      err << eventKindId(k) << " ";
    }
    err << "\n";
    return 2;
  }
  if (*kind == EventKind::PupilErased) {
    // A tombstone is signed with the teacher's key: only `erase` writes one.
    err << "safequest-cli record: pupil.erased is written by safequest-cli erase, with the "
           "teacher PIN\n";
    return 1;
  }
  EventDraft d;
  d.kind = *kind;
  d.pupilId = args.getOr("--pupil", "");
  if (needsPupil(*kind) && !isUuid(d.pupilId)) {
    err << "safequest-cli record: " << eventKindId(*kind)
        << " needs --pupil with a pupil id (a lowercase uuid)\n";
    return 1;
  }
  if (!needsPupil(*kind) && !d.pupilId.empty()) {
    err << "safequest-cli record: " << eventKindId(*kind) << " is never about one pupil\n";
    return 1;
  }
  d.packId = args.getOr("--pack", "");
  d.packVersion = args.getOr("--pack-version", "");
  d.contentHash = args.getOr("--content-hash", "");
  d.activityId = args.getOr("--activity", args.getOr("--assembly", ""));
  for (const auto& [flag, target] :
       {std::pair<const char*, std::optional<std::int64_t>*>{"--score", &d.score},
        {"--max", &d.maxScore}}) {
    if (auto v = args.get(flag)) {
      *target = parseInt(*v);
      if (!*target || **target < 0) {
        err << "safequest-cli record: " << flag << " must be a whole number, not \"" << *v
            << "\"\n";
        return 1;
      }
    }
  }
  if (d.score && d.maxScore && *d.score > *d.maxScore) {
    err << "safequest-cli record: --score is more than --max\n";
    return 1;
  }
  if (auto c = args.get("--choices")) {
    const auto j = nlohmann::json::parse(*c, nullptr, false);
    if (j.is_discarded() || !j.is_array()) {
      err << "safequest-cli record: --choices must be a JSON array such as [\"keep\",\"tell\"]\n";
      return 1;
    }
    d.choices = j.dump();
  }
  // The kind-specific options become the kind's typed payload; an option the kind
  // has no field for is refused rather than stored where nothing reads it.
  static const std::map<std::string, std::set<EventKind>> kFieldsOf = {
      {"--aup-version",
       {EventKind::AupSigned, EventKind::AupClassConfirmed, EventKind::AupParentAgreed,
        EventKind::AupParentWithdrawn}},
      {"--phase",
       {EventKind::AupSigned, EventKind::AupClassConfirmed, EventKind::AupParentAgreed,
        EventKind::AupParentWithdrawn}},
      {"--class",
       {EventKind::LessonCompleted, EventKind::AupSigned, EventKind::AupClassConfirmed,
        EventKind::AupParentAgreed, EventKind::AupParentWithdrawn, EventKind::HelpAsked}},
      {"--whole-class", {EventKind::LessonCompleted, EventKind::AupSigned}},
      {"--signed-by", {EventKind::AupSigned}},
      {"--staff", {EventKind::AupClassConfirmed}},
      {"--presenter", {EventKind::AssemblyGiven}},
      {"--year-groups", {EventKind::AssemblyGiven}},
      {"--date", {EventKind::AssemblyGiven}},
      {"--step", {EventKind::ActivityCompleted, EventKind::LessonProgress}},
  };
  for (const auto& [flag, kinds] : kFieldsOf) {
    const bool given = flag == "--whole-class" ? args.flag(flag) : args.get(flag).has_value();
    if (given && kinds.count(*kind) == 0) {
      err << "safequest-cli record: " << flag << " is not recorded for " << eventKindId(*kind)
          << "\n";
      return 1;
    }
  }
  std::optional<AupPhase> phase;
  if (auto p = args.get("--phase")) {
    phase = parseAupPhase(*p);
    if (!phase) {
      err << "safequest-cli record: --phase must be eyfs, ks1 or ks2\n";
      return 1;
    }
  }
  std::optional<SignedBy> signedBy;
  if (auto s = args.get("--signed-by")) {
    signedBy = parseSignedBy(*s);
    if (!signedBy) {
      err << "safequest-cli record: --signed-by must be pupil or teacher\n";
      return 1;
    }
  }
  if (auto date = args.get("--date"); date && (date->size() != 10 || !parseDate(*date))) {
    err << "safequest-cli record: --date must be YYYY-MM-DD\n";
    return 1;
  }
  std::vector<YearGroup> yearGroups;
  if (auto years = args.get("--year-groups")) {
    std::size_t pos = 0;
    while (pos <= years->size()) {
      std::size_t comma = years->find(',', pos);
      if (comma == std::string::npos) {
        comma = years->size();
      }
      const std::string y = years->substr(pos, comma - pos);
      const auto parsed = parseYearGroup(y);
      if (!parsed) {
        err << "safequest-cli record: \"" << y << "\" is not a year group (reception, y1 ... y6)\n";
        return 1;
      }
      yearGroups.push_back(*parsed);
      pos = comma + 1;
    }
  }
  const std::string classId = args.getOr("--class", "");
  const std::string aupVersion = args.getOr("--aup-version", "");
  const bool wholeClass = args.flag("--whole-class");
  EventPayload payload = emptyPayload(*kind);
  std::visit(
      [&](auto& p) {
        using P = std::decay_t<decltype(p)>;
        if constexpr (std::is_same_v<P, ActivityCompletedData>) {
          p.step = args.getOr("--step", "");
        } else if constexpr (std::is_same_v<P, LessonCompletedData>) {
          p = {wholeClass, classId};
        } else if constexpr (std::is_same_v<P, AupSignedData>) {
          p = {aupVersion, phase, classId, signedBy, wholeClass};
        } else if constexpr (std::is_same_v<P, AupClassConfirmedData>) {
          p = {classId, aupVersion, phase, args.getOr("--staff", ""), {}};
        } else if constexpr (std::is_same_v<P, AssemblyGivenData>) {
          std::sort(yearGroups.begin(), yearGroups.end());
          yearGroups.erase(std::unique(yearGroups.begin(), yearGroups.end()), yearGroups.end());
          p = {args.getOr("--date", ""), yearGroups, args.getOr("--presenter", "")};
        } else if constexpr (std::is_same_v<P, AupParentAgreedData> ||
                             std::is_same_v<P, AupParentWithdrawnData>) {
          p = {classId, aupVersion, phase};
        } else if constexpr (std::is_same_v<P, LessonProgressData>) {
          p.step = args.getOr("--step", "");
        } else if constexpr (std::is_same_v<P, HelpAskedData>) {
          p.classId = classId;
        }
      },
      payload);
  if (*kind == EventKind::AupSigned && (aupVersion.empty() || !phase)) {
    err << "safequest-cli record: aup.signed needs --aup-version and --phase\n";
    return 1;
  }
  if ((*kind == EventKind::HelpAsked || *kind == EventKind::AupClassConfirmed) && classId.empty()) {
    err << "safequest-cli record: " << eventKindId(*kind) << " needs --class\n";
    return 1;
  }
  if (*kind == EventKind::AssemblyGiven && d.activityId.empty()) {
    err << "safequest-cli record: assembly.given needs --assembly\n";
    return 1;
  }
  if (auto t = args.get("--time")) {
    if (t->size() != 20 || !parseDate(*t)) {
      err << "safequest-cli record: --time must be YYYY-MM-DDThh:mm:ssZ\n";
      return 1;
    }
    d.timeUtc = *t;
  }
  setPayload(d, payload);
  const bool completesNothing =
      *kind == EventKind::LessonCompleted && (d.packId.empty() || d.activityId.empty());
  auto store = openStore(args, err);
  if (!store) {
    return 2;
  }
  // The same path as every recorded action in the game: the recorder over the store.
  StoreSink sink(*store);
  Recorder recorder(sink);
  std::string uuid;
  sink.onSaved = [&](const Event& e) { uuid = e.uuid; };
  const Recorder::Id id = recorder.submit(std::move(d));
  if (recorder.state(id) != Recorder::State::Saved) {
    err << "safequest-cli record: not saved: " << recorder.lastError() << "\n";
    return 2;
  }
  if (completesNothing) {
    err << "safequest-cli record: saved, but a lesson.completed without --pack and --activity "
           "completes no lesson\n";
  }
  // Printed only now: the commit has returned, so the event is on disk.
  out << uuid << std::endl;
  return 0;
}

// ---- the school folder ----

int runPublish(const std::vector<std::string>& argv, std::ostream& out, std::ostream& err) {
  Args args;
  std::string error;
  if (!args.parse(argv, {"--data", "--school-folder", "--pin"}, {"--no-class-list", "--pin-stdin"},
                  error) ||
      schoolFolderFor(args).empty()) {
    err << "usage: safequest-cli publish [--school-folder DIR] [--pin-stdin | --pin PIN]\n"
           "                             [--no-class-list] [--data DIR]\n"
           "(the school folder defaults to the one in the machine configuration; the class\n"
           "list is signed with the teacher's key, so it is published only with the PIN)\n";
    return 2;
  }
  auto store = openStore(args, err);
  if (!store) {
    return 2;
  }
  std::unique_ptr<TeacherSigner> signer;
  const bool withClassList = !args.flag("--no-class-list");
  const auto pin = withClassList ? pinFromArgs(args, std::cin, false) : std::nullopt;
  if (pin) {
    signer = openTeacherKey(*store, *pin, args.getOr("--data", defaultDataDir()), err,
                            "safequest-cli publish: ");
    if (!signer) {
      return 1;
    }
  }
  const PublishResult r = publish(*store, schoolFolderFor(args), signer.get());
  // Said whether or not the publish went on to succeed: the store has its new id.
  if (store->changedOnOpen() || r.deviceIdChange) {
    out << "this PC's records were copied from another PC; it now publishes as "
        << store->deviceId() << "\n";
  }
  if (!r.ok) {
    err << "safequest-cli publish: " << r.error << "\n";
    return 2;
  }
  out << "published " << r.snapshotPath << "\n";
  if (r.temporariesRemoved > 0) {
    out << "removed " << r.temporariesRemoved
        << " temporary files left in the school folder by interrupted publishes\n";
  }
  if (!r.classListPath.empty()) {
    out << "published " << r.classListPath << " (signed with the teacher key "
        << signer->publicKey() << ")\n";
  } else if (withClassList) {
    out << "the class list was not published: it is signed with the teacher's key, which "
           "needs the teacher PIN (--pin-stdin)\n";
  }
  return 0;
}

int runMerge(const std::vector<std::string>& argv, std::ostream& out, std::ostream& err) {
  Args args;
  std::string error;
  if (!args.parse(argv, {"--data", "--school-folder"}, {}, error) ||
      schoolFolderFor(args).empty()) {
    err << "usage: safequest-cli merge [--school-folder DIR] [--data DIR]\n"
           "(the school folder defaults to the one in the machine configuration)\n"
           "exit status: 0 every snapshot merged cleanly, 1 a snapshot was refused or a\n"
           "conflict waits in quarantine (see `safequest-cli quarantine list`), 2 usage or I/O\n";
    return 2;
  }
  auto store = openStore(args, err);
  if (!store) {
    return 2;
  }
  const MergeResult m = merge(*store, schoolFolderFor(args));
  for (const auto& f : m.files) {
    if (!f.error.empty()) {
      err << f.file << ": refused: " << f.error << "\n";
      continue;
    }
    out << f.file << ": " << f.added << " new events";
    if (f.conflicts > 0) {
      out << ", " << f.conflicts << " in conflict";
    }
    if (f.held > 0) {
      out << ", " << f.held << " held (pupil not on the class list)";
    }
    if (f.skippedRows > 0) {
      out << ", " << f.skippedRows << " malformed rows left out";
      const char* sep = ": ";
      for (const auto& [why, n] : f.skippedReasons) {
        out << sep << n << " " << why;
        sep = ", ";
      }
    }
    out << "\n";
    if (f.conflicts > 0) {
      err << f.file << ": " << f.conflicts
          << " rows clash with another version of their event and are kept aside\n";
    }
  }
  if (!m.ok) {
    err << "safequest-cli merge: " << m.error << "\n";
    return 2;
  }
  out << "merged " << m.added << " new events from " << m.files.size() << " snapshots\n";
  if (m.released > 0) {
    out << m.released << " held rows counted now their pupil is on the class list\n";
  }
  if (m.heldRows > 0) {
    out << m.heldRows << " rows held for pupils not on the class list\n";
  }
  for (const auto& [file, count] : m.quarantineSources) {
    err << file << ": " << count << " versions kept aside in quarantine\n";
  }
  if (m.openConflicts > 0) {
    err << m.openConflicts
        << " versions of clashing events wait in quarantine, none of them counted: see "
           "safequest-cli quarantine list\n";
  }
  if (m.tombstonesRefused > 0) {
    const TrustedKey trusted = trustedTeacherKey(*store);
    err << "safequest-cli merge: " << m.tombstonesRefused
        << " erasures not applied: not signed by the trusted teacher key ("
        << (trusted.key.empty() ? "none is trusted yet on this PC" : trusted.key) << ")\n";
  }
  return m.clean() ? 0 : 1;
}

// ---- privacy ----

int runErase(const std::vector<std::string>& argv, std::ostream& out, std::ostream& err) {
  Args args;
  std::string error;
  if (!args.parse(argv, {"--data", "--pupil", "--pin"}, {"--pin-stdin"}, error) ||
      !args.get("--pupil")) {
    err << "usage: safequest-cli erase --pupil ID [--pin-stdin | --pin PIN] [--data DIR]\n"
           "(the erasure is signed with the teacher's key, which needs the teacher PIN;\n"
           "without --pin it is read from the first line of standard input)\n";
    return 2;
  }
  const std::string id = *args.get("--pupil");
  if (!isUuid(id)) {
    err << "safequest-cli erase: \"" << id << "\" is not a pupil id\n";
    return 1;
  }
  auto store = openStore(args, err);
  if (!store) {
    return 2;
  }
  const auto signer =
      openTeacherKey(*store, *pinFromArgs(args, std::cin, true),
                     args.getOr("--data", defaultDataDir()), err, "safequest-cli erase: ");
  if (!signer) {
    return 1;
  }
  if (!store->erasePupil(id, *signer, error)) {
    err << "safequest-cli erase: " << error << "\n";
    return 2;
  }
  if (!store->logNotCleared().empty()) {
    err << "safequest-cli erase: erased, but " << store->logNotCleared() << "\n";
  }
  // The pupil's own settings file (text size, font...) goes too.
  if (!removePupilPreferences(args.getOr("--data", defaultDataDir()), id, error)) {
    err << "safequest-cli erase: the records are erased, but " << error << "\n";
    return 2;
  }
  out << "erased " << id << "\n";
  return 0;
}

int runExportPupil(const std::vector<std::string>& argv, std::ostream& out, std::ostream& err) {
  Args args;
  std::string error;
  if (!args.parse(argv, {"--data", "--pupil"}, {}, error) || !args.get("--pupil")) {
    err << "usage: safequest-cli export-pupil --pupil ID [--data DIR]\n";
    return 2;
  }
  auto store = openStore(args, err);
  if (!store) {
    return 2;
  }
  // The pupil's preferences file is held about them too, so it goes in the export.
  PupilFilesHeld held;
  if (const auto path =
          pupilSettingsPath(args.getOr("--data", defaultDataDir()), *args.get("--pupil"))) {
    std::error_code ec;
    if (std::filesystem::is_regular_file(*path, ec)) {
      // The game writes at most 4 KiB there; a huge file is not read into memory.
      if (std::filesystem::file_size(*path, ec) > 1024 * 1024 || ec) {
        err << "safequest-cli export-pupil: " << *path << " is too large to be preferences\n";
        return 2;
      }
      std::ifstream in(*path, std::ios::binary);
      held.preferences = std::string(std::istreambuf_iterator<char>(in), {});
      if (!in) {
        err << "safequest-cli export-pupil: cannot read " << *path << "\n";
        return 2;
      }
    }
  }
  const auto json = exportPupilJson(*store, *args.get("--pupil"), held);
  if (!json) {
    err << "safequest-cli export-pupil: no pupil " << *args.get("--pupil")
        << " in the class list\n";
    return 1;
  }
  out << *json << "\n";
  return 0;
}

int runRetention(const std::vector<std::string>& argv, std::ostream& out, std::ostream& err) {
  Args args;
  std::string error;
  if (!args.parse(argv, {"--data", "--academic-year", "--set-years", "--pin"}, {"--pin-stdin"},
                  error)) {
    err << "usage: safequest-cli retention [--set-years N] [--academic-year YEAR]\n"
           "                               [--pin-stdin | --pin PIN] [--data DIR]\n"
           "(erasing pupils who left before the kept years needs the teacher PIN)\n";
    return 2;
  }
  // Checked before anything changes, so a refused run changes nothing.
  const int current = currentAcademicYear();
  int year = current;
  if (auto y = args.get("--academic-year")) {
    const auto n = parseInt(*y);
    if (!n || *n < 2000 || *n > 2200) {
      err << "safequest-cli retention: --academic-year must be a year such as 2026\n";
      return 1;
    }
    // A year still to come would count this year's records as old and delete them:
    // a typo (2027 for 2026) must never cost a school a year of records.
    if (*n > current) {
      err << "safequest-cli retention: --academic-year " << *n << " has not started yet (this is "
          << current << "-" << (current + 1) % 100
          << "); retention is applied for the current year or an earlier one, and never deletes "
             "this year's records\n";
      return 1;
    }
    year = static_cast<int>(*n);
  }
  auto store = openStore(args, err);
  if (!store) {
    return 2;
  }
  // A retention set by IT in the machine configuration wins over the store's own.
  const auto itYears = machineConfig().retentionYears;
  if (itYears && args.get("--set-years")) {
    err << "safequest-cli retention: retention is set to " << *itYears
        << " years in the machine configuration; ask IT to change it there\n";
    return 1;
  }
  if (itYears) {
    Roster roster = store->loadRoster();
    if (roster.settings.retentionYears != *itYears) {
      roster.settings.retentionYears = *itYears;
      if (!store->saveRoster(roster, error)) {
        err << "safequest-cli retention: " << error << "\n";
        return 2;
      }
    }
  }
  if (auto years = args.get("--set-years")) {
    const auto n = parseInt(*years);
    if (!n || *n < 1 || *n > 10) {
      err << "safequest-cli retention: --set-years must be 1 to 10\n";
      return 1;
    }
    Roster roster = store->loadRoster();
    roster.settings.retentionYears = static_cast<int>(*n);
    if (!store->saveRoster(roster, error)) {
      err << "safequest-cli retention: " << error << "\n";
      return 2;
    }
  }
  std::unique_ptr<TeacherSigner> signer;
  if (const auto pin = pinFromArgs(args, std::cin, false)) {
    signer = openTeacherKey(*store, *pin, args.getOr("--data", defaultDataDir()), err,
                            "safequest-cli retention: ");
    if (!signer) {
      return 1;
    }
  }
  const int removed = store->applyRetention(year, signer.get(), error);
  if (removed < 0) {
    err << "safequest-cli retention: " << error << "\n";
    return 2;
  }
  if (!store->logNotCleared().empty()) {
    err << "safequest-cli retention: applied, but " << store->logNotCleared() << "\n";
  }
  out << "kept " << store->loadRoster().settings.retentionYears << " academic years; removed "
      << removed << " older events\n";
  return 0;
}

// ---- the butterfly button ----

int runButterfly(const std::vector<std::string>& argv, std::ostream& out, std::ostream& err) {
  Args args;
  std::string error;
  if (!args.parse(argv, {"--data", "--class"}, {}, error)) {
    err << "usage: safequest-cli butterfly [--class ID|NAME] [--data DIR]\n";
    return 2;
  }
  auto store = openStore(args, err);
  if (!store) {
    return 2;
  }
  const Roster roster = store->loadRoster();
  const auto className = [&](const std::string& id) {
    const SchoolClass* c = roster.findClass(id);
    return c != nullptr ? c->name : id;
  };
  const std::string only = args.getOr("--class", "");
  EventFilter f;
  f.kind = EventKind::HelpAsked;
  // Every press, oldest first; a quick close (left within kQuickCloseSeconds with
  // nothing chosen) is said on its press, so a slip reads differently from a real
  // request and neither is hidden.
  int shown = 0;
  for (const HelpPress& p : helpPresses(store->events(f))) {
    if (!only.empty() && p.classId != only && className(p.classId) != only) {
      continue;
    }
    out << p.timeUtc << "  " << className(p.classId) << "  ";
    if (p.closedQuickly) {
      out << "closed quickly (left within " << kQuickCloseSeconds << " s with nothing chosen, at "
          << p.closedAt << ")\n";
    } else {
      out << "asked for help\n";
    }
    ++shown;
  }
  if (shown == 0) {
    out << "no presses of the butterfly button\n";
  }
  return 0;
}

} // namespace sq::cli
