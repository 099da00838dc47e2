// Sections:
//   1. the header: limits, messages and the check of the file's first 100 bytes
//   2. closing and timing: the deadline and the file's time budget
//   3. the schema: objects, columns and the row count, before any row
//   4. opening: the checks in order
//   5. reading pages: rows checked and handed on, or left out with a reason
#include "results/snapshot_reader.hpp"

#include "results/snapshot_rules.hpp"

#include <sqlite3.h>

#include <array>
#include <filesystem>
#include <fstream>
#include <limits>

namespace fs = std::filesystem;

namespace sq {

namespace {

// ---- the header ---------------------------------------------------------------------

// 'SQES', as in the records store.
constexpr int kApplicationId = 0x53514553;

// The largest value SQLite may hand back from a snapshot. A legitimate row holds at
// most 1 MiB of data and 64 KiB of choices; reading one value is a single step of
// SQLite's machine that the progress handler cannot interrupt, so a larger value is
// refused before it is read rather than read and then thrown away.
constexpr int kMaxValueBytes = 2 * 1024 * 1024;

// How often (in SQLite machine instructions) the deadline is checked: about every
// few tens of microseconds.
constexpr int kProgressInstructions = 1000;

const char* const kCutOff =
    "the snapshot is damaged or cut off; it will be merged when it is published again";
const char* const kForeign = "not a SafeQuest snapshot (or it is damaged)";

std::string text(sqlite3_stmt* s, int col) {
  const auto* p = sqlite3_column_text(s, col);
  return p ? std::string(reinterpret_cast<const char*>(p),
                         static_cast<std::size_t>(sqlite3_column_bytes(s, col)))
           : std::string();
}

std::uint32_t bigEndian32(const unsigned char* p) {
  return (std::uint32_t{p[0]} << 24) | (std::uint32_t{p[1]} << 16) | (std::uint32_t{p[2]} << 8) |
         std::uint32_t{p[3]};
}

// A copy cut off part-way is recognised from the header, which records the
// database's size in pages: a file shorter than that was cut off. This costs one
// read of 100 bytes, where an integrity check reads the whole file in a single
// statement that no deadline could split. Damage inside the pages that are read
// is still found by SQLite while reading, and refuses the file whole.
std::string checkHeader(const std::string& path, std::uint64_t size) {
  std::array<unsigned char, 100> h{};
  std::ifstream in(path, std::ios::binary);
  if (size < h.size() || !in.read(reinterpret_cast<char*>(h.data()), h.size())) {
    return kForeign;
  }
  static const char kMagic[16] = "SQLite format 3";
  for (std::size_t i = 0; i < 16; ++i) {
    if (h[i] != static_cast<unsigned char>(kMagic[i])) {
      return kForeign;
    }
  }
  std::uint32_t pageSize = (std::uint32_t{h[16]} << 8) | h[17];
  if (pageSize == 1) {
    pageSize = 65536;
  }
  if (pageSize < 512 || pageSize > 65536 || (pageSize & (pageSize - 1)) != 0) {
    return kForeign;
  }
  if (size % pageSize != 0) {
    return kCutOff;
  }
  const std::uint32_t changeCounter = bigEndian32(&h[24]);
  const std::uint32_t pages = bigEndian32(&h[28]);
  const std::uint32_t validFor = bigEndian32(&h[92]);
  // The page count is only kept by SQLite 3.7.0 and later; it is valid when the
  // change counter matches the version that wrote it.
  if (pages != 0 && changeCounter == validFor && size < std::uint64_t{pages} * pageSize) {
    return kCutOff;
  }
  return {};
}

} // namespace

// ---- closing and timing -------------------------------------------------------------

SnapshotReader::~SnapshotReader() {
  close();
}

void SnapshotReader::close() {
  sqlite3_finalize(mPage);
  mPage = nullptr;
  sqlite3_close(mDb);
  mDb = nullptr;
}

int SnapshotReader::onProgress(void* self) {
  auto* r = static_cast<SnapshotReader*>(self);
  const auto now = Clock::now();
  if (r->mSpent + (now - r->mStepStart) >= r->mLimits.maxReadTime) {
    r->mTooSlow = true;
    return 1;
  }
  return r->mDeadline && now >= *r->mDeadline ? 1 : 0;
}

template <typename F> int SnapshotReader::timed(F&& f) {
  mStepStart = Clock::now();
  const int rc = f();
  mSpent += Clock::now() - mStepStart;
  return rc;
}

namespace {

// A statement on the snapshot, finalized however the check ends.
struct Statement {
  sqlite3_stmt* s = nullptr;
  ~Statement() { sqlite3_finalize(s); }
};

static_assert(static_cast<int>(ValueType::Integer) == SQLITE_INTEGER &&
              static_cast<int>(ValueType::Float) == SQLITE_FLOAT &&
              static_cast<int>(ValueType::Text) == SQLITE_TEXT &&
              static_cast<int>(ValueType::Blob) == SQLITE_BLOB &&
              static_cast<int>(ValueType::Null) == SQLITE_NULL);

std::string tooSlow(const SnapshotLimits& limits) {
  const auto ms = limits.maxReadTime.count();
  return "the snapshot took more than " +
         (ms % 1000 == 0 ? std::to_string(ms / 1000) + " s" : std::to_string(ms) + " ms") +
         " to read, and is refused as too slow";
}

} // namespace

// ---- the schema ---------------------------------------------------------------------

int SnapshotReader::checkSchema() {
  Statement q;
  int rc = timed([&] {
    return sqlite3_prepare_v2(mDb, "SELECT type, name, tbl_name, sql FROM sqlite_schema", -1, &q.s,
                              nullptr);
  });
  bool events = false;
  bool meta = false;
  while (rc == SQLITE_OK || rc == SQLITE_ROW) {
    rc = timed([&] { return sqlite3_step(q.s); });
    if (rc != SQLITE_ROW) {
      break;
    }
    SchemaObject o{text(q.s, 0), text(q.s, 1), text(q.s, 2), text(q.s, 3)};
    mError = schemaObjectProblem(o);
    if (!mError.empty()) {
      return SQLITE_ERROR;
    }
    events = events || (o.type == "table" && o.name == "events");
    meta = meta || (o.type == "table" && o.name == "meta");
  }
  if (rc != SQLITE_DONE) {
    return rc;
  }
  if (!events || !meta) {
    mError = std::string("the snapshot has no table named ") + (events ? "meta" : "events");
    return SQLITE_ERROR;
  }
  return SQLITE_OK;
}

int SnapshotReader::checkColumns(const char* table) {
  {
    // A WITHOUT ROWID table could not be read by rowid; the schema's SQL says
    // "table" for a virtual table, but SQLite itself knows.
    Statement q;
    const std::string sql = "PRAGMA main.table_list(" + std::string(table) + ")";
    int rc = timed([&] { return sqlite3_prepare_v2(mDb, sql.c_str(), -1, &q.s, nullptr); });
    if (rc == SQLITE_OK) {
      rc = timed([&] { return sqlite3_step(q.s); });
    }
    if (rc == SQLITE_DONE) {
      mError = "the snapshot has no table named " + std::string(table);
      return SQLITE_ERROR;
    }
    if (rc != SQLITE_ROW) {
      return rc;
    }
    // schema, name, type, ncol, wr, strict
    const std::string type = text(q.s, 2);
    if (type != "table") {
      mError = "the snapshot's " + std::string(table) + " is a " + type + ", not a table";
      return SQLITE_ERROR;
    }
    if (sqlite3_column_int(q.s, 4) != 0) {
      mError = "the snapshot's " + std::string(table) + " table is WITHOUT ROWID";
      return SQLITE_ERROR;
    }
  }
  Statement q;
  const std::string sql = "PRAGMA main.table_xinfo(" + std::string(table) + ")";
  int rc = timed([&] { return sqlite3_prepare_v2(mDb, sql.c_str(), -1, &q.s, nullptr); });
  std::vector<DeclaredColumn> columns;
  // More columns than any snapshot has need not all be read to be refused.
  while ((rc == SQLITE_OK || rc == SQLITE_ROW) && columns.size() <= kSnapshotColumns) {
    rc = timed([&] { return sqlite3_step(q.s); });
    if (rc == SQLITE_ROW) {
      // cid, name, type, notnull, dflt_value, pk, hidden
      columns.push_back({text(q.s, 1), text(q.s, 2), sqlite3_column_int(q.s, 6)});
    }
  }
  if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
    return rc;
  }
  mError = columnsProblem(table, columns);
  return mError.empty() ? SQLITE_OK : SQLITE_ERROR;
}

