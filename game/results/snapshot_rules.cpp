#include "results/snapshot_rules.hpp"

#include "content/json_limits.hpp"
#include "core/utf8.hpp"
#include "results/civil_time.hpp"
#include "results/event_payload.hpp"
#include "results/uuid.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <utility>

namespace sq {

namespace {

struct ExpectedColumn {
  const char* name;
  const char* type; // as ResultsStore::writeEventSnapshot declares it
};

// `CREATE TABLE snap.events AS SELECT * FROM main.events` declares each column by
// its affinity: TEXT, or INT for the store's INTEGER columns. The reader selects
// the columns in this order.
constexpr ExpectedColumn kEventColumns[] = {
    {"uuid", "TEXT"},         {"device_id", "TEXT"},    {"seq", "INT"},
    {"pupil_id", "TEXT"},     {"kind", "TEXT"},         {"pack_id", "TEXT"},
    {"pack_version", "TEXT"}, {"content_hash", "TEXT"}, {"activity_id", "TEXT"},
    {"score", "INT"},         {"max_score", "INT"},     {"choices", "TEXT"},
    {"time_utc", "TEXT"},     {"data", "TEXT"},
};
static_assert(sizeof(kEventColumns) / sizeof(kEventColumns[0]) == kSnapshotColumns);

constexpr ExpectedColumn kMetaColumns[] = {{"key", "TEXT"}, {"value", "TEXT"}};

// Places in kEventColumns.
constexpr std::size_t kPackIdColumn = 5;
constexpr std::size_t kPackVersionColumn = 6;
constexpr std::size_t kContentHashColumn = 7;
constexpr std::size_t kActivityIdColumn = 8;
constexpr std::size_t kScoreColumn = 9;
constexpr std::size_t kMaxScoreColumn = 10;

// Field sizes no row written by SafeQuest comes near.
constexpr std::size_t kMaxIdBytes = 255;
constexpr std::size_t kMaxChoicesBytes = 64 * 1024;
constexpr std::size_t kMaxDataBytes = 1024 * 1024;

// A name from the file, fit to go in a message: short, and printable.
std::string shown(std::string_view name) {
  std::string out;
  for (char c : name.substr(0, 64)) {
    const auto u = static_cast<unsigned char>(c);
    out += u < 0x20 || u == 0x7f ? '?' : c;
  }
  if (name.size() > 64) {
    out += "...";
  }
  return out;
}

std::string upper(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](char c) {
    return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
  });
  return out;
}

// The first `n` words of SQL text, upper-cased, skipping white space and comments,
// so "create /* x */ virtual table" is seen for what it is.
std::vector<std::string> firstWords(std::string_view sql, std::size_t n) {
  std::vector<std::string> words;
  std::size_t i = 0;
  while (i < sql.size() && words.size() < n) {
    const char c = sql[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
      ++i;
    } else if (sql.compare(i, 2, "--") == 0) {
      const auto end = sql.find('\n', i);
      i = end == std::string_view::npos ? sql.size() : end + 1;
    } else if (sql.compare(i, 2, "/*") == 0) {
      const auto end = sql.find("*/", i + 2);
      i = end == std::string_view::npos ? sql.size() : end + 2;
    } else {
      std::size_t j = i;
      while (j < sql.size() &&
             (std::isalnum(static_cast<unsigned char>(sql[j])) != 0 || sql[j] == '_')) {
        ++j;
      }
      if (j == i) {
        break; // not a word: no keyword follows
      }
      words.push_back(upper(sql.substr(i, j - i)));
      i = j;
    }
  }
  return words;
}

bool isVirtualTable(std::string_view sql) {
  const auto words = firstWords(sql, 2);
  return words.size() == 2 && words[0] == "CREATE" && words[1] == "VIRTUAL";
}

bool typeMatches(const std::string& declared, const char* expected) {
  const std::string t = upper(declared);
  // INTEGER has the same (integer) affinity as INT: a store's own CREATE TABLE.
  return t == expected || (std::string_view(expected) == "INT" && t == "INTEGER");
}

