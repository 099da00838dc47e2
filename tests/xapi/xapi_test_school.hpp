// A school's records store for the xAPI tests (tests/xapi): a pinned clock, and
// events recorded as the game records them, remembering which must be sent.
#pragma once

#include "results/results_store.hpp"
#include "results/xapi_config.hpp"
#include "results/xapi_outbox.hpp"
#include "support/temp_dir.hpp"

#include <doctest/doctest.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <functional>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

namespace sq::test {

struct School {
  TempDir dir;
  std::int64_t clock = 1790000000; // 2026-09-21
  std::unique_ptr<ResultsStore> store;
  std::vector<std::string> queued; // uuids of the events that must be sent

  School() {
    StoreOptions options;
    options.now = [this] { return clock; };
    std::string error;
    store = ResultsStore::open(dir.str(), error, options);
    REQUIRE(store);
  }
  Event record(EventKind kind, const std::string& pupil, const char* time) {
    EventDraft d;
    d.kind = kind;
    d.pupilId = pupil;
    d.packId = "core";
    d.packVersion = "1.0.0";
    d.activityId = kind == EventKind::AupSigned ? "ks2-aup" : "l1";
    d.timeUtc = time;
    if (kind == EventKind::AupSigned) {
      d.data = R"({"aupVersion":"2026.1","phase":"ks2"})";
    }
    std::string error;
    auto e = store->record(d, error);
    REQUIRE(e);
    if (isXapiQueued(kind) && !pupil.empty()) {
      queued.push_back(e->uuid);
    }
    return *e;
  }
  void fill() {
    const std::string amy = "a0000000-0000-4000-8000-000000000001";
    const std::string ben = "b0000000-0000-4000-8000-000000000002";
    record(EventKind::LessonCompleted, amy, "2026-09-10T10:00:00Z");
    record(EventKind::AupSigned, amy, "2026-09-04T09:00:00Z");
    record(EventKind::LessonCompleted, ben, "2026-09-11T10:00:00Z");
    record(EventKind::LessonCompleted, ben, "2026-09-12T10:00:00Z");
    record(EventKind::LessonCompleted, amy, "2026-09-13T10:00:00Z");
    // Not queued: steps, progress and events no pupil acts in stay in the reports.
    record(EventKind::LessonProgress, amy, "2026-09-10T09:00:00Z");
    record(EventKind::AupParentAgreed, amy, "2026-09-05T18:00:00Z");
  }
};

inline XapiConfig config(int batch) {
  XapiConfig c;
  c.endpoint = "https://lrs.example.org/xapi/";
  c.authorization = "Basic a2V5OnNlY3JldA==";
  c.batchSize = batch;
  return c;
}

// Each NAME.json of tests/xapi/<folder> with the first line of NAME.expect, the
// words it must be refused with (the file's name is CAPTUREd for the report).
// Returns how many files there were.
inline int forEachBadFile(
    const std::string& folder,
    const std::function<void(const std::string& text, const std::string& expected)>& check) {
  namespace fs = std::filesystem;
  int files = 0;
  for (const auto& entry :
       fs::directory_iterator(fs::path(SQ_SOURCE_DIR) / "tests/xapi" / folder)) {
    if (entry.path().extension() != ".json") {
      continue;
    }
    ++files;
    std::ifstream in(entry.path(), std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    std::ifstream ex(fs::path(entry.path()).replace_extension(".expect"));
    std::string expected;
    std::getline(ex, expected);
    CAPTURE(entry.path().filename().string());
    REQUIRE_FALSE(expected.empty());
    check(text.str(), expected);
  }
  return files;
}

} // namespace sq::test
