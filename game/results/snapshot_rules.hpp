// What another PC's snapshot must look like to be read at all, and what each of
// its rows must hold to join the record: the schema a genuine snapshot has (what
// ResultsStore::writeEventSnapshot creates) and the checks on one row, as strict
// as what this PC records itself (ResultsStore::record, the typed events). Pure
// functions over values already read: results/snapshot_reader runs the statements.
// Every problem comes back as a short reason in words ("score above its maximum",
// "the snapshot has a view named events"), never as an exception.
// Depends on: results/event, results/event_payload, results/civil_time, results/uuid,
// core/utf8, content/json_limits, nlohmann_json (inside the .cpp only).
#pragma once

#include "results/event.hpp"

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace sq {

// ---- the file's schema ----------------------------------------------------------

// One row of sqlite_schema.
struct SchemaObject {
  std::string type; // "table", "index", "view", "trigger"
  std::string name;
  std::string table; // tbl_name
  std::string sql;   // empty for SQLite's own indexes
};

// "" when a genuine snapshot may hold the object (the tables events and meta, and
// SQLite's own index for meta's key); otherwise why the file is refused, naming
// what was found: "the snapshot has a view named events".
std::string schemaObjectProblem(const SchemaObject& object);

// One column as PRAGMA table_xinfo reports it.
struct DeclaredColumn {
  std::string name;
  std::string type;
  int hidden = 0; // 0: an ordinary column; otherwise generated or a virtual table's
};

// "" when `table` ("events" or "meta") has exactly the columns a genuine snapshot
// has, in order, with their declared types; otherwise what differs ("the table
// events has no column seq", "column score has type TEXT, not INT").
std::string columnsProblem(const std::string& table, const std::vector<DeclaredColumn>& found);

// ---- one row --------------------------------------------------------------------

// The columns of events, in the order the reader selects them (after the rowid).
inline constexpr std::size_t kSnapshotColumns = 14;

// The storage class of a value, numbered as SQLite numbers them.
enum class ValueType { Integer = 1, Float = 2, Text = 3, Blob = 4, Null = 5 };

// A row as read: the values as an Event (the kind as stored is in `kind`, since
// an unknown one cannot be an EventKind) and each column's storage class.
struct SnapshotRow {
  Event event;
  std::string kind;
  std::array<ValueType, kSnapshotColumns> types{};
};

// The largest score maximum a row may claim: a quiz's maximum is its number of
// items, and a pack's arrays hold at most 1000 (PackLimits::maxArrayItems).
inline constexpr std::int64_t kMaxScore = 1000;
// Events from before this are no school's: SafeQuest did not exist.
inline constexpr const char* kEarliestTime = "2020-01-01T00:00:00Z";
// How far ahead of this PC's clock another PC's may run before its rows are refused.
inline constexpr std::int64_t kMostSecondsAhead = 24 * 60 * 60;

// "" when the row may join the record, and then row.event.kind is set; otherwise a
// reason from a fixed set, so rows can be counted by it: "unknown kind", "score
// above its maximum", "time_utc is more than a day ahead", ... `nowSeconds` is
// this PC's clock (seconds since the Unix epoch).
std::string rowProblem(SnapshotRow& row, std::int64_t nowSeconds);

} // namespace sq
