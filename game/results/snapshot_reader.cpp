#include "results/snapshot_reader.hpp"

#include "results/uuid.hpp"

#include <sqlite3.h>

#include <array>
#include <filesystem>
#include <fstream>
#include <limits>

namespace fs = std::filesystem;

namespace sq {

namespace {

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

bool looksLikeTime(const std::string& t) {
  return t.size() == 20 && t[4] == '-' && t[10] == 'T' && t.back() == 'Z';
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
  const auto& deadline = static_cast<SnapshotReader*>(self)->mDeadline;
  return deadline && Clock::now() >= *deadline ? 1 : 0;
}

bool SnapshotReader::open(const std::string& path, const SnapshotLimits& limits,
                          std::optional<Clock::time_point> deadline) {
  close();
  mLimits = limits;
  mError.clear();
  std::error_code ec;
  const auto size = fs::file_size(path, ec);
  if (ec) {
    mError = "cannot read: " + ec.message();
    return false;
  }
  if (size > limits.maxFileBytes) {
    mError = "the file is " + std::to_string(size) + " bytes, over the limit";
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
  mDeadline = deadline;
  sqlite3_stmt* s = nullptr;
  int rc = sqlite3_prepare_v2(mDb, "PRAGMA application_id", -1, &s, nullptr);
  if (rc == SQLITE_OK) {
    rc = sqlite3_step(s);
  }
  const bool ours = rc == SQLITE_ROW && sqlite3_column_int(s, 0) == kApplicationId;
  sqlite3_finalize(s);
  if (rc == SQLITE_INTERRUPT) {
    mDeadline.reset();
    close();
    return false; // out of time, not refused: the caller may try again
  }
  if (!ours) {
    mDeadline.reset();
    mError = kForeign;
    close();
    return false;
  }
  // Rows are read in rowid order, a page at a time, resuming after the last rowid,
  // so each page costs the same however far into the file it is.
  const char* sql =
      "SELECT rowid, uuid, device_id, seq, pupil_id, kind, pack_id, pack_version, content_hash, "
      "activity_id, score, max_score, choices, time_utc, data FROM events "
      "WHERE rowid >= ?1 ORDER BY rowid LIMIT ?2";
  rc = sqlite3_prepare_v2(mDb, sql, -1, &mPage, nullptr);
  mDeadline.reset();
  if (rc != SQLITE_OK) {
    if (rc != SQLITE_INTERRUPT) {
      mError = std::string("not a SafeQuest snapshot: ") + sqlite3_errmsg(mDb);
    }
    close();
    return false;
  }
  mLastRowid = std::numeric_limits<std::int64_t>::min();
  mStarted = false;
  mRowsRead = 0;
  mAccepted = 0;
  mSkippedRows = 0;
  mDone = false;
  return true;
}

SnapshotReader::Page SnapshotReader::readPage(int maxRows,
                                              std::optional<Clock::time_point> deadline,
                                              std::vector<Event>& out) {
  if (!mError.empty()) {
    return Page::Refused;
  }
  if (mDone || mPage == nullptr) {
    return Page::Done;
  }
  maxRows = maxRows < 1 ? 1 : maxRows;
  const std::size_t outBefore = out.size();
  const std::int64_t readBefore = mRowsRead;
  const std::size_t acceptedBefore = mAccepted;
  const int skippedBefore = mSkippedRows;
  auto undo = [&] {
    out.resize(outBefore);
    mRowsRead = readBefore;
    mAccepted = acceptedBefore;
    mSkippedRows = skippedBefore;
  };
  // A refused file keeps its counters (they are reported) but hands on no rows.
  auto refuse = [&](const std::string& why) {
    out.resize(outBefore);
    mError = why;
    close();
    return Page::Refused;
  };
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
  while ((rc = sqlite3_step(mPage)) == SQLITE_ROW) {
    const std::int64_t rowid = sqlite3_column_int64(mPage, 0);
    // A real table hands rowids back in rising order; anything else (a view, a
    // column named rowid) could make the paging go round for ever.
    if ((started && rowid <= last) || rowid < from) {
      mDeadline.reset();
      return refuse(kForeign);
    }
    last = rowid;
    started = true;
    ++rows;
    ++mRowsRead;
    if (mAccepted >= mLimits.maxEvents) {
      mDeadline.reset();
      return refuse("the snapshot holds more events than the limit");
    }
    Event e;
    e.uuid = text(mPage, 1);
    e.deviceId = text(mPage, 2);
    e.seq = sqlite3_column_int64(mPage, 3);
    e.pupilId = text(mPage, 4);
    const auto kind = parseEventKind(text(mPage, 5));
    e.packId = text(mPage, 6);
    e.packVersion = text(mPage, 7);
    e.contentHash = text(mPage, 8);
    e.activityId = text(mPage, 9);
    if (sqlite3_column_type(mPage, 10) != SQLITE_NULL) {
      e.score = sqlite3_column_int64(mPage, 10);
    }
    if (sqlite3_column_type(mPage, 11) != SQLITE_NULL) {
      e.maxScore = sqlite3_column_int64(mPage, 11);
    }
    e.choices = text(mPage, 12);
    e.timeUtc = text(mPage, 13);
    e.data = text(mPage, 14);
    // Foreign rows must look exactly like ours before they join the record.
    const bool ok = kind && isUuid(e.uuid) && isUuid(e.deviceId) && e.seq > 0 &&
                    (e.pupilId.empty() || isUuid(e.pupilId)) && looksLikeTime(e.timeUtc) &&
                    e.packId.size() < 256 && e.activityId.size() < 256 &&
                    e.choices.size() < 65536 && e.data.size() < 1024 * 1024;
    if (!ok) {
      ++mSkippedRows;
      continue;
    }
    e.kind = *kind;
    ++mAccepted;
    out.push_back(std::move(e));
  }
  mDeadline.reset();
  if (rc == SQLITE_INTERRUPT) {
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
