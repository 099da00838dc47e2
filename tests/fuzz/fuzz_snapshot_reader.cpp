// libFuzzer target: bytes -> a snapshot file -> SnapshotReader::open and readPage,
// in small pages under a deadline and with small limits, as the merge reads the
// school folder. The seeds are the hostile-snapshot corpus
// (tests/fixtures/hostile-snapshots), built into SQLite files at build time by
// sq_snapshot_seeds. Besides ASan and UBSan, the checks below catch a reader that
// breaks its own contract:
//   - a refused file has a reason;
//   - every row handed on passes the row rules again (they are a pure function);
//   - the skipped rows' reasons add up to skippedRows(), and every row read was
//     either handed on or skipped;
//   - the limits hold: no more rows or bytes than allowed.
// Run: build/asan/tests/fuzz/fuzz_snapshot_reader -max_len=65536 CORPUS_DIR
#include "results/snapshot_reader.hpp"
#include "results/snapshot_rules.hpp"

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include <unistd.h>

namespace {

// 2026-11-01T12:00:00Z, as the corpus expects.
constexpr std::int64_t kNow = 1793534400;

[[noreturn]] void broken(const char* what, const std::string& detail = "") {
  std::fprintf(stderr, "fuzz_snapshot_reader: %s\n", what);
  if (!detail.empty()) {
    std::fprintf(stderr, "  %s\n", detail.c_str());
  }
  std::abort();
}

struct Scratch {
  std::filesystem::path file;
  Scratch() {
    file = std::filesystem::temp_directory_path() /
           ("sq-fuzz-snapshot-" + std::to_string(static_cast<long>(getpid())) + ".sqlite");
  }
  ~Scratch() {
    std::error_code ec;
    std::filesystem::remove(file, ec);
  }
};

sq::SnapshotRow rowOf(const sq::Event& e) {
  sq::SnapshotRow r;
  r.event = e;
  r.kind = std::string(sq::eventKindId(e.kind));
  r.types.fill(sq::ValueType::Text);
  r.types[2] = sq::ValueType::Integer;
  r.types[9] = e.score ? sq::ValueType::Integer : sq::ValueType::Null;
  r.types[10] = e.maxScore ? sq::ValueType::Integer : sq::ValueType::Null;
  return r;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static Scratch scratch;
  {
    std::ofstream out(scratch.file, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  }
  sq::SnapshotLimits limits;
  limits.now = [] { return kNow; };
  limits.maxEvents = 500;
  limits.maxBytesRead = 256 * 1024;
  limits.maxReadTime = std::chrono::seconds(2);
  sq::SnapshotReader reader;
  const auto deadline = [] {
    return sq::SnapshotReader::Clock::now() + std::chrono::milliseconds(500);
  };
  if (!reader.open(scratch.file.string(), limits, deadline())) {
    if (reader.refused() && reader.error().empty()) {
      broken("refused without a reason");
    }
    return 0;
  }
  std::vector<sq::Event> events;
  sq::SnapshotReader::Page page = sq::SnapshotReader::Page::More;
  int pages = 0;
  while (page == sq::SnapshotReader::Page::More && ++pages < 1000) {
    page = reader.readPage(7, deadline(), events);
  }
  if (page == sq::SnapshotReader::Page::Refused && reader.error().empty()) {
    broken("a page was refused without a reason");
  }
  int reasons = 0;
  for (const auto& [why, n] : reader.skippedReasons()) {
    if (why.empty() || n <= 0) {
      broken("a skip reason is empty or counts nothing", why);
    }
    reasons += n;
  }
  if (reasons != reader.skippedRows()) {
    broken("the skip reasons do not add up to the rows skipped");
  }
  if (page != sq::SnapshotReader::Page::Refused &&
      static_cast<std::int64_t>(events.size()) + reader.skippedRows() != reader.rowsRead()) {
    broken("a row read was neither handed on nor skipped");
  }
  if (events.size() > limits.maxEvents || reader.bytesRead() > limits.maxBytesRead) {
    broken("a limit was passed");
  }
  for (const sq::Event& e : events) {
    sq::SnapshotRow r = rowOf(e);
    const std::string why = sq::rowProblem(r, kNow);
    if (!why.empty()) {
      broken("a row handed on fails the row rules", why + ": " + e.uuid);
    }
  }
  return 0;
}
