// The sign-in merge, sliced and one-shot, measured in the same run. A school of 30
// PCs has published 25,000 events in all (420 pupils); an empty teacher store merges
// them (1) with a MergeJob given an 8 ms budget a step, as the game does once a
// frame, and (2) with the one-shot merge(). For each: the total time, the number of
// steps, and the longest and p99 step, which is how long the frame loop is held.
// Then the same again with every event already merged (a second sign-in).
// Usage: bench_merge_slices [--budget-ms N] [--dir DIR] [--trace (print every step)]
#include "results/merge_job.hpp"
#include "results/results_store.hpp"
#include "results/school_folder.hpp"
#include "results/uuid.hpp"

#include "bench_clock.hpp"
#include "support/school_share.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using sq::bench::Clock;
using sq::bench::cpuMs;
using sq::bench::ms;

namespace {

std::unique_ptr<sq::ResultsStore> open(const fs::path& dir) {
  std::string error;
  auto s = sq::ResultsStore::open(dir.string(), error);
  if (!s) {
    std::fprintf(stderr, "bench_merge_slices: %s\n", error.c_str());
    std::exit(1);
  }
  return s;
}

struct Run {
  double totalMs = 0;
  std::size_t steps = 0;
  double longestMs = 0;
  double p99Ms = 0;
  double p50Ms = 0;
  double longestCpuMs = 0;
  double p99CpuMs = 0;
  int added = 0;
  bool ok = false;
};

Run summarise(std::vector<double> steps, std::vector<double> cpu, double totalMs,
              const sq::MergeResult& r) {
  Run run;
  std::sort(steps.begin(), steps.end());
  std::sort(cpu.begin(), cpu.end());
  run.longestCpuMs = cpu.back();
  run.p99CpuMs = cpu[std::min(cpu.size() - 1, cpu.size() * 99 / 100)];
  run.totalMs = totalMs;
  run.steps = steps.size();
  run.longestMs = steps.back();
  run.p99Ms = steps[std::min(steps.size() - 1, steps.size() * 99 / 100)];
  run.p50Ms = steps[steps.size() / 2];
  run.added = r.added;
  run.ok = r.ok;
  return run;
}

bool gTrace = false;

Run sliced(sq::ResultsStore& store, const fs::path& share, Clock::duration budgetTime) {
  sq::MergeJob job(store, share.string());
  sq::MergeBudget budget;
  budget.time = budgetTime;
  std::vector<double> steps;
  std::vector<double> cpu;
  const auto t0 = Clock::now();
  while (!job.finished()) {
    const auto s0 = Clock::now();
    const double c0 = cpuMs();
    const sq::MergeProgress p = job.step(budget);
    steps.push_back(ms(Clock::now() - s0));
    cpu.push_back(cpuMs() - c0);
    if (gTrace) {
      std::printf("step %4zu %7.2f ms (cpu %6.2f)  snapshots %d/%d  read %lld  new %lld  rows %d\n",
                  steps.size(), steps.back(), cpu.back(), p.snapshotsDone, p.snapshotsTotal,
                  static_cast<long long>(p.eventsRead), static_cast<long long>(p.eventsNew),
                  p.stepRows);
    }
  }
  return summarise(steps, cpu, ms(Clock::now() - t0), job.result());
}

Run oneShot(sq::ResultsStore& store, const fs::path& share) {
  const auto t0 = Clock::now();
  const double c0 = cpuMs();
  const sq::MergeResult r = sq::merge(store, share.string());
  const double total = ms(Clock::now() - t0);
  // To the frame loop the one-shot merge is a single step.
  return summarise({total}, {cpuMs() - c0}, total, r);
}

void print(const char* what, const Run& r) {
  std::printf("%-37s %8.1f ms %6zu %9.2f ms %9.2f ms %9.2f ms %9.2f ms %9.2f ms %6d\n", what,
              r.totalMs, r.steps, r.longestMs, r.p99Ms, r.p50Ms, r.longestCpuMs, r.p99CpuMs,
              r.added);
}

} // namespace

int main(int argc, char** argv) {
  int budgetMs = 8;
  fs::path root = fs::temp_directory_path() / ("sq-bench-merge-" + sq::newUuid());
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--trace") {
      gTrace = true;
      continue;
    }
    if (i + 1 >= argc) {
      break;
    }
    if (a == "--budget-ms") {
      budgetMs = std::max(1, std::atoi(argv[++i]));
    } else if (a == "--dir") {
      root = fs::path(argv[++i]) / ("sq-bench-merge-" + sq::newUuid());
    }
  }
  fs::create_directories(root);

  const fs::path share = root / "share";
  constexpr int kDevices = 30;
  constexpr int kEvents = 25'000;
  sq::test::ShareSpec spec;
  spec.devices = kDevices;
  spec.events = kEvents;
  std::string error;
  if (!sq::test::makeSchoolShare(root / "pcs", share.string(), spec, error)) {
    std::fprintf(stderr, "bench_merge_slices: could not prepare the school folder: %s\n",
                 error.c_str());
    return 1;
  }

  auto slicedStore = open(root / "teacher-sliced");
  auto oneShotStore = open(root / "teacher-one-shot");
  const auto budget = std::chrono::milliseconds(budgetMs);
  // Alternated, so neither run has the disk cache to itself.
  const Run first = sliced(*slicedStore, share, budget);
  const Run firstOne = oneShot(*oneShotStore, share);
  const Run again = sliced(*slicedStore, share, budget);
  const Run againOne = oneShot(*oneShotStore, share);

  std::printf("merge %d snapshots, %d events, budget %d ms a step\n", kDevices, kEvents, budgetMs);
  std::printf("%-37s %11s %6s %12s %12s %12s %12s %12s %6s\n", "", "total", "steps", "longest",
              "p99", "p50", "longest cpu", "p99 cpu", "new");
  print("MergeJob, empty store", first);
  print("one-shot merge(), empty store", firstOne);
  print("MergeJob, all merged already", again);
  print("one-shot merge(), all merged already", againOne);
  const bool same = slicedStore->events().size() == oneShotStore->events().size();
  fs::remove_all(root);
  const bool ok = first.ok && firstOne.ok && first.added == kEvents && firstOne.added == kEvents &&
                  again.added == 0 && againOne.added == 0 && same;
  if (!ok) {
    std::fprintf(stderr, "bench_merge_slices: the two merges disagree\n");
  }
  return ok ? 0 : 1;
}