// Valid UTF-8 with no control characters: what a pack, version or activity id is.
bool plainText(std::string_view s) {
  if (!isValidUtf8(s)) {
    return false;
  }
  return std::none_of(s.begin(), s.end(), [](char c) {
    const auto u = static_cast<unsigned char>(c);
    return u < 0x20 || u == 0x7f;
  });
}

// The kinds about no one pupil (ResultsStore::record clears a help.asked's pupil,
// and safequest-cli record refuses a pupil for the others).
bool aboutAPupil(EventKind k) {
  return k != EventKind::HelpAsked && k != EventKind::AupClassConfirmed &&
         k != EventKind::AssemblyGiven;
}

// "" or a JSON array of choice ids (text), as makeActivityCompleted writes it.
bool choiceIds(const std::string& choices) {
  if (choices.empty()) {
    return true;
  }
  if (findExcessNesting(choices, 1)) {
    return false;
  }
  const auto j = nlohmann::json::parse(choices, nullptr, false);
  if (j.is_discarded() || !j.is_array()) {
    return false;
  }
  return std::all_of(j.begin(), j.end(), [](const nlohmann::json& v) { return v.is_string(); });
}

std::string scoreProblem(const Event& e) {
  if (!e.score && !e.maxScore) {
    return {};
  }
  // Only a step (a quiz) has a score; nothing else the game records does.
  if (e.kind != EventKind::ActivityCompleted) {
    return "score on an event that has none";
  }
  if (!e.maxScore) {
    return "score without a maximum";
  }
  if (!e.score) {
    return "maximum without a score";
  }
  if (*e.score < 0) {
    return "negative score";
  }
  if (*e.maxScore > kMaxScore) {
    return "maximum above " + std::to_string(kMaxScore);
  }
  if (*e.score > *e.maxScore) {
    return "score above its maximum";
  }
  return {};
}

} // namespace

// ---- the file's schema ----------------------------------------------------------

std::string schemaObjectProblem(const SchemaObject& o) {
  const std::string name = shown(o.name);
  if (o.type == "table") {
    if (isVirtualTable(o.sql)) {
      return "the snapshot has a virtual table named " + name;
    }
    if (o.name == "events" || o.name == "meta") {
      return {};
    }
    return "the snapshot has an extra table named " + name;
  }
  if (o.type == "index") {
    // SQLite's own index for meta's PRIMARY KEY has no SQL, and no one else may
    // give an index that name. The events table is made by CREATE TABLE AS, so it
    // has none: an index on it (even SQLite's own, for a UNIQUE column) is not ours.
    if (o.sql.empty() && o.name.rfind("sqlite_autoindex_meta_", 0) == 0 && o.table == "meta") {
      return {};
    }
    return "the snapshot has an index named " + name;
  }
  if (o.type == "view" || o.type == "trigger") {
    return "the snapshot has a " + o.type + " named " + name;
  }
  return "the snapshot has a " + shown(o.type) + " named " + name;
}

std::string columnsProblem(const std::string& table, const std::vector<DeclaredColumn>& found) {
  const ExpectedColumn* expected = table == "meta" ? kMetaColumns : kEventColumns;
  const std::size_t count = table == "meta" ? std::size(kMetaColumns) : std::size(kEventColumns);
  for (const auto& c : found) {
    if (c.hidden != 0) {
      return "column " + shown(c.name) + " of the table " + table +
             " is generated or hidden, which no snapshot's is";
    }
  }
  const auto isExpected = [&](const std::string& name) {
    return std::any_of(expected, expected + count,
                       [&](const ExpectedColumn& e) { return name == e.name; });
  };
  const auto isFound = [&](const char* name) {
    return std::any_of(found.begin(), found.end(),
                       [&](const DeclaredColumn& c) { return c.name == name; });
  };
  for (std::size_t i = 0; i < std::max(count, found.size()); ++i) {
    if (i >= found.size()) {
      return "the table " + table + " has no column " + expected[i].name;
    }
    const DeclaredColumn& f = found[i];
    if (i >= count || !isExpected(f.name)) {
      return "the table " + table + " has an extra column " + shown(f.name);
    }
    if (f.name != expected[i].name) {
      if (!isFound(expected[i].name)) {
        return "the table " + table + " has no column " + expected[i].name;
      }
      return "the table " + table + " has its columns out of order (" + shown(f.name) + " where " +
             expected[i].name + " belongs)";
    }
    if (!typeMatches(f.type, expected[i].type)) {
      return "column " + f.name + " has type " +
             (f.type.empty() ? std::string("none") : shown(f.type)) + ", where a snapshot's " +
             table + " table has " + expected[i].type;
    }
  }
  return {};
}