int SnapshotReader::checkRowCount() {
  // The first and last rowids come from the ends of the table's b-tree, so this
  // costs a few page reads however many rows there are. A genuine snapshot numbers
  // its rows from 1 without gaps (they are inserted into a new table), so the last
  // rowid is the row count.
  Statement q;
  int rc = timed([&] {
    return sqlite3_prepare_v2(mDb, "SELECT min(rowid), max(rowid) FROM events", -1, &q.s, nullptr);
  });
  if (rc == SQLITE_OK) {
    rc = timed([&] { return sqlite3_step(q.s); });
  }
  if (rc != SQLITE_ROW) {
    return rc; // an aggregate always has its row: this is an error
  }
  if (sqlite3_column_type(q.s, 0) == SQLITE_NULL) {
    return SQLITE_OK; // no rows
  }
  const std::int64_t first = sqlite3_column_int64(q.s, 0);
  const std::int64_t last = sqlite3_column_int64(q.s, 1);
  if (first < 1) {
    mError = "the snapshot's rows are numbered from " + std::to_string(first) + ", not from 1";
    return SQLITE_ERROR;
  }
  if (static_cast<std::uint64_t>(last) > mLimits.maxEvents) {
    mError = "the snapshot holds more events than the limit of " +
             std::to_string(mLimits.maxEvents) + " (its last row is number " +
             std::to_string(last) + ")";
    return SQLITE_ERROR;
  }
  return SQLITE_OK;
}

