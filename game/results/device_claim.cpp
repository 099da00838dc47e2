#include "results/device_claim.hpp"

#include "results/sqlite_statement.hpp"
#include "results/uuid.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <filesystem>

namespace fs = std::filesystem;

namespace sq {

namespace {

// As the snapshot reader: a meta value or uuid is short; anything longer is refused
// before SQLite reads it.
constexpr int kMaxValueBytes = 64 * 1024;

struct Deadline {
  std::chrono::steady_clock::time_point at;
  static int onProgress(void* self) {
    return std::chrono::steady_clock::now() >= static_cast<Deadline*>(self)->at ? 1 : 0;
  }
};

struct Db {
  sqlite3* db = nullptr;
  ~Db() { sqlite3_close(db); }
};

std::int64_t toInt(const std::string& s) {
  if (s.empty() || s.size() > 18 ||
      !std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return 0;
  }
  return std::stoll(s);
}

std::int64_t top(const DeviceClaim& c) {
  return std::max(c.localSeq, c.rows.empty() ? std::int64_t{0} : c.rows.back().first);
}

} // namespace

ClaimRead readDeviceClaim(const std::string& path, const std::string& deviceId,
                          const SnapshotLimits& limits,
                          std::chrono::steady_clock::duration timeLimit, DeviceClaim& claim,
                          std::string& error) {
  claim = DeviceClaim{};
  std::error_code ec;
  if (!fs::exists(fs::symlink_status(path, ec))) {
    return ClaimRead::Missing;
  }
  Deadline deadline{std::chrono::steady_clock::now() + timeLimit};
  {
    // The same checks the merge makes before it reads a row.
    SnapshotReader reader;
    if (!reader.open(path, limits, deadline.at)) {
      error = reader.error();
      return reader.refused() ? ClaimRead::Refused : ClaimRead::TooSlow;
    }
  }
  Db db;
  const std::string uri = "file:" + path + "?mode=ro&immutable=1";
  if (sqlite3_open_v2(uri.c_str(), &db.db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, nullptr) !=
      SQLITE_OK) {
    error = "cannot open it";
    return ClaimRead::Refused;
  }
  sqlite3_limit(db.db, SQLITE_LIMIT_LENGTH, kMaxValueBytes);
  sqlite3_progress_handler(db.db, 1000, &Deadline::onProgress, &deadline);
  auto prepared = [&](const SqlStatement& s) {
    return s.ok() ? SQLITE_OK : sqlite3_errcode(db.db);
  };
  // Each statement ends in one of three ways: done, out of time, or refused.
  auto failed = [&](int rc, const char* why) {
    if (rc == SQLITE_INTERRUPT) {
      error = "it could not be read in time";
      return ClaimRead::TooSlow;
    }
    error = why;
    return ClaimRead::Refused;
  };
  {
    // Real tables only: a view could answer anything, for ever.
    SqlStatement s(db.db, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN "
                          "('meta', 'events')");
    const int rc = s.ok() ? s.step() : prepared(s);
    if (rc != SQLITE_ROW) {
      return failed(rc, "it cannot be read");
    }
    if (sqlite3_column_int(s.get(), 0) != 2) {
      return failed(SQLITE_ERROR, "it is not a SafeQuest snapshot");
    }
  }
  {
    SqlStatement s(db.db, "SELECT key, value FROM meta WHERE key IN ('device_id', 'instance_id', "
                          "'instance_since', 'local_seq')");
    int rc = prepared(s);
    while (rc == SQLITE_OK || rc == SQLITE_ROW) {
      rc = s.step();
      if (rc != SQLITE_ROW) {
        break;
      }
      const std::string key = s.text(0);
      const std::string value = s.text(1);
      if (key == "device_id") {
        claim.deviceId = value;
      } else if (key == "instance_id") {
        claim.instanceId = isUuid(value) ? value : "?";
      } else if (key == "instance_since") {
        claim.instanceSince = toInt(value);
      } else if (key == "local_seq") {
        claim.localSeq = toInt(value);
      }
    }
    if (rc != SQLITE_DONE) {
      return failed(rc, "its meta cannot be read");
    }
  }
  if (claim.deviceId != deviceId) {
    return failed(SQLITE_ERROR, "it names another device");
  }
  {
    SqlStatement s(db.db, "SELECT seq, uuid FROM events WHERE device_id = ?");
    int rc = prepared(s);
    if (rc == SQLITE_OK) {
      s.bind(1, deviceId);
    }
    while (rc == SQLITE_OK || rc == SQLITE_ROW) {
      rc = s.step();
      if (rc != SQLITE_ROW) {
        break;
      }
      if (claim.rows.size() >= limits.maxEvents) {
        return failed(SQLITE_ERROR, "it holds more events than the limit");
      }
      // Rows the merge would leave out (a malformed seq or uuid) claim nothing.
      const std::string uuid = s.text(1);
      if (sqlite3_column_type(s.get(), 0) == SQLITE_INTEGER && isUuid(uuid)) {
        const std::int64_t seq = sqlite3_column_int64(s.get(), 0);
        if (seq > 0) {
          claim.rows.emplace_back(seq, uuid);
        }
      }
    }
    if (rc != SQLITE_DONE) {
      return failed(rc, "its events cannot be read");
    }
  }
  std::sort(claim.rows.begin(), claim.rows.end());
  return ClaimRead::Read;
}

ClaimDecision decideClaim(const DeviceClaim& own, const DeviceClaim& share) {
  ClaimDecision d;
  // The first sequence number the two give to different events: where they parted.
  std::int64_t parted = std::numeric_limits<std::int64_t>::max();
  for (auto a = own.rows.begin(), b = share.rows.begin();
       a != own.rows.end() && b != share.rows.end();) {
    if (a->first < b->first) {
      ++a;
    } else if (b->first < a->first) {
      ++b;
    } else {
      if (a->second != b->second) {
        parted = a->first;
        break;
      }
      ++a;
      ++b;
    }
  }
  const std::int64_t shareTop = top(share);
  const std::int64_t ownTop = top(own);
  // A file from a build before instance ids is taken as this instance's own: its
  // rows and counter still show a copy.
  const bool sameInstance = share.instanceId.empty() || share.instanceId == own.instanceId;
  if (sameInstance) {
    if (parted != std::numeric_limits<std::int64_t>::max()) {
      d.takeFreshId = true;
      d.renumberFrom = parted;
      d.reason = "another PC records under this device id: its events from number " +
                 std::to_string(parted) + " are not this PC's";
    } else if (shareTop > ownTop) {
      d.takeFreshId = true;
      d.renumberFrom = ownTop + 1;
      d.reason = "the school folder holds this device's events up to number " +
                 std::to_string(shareTop) + ", past this PC's " + std::to_string(ownTop) +
                 " (restored from an older copy)";
    }
    return d;
  }
  if (own.instanceSince < share.instanceSince) {
    return d; // the older of the two keeps the id
  }
  d.takeFreshId = true;
  d.renumberFrom = std::min(parted, shareTop + 1);
  d.reason = "another copy of this PC's records, older than this one, publishes under this "
             "device id";
  return d;
}

} // namespace sq
