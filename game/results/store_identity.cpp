// The records store's identity: device id, instance id and home (see
// store_identity.hpp), kept in `meta` under these keys:
//   device_id           the id this store records and publishes under
//   instance_id         random, taken with each device id
//   instance_since      when it was taken (Unix seconds)
//   home                the home fingerprint where the store last opened
//   previous_device_ids the ids it had before, oldest first, separated by spaces
//   local_seq           the last sequence number it gave its own events
#include "results/store_identity.hpp"

#include "core/fnv_hash.hpp"
#include "results/sqlite_statement.hpp"
#include "results/store_meta.hpp"
#include "results/uuid.hpp"

#include <sqlite3.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <limits>
#include <sstream>

#if (defined(__unix__) || defined(__APPLE__)) && !defined(__EMSCRIPTEN__)
#include <unistd.h>
#define SQ_HAS_HOSTNAME 1
#endif

namespace fs = std::filesystem;

namespace sq {

namespace {

std::string readMeta(sqlite3* db, const char* key) {
  return readMetaValue(db, key);
}

// The callers report their own failure, so SQLite's message is not kept.
bool writeMeta(sqlite3* db, const char* key, const std::string& value) {
  std::string ignored;
  return writeMetaValue(db, key, value, "", ignored);
}

// The first line of a small file, or "" (a machine id is 32 hex digits).
std::string firstLine(const char* path) {
  std::ifstream in(path, std::ios::binary);
  std::string line;
  if (!in || !std::getline(in, line) || line.size() > 128) {
    return {};
  }
  while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) {
    line.pop_back();
  }
  return line;
}

} // namespace

std::string machineIdentity() {
  for (const char* file : {"/etc/machine-id", "/var/lib/dbus/machine-id"}) {
    std::string id = firstLine(file);
    if (!id.empty()) {
      return "machine-id:" + id;
    }
  }
#ifdef SQ_HAS_HOSTNAME
  char name[256] = {};
  if (gethostname(name, sizeof name - 1) == 0 && name[0] != '\0') {
    return std::string("host:") + name;
  }
#endif
  return {};
}

std::string homeFingerprint(const std::string& storePath, const StoreOptions& options) {
  Fnv1a64 h;
  if (options.homeFingerprint) {
    h.add("given:");
    h.add(options.homeFingerprint());
    return h.hex();
  }
  std::error_code ec;
  fs::path where = fs::weakly_canonical(fs::absolute(storePath, ec), ec);
  if (ec) {
    where = storePath;
  }
  h.add(machineIdentity());
  h.add(std::string_view("\0", 1));
  h.add(where.generic_string());
  return h.hex();
}

bool ResultsStore::establishIdentity(std::string& error) {
  const std::string home = homeFingerprint(mPath, mOptions);
  // At home and with an instance (every open but the first): nothing to write, so
  // a store on a read-only disk still opens.
  if (readMeta(mDb, "home") == home) {
    mDeviceId = readMeta(mDb, "device_id");
    mInstanceId = readMeta(mDb, "instance_id");
    mInstanceSince = std::atoll(readMeta(mDb, "instance_since").c_str());
    if (!mInstanceId.empty()) {
      return true;
    }
  }
  std::string ignored;
  if (!exec("BEGIN IMMEDIATE", error)) {
    return false;
  }
  // Read inside the transaction: two processes opening one copied store at once
  // must not both take a fresh id.
  const std::string recordedHome = readMeta(mDb, "home");
  mDeviceId = readMeta(mDb, "device_id");
  mInstanceId = readMeta(mDb, "instance_id");
  const std::string since = readMeta(mDb, "instance_since");
  mInstanceSince = std::atoll(since.c_str());
  bool ok = true;
  if (mInstanceId.empty() || recordedHome.empty()) {
    // A new store, or one from before instances: it is at home where it is now.
    if (mInstanceId.empty()) {
      mInstanceId = newUuid();
      mInstanceSince = nowSeconds();
      ok = writeMeta(mDb, "instance_id", mInstanceId) &&
           writeMeta(mDb, "instance_since", std::to_string(mInstanceSince));
    }
    ok = ok && writeMeta(mDb, "home", home);
  } else if (recordedHome != home) {
    // Copied to another PC or restored elsewhere: the copy left behind may still
    // be recording under this device id, so this one takes a fresh id now, before
    // it records anything. Its events so far are history both copies share. The
    // new home is written in the same transaction, so a failure leaves it to the
    // next open to try again.
    mChangedOnOpen = moveToFreshDeviceId(std::numeric_limits<std::int64_t>::max(), error);
    ok = mChangedOnOpen.has_value() && writeMeta(mDb, "home", home);
  }
  if (!ok || !exec("COMMIT", error)) {
    exec("ROLLBACK", ignored);
    error = "cannot write to " + mPath + (error.empty() ? "" : ": " + error);
    mChangedOnOpen.reset();
    return false;
  }
  if (mChangedOnOpen) {
    mDeviceId = mChangedOnOpen->newDeviceId;
    mInstanceId = mChangedOnOpen->newInstanceId;
    mInstanceSince = mChangedOnOpen->since;
  }
  return true;
}

