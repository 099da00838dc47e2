#include "results/xapi_backoff.hpp"

#include <algorithm>

namespace sq {

std::int64_t xapiRetryDelay(int failures, double random, const XapiBackoff& schedule) {
  const std::int64_t first = std::max<std::int64_t>(schedule.firstSeconds, 1);
  const std::int64_t cap = std::max(schedule.maxSeconds, first);
  std::int64_t step = first;
  for (int i = 1; i < failures && step < cap; ++i) {
    step *= 2;
  }
  step = std::min(step, cap);
  // NaN fails both comparisons and becomes 0.
  const double r = random > 0.0 ? std::min(random, 1.0) : 0.0;
  const std::int64_t half = step / 2;
  const auto jitter = static_cast<std::int64_t>(r * static_cast<double>(step - half));
  return std::min(half + jitter, step);
}

} // namespace sq
