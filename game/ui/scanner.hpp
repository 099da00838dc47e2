// Single-switch scanning: for a pupil who can press only one switch, a highlight
// steps through a screen's targets at a calm pace, and the switch presses the one
// highlighted. It is the only thing in the game that moves by itself, so it is
// what decides how long the app may sleep, and it redraws only on its own steps.
// Time comes in as a parameter (milliseconds): nothing here reads a clock.
// Depends on: std only.
#pragma once

#include <cstdint>

namespace sq {

class Scanner {
public:
  // The pupil's settings choose the pace (settings/pupil_settings: 2 s for KS2,
  // 3 s for younger pupils, never under half a second). Even the fastest is two
  // changes a second, under the three-a-second flashing limit.
  static constexpr std::uint32_t kDefaultStepMs = 2000;
  static constexpr std::uint32_t kFastestStepMs = 500;

  void setStepMs(std::uint32_t ms) { mStepMs = ms < kFastestStepMs ? kFastestStepMs : ms; }
  std::uint32_t stepMs() const { return mStepMs; }

  bool enabled() const { return mEnabled; }
  // Starts (from the first target) or stops scanning.
  void setEnabled(bool on, std::uint64_t nowMs);
  // Back to the first target with a full step's wait: a new screen, or a press.
  void restart(std::uint64_t nowMs);

  // Moves the highlight on if its step is due; true when it moved (redraw).
  // `targets` is how many widgets can be highlighted.
  bool advance(std::uint64_t nowMs, int targets);
  int index() const { return mIndex; }
  // Milliseconds until the next step; -1 when scanning is off.
  int msUntilNextStep(std::uint64_t nowMs) const;

private:
  bool mEnabled = false;
  std::uint32_t mStepMs = kDefaultStepMs;
  std::uint64_t mNextStepAt = 0;
  int mIndex = 0;
};

} // namespace sq
