#include "ui/scanner.hpp"

namespace sq {

void Scanner::setEnabled(bool on, std::uint64_t nowMs) {
  if (on == mEnabled) {
    return;
  }
  mEnabled = on;
  restart(nowMs);
}

void Scanner::restart(std::uint64_t nowMs) {
  mIndex = 0;
  mNextStepAt = nowMs + mStepMs;
}

bool Scanner::advance(std::uint64_t nowMs, int targets) {
  if (!mEnabled || targets <= 0 || nowMs < mNextStepAt) {
    return false;
  }
  // One step per call, even after a long sleep: the highlight never jumps ahead.
  mIndex = (mIndex + 1) % targets;
  mNextStepAt = nowMs + mStepMs;
  return true;
}

int Scanner::msUntilNextStep(std::uint64_t nowMs) const {
  if (!mEnabled) {
    return -1;
  }
  return nowMs >= mNextStepAt ? 0 : static_cast<int>(mNextStepAt - nowMs);
}

} // namespace sq