void ResultsStore::reloadIdentity() {
  std::string device = readMeta(mDb, "device_id");
  if (device.empty() || device == mDeviceId) {
    return;
  }
  mDeviceId = std::move(device);
  mInstanceId = readMeta(mDb, "instance_id");
  mInstanceSince = std::atoll(readMeta(mDb, "instance_since").c_str());
}

std::vector<std::string> ResultsStore::previousDeviceIds() const {
  std::istringstream in(readMeta(mDb, "previous_device_ids"));
  std::vector<std::string> out;
  std::string id;
  while (in >> id) {
    out.push_back(id);
  }
  return out;
}

std::int64_t ResultsStore::localSeq() const {
  // A store from before the counter numbers on from its own highest.
  SqlStatement s(mDb, "SELECT COALESCE((SELECT CAST(value AS INTEGER) FROM meta WHERE key = "
                      "'local_seq'), (SELECT COALESCE(MAX(seq), 0) FROM events WHERE "
                      "device_id = ?1))");
  s.bind(1, mDeviceId);
  return s.step() == SQLITE_ROW ? s.integer(0) : 0;
}

std::vector<std::pair<std::int64_t, std::string>> ResultsStore::ownSequence() const {
  SqlStatement s(mDb, "SELECT seq, uuid FROM events WHERE device_id = ? ORDER BY seq");
  s.bind(1, mDeviceId);
  std::vector<std::pair<std::int64_t, std::string>> out;
  while (s.step() == SQLITE_ROW) {
    out.emplace_back(s.integer(0), s.text(1));
  }
  return out;
}

std::optional<DeviceIdChange> ResultsStore::takeFreshDeviceId(std::int64_t renumberFrom,
                                                              std::string& error) {
  std::string ignored;
  if (!exec("BEGIN IMMEDIATE", error)) {
    return std::nullopt;
  }
  if (readMeta(mDb, "device_id") != mDeviceId) {
    exec("ROLLBACK", ignored);
    reloadIdentity();
    error = "the records store took a new device id meanwhile; try again";
    return std::nullopt;
  }
  auto change = moveToFreshDeviceId(renumberFrom, error);
  if (!change || !exec("COMMIT", error)) {
    exec("ROLLBACK", ignored);
    return std::nullopt;
  }
  mDeviceId = change->newDeviceId;
  mInstanceId = change->newInstanceId;
  mInstanceSince = change->since;
  return change;
}

std::optional<DeviceIdChange> ResultsStore::moveToFreshDeviceId(std::int64_t renumberFrom,
                                                                std::string& error) {
  DeviceIdChange change;
  change.previousDeviceId = mDeviceId;
  change.newDeviceId = newUuid();
  change.newInstanceId = newUuid();
  change.since = nowSeconds();
  // The events to move, in their order; each keeps its uuid.
  std::vector<std::string> moving;
  {
    SqlStatement s(mDb, "SELECT uuid FROM events WHERE device_id = ? AND seq >= ? ORDER BY seq");
    s.bind(1, mDeviceId);
    s.bind(2, renumberFrom);
    while (s.step() == SQLITE_ROW) {
      moving.push_back(s.text(0));
    }
  }
  {
    SqlStatement move(mDb, "UPDATE events SET device_id = ?, seq = ? WHERE uuid = ?");
    std::int64_t seq = 0;
    for (const std::string& uuid : moving) {
      move.bind(1, change.newDeviceId);
      move.bind(2, ++seq);
      move.bind(3, uuid);
      if (!move.ok() || move.step() != SQLITE_DONE) {
        error = "could not move this PC's events to its new device id: " +
                std::string(sqlite3_errmsg(mDb));
        return std::nullopt;
      }
      move.reset();
    }
  }
  change.renumbered = static_cast<int>(moving.size());
  std::string previous = readMeta(mDb, "previous_device_ids");
  previous += (previous.empty() ? "" : " ") + mDeviceId;
  if (!writeMeta(mDb, "device_id", change.newDeviceId) ||
      !writeMeta(mDb, "instance_id", change.newInstanceId) ||
      !writeMeta(mDb, "instance_since", std::to_string(change.since)) ||
      !writeMeta(mDb, "local_seq", std::to_string(moving.size())) ||
      !writeMeta(mDb, "previous_device_ids", previous)) {
    error = "could not save the new device id: " + std::string(sqlite3_errmsg(mDb));
    return std::nullopt;
  }
  return change;
}

} // namespace sq
