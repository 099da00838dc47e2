// Reads one published snapshot (results/<device-id>.sqlite in the school folder) a
// page of rows at a time, so a merge can spread a big file over many frames. The
// file is outside data: it is opened read-only and immutable, its header is checked
// before SQLite reads it, every row is checked before it is handed on, and every
// statement on it runs under a deadline (sqlite3_progress_handler), so a hostile
// file (a view returning endless rows, a giant value) cannot hold the caller.
// Depends on: results/event, results/uuid, sqlite3 (inside the .cpp only).
#pragma once

#include "results/event.hpp"

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace sq {

struct SnapshotLimits {
  std::uint64_t maxFileBytes = 1024ull * 1024 * 1024;
  std::size_t maxEvents = 5'000'000;
  std::size_t maxFiles = 2000;
  std::uint64_t maxClassListBytes = 8ull * 1024 * 1024;
};

class SnapshotReader {
public:
  using Clock = std::chrono::steady_clock;

  SnapshotReader() = default;
  ~SnapshotReader();
  SnapshotReader(const SnapshotReader&) = delete;
  SnapshotReader& operator=(const SnapshotReader&) = delete;

  // Checks the file's size and header and opens it. The statements this runs are
  // given up at `deadline` (nullopt: no deadline). False with error() set when the
  // file is refused; refused() tells a refusal from running out of time (try again).
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

private:
  static int onProgress(void* self);
  void close();

  sqlite3* mDb = nullptr;
  sqlite3_stmt* mPage = nullptr;
  std::optional<Clock::time_point> mDeadline;
  SnapshotLimits mLimits;
  std::int64_t mLastRowid = 0;
  bool mStarted = false;
  std::int64_t mRowsRead = 0;
  std::size_t mAccepted = 0;
  int mSkippedRows = 0;
  bool mDone = false;
  std::string mError;
};

} // namespace sq
