// Changing the teacher PIN from the teacher's app: the old PIN, the new one twice.
// The form is checked in plain words first (digits, the two new ones the same, not
// too easy to guess), then results/pin_guard changes it exactly as `safequest-cli
// pin set --old-pin-stdin` does: the old PIN counts as a try towards the lockout,
// the new PIN goes into teacher.json, and the teacher's signing key is sealed again
// under it (pin_guard's onPinChanged, as `safequest-cli teacher-key reseal`). Also
// what to tell a teacher who has forgotten the PIN, which is IT's reset path.
// Depends on: results (pin_guard), settings (machine_config, teacher_pin, pin_rules).
#pragma once

#include "settings/machine_config.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace sq::admin {

struct PinChangeForm {
  std::string oldPin; // "" when no PIN is set yet
  std::string newPin;
  std::string again;
};

struct PinChangeOutcome {
  bool changed = false;
  // The control to look at when it did not change: "pin-old", "pin-new", "pin-again".
  std::string field;
  std::string message; // for the result line
};

// Why the form cannot be tried yet, in plain words; "" when it can. `pinSet`: a PIN
// is set, so the old one is needed.
PinChangeOutcome checkPinForm(const PinChangeForm& form, bool pinSet);

// Tries the change (after checkPinForm). `recordsDir` holds the records store (the
// lockout and the teacher's key); `settingsDir` holds teacher.json. `now`: seconds
// since the Unix epoch.
PinChangeOutcome changeTeacherPin(const PinChangeForm& form, const ConfigLoad& config,
                                  const std::string& recordsDir, const std::string& settingsDir,
                                  std::int64_t now);

// True when IT set the PIN in the machine configuration (it is changed there only).
bool pinSetByIt(const ConfigLoad& config);

// What to do when the PIN is forgotten or locked, a point a line: what IT can do,
// with the commands and the machine configuration's path, and what happens to the
// teacher's signing key.
std::vector<std::string> forgottenPinHelp(const ConfigLoad& config);

} // namespace sq::admin
