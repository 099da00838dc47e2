// When to try the learning record store again after a failed send: 30 s after the
// first failure, doubling with each failure in a row, never more than an hour, less
// up to half of it at random so that many PCs that failed together spread out.
// Pure: the random number is passed in.
// Depends on: std only.
#pragma once

#include <cstdint>

namespace sq {

struct XapiBackoff {
  std::int64_t firstSeconds = 30;
  std::int64_t maxSeconds = 3600;
};

// The wait after `failures` failures in a row (1 for the first), with `random` in
// [0, 1): from half the step to the whole step. Out-of-range inputs are clamped.
std::int64_t xapiRetryDelay(int failures, double random, const XapiBackoff& schedule = {});

} // namespace sq
