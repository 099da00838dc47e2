// What the teacher screens need from the machine: the teacher PIN (checked with
// Argon2id and locked out after repeated wrong tries) and the game's configuration
// (data folder, school folder, unlocked bands, the full-screen lock). These are
// interfaces: the settings module (game/settings: teacher_pin, machine_config)
// implements the real thing; app/ adapts it, and tests give fakes.
// Depends on: content/pack_model (Band), std.
#pragma once

#include "content/pack_model.hpp"

#include <algorithm>
#include <string>
#include <vector>

namespace sq {

struct PinResult {
  // Unusable: the machine configuration's PIN hash is damaged; only IT can mend it.
  // Blocked: the lockout state cannot be trusted (damaged, missing, the records
  // cannot be opened), so the PIN counts as locked until IT clears it.
  enum class Result { Accepted, Wrong, LockedOut, NotSet, Unusable, Blocked, Failed };
  Result result = Result::Wrong;
  int waitSeconds = 0; // LockedOut: how long until the next try
  std::string error;   // Failed: why (a file could not be read or written); Blocked: the detail
};

class TeacherPin {
public:
  virtual ~TeacherPin() = default;
  virtual bool isSet() const = 0;
  // The machine configuration names a PIN hash that cannot be used.
  virtual bool unusable() const = 0;
  virtual PinResult verify(const std::string& pin) = 0;
  // The first run: hashes and stores a new PIN. Refused when a PIN is set already
  // (changing one needs the old PIN) and for a PIN that is too easy to guess
  // (settings/pin_rules; the screen checks that first, to say why).
  virtual bool set(const std::string& pin, std::string& error) = 0;
};

struct GameConfig {
  std::string dataDir;             // the records store
  std::string schoolFolder;        // the shared folder ("" : none)
  bool lock = false;               // the full-screen lock
  std::vector<Band> unlockedBands; // bands pupils see besides their own year group's
  // Fields IT set in the machine configuration: shown, but a teacher cannot change them.
  bool dataDirFixed = false;
  bool dataDirFromCommandLine = false; // safequest --data DIR
  bool schoolFolderFixed = false;
  bool lockFixed = false;
  bool bandsFixed = false;
  std::vector<std::string> problems; // what was wrong in the configuration files
  bool bandUnlocked(Band b) const {
    return std::find(unlockedBands.begin(), unlockedBands.end(), b) != unlockedBands.end();
  }
};

} // namespace sq