int SnapshotReader::checkIdentity() {
  {
    Statement q;
    int rc =
        timed([&] { return sqlite3_prepare_v2(mDb, "PRAGMA application_id", -1, &q.s, nullptr); });
    if (rc == SQLITE_OK) {
      rc = timed([&] { return sqlite3_step(q.s); });
    }
    if (rc == SQLITE_INTERRUPT) {
      return rc;
    }
    if (rc != SQLITE_ROW || sqlite3_column_int(q.s, 0) != kApplicationId) {
      mError = kForeign;
      return SQLITE_ERROR;
    }
  }
  // Text is read as UTF-8; a UTF-16 file's would be converted, and grow.
  Statement q;
  int rc = timed([&] { return sqlite3_prepare_v2(mDb, "PRAGMA encoding", -1, &q.s, nullptr); });
  if (rc == SQLITE_OK) {
    rc = timed([&] { return sqlite3_step(q.s); });
  }
  if (rc != SQLITE_ROW) {
    return rc;
  }
  if (text(q.s, 0) != "UTF-8") {
    mError = "the snapshot's text is " + text(q.s, 0) + ", where SafeQuest writes UTF-8";
    return SQLITE_ERROR;
  }
  return SQLITE_OK;
}

int SnapshotReader::runChecks() {
  while (mChecksDone < kChecks) {
    int rc = SQLITE_OK;
    switch (mChecksDone) {
    case 0:
      rc = checkIdentity();
      break;
    case 1:
      // A view, trigger or virtual table could run anything when read, and an
      // extra table or column is not ours.
      rc = checkSchema();
      break;
    case 2:
      rc = checkColumns("events");
      break;
    case 3:
      rc = checkColumns("meta");
      break;
    case 4:
      rc = checkRowCount();
      break;
    default: {
      // Rows are read in rowid order, a page at a time, resuming after the last
      // rowid, so each page costs the same however far into the file it is.
      const char* sql =
          "SELECT rowid, uuid, device_id, seq, pupil_id, kind, pack_id, pack_version, "
          "content_hash, activity_id, score, max_score, choices, time_utc, data FROM events "
          "WHERE rowid >= ?1 ORDER BY rowid LIMIT ?2";
      rc = timed([&] { return sqlite3_prepare_v2(mDb, sql, -1, &mPage, nullptr); });
      break;
    }
    }
    if (rc == SQLITE_INTERRUPT) {
      if (mTooSlow) {
        mError = tooSlow(mLimits);
      }
      return rc;
    }
    if (rc != SQLITE_OK) {
      if (mError.empty()) {
        mError = std::string("not a SafeQuest snapshot: ") + sqlite3_errmsg(mDb);
      }
      return rc;
    }
    ++mChecksDone;
  }
  return SQLITE_OK;
}

