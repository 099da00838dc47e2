// Records benchmark. Prints:
//   1. a durable record(): p50 and p99 over N writes (each waits for its fsync);
//   2. the merge of 30 device snapshots (a school of 420 pupils x 60 events, spread
//      over 30 PCs) into an empty teacher store, and the same merge repeated (all
//      duplicates).
// Usage: bench_records [--records N] [--dir DIR]
#include "results/results_store.hpp"
#include "results/school_folder.hpp"
#include "results/uuid.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

double ms(Clock::duration d) {
  return std::chrono::duration<double, std::milli>(d).count();
}

std::unique_ptr<sq::ResultsStore> open(const fs::path& dir) {
  std::string error;
  auto s = sq::ResultsStore::open(dir.string(), error);
  if (!s) {
    std::fprintf(stderr, "bench_records: %s\n", error.c_str());
    std::exit(1);
  }
  return s;
}

} // namespace

int main(int argc, char** argv) {
  int records = 300;
  fs::path root = fs::temp_directory_path() / ("sq-bench-records-" + sq::newUuid());
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string a = argv[i];
    if (a == "--records") {
      records = std::max(10, std::atoi(argv[i + 1]));
    } else if (a == "--dir") {
      root = fs::path(argv[i + 1]) / ("sq-bench-records-" + sq::newUuid());
    }
  }
  fs::create_directories(root);

  {
    auto store = open(root / "device");
    std::vector<double> times;
    std::string error;
    const std::string pupil = sq::newUuid();
    for (int i = 0; i < records; ++i) {
      sq::EventDraft d;
      d.kind = sq::EventKind::ActivityCompleted;
      d.pupilId = pupil;
      d.packId = "core";
      d.activityId = "quiz-" + std::to_string(i);
      d.score = 3;
      d.maxScore = 4;
      const auto t0 = Clock::now();
      if (!store->record(d, error)) {
        std::fprintf(stderr, "bench_records: %s\n", error.c_str());
        return 1;
      }
      times.push_back(ms(Clock::now() - t0));
    }
    std::sort(times.begin(), times.end());
    std::printf(
        "durable record (%d writes)            p50 %7.3f ms   p99 %7.3f ms   max %7.3f ms\n",
        records, times[times.size() / 2], times[times.size() * 99 / 100], times.back());
  }

  const fs::path share = root / "share";
  constexpr int kDevices = 30;
  constexpr int kPupils = 420;
  constexpr int kEventsPerPupil = 60;
  std::vector<std::string> pupils;
  for (int i = 0; i < kPupils; ++i) {
    pupils.push_back(sq::newUuid());
  }
  std::size_t total = 0;
  for (int d = 0; d < kDevices; ++d) {
    auto store = open(root / ("pc" + std::to_string(d)));
    // The events come in as if recorded on another PC: a store never merges rows
    // claiming its own device id, and recording them one durable commit at a time
    // would take minutes.
    const std::string device = sq::newUuid();
    std::vector<sq::Event> events;
    for (int p = d; p < kPupils; p += kDevices) {
      for (int e = 0; e < kEventsPerPupil; ++e) {
        sq::Event ev;
        ev.uuid = sq::newUuid();
        ev.deviceId = device;
        ev.seq = static_cast<std::int64_t>(events.size()) + 1;
        ev.pupilId = pupils[static_cast<std::size_t>(p)];
        ev.kind = e % 6 == 5 ? sq::EventKind::LessonCompleted : sq::EventKind::ActivityCompleted;
        ev.packId = "core";
        ev.packVersion = "1.0.0";
        ev.activityId = "activity-" + std::to_string(e);
        ev.timeUtc = "2026-10-0" + std::to_string(1 + e % 9) + "T10:00:00Z";
        events.push_back(std::move(ev));
      }
    }
    std::string error;
    if (store->insertForeign(events, error) < 0 ||
        !sq::publish(*store, share.string(), nullptr).ok) {
      std::fprintf(stderr, "bench_records: could not prepare device %d\n", d);
      return 1;
    }
    total += events.size();
  }
  auto teacher = open(root / "teacher");
  auto t0 = Clock::now();
  const sq::MergeResult first = sq::merge(*teacher, share.string());
  const double firstMs = ms(Clock::now() - t0);
  t0 = Clock::now();
  const sq::MergeResult again = sq::merge(*teacher, share.string());
  const double againMs = ms(Clock::now() - t0);
  std::printf("merge %d snapshots, %zu events            %8.1f ms  (%d new)\n", kDevices, total,
              firstMs, first.added);
  std::printf("merge the same snapshots again           %8.1f ms  (%d new)\n", againMs,
              again.added);
  fs::remove_all(root);
  return first.ok && static_cast<std::size_t>(first.added) == total && again.added == 0 ? 0 : 1;
}
