// The teacher PIN's lockout, kept in the records store (safequest.sqlite in the
// data folder) rather than in a file of its own: a pupil who deletes, replaces or
// fills the store with garbage loses every record, which is noticed, and a store
// that will not open counts as locked. Every try is one write transaction
// (BEGIN IMMEDIATE: read the state, check the PIN, record the try, COMMIT), so
// tries from several programs at once are taken one after another and each is
// counted; once locked, the rest are refused without the PIN being checked.
//   - The state is a JSON object in the store's `meta` table (key `pin_lockout`:
//     formatVersion, the fingerprint of the PIN hash it guards, the PinLockout
//     state). Once a store has held a state, `pin_lockout_armed` says so, and a
//     state that is then missing, or that cannot be read, blocks the PIN (it counts
//     as locked) until IT clears it (pinBlockedHelp()).
//   - When the machine configuration's PIN hash differs from the one the state
//     was kept for, IT has set a new PIN there: the new PIN starts with a clean
//     state. A changed teacher.json hash does not clear the state (a pupil could
//     write that file).
//   - The old teacher-lockout.json beside teacher.json is read once, when a store
//     has never held a state, so a lock in force carries over; after that it is
//     ignored.
//   - Changing the PIN (change()) needs the old one, checked like any other try,
//     unless IT writes the new PIN into the machine configuration. After every
//     change, onPinChanged() is called: the one place where whatever is sealed
//     with the PIN is sealed again.
// Depends on: results/results_store, results/sqlite_statement, settings/teacher_pin,
// settings/pin_rules, settings/machine_config, nlohmann_json and libsodium (in the
// .cpp only).
#pragma once

#include "results/results_store.hpp"
#include "settings/machine_config.hpp"
#include "settings/teacher_pin.hpp"

#include <cstdint>
#include <string>
#include <string_view>

namespace sq {

struct PinGuardOptions {
  LockoutPolicy policy;
  // The old teacher-lockout.json (pinLockoutPath(settings folder)); "" for none.
  std::string legacyLockoutFile;
  StoreOptions store;
  // How long a try waits for another program's try to finish before it gives up
  // (and the PIN counts as locked). Tries are quick once locked, and a check
  // takes about a tenth of a second, so this is only reached when something holds
  // the store far longer than a try ever does.
  int busyTimeoutMs = 30000;
};

struct PinGuardAnswer {
  // Accepted, Wrong, LockedOut, NotSet, Unusable or Blocked (see PinCheck).
  PinCheck result = PinCheck::Blocked;
  std::int64_t secondsLeft = 0; // locked: seconds until the next try
  int triesLeft = 0;            // not locked: wrong tries left before a lock
  std::string problem;          // Blocked: what is wrong and how IT clears it
};

enum class PinChangeResult {
  Changed,
  Weak,           // the new PIN is too easy to guess (pin_rules)
  WrongOldPin,    // counted as a wrong try
  LockedOut,      // the old PIN was not checked
  Blocked,        // the lockout state is unusable: see the message
  MachineSetsPin, // teacher.json would not win over the machine configuration
  Failed,         // a file or the store could not be written
};

struct PinChange {
  PinChangeResult result = PinChangeResult::Failed;
  std::string message; // why not, for people; "" when Changed
  std::int64_t secondsLeft = 0;
};

// Where a new PIN goes: the user's teacher.json (the old PIN is needed when one
// is set there), or IT's machine configuration (the reset path: being able to
// write that file is the proof, so no old PIN is needed).
struct PinTarget {
  std::string file;
  bool machine = false;
};

class PinGuard {
public:
  // `dataDir` holds the records store (opened, or created, at each call).
  explicit PinGuard(std::string dataDir, PinGuardOptions options = {});

  // One try at the keypad or from safequest-cli: NotSet and Unusable come from the
  // configuration alone; otherwise the store decides.
  PinGuardAnswer check(std::string_view pin, const EffectiveConfig& config, std::int64_t now) const;
  // The same view without a try: result is Accepted when a PIN could be typed now
  // (open), LockedOut, Blocked, NotSet or Unusable. Writes nothing.
  PinGuardAnswer status(const EffectiveConfig& config, std::int64_t now) const;

  // Sets a new PIN. `oldPin` is needed (and checked like a try) only when the
  // target is teacher.json and a PIN is set there; a weak new PIN is refused before
  // anything is checked. On success the lockout starts clean, for the new PIN.
  PinChange change(std::string_view oldPin, std::string_view newPin, const EffectiveConfig& config,
                   const PinTarget& target, std::int64_t now) const;

  // IT's unlock: a clean state for the PIN `config` names. The caller decides who
  // may (safequest-cli pin unlock: whoever can write the machine configuration).
  bool clear(const EffectiveConfig& config, std::string& error) const;

  const std::string& dataDir() const { return mDataDir; }

private:
  std::string mDataDir;
  PinGuardOptions mOptions;
};

// What to tell the teacher when the PIN is blocked: how IT clears it.
std::string pinBlockedHelp();

// The meta keys the state is kept under (tests damage them on purpose).
inline constexpr const char* kPinLockoutKey = "pin_lockout";
inline constexpr const char* kPinLockoutArmedKey = "pin_lockout_armed";

// Called once after every PIN change, from PinGuard::change only, with the old PIN
// ("" when IT set the new one in the machine configuration, or none was set) and
// the new one. Anything kept sealed with the PIN is sealed again here. Returns
// false, with `error`, when that fails; the PIN has changed either way.
bool onPinChanged(std::string_view oldPin, std::string_view newPin, const std::string& dataDir,
                  std::string& error);

} // namespace sq
