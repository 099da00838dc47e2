#include "results/school_folder.hpp"

#include "content/json_limits.hpp"
#include "core/atomic_file.hpp"
#include "results/civil_time.hpp"
#include "results/class_emblem.hpp"
#include "results/device_claim.hpp"
#include "results/merge_job.hpp"
#include "results/teacher_trust.hpp"
#include "results/uuid.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>

namespace fs = std::filesystem;

namespace sq {

SnapshotRead readSnapshot(const std::string& path, const SnapshotLimits& limits) {
  SnapshotRead r;
  SnapshotReader reader;
  // No frame to keep: a generous deadline per statement, only so a hostile file
  // cannot hold a tool for ever.
  const auto deadline = [] { return SnapshotReader::Clock::now() + std::chrono::seconds(5); };
  const char* const kTooSlow = "the snapshot could not be read in time";
  if (!reader.open(path, limits, deadline())) {
    r.error = reader.refused() ? reader.error() : kTooSlow;
    return r;
  }
  for (;;) {
    const auto page = reader.readPage(1024, deadline(), r.events);
    if (page == SnapshotReader::Page::More) {
      continue;
    }
    if (page == SnapshotReader::Page::Refused || page == SnapshotReader::Page::Interrupted) {
      r.error = page == SnapshotReader::Page::Refused ? reader.error() : kTooSlow;
      r.events.clear();
    }
    break;
  }
  r.skippedRows = reader.skippedRows();
  r.skippedReasons = reader.skippedReasons();
  return r;
}

namespace {

constexpr std::size_t kUuidLength = 36;

// Removes up to options.maxTemporariesRemoved files in `results` that publish
// named and that nobody has written for options.temporaryAge: what killed
// publishes left. Links are never followed, and nothing else is touched.
int removeOrphanedTemporaries(const fs::path& results, const PublishOptions& options) {
  std::error_code ec;
  const auto now = fs::file_time_type::clock::now();
  std::vector<fs::path> orphans;
  std::size_t looked = 0;
  // The folder holds a snapshot per PC; looking further than a few times the
  // merge's limit of files would only slow every publish down.
  const std::size_t lookAtMost = 4 * options.limits.maxFiles + 64;
  for (fs::directory_iterator it(results, ec), end; !ec && it != end; it.increment(ec)) {
    if (++looked > lookAtMost ||
        orphans.size() >= static_cast<std::size_t>(std::max(0, options.maxTemporariesRemoved))) {
      break;
    }
    if (!isPublishTemporaryName(it->path().filename().string())) {
      continue;
    }
    std::error_code fileEc;
    const auto status = it->symlink_status(fileEc);
    if (fileEc || !fs::is_regular_file(status)) {
      continue; // links, folders and anything odd stay
    }
    const auto written = fs::last_write_time(it->path(), fileEc);
    if (fileEc || now - written < options.temporaryAge) {
      continue;
    }
    orphans.push_back(it->path());
  }
  int removed = 0;
  for (const auto& p : orphans) {
    std::error_code fileEc;
    // remove() unlinks a name: were it swapped for a link meanwhile, the link goes,
    // never what it points to.
    if (fs::remove(p, fileEc) && !fileEc) {
      ++removed;
    }
  }
  return removed;
}

} // namespace

bool isPublishTemporaryName(const std::string& name) {
  std::string_view n = name;
  const std::string_view journal = "-journal";
  if (n.size() > journal.size() && n.substr(n.size() - journal.size()) == journal) {
    n.remove_suffix(journal.size());
  }
  const std::string_view tmp = ".tmp";
  return n.size() == 1 + kUuidLength + 1 + kUuidLength + tmp.size() && n[0] == '.' &&
         n[1 + kUuidLength] == '.' && n.substr(n.size() - tmp.size()) == tmp &&
         isUuid(n.substr(1, kUuidLength)) && isUuid(n.substr(2 + kUuidLength, kUuidLength));
}

PublishResult publish(ResultsStore& store, const std::string& schoolFolder,
                      const TeacherSigner* classListSigner, const PublishOptions& options) {
  PublishResult r;
  std::error_code ec;
  const fs::path results = fs::path(schoolFolder) / "results";
  fs::create_directories(results, ec);
  if (ec) {
    r.error = "cannot use the school folder " + schoolFolder + ": " + ec.message();
    return r;
  }
  r.temporariesRemoved = removeOrphanedTemporaries(results, options);
  store.reloadIdentity();
  // What the file this publish would replace claims: it may be another copy's.
  DeviceClaim share;
  std::string why;
  const ClaimRead read =
      readDeviceClaim((results / (store.deviceId() + ".sqlite")).string(), store.deviceId(),
                      options.limits, options.checkTime, share, why);
  if (read == ClaimRead::TooSlow) {
    r.error = "the school folder's copy of this PC's records could not be checked in time (" + why +
              "); it was left as it is";
    return r;
  }
  if (read == ClaimRead::Read) {
    DeviceClaim own;
    own.deviceId = store.deviceId();
    own.instanceId = store.instanceId();
    own.instanceSince = store.instanceSince();
    own.localSeq = store.localSeq();
    own.rows = store.ownSequence();
    const ClaimDecision decision = decideClaim(own, share);
    if (decision.takeFreshId) {
      r.deviceIdChange = store.takeFreshDeviceId(decision.renumberFrom, r.error);
      if (!r.deviceIdChange) {
        return r;
      }
      r.deviceIdReason = decision.reason;
    }
  }
  // A file no merge could read (damaged, foreign) holds nothing to keep: replaced.
  const fs::path target = results / (store.deviceId() + ".sqlite");
  const fs::path tmp = results / ("." + store.deviceId() + "." + newUuid() + ".tmp");
  if (!store.writeEventSnapshot(tmp.string(), r.error)) {
    fs::remove(tmp, ec);
    return r;
  }
  if (!syncToDisk(tmp.string(), false)) {
    r.error = "could not save the snapshot to disk";
    fs::remove(tmp, ec);
    return r;
  }
  fs::rename(tmp, target, ec);
  if (ec) {
    r.error = "could not move the snapshot into place: " + ec.message();
    fs::remove(tmp, ec);
    return r;
  }
  syncToDisk(results.string(), true);
  r.snapshotPath = target.string();
  if (classListSigner != nullptr) {
    const fs::path list = fs::path(schoolFolder) / "classlist.json";
    // Pupils erased here are never published, even if a class list kept them.
    Roster roster = store.loadRoster();
    leaveOutErased(roster, heldErasures(store));
    if (!writeFileAtomically(
            list.string(), signedClassListJson(classListJson(roster), *classListSigner), r.error)) {
      return r;
    }
    r.classListPath = list.string();
  }
  r.ok = true;
  return r;
}

MergeResult merge(ResultsStore& store, const std::string& schoolFolder,
                  const SnapshotLimits& limits) {
  MergeJob job(store, schoolFolder, limits);
  MergeBudget budget;
  budget.time = std::chrono::milliseconds(250);
  budget.rows = 1 << 20;
  while (!job.finished()) {
    job.step(budget);
  }
  MergeResult r = job.result();
  if (r.ok) {
    std::map<std::string, int> sources;
    for (const QuarantineEntry& q : store.quarantine()) {
      ++sources[q.source];
      ++r.openConflicts;
    }
    r.quarantineSources.assign(sources.begin(), sources.end());
    r.heldRows = static_cast<int>(store.heldRows().size());
  }
  return r;
}

bool MergeResult::clean() const {
  if (!ok || openConflicts > 0 || tombstonesRefused > 0) {
    return false;
  }
  for (const auto& f : files) {
    if (!f.error.empty() || f.conflicts > 0) {
      return false;
    }
  }
  return true;
}

std::string classListJson(const Roster& roster) {
  nlohmann::ordered_json j;
  j["format"] = "safequest-classlist/1";
  j["school"] = roster.settings.schoolName;
  // Game PCs show these behind the teacher PIN after the butterfly button.
  j["safeguardingLead"] = roster.settings.safeguardingLead;
  j["incidentSteps"] = roster.settings.incidentSteps;
  j["classes"] = nlohmann::ordered_json::array();
  for (const auto& c : roster.classes) {
    nlohmann::ordered_json cls = {{"id", c.id}, {"name", c.name}};
    if (!c.emblem.empty()) {
      cls["emblem"] = c.emblem; // the teacher's choice reaches every game PC, signed
    }
    if (!c.picturePasswordRemoved.empty()) {
      cls["picturePasswordRemoved"] = c.picturePasswordRemoved; // likewise
    }
    j["classes"].push_back(std::move(cls));
  }
  j["pupils"] = nlohmann::ordered_json::array();
  for (const auto& p : roster.pupils) {
    if (!p.archivedOn.empty()) {
      continue; // game PCs need only pupils on roll
    }
    j["pupils"].push_back({{"id", p.id},
                           {"firstName", p.firstName},
                           {"initial", p.initial},
                           {"classId", p.classId},
                           {"yearGroup", yearGroupId(p.yearGroup)}});
  }
  return j.dump(1);
}

std::optional<Roster> parseClassList(std::string_view bytes, std::string& error,
                                     const SnapshotLimits& limits) {
  if (bytes.size() > limits.maxClassListBytes) {
    error = "the class list is larger than the limit";
    return std::nullopt;
  }
  // The structure is two levels deep; anything much deeper is not ours, and is
  // refused before the parser sees it.
  if (findExcessNesting(bytes, 8)) {
    error = "the class list is nested too deeply";
    return std::nullopt;
  }
  // Parsed without exceptions, and read only through checked accessors (never
  // .value() or .at(), which throw on a wrong type).
  const auto j = nlohmann::json::parse(bytes.begin(), bytes.end(), nullptr, false);
  const auto str = [](const nlohmann::json& o, const char* key) -> std::optional<std::string> {
    auto it = o.find(key);
    if (it == o.end() || !it->is_string() || it->get_ref<const std::string&>().size() > 200) {
      return std::nullopt;
    }
    return it->get<std::string>();
  };
  if (j.is_discarded() || !j.is_object() || str(j, "format") != "safequest-classlist/1") {
    error = "not a SafeQuest class list";
    return std::nullopt;
  }
  Roster r;
  if (auto s = str(j, "school")) {
    r.settings.schoolName = *s;
  }
  if (auto s = str(j, "safeguardingLead")) {
    r.settings.safeguardingLead = *s;
  }
  if (const auto steps = j.find("incidentSteps");
      steps != j.end() && steps->is_array() && steps->size() <= 20) {
    for (const auto& step : *steps) {
      if (step.is_string() && step.get_ref<const std::string&>().size() <= 500) {
        r.settings.incidentSteps.push_back(step.get<std::string>());
      }
    }
  }
  const auto classes = j.find("classes");
  const auto pupils = j.find("pupils");
  if (classes == j.end() || !classes->is_array() || pupils == j.end() || !pupils->is_array() ||
      classes->size() > 500 || pupils->size() > 50000) {
    error = "the class list has no valid classes and pupils";
    return std::nullopt;
  }
  for (const auto& c : *classes) {
    auto id = c.is_object() ? str(c, "id") : std::nullopt;
    auto name = c.is_object() ? str(c, "name") : std::nullopt;
    if (!id || !name || !isUuid(*id) || name->empty()) {
      error = "a class in the class list is malformed";
      return std::nullopt;
    }
    SchoolClass cls{*id, *name};
    // An emblem this build does not know is left out: the class gets its default.
    if (auto emblem = str(c, "emblem"); emblem && parseClassEmblem(*emblem)) {
      cls.emblem = *emblem;
    }
    // Only a UTC time as formatUtc writes it ("2026-12-07T09:30:00Z"); else none.
    if (auto removed = str(c, "picturePasswordRemoved");
        removed && removed->size() == 20 && (*removed)[10] == 'T' && removed->back() == 'Z' &&
        parseDate(removed->substr(0, 10))) {
      cls.picturePasswordRemoved = *removed;
    }
    r.classes.push_back(std::move(cls));
  }
  for (const auto& p : *pupils) {
    if (!p.is_object()) {
      error = "a pupil in the class list is malformed";
      return std::nullopt;
    }
    auto id = str(p, "id");
    auto first = str(p, "firstName");
    auto initial = str(p, "initial");
    auto cls = str(p, "classId");
    auto year = str(p, "yearGroup");
    const auto yg = year ? parseYearGroup(*year) : std::nullopt;
    if (!id || !first || !initial || !cls || !yg || !isUuid(*id) || first->empty() ||
        r.findClass(*cls) == nullptr) {
      error = "a pupil in the class list is malformed";
      return std::nullopt;
    }
    Pupil pupil;
    pupil.id = *id;
    pupil.firstName = *first;
    pupil.initial = *initial;
    pupil.classId = *cls;
    pupil.yearGroup = *yg;
    r.pupils.push_back(std::move(pupil));
  }
  return r;
}

} // namespace sq