// ---- opening ------------------------------------------------------------------------

bool SnapshotReader::open(const std::string& path, const SnapshotLimits& limits,
                          std::optional<Clock::time_point> deadline) {
  close();
  mLimits = limits;
  mError.clear();
  mSpent = {};
  mTooSlow = false;
  mNow = limits.now ? limits.now()
                    : std::chrono::duration_cast<std::chrono::seconds>(
                          std::chrono::system_clock::now().time_since_epoch())
                          .count();
  std::error_code ec;
  const auto size = fs::file_size(path, ec);
  if (ec) {
    mError = "cannot read: " + ec.message();
    return false;
  }
  if (size > limits.maxFileBytes) {
    mError = "the file is " + std::to_string(size) + " bytes, over the limit of " +
             std::to_string(limits.maxFileBytes);
    return false;
  }
  mError = checkHeader(path, size);
  if (!mError.empty()) {
    return false;
  }
  // immutable=1: SQLite takes no locks and creates no -wal or -shm files on the share.
  const std::string uri = "file:" + path + "?mode=ro&immutable=1";
  if (sqlite3_open_v2(uri.c_str(), &mDb, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, nullptr) !=
      SQLITE_OK) {
    mError = std::string("cannot open: ") + (mDb ? sqlite3_errmsg(mDb) : "out of memory");
    close();
    return false;
  }
  sqlite3_limit(mDb, SQLITE_LIMIT_LENGTH, kMaxValueBytes);
  sqlite3_progress_handler(mDb, kProgressInstructions, &SnapshotReader::onProgress, this);
  mChecksDone = 0;
  mLastRowid = std::numeric_limits<std::int64_t>::min();
  mStarted = false;
  mRowsRead = 0;
  mAccepted = 0;
  mSkippedRows = 0;
  mSkippedReasons.clear();
  mBytesRead = 0;
  mDone = false;
  // The checks run here as far as the deadline allows; any it cuts short are
  // finished by readPage before it reads a row, so a busy machine stopping one
  // for a moment costs a retry, never the file.
  mDeadline = deadline;
  const int rc = runChecks();
  mDeadline.reset();
  if (rc == SQLITE_OK || (rc == SQLITE_INTERRUPT && mError.empty())) {
    return true;
  }
  close();
  return false;
}

// ---- reading pages ------------------------------------------------------------------

