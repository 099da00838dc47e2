#include "results/school_folder.hpp"

#include "content/json_limits.hpp"
#include "core/atomic_file.hpp"
#include "results/uuid.hpp"

#include <nlohmann/json.hpp>
#include <sqlite3.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>

namespace fs = std::filesystem;

namespace sq {

namespace {

std::string text(sqlite3_stmt* s, int col) {
  const auto* p = sqlite3_column_text(s, col);
  return p ? std::string(reinterpret_cast<const char*>(p),
                         static_cast<std::size_t>(sqlite3_column_bytes(s, col)))
           : std::string();
}

bool looksLikeTime(const std::string& t) {
  return t.size() == 20 && t[4] == '-' && t[10] == 'T' && t.back() == 'Z';
}

} // namespace

SnapshotRead readSnapshot(const std::string& path, const SnapshotLimits& limits) {
  SnapshotRead r;
  std::error_code ec;
  const auto size = fs::file_size(path, ec);
  if (ec) {
    r.error = "cannot read: " + ec.message();
    return r;
  }
  if (size > limits.maxFileBytes) {
    r.error = "the file is " + std::to_string(size) + " bytes, over the limit";
    return r;
  }
  // immutable=1: SQLite takes no locks and creates no -wal or -shm files on the share.
  const std::string uri = "file:" + path + "?mode=ro&immutable=1";
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(uri.c_str(), &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, nullptr) !=
      SQLITE_OK) {
    r.error = std::string("cannot open: ") + (db ? sqlite3_errmsg(db) : "out of memory");
    sqlite3_close(db);
    return r;
  }
  auto fail = [&](const std::string& why) {
    r.error = why;
    r.events.clear();
    sqlite3_close(db);
    return r;
  };
  sqlite3_stmt* s = nullptr;
  if (sqlite3_prepare_v2(db, "PRAGMA application_id", -1, &s, nullptr) != SQLITE_OK ||
      sqlite3_step(s) != SQLITE_ROW || sqlite3_column_int(s, 0) != 0x53514553) {
    sqlite3_finalize(s);
    return fail("not a SafeQuest snapshot (or it is damaged)");
  }
  sqlite3_finalize(s);
  // A snapshot cut off mid-file fails the integrity check; refuse it whole.
  if (sqlite3_prepare_v2(db, "PRAGMA quick_check(1)", -1, &s, nullptr) != SQLITE_OK ||
      sqlite3_step(s) != SQLITE_ROW || text(s, 0) != "ok") {
    sqlite3_finalize(s);
    return fail("the snapshot is damaged or cut off; it will be merged when it is published again");
  }
  sqlite3_finalize(s);
  const char* sql =
      "SELECT uuid, device_id, seq, pupil_id, kind, pack_id, pack_version, content_hash, "
      "activity_id, score, max_score, choices, time_utc, data FROM events";
  if (sqlite3_prepare_v2(db, sql, -1, &s, nullptr) != SQLITE_OK) {
    return fail(std::string("not a SafeQuest snapshot: ") + sqlite3_errmsg(db));
  }
  int rc = SQLITE_ROW;
  while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
    if (r.events.size() >= limits.maxEvents) {
      sqlite3_finalize(s);
      return fail("the snapshot holds more events than the limit");
    }
    Event e;
    e.uuid = text(s, 0);
    e.deviceId = text(s, 1);
    e.seq = sqlite3_column_int64(s, 2);
    e.pupilId = text(s, 3);
    const auto kind = parseEventKind(text(s, 4));
    e.packId = text(s, 5);
    e.packVersion = text(s, 6);
    e.contentHash = text(s, 7);
    e.activityId = text(s, 8);
    if (sqlite3_column_type(s, 9) != SQLITE_NULL) {
      e.score = sqlite3_column_int64(s, 9);
    }
    if (sqlite3_column_type(s, 10) != SQLITE_NULL) {
      e.maxScore = sqlite3_column_int64(s, 10);
    }
    e.choices = text(s, 11);
    e.timeUtc = text(s, 12);
    e.data = text(s, 13);
    // Foreign rows must look exactly like ours before they join the record.
    const bool ok = kind && isUuid(e.uuid) && isUuid(e.deviceId) && e.seq > 0 &&
                    (e.pupilId.empty() || isUuid(e.pupilId)) && looksLikeTime(e.timeUtc) &&
                    e.packId.size() < 256 && e.activityId.size() < 256 &&
                    e.choices.size() < 65536 && e.data.size() < 1024 * 1024;
    if (!ok) {
      ++r.skippedRows;
      continue;
    }
    e.kind = *kind;
    r.events.push_back(std::move(e));
  }
  sqlite3_finalize(s);
  if (rc != SQLITE_DONE) {
    return fail(std::string("the snapshot could not be read to the end: ") + sqlite3_errmsg(db));
  }
  sqlite3_close(db);
  return r;
}

