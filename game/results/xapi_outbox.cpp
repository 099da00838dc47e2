#include "results/xapi_outbox.hpp"

#include "results/civil_time.hpp"
#include "results/results_store.hpp"
#include "results/sqlite_statement.hpp"
#include "results/store_meta.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <cstdlib>

namespace sq {

namespace {

const char* outcomeId(XapiOutcome o) {
  switch (o) {
  case XapiOutcome::Sent:
    return "sent";
  case XapiOutcome::AlreadyThere:
    return "there";
  case XapiOutcome::Parked:
    return "parked";
  }
  return "parked";
}

constexpr const char* kWaitingWhere =
    " FROM events e WHERE e.kind IN (?, ?) AND e.pupil_id <> '' AND NOT EXISTS "
    "(SELECT 1 FROM xapi_sent s WHERE s.uuid = e.uuid)";

void bindQueuedKinds(SqlStatement& s) {
  s.bind(1, std::string(eventKindId(EventKind::LessonCompleted)));
  s.bind(2, std::string(eventKindId(EventKind::AupSigned)));
}

std::int64_t parseInt(const std::string& text) {
  if (text.empty() || text.size() > 18) {
    return 0;
  }
  char* end = nullptr;
  const long long v = std::strtoll(text.c_str(), &end, 10);
  return end != nullptr && *end == '\0' && v > 0 ? v : 0;
}

} // namespace

XapiOutbox::XapiOutbox(ResultsStore& store) : mStore(store) {
  sqlite3* db = mStore.handle();
  if (sqlite3_exec(db,
                   "CREATE TABLE IF NOT EXISTS xapi_sent(uuid TEXT PRIMARY KEY, outcome TEXT NOT "
                   "NULL, reason TEXT NOT NULL DEFAULT '', at_utc TEXT NOT NULL)",
                   nullptr, nullptr, nullptr) != SQLITE_OK) {
    mProblem = std::string("cannot make the xAPI outbox: ") + sqlite3_errmsg(db);
  }
}

bool isXapiQueued(EventKind kind) {
  return kind == EventKind::LessonCompleted || kind == EventKind::AupSigned;
}

std::vector<Event> XapiOutbox::waiting(std::size_t limit) const {
  const std::string sql = std::string("SELECT ") + kEventColumns + kWaitingWhere +
                          " ORDER BY e.time_utc, e.uuid LIMIT ?";
  SqlStatement s(mStore.handle(), sql.c_str());
  bindQueuedKinds(s);
  s.bind(3, static_cast<std::int64_t>(limit));
  std::vector<Event> out;
  while (s.ok() && s.step() == SQLITE_ROW) {
    out.push_back(readEvent(s));
  }
  return out;
}

std::int64_t XapiOutbox::waitingCount() const {
  const std::string sql = std::string("SELECT count(*)") + kWaitingWhere;
  SqlStatement s(mStore.handle(), sql.c_str());
  bindQueuedKinds(s);
  return s.ok() && s.step() == SQLITE_ROW ? s.integer(0) : 0;
}

bool XapiOutbox::settle(const std::vector<std::string>& uuids, XapiOutcome outcome,
                        const std::string& reason, std::string& error) {
  sqlite3* db = mStore.handle();
  if (sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr) != SQLITE_OK) {
    error = std::string("cannot note what was sent: ") + sqlite3_errmsg(db);
    return false;
  }
  const std::string at = formatUtc(mStore.nowSeconds());
  SqlStatement s(db, "INSERT OR IGNORE INTO xapi_sent(uuid, outcome, reason, at_utc) "
                     "VALUES (?, ?, ?, ?)");
  for (const std::string& uuid : uuids) {
    s.reset();
    s.bind(1, uuid);
    s.bind(2, std::string(outcomeId(outcome)));
    s.bind(3, reason);
    s.bind(4, at);
    if (!s.ok() || s.step() != SQLITE_DONE) {
      error = std::string("cannot note what was sent: ") + sqlite3_errmsg(db);
      sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
      return false;
    }
  }
  if (sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr) != SQLITE_OK) {
    error = std::string("cannot note what was sent: ") + sqlite3_errmsg(db);
    sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
    return false;
  }
  return true;
}

std::int64_t XapiOutbox::count(XapiOutcome outcome) const {
  SqlStatement s(mStore.handle(), "SELECT count(*) FROM xapi_sent WHERE outcome = ?");
  s.bind(1, std::string(outcomeId(outcome)));
  return s.ok() && s.step() == SQLITE_ROW ? s.integer(0) : 0;
}

std::vector<XapiParked> XapiOutbox::parked() const {
  SqlStatement s(mStore.handle(), "SELECT uuid, reason, at_utc FROM xapi_sent WHERE outcome = "
                                  "'parked' ORDER BY at_utc, uuid");
  std::vector<XapiParked> out;
  while (s.ok() && s.step() == SQLITE_ROW) {
    out.push_back({s.text(0), s.text(1), s.text(2)});
  }
  return out;
}

bool XapiOutbox::unpark(std::string& error) {
  sqlite3* db = mStore.handle();
  if (sqlite3_exec(db, "DELETE FROM xapi_sent WHERE outcome = 'parked'", nullptr, nullptr,
                   nullptr) != SQLITE_OK) {
    error = std::string("cannot put the parked statements back: ") + sqlite3_errmsg(db);
    return false;
  }
  return true;
}

XapiRetryState XapiOutbox::retryState() const {
  sqlite3* db = mStore.handle();
  XapiRetryState state;
  state.failures =
      static_cast<int>(std::min<std::int64_t>(parseInt(readMetaValue(db, "xapi_failures")), 1000));
  state.nextTry = parseInt(readMetaValue(db, "xapi_next_try"));
  state.lastProblem = readMetaValue(db, "xapi_last_problem");
  return state;
}

bool XapiOutbox::setRetryState(const XapiRetryState& state, std::string& error) {
  sqlite3* db = mStore.handle();
  const std::string what = "cannot note when to send again";
  return writeMetaValue(db, "xapi_failures", std::to_string(state.failures), what, error) &&
         writeMetaValue(db, "xapi_next_try", std::to_string(state.nextTry), what, error) &&
         writeMetaValue(db, "xapi_last_problem", state.lastProblem, what, error);
}

} // namespace sq
