// The hostile-snapshot corpus: tests/fixtures/hostile-snapshots/NAME.sql builds a
// snapshot (run against a new, empty SQLite file), and NAME.expect says what
// SnapshotReader must make of it, one expectation a line:
//   refused: TEXT       the file is refused, and its error contains TEXT
//   accepted: N         the file is read to the end and N rows are handed on
//   skipped: N TEXT     N rows are left out for reasons containing TEXT
// Every skipped row must be named by a `skipped:` line. Lines starting with # are
// comments. Rows are judged by a clock pinned at 2026-11-01T12:00:00Z.
#include "results/snapshot_reader.hpp"

#include "support/sql_database.hpp"
#include "support/temp_dir.hpp"

#include <doctest/doctest.h>

#include <chrono>
#include <filesystem>
#include <map>
#include <sstream>

namespace fs = std::filesystem;
using namespace sq;

namespace {

// 2026-11-01T12:00:00Z.
constexpr std::int64_t kPinnedNow = 1793534400;

fs::path corpusDir() {
  return fs::path(SQ_SOURCE_DIR) / "tests" / "fixtures" / "hostile-snapshots";
}

struct Expectation {
  std::string refused; // "" unless the file must be refused
  int accepted = -1;
  std::vector<std::pair<int, std::string>> skipped;
};

bool parseExpect(const std::string& text, Expectation& out, std::string& error) {
  std::istringstream in(text);
  std::string line;
  int n = 0;
  while (std::getline(in, line)) {
    ++n;
    if (line.empty() || line[0] == '#') {
      continue;
    }
    const auto colon = line.find(": ");
    const std::string key = line.substr(0, colon);
    const std::string value = colon == std::string::npos ? "" : line.substr(colon + 2);
    if (key == "refused" && !value.empty()) {
      out.refused = value;
    } else if (key == "accepted" && !value.empty()) {
      out.accepted = std::atoi(value.c_str());
    } else if (key == "skipped" && value.find(' ') != std::string::npos) {
      out.skipped.emplace_back(std::atoi(value.c_str()), value.substr(value.find(' ') + 1));
    } else {
      error = "line " + std::to_string(n) + ": not refused:, accepted: or skipped:";
      return false;
    }
  }
  if (out.refused.empty() == (out.accepted < 0)) {
    error = "needs either refused: or accepted:";
    return false;
  }
  return true;
}

struct Outcome {
  std::string error;
  std::size_t accepted = 0;
  std::map<std::string, int> skipped;
  bool interrupted = false;
};

Outcome read(const fs::path& file) {
  SnapshotLimits limits;
  limits.now = [] { return kPinnedNow; };
  Outcome o;
  SnapshotReader reader;
  const auto deadline = [] { return SnapshotReader::Clock::now() + std::chrono::seconds(5); };
  if (!reader.open(file.string(), limits, deadline())) {
    o.error = reader.error();
    o.interrupted = !reader.refused();
    return o;
  }
  std::vector<Event> events;
  for (;;) {
    // Small pages, so paging is part of every read.
    const auto page = reader.readPage(3, deadline(), events);
    if (page == SnapshotReader::Page::More) {
      continue;
    }
    o.interrupted = page == SnapshotReader::Page::Interrupted;
    if (page == SnapshotReader::Page::Refused) {
      o.error = reader.error();
    }
    break;
  }
  o.accepted = events.size();
  o.skipped = reader.skippedReasons();
  return o;
}

} // namespace

TEST_CASE("every hostile snapshot in the corpus is judged as its .expect says") {
  test::TempDir dir;
  const auto sources = test::hostileSnapshotSources(corpusDir());
  REQUIRE(sources.size() >= 20);
  for (const fs::path& sql : sources) {
    const std::string name = sql.stem().string();
    CAPTURE(name);
    fs::path expectFile = sql;
    expectFile.replace_extension(".expect");
    REQUIRE_MESSAGE(fs::exists(expectFile), name << ".sql has no .expect");
    Expectation expect;
    std::string error;
    REQUIRE_MESSAGE(parseExpect(test::readTextFile(expectFile), expect, error), error);
    const fs::path file = dir.path() / (name + ".sqlite");
    REQUIRE_MESSAGE(test::buildDatabase(file, test::readTextFile(sql), error), error);

    const auto t0 = std::chrono::steady_clock::now();
    const Outcome got = read(file);
    const auto took = std::chrono::steady_clock::now() - t0;
    INFO("error: " << got.error);
    CHECK_FALSE(got.interrupted);
    // Decided at once: nothing in the corpus may cost the reader real time.
    CHECK(took < std::chrono::seconds(2));
    if (!expect.refused.empty()) {
      CHECK(got.error.find(expect.refused) != std::string::npos);
      continue;
    }
    CHECK(got.error.empty());
    CHECK(got.accepted == static_cast<std::size_t>(expect.accepted));
    int named = 0;
    for (const auto& line : expect.skipped) {
      int found = 0;
      for (const auto& [why, count] : got.skipped) {
        found += why.find(line.second) != std::string::npos ? count : 0;
      }
      CAPTURE(line.second);
      CHECK(found == line.first);
      named += line.first;
    }
    int total = 0;
    for (const auto& reason : got.skipped) {
      INFO("skipped " << reason.second << ": " << reason.first);
      total += reason.second;
    }
    CHECK(total == named);
  }
}

TEST_CASE("every .expect in the hostile-snapshot corpus has its .sql") {
  for (const auto& entry : fs::directory_iterator(corpusDir())) {
    const fs::path& p = entry.path();
    CAPTURE(p.filename().string());
    CHECK((p.extension() == ".sql" || p.extension() == ".expect"));
    if (p.extension() == ".expect") {
      fs::path sql = p;
      sql.replace_extension(".sql");
      CHECK(fs::exists(sql));
    }
  }
}