// ---- one row --------------------------------------------------------------------

std::string rowProblem(SnapshotRow& row, std::int64_t nowSeconds) {
  Event& e = row.event;
  // Values of the wrong storage class first: a score of 'lots' reads as 0.
  for (std::size_t c = 0; c < kSnapshotColumns; ++c) {
    const ValueType t = row.types[c];
    const char* name = kEventColumns[c].name;
    if (std::string_view(kEventColumns[c].type) == "INT") {
      const bool nullable = c == kScoreColumn || c == kMaxScoreColumn;
      if (t != ValueType::Integer && !(nullable && t == ValueType::Null)) {
        return std::string(name) + " is not a whole number";
      }
    } else if (t != ValueType::Text) {
      return std::string(name) + " is not text";
    }
  }
  const auto kind = parseEventKind(row.kind);
  if (!kind) {
    return "unknown kind";
  }
  e.kind = *kind;
  if (!isUuid(e.uuid)) {
    return "uuid is not a uuid";
  }
  if (!isUuid(e.deviceId)) {
    return "device_id is not a uuid";
  }
  if (e.seq <= 0) {
    return "seq is not positive";
  }
  if (aboutAPupil(e.kind) ? !isUuid(e.pupilId) : !e.pupilId.empty()) {
    return aboutAPupil(e.kind) ? "pupil_id is not a pupil id"
                               : "pupil_id on an event about no pupil";
  }
  for (const auto& [column, value] :
       {std::pair<std::size_t, const std::string*>{kPackIdColumn, &e.packId},
        {kPackVersionColumn, &e.packVersion},
        {kContentHashColumn, &e.contentHash},
        {kActivityIdColumn, &e.activityId}}) {
    if (value->size() > kMaxIdBytes) {
      return std::string(kEventColumns[column].name) + " is too long";
    }
    if (!plainText(*value)) {
      return std::string(kEventColumns[column].name) + " is not plain text";
    }
  }
  // A real calendar time in the stored form, not before SafeQuest and not ahead of
  // this PC's clock by more than a day. The form is fixed-width, so text order is
  // time order.
  if (e.timeUtc.size() != 20 || !parseDate(e.timeUtc)) {
    return "time_utc is not a real time";
  }
  if (e.timeUtc < kEarliestTime) {
    return "time_utc is before 2020";
  }
  if (e.timeUtc > formatUtc(nowSeconds + kMostSecondsAhead)) {
    return "time_utc is more than a day ahead";
  }
  if (std::string why = scoreProblem(e); !why.empty()) {
    return why;
  }
  if (e.choices.size() > kMaxChoicesBytes) {
    return "choices are too long";
  }
  if (!choiceIds(e.choices)) {
    return "choices are not a list of choice ids";
  }
  if (e.data.size() > kMaxDataBytes) {
    return "data is too long";
  }
  // The decoder the register and the reports read the data with.
  const auto payload = decodePayload(e.kind, e.data);
  if (!payload) {
    return "data does not decode";
  }
  if (const auto* help = std::get_if<HelpAskedData>(&*payload)) {
    // A quick-close mark names the press it marks: a real time, not after its own.
    if (help->closedQuickly &&
        (help->askedAt.size() != 20 || !parseDate(help->askedAt) || help->askedAt > e.timeUtc)) {
      return "a quick close that names no earlier press";
    }
    if (!help->closedQuickly && !help->askedAt.empty()) {
      return "askedAt on a help.asked that is not a quick close";
    }
  }
  return {};
}

} // namespace sq