PublishResult publish(const ResultsStore& store, const std::string& schoolFolder,
                      bool withClassList) {
  PublishResult r;
  std::error_code ec;
  const fs::path results = fs::path(schoolFolder) / "results";
  fs::create_directories(results, ec);
  if (ec) {
    r.error = "cannot use the school folder " + schoolFolder + ": " + ec.message();
    return r;
  }
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
  if (withClassList) {
    const fs::path list = fs::path(schoolFolder) / "classlist.json";
    if (!writeFileAtomically(list.string(), classListJson(store.loadRoster()), r.error)) {
      return r;
    }
    r.classListPath = list.string();
  }
  r.ok = true;
  return r;
}

MergeResult merge(ResultsStore& store, const std::string& schoolFolder,
                  const SnapshotLimits& limits) {
  MergeResult m;
  const fs::path results = fs::path(schoolFolder) / "results";
  std::error_code ec;
  if (!fs::is_directory(results, ec)) {
    m.error = "no results folder in " + schoolFolder + " (nothing has been published yet)";
    return m;
  }
  std::vector<fs::path> files;
  for (fs::directory_iterator it(results, ec), end; !ec && it != end; it.increment(ec)) {
    const auto name = it->path().filename().string();
    // Temporary files are other devices' publishes in progress: never read them.
    if (name.empty() || name[0] == '.' || it->path().extension() != ".sqlite") {
      continue;
    }
    if (files.size() >= limits.maxFiles) {
      break;
    }
    files.push_back(it->path());
  }
  std::sort(files.begin(), files.end());
  m.ok = true;
  for (const auto& f : files) {
    MergeFileReport rep;
    rep.file = f.filename().string();
    SnapshotRead read = readSnapshot(f.string(), limits);
    rep.skippedRows = read.skippedRows;
    if (!read.error.empty()) {
      rep.error = read.error;
    } else {
      const int added = store.insertForeign(read.events, m.error);
      if (added < 0) {
        m.ok = false;
        m.files.push_back(rep);
        return m;
      }
      rep.added = added;
      m.added += added;
    }
    m.files.push_back(std::move(rep));
  }
  return m;
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
    j["classes"].push_back({{"id", c.id}, {"name", c.name}});
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
    r.classes.push_back({*id, *name});
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

std::optional<Roster> readClassList(const std::string& schoolFolder, std::string& error,
                                    const SnapshotLimits& limits) {
  const fs::path p = fs::path(schoolFolder) / "classlist.json";
  std::error_code ec;
  const auto size = fs::file_size(p, ec);
  if (ec) {
    error = "no class list has been published to " + schoolFolder;
    return std::nullopt;
  }
  if (size > limits.maxClassListBytes) {
    error = "the class list is larger than the limit";
    return std::nullopt;
  }
  std::ifstream in(p, std::ios::binary);
  std::string bytes(static_cast<std::size_t>(size), '\0');
  in.read(bytes.data(), static_cast<std::streamsize>(size));
  if (!in) {
    error = "could not read " + p.string();
    return std::nullopt;
  }
  return parseClassList(bytes, error, limits);
}

} // namespace sq
