// The queue of statements for a school's xAPI learning record store, kept in the
// records store: every completed lesson and signed AUP waits until the store's
// `xapi_sent` table settles it by the event's uuid as sent, already there, or
// parked (refused by the LRS, with why). Nothing is copied: the events are the
// queue, so an erased pupil's events leave it with them. The retry schedule
// (failures in a row, next try, last problem) is kept in `meta`.
// `xapi_sent` is made by the first outbox opened on a store (CREATE TABLE IF NOT
// EXISTS), not by a records-version step: a store that never sends has none, and
// builds that know nothing of it open the store unchanged.
// Depends on: results/results_store, results/event, results/sqlite_statement,
// results/store_meta, results/civil_time, sqlite3.
#pragma once

#include "results/event.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace sq {

class ResultsStore;

enum class XapiOutcome { Sent, AlreadyThere, Parked };

struct XapiParked {
  std::string uuid;
  std::string reason;
  std::string atUtc;
};

struct XapiRetryState {
  int failures = 0;         // failed sends in a row
  std::int64_t nextTry = 0; // Unix seconds; 0 for "now"
  std::string lastProblem;  // why the last send failed, "" after a success
};

// The kinds that are sent: what a school's LRS is for (the rest stays in reports).
bool isXapiQueued(EventKind kind);

class XapiOutbox {
public:
  // Makes the table when the store has none; ready() says whether that worked.
  explicit XapiOutbox(ResultsStore& store);
  bool ready() const { return mProblem.empty(); }
  const std::string& problem() const { return mProblem; }

  // The waiting events, oldest first, at most `limit`.
  std::vector<Event> waiting(std::size_t limit) const;
  std::int64_t waitingCount() const;
  // Settles the events, in one transaction. Once settled, an event is never
  // offered again (a second settle of the same uuid changes nothing).
  bool settle(const std::vector<std::string>& uuids, XapiOutcome outcome, const std::string& reason,
              std::string& error);
  std::int64_t count(XapiOutcome outcome) const;
  std::vector<XapiParked> parked() const;
  // Parked events wait again (after the school fixed what the LRS refused).
  bool unpark(std::string& error);

  XapiRetryState retryState() const;
  bool setRetryState(const XapiRetryState& state, std::string& error);

private:
  ResultsStore& mStore;
  std::string mProblem;
};

} // namespace sq
