// The two clocks the benchmarks report: wall time, and this thread's CPU time. On
// a busy machine a frame's or a step's wall time includes waiting for a core, which
// its CPU time leaves out, so the benchmarks print both.
#pragma once

#include <chrono>

#include <time.h>

namespace sq::bench {

using Clock = std::chrono::steady_clock;

inline double ms(Clock::duration d) {
  return std::chrono::duration<double, std::milli>(d).count();
}

inline double cpuMs() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) * 1000.0 + static_cast<double>(t.tv_nsec) / 1e6;
}

} // namespace sq::bench