SnapshotReader::Page SnapshotReader::readPage(int maxRows,
                                              std::optional<Clock::time_point> deadline,
                                              std::vector<Event>& out) {
  if (!mError.empty()) {
    return Page::Refused;
  }
  if (mDb != nullptr && mChecksDone < kChecks) {
    // The checks open() had no time for, before any row.
    mDeadline = deadline;
    const int rc = runChecks();
    mDeadline.reset();
    if (rc == SQLITE_INTERRUPT && mError.empty()) {
      return Page::Interrupted;
    }
    if (rc != SQLITE_OK) {
      close();
      return Page::Refused;
    }
  }
  if (mDone || mPage == nullptr) {
    return Page::Done;
  }
  maxRows = maxRows < 1 ? 1 : maxRows;
  const std::size_t outBefore = out.size();
  const std::int64_t readBefore = mRowsRead;
  const std::size_t acceptedBefore = mAccepted;
  const std::uint64_t bytesBefore = mBytesRead;
  // This page's skipped rows, added to the file's once the page is read.
  std::map<std::string, int> skipped;
  auto undo = [&] {
    out.resize(outBefore);
    mRowsRead = readBefore;
    mAccepted = acceptedBefore;
    mBytesRead = bytesBefore;
  };
  auto keepSkipped = [&] {
    for (const auto& [why, n] : skipped) {
      mSkippedReasons[why] += n;
      mSkippedRows += n;
    }
  };
  // A refused file keeps its counters (they are reported) but hands on no rows.
  auto refuse = [&](const std::string& why) {
    mDeadline.reset();
    keepSkipped();
    out.resize(outBefore);
    mError = why;
    close();
    return Page::Refused;
  };
  if (mSpent >= mLimits.maxReadTime) {
    return refuse(tooSlow(mLimits));
  }
  // The next page starts at the rowid after the last one read.
  const std::int64_t from = mStarted ? mLastRowid + 1 : std::numeric_limits<std::int64_t>::min();
  std::int64_t last = mLastRowid;
  bool started = mStarted;
  sqlite3_reset(mPage);
  sqlite3_bind_int64(mPage, 1, from);
  sqlite3_bind_int(mPage, 2, maxRows);
  mDeadline = deadline;
  int rows = 0;
  int rc = SQLITE_ROW;
  while ((rc = timed([&] { return sqlite3_step(mPage); })) == SQLITE_ROW) {
    const std::int64_t rowid = sqlite3_column_int64(mPage, 0);
    // A real table hands rowids back in rising order; anything else could make the
    // paging go round for ever.
    if ((started && rowid <= last) || rowid < from) {
      return refuse(kForeign);
    }
    last = rowid;
    started = true;
    ++rows;
    ++mRowsRead;
    if (static_cast<std::uint64_t>(mRowsRead) > mLimits.maxEvents) {
      return refuse("the snapshot holds more events than the limit of " +
                    std::to_string(mLimits.maxEvents));
    }
    SnapshotRow row;
    for (std::size_t c = 0; c < kSnapshotColumns; ++c) {
      const int col = static_cast<int>(c) + 1;
      row.types[c] = static_cast<ValueType>(sqlite3_column_type(mPage, col));
      mBytesRead += static_cast<std::uint64_t>(sqlite3_column_bytes(mPage, col));
    }
    if (mBytesRead > mLimits.maxBytesRead) {
      return refuse("the snapshot holds more than " + std::to_string(mLimits.maxBytesRead) +
                    " bytes of records");
    }
    Event& e = row.event;
    e.uuid = text(mPage, 1);
    e.deviceId = text(mPage, 2);
    e.seq = sqlite3_column_int64(mPage, 3);
    e.pupilId = text(mPage, 4);
    row.kind = text(mPage, 5);
    e.packId = text(mPage, 6);
    e.packVersion = text(mPage, 7);
    e.contentHash = text(mPage, 8);
    e.activityId = text(mPage, 9);
    if (row.types[9] != ValueType::Null) {
      e.score = sqlite3_column_int64(mPage, 10);
    }
    if (row.types[10] != ValueType::Null) {
      e.maxScore = sqlite3_column_int64(mPage, 11);
    }
    e.choices = text(mPage, 12);
    e.timeUtc = text(mPage, 13);
    e.data = text(mPage, 14);
    // Foreign rows must look exactly like ours before they join the record.
    const std::string why = rowProblem(row, mNow);
    if (!why.empty()) {
      ++skipped[why];
      continue;
    }
    ++mAccepted;
    out.push_back(std::move(e));
  }
  mDeadline.reset();
  if (rc == SQLITE_INTERRUPT) {
    if (mTooSlow) {
      return refuse(tooSlow(mLimits));
    }
    undo();
    sqlite3_reset(mPage);
    return Page::Interrupted;
  }
  if (rc != SQLITE_DONE) {
    const int primary = rc & 0xff;
    return refuse(primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB || primary == SQLITE_IOERR
                      ? std::string(kCutOff)
                      : std::string("the snapshot could not be read to the end: ") +
                            sqlite3_errmsg(mDb));
  }
  keepSkipped();
  mLastRowid = last;
  mStarted = started;
  if (rows < maxRows || (started && last == std::numeric_limits<std::int64_t>::max())) {
    mDone = true;
    close();
    return Page::Done;
  }
  return Page::More;
}

} // namespace sq
