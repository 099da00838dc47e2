// The teacher PIN in front of the editor: the same PIN, hash and lockout as the
// game's teacher settings (settings/teacher_pin, results/pin_guard), so a pupil at
// a classroom PC cannot change the school's lessons. When a PIN is set, the
// editor shows only this prompt (big masked digits; typed or clicked on a keypad)
// until the PIN is right; wrong tries count towards the same lockout as the game's.
// With no PIN set it stays open and the editor says where to set one.
// Depends on: app/game_settings (the configuration), results/pin_guard, settings,
// ui/theme (colours), Dear ImGui.
#pragma once

#include "app/game_settings.hpp"
#include "results/pin_guard.hpp"

#include <cstdint>
#include <string>

struct ImFont;

namespace sq {

struct Theme;

class PinGate {
public:
  // `machineConfigPath` as the game resolves it; `settingsDir` holds teacher.json
  // (the --data folder, else the user's data folder); `dataOverride` is --data.
  PinGate(const std::string& machineConfigPath, const std::string& settingsDir,
          const std::string& dataOverride);

  // True until the right PIN has been typed (never, when no PIN is set).
  bool locked() const { return mLocked; }
  bool pinSet() const { return mPinSet; }
  // Whether the window should wake each second (a lockout counting down).
  bool counting(std::int64_t now) const { return mLocked && mLockedUntil > now; }

  // The PIN as typed once it was accepted ("" before, or when none is set): the
  // school records open the teacher's signing key with it (erasures, publishing).
  const std::string& acceptedPin() const { return mAcceptedPin; }
  // The configuration the gate read (the school folder, the trusted teacher key).
  GameSettings& settings() { return mSettings; }

  // Draws the prompt over the whole window; `now` in seconds since the epoch.
  void draw(const Theme& theme, ImFont* bigFont, std::int64_t now);

private:
  void submit(std::int64_t now);
  void describe(const PinGuardAnswer& a, std::int64_t now);

  GameSettings mSettings;
  bool mLocked = false;
  bool mPinSet = false;
  std::string mEntry;
  std::string mAcceptedPin;
  std::string mMessage;
  std::string mProblem; // the PIN cannot be typed at all (blocked, unusable)
  std::int64_t mLockedUntil = 0;
};

} // namespace sq
