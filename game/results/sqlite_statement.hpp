// One prepared SQLite statement, finalised when it goes out of scope, with typed
// binds and column reads; and the one way an Event is written to and read from an
// `events` row. Shared by the records store and the school-folder merge, so the two
// can never disagree about a row.
// Depends on: results/event, sqlite3.
#pragma once

#include "results/event.hpp"

#include <sqlite3.h>

#include <cstdint>
#include <optional>
#include <string>

namespace sq {

class SqlStatement {
public:
  // A statement that failed to prepare is not ok(); its steps fail harmlessly.
  SqlStatement(sqlite3* db, const char* sql) { sqlite3_prepare_v2(db, sql, -1, &mStmt, nullptr); }
  ~SqlStatement() { sqlite3_finalize(mStmt); }
  SqlStatement(const SqlStatement&) = delete;
  SqlStatement& operator=(const SqlStatement&) = delete;

  bool ok() const { return mStmt != nullptr; }
  sqlite3_stmt* get() const { return mStmt; }

  void bind(int i, const std::string& s) {
    sqlite3_bind_text(mStmt, i, s.c_str(), static_cast<int>(s.size()), SQLITE_TRANSIENT);
  }
  void bind(int i, std::int64_t v) { sqlite3_bind_int64(mStmt, i, v); }
  void bind(int i, const std::optional<std::int64_t>& v) {
    if (v) {
      sqlite3_bind_int64(mStmt, i, *v);
    } else {
      sqlite3_bind_null(mStmt, i);
    }
  }
  int step() { return sqlite3_step(mStmt); }
  void reset() {
    sqlite3_reset(mStmt);
    sqlite3_clear_bindings(mStmt);
  }

  std::string text(int col) const {
    const auto* p = sqlite3_column_text(mStmt, col);
    return p ? std::string(reinterpret_cast<const char*>(p),
                           static_cast<std::size_t>(sqlite3_column_bytes(mStmt, col)))
             : std::string();
  }
  std::int64_t integer(int col) const { return sqlite3_column_int64(mStmt, col); }
  std::optional<std::int64_t> optInteger(int col) const {
    if (sqlite3_column_type(mStmt, col) == SQLITE_NULL) {
      return std::nullopt;
    }
    return sqlite3_column_int64(mStmt, col);
  }

private:
  sqlite3_stmt* mStmt = nullptr;
};

// The columns of an events row, in the order bindEvent and readEvent use.
inline constexpr const char* kEventColumns =
    "uuid, device_id, seq, pupil_id, kind, pack_id, pack_version, content_hash, activity_id, "
    "score, max_score, choices, time_utc, data";

// Adds an event unless one with its uuid (or device and sequence number) is there.
inline constexpr const char* kInsertEventSql =
    "INSERT OR IGNORE INTO events(uuid, device_id, seq, pupil_id, kind, pack_id, pack_version, "
    "content_hash, activity_id, score, max_score, choices, time_utc, data) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

// Appends this device's own event: a clash with a row already there is an error,
// never silently ignored, so record() cannot report as saved what it did not keep.
inline constexpr const char* kAppendEventSql =
    "INSERT INTO events(uuid, device_id, seq, pupil_id, kind, pack_id, pack_version, "
    "content_hash, activity_id, score, max_score, choices, time_utc, data) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

inline void bindEvent(SqlStatement& s, const Event& e) {
  s.bind(1, e.uuid);
  s.bind(2, e.deviceId);
  s.bind(3, e.seq);
  s.bind(4, e.pupilId);
  s.bind(5, std::string(eventKindId(e.kind)));
  s.bind(6, e.packId);
  s.bind(7, e.packVersion);
  s.bind(8, e.contentHash);
  s.bind(9, e.activityId);
  s.bind(10, e.score);
  s.bind(11, e.maxScore);
  s.bind(12, e.choices);
  s.bind(13, e.timeUtc);
  s.bind(14, e.data);
}

// Reads the kEventColumns of the current row.
inline Event readEvent(const SqlStatement& s) {
  Event e;
  e.uuid = s.text(0);
  e.deviceId = s.text(1);
  e.seq = s.integer(2);
  e.pupilId = s.text(3);
  e.kind = parseEventKind(s.text(4)).value_or(EventKind::ActivityCompleted);
  e.packId = s.text(5);
  e.packVersion = s.text(6);
  e.contentHash = s.text(7);
  e.activityId = s.text(8);
  e.score = s.optInteger(9);
  e.maxScore = s.optInteger(10);
  e.choices = s.text(11);
  e.timeUtc = s.text(12);
  e.data = s.text(13);
  return e;
}

} // namespace sq
