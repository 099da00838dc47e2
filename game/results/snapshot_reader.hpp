// Reads one published snapshot (results/<device-id>.sqlite in the school folder) a
// page of rows at a time, so a merge can spread a big file over many frames. The
// file is outside data, written by anyone: it is opened read-only and immutable,
// its header is checked before SQLite reads it, its schema is checked (exactly the
// tables and columns a genuine snapshot has: no views, triggers, virtual tables or
// extra tables) before any row is read, its size in rows is checked before the
// rows are, and every row is checked as strictly as this PC's own records
// (results/snapshot_rules) before it is handed on. Every statement on it runs
// under the caller's deadline and all of them together under a time budget for
// the file (sqlite3_progress_handler), so a hostile file cannot hold the caller.
// Depends on: results/event, results/snapshot_rules, sqlite3 (inside the .cpp only).
#pragma once

#include "results/event.hpp"

#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace sq {

// What the school folder's readers accept, and the clock rows are judged by.
//
// The sizes are what a real PC could publish over the longest retention, with a
// wide margin. A snapshot holds every event in its PC's store, merged ones too, so
// the teacher's PC publishes the whole school's. A large primary school has 630
// pupils (three classes of 30 in each of seven year groups). A lesson of the core
// pack has at most 4 steps and records about 15 events (a completed step and a
// saved place for each step and choice, then the badge); a pupil meets 2 to 4
// lessons and an AUP a year. 160 events a pupil a year is five times that, and
// over ten years (the longest retention a school may set) makes
// 630 x 160 x 10 = 1,008,000 events: maxEvents. A stored row is 150 to 600 bytes
// (three uuids, a time, ids, a payload of at most a few KiB for a lesson's saved
// place), so 1,000,000 rows fit in 512 MiB: maxFileBytes, and maxBytesRead (the
// values read from one file, whatever its pages claim). A five-million-row file is
// refused when it is opened, from its size or its last rowid, before a row is read.
// maxReadTime is the time SQLite may spend on one file over all its pages: reading
// 512 MiB at a school network's 20 MB/s takes 26 s; a file slower than that is
// given up as too slow rather than hold the merge for ever.
struct SnapshotLimits {
  std::uint64_t maxFileBytes = 512ull * 1024 * 1024;
  std::size_t maxEvents = 1'000'000;
  std::uint64_t maxBytesRead = 512ull * 1024 * 1024;
  std::chrono::milliseconds maxReadTime{30'000};
  std::size_t maxFiles = 2000;
  std::uint64_t maxClassListBytes = 8ull * 1024 * 1024;
  // This PC's clock, in seconds since the Unix epoch: a row more than a day ahead
  // of it is refused. Empty: the system clock. Tests pin it.
  std::function<std::int64_t()> now;
};

class SnapshotReader {
public:
  using Clock = std::chrono::steady_clock;

  SnapshotReader() = default;
  ~SnapshotReader();
  SnapshotReader(const SnapshotReader&) = delete;
  SnapshotReader& operator=(const SnapshotReader&) = delete;

  // Checks the file's size and header, opens it, and checks its identity, schema
  // and row count. The statements this runs are given up at `deadline` (nullopt:
  // no deadline); checks the deadline cut short are finished by the first
  // readPage, before any row is read. False with error() set when the file is
  // refused (refused() is then true).
  bool open(const std::string& path, const SnapshotLimits& limits,
            std::optional<Clock::time_point> deadline);

  enum class Page {
    More,        // rows were read; there may be more
    Done,        // the whole events table has been read
    Refused,     // the file is refused whole: error() says why
    Interrupted, // the deadline came first; nothing was consumed, ask again
  };
  // Appends up to `maxRows` checked events to `out`, resuming after the last row
  // read. On Interrupted and Refused, `out` and the counters are as before the call.
  Page readPage(int maxRows, std::optional<Clock::time_point> deadline, std::vector<Event>& out);

  bool refused() const { return !mError.empty(); }
  const std::string& error() const { return mError; }
  std::int64_t rowsRead() const { return mRowsRead; }
  int skippedRows() const { return mSkippedRows; }
  // The rows left out so far, counted by why (results/snapshot_rules' reasons, such
  // as "score above its maximum"); the counts add up to skippedRows().
  const std::map<std::string, int>& skippedReasons() const { return mSkippedReasons; }
  std::uint64_t bytesRead() const { return mBytesRead; }

private:
  static int onProgress(void* self);
  void close();
  // Runs a statement step (or a prepare, which may read the schema) counting its
  // time against the file's budget.
  template <typename F> int timed(F&& f);
  // The checks after the header, in order, each under the deadline: SQLITE_OK when
  // the file passed, SQLITE_INTERRUPT when time ran out (with mError set when the
  // file's own time budget is spent), anything else with mError set. runChecks
  // resumes at the first check not yet passed.
  int runChecks();
  int checkIdentity();
  int checkSchema();
  int checkColumns(const char* table);
  int checkRowCount();
  static constexpr int kChecks = 6; // the five above and preparing the page statement

  sqlite3* mDb = nullptr;
  sqlite3_stmt* mPage = nullptr;
  std::optional<Clock::time_point> mDeadline;
  SnapshotLimits mLimits;
  int mChecksDone = 0;
  std::int64_t mNow = 0;
  // SQLite's time on this file so far, and when the statement running began.
  Clock::duration mSpent{};
  Clock::time_point mStepStart{};
  bool mTooSlow = false;
  std::uint64_t mBytesRead = 0;
  std::map<std::string, int> mSkippedReasons;
  std::int64_t mLastRowid = 0;
  bool mStarted = false;
  std::int64_t mRowsRead = 0;
  std::size_t mAccepted = 0;
  int mSkippedRows = 0;
  bool mDone = false;
  std::string mError;
};

} // namespace sq
