// The teacher PIN, which guards the teacher screens and the full-screen lock.
//   - A PIN is 4 to 8 digits. Only its Argon2id hash is kept, in libsodium's
//     standard "$argon2id$v=19$m=...,t=...,p=...$salt$hash" form, in the machine
//     configuration (set by IT; it wins) or else in teacher.json in the data folder.
//   - After repeated wrong tries the PIN is locked out for a while, doubling each
//     time: PinLockout, a pure state machine with the time passed in, never read
//     from a clock. Where its state is kept, and the one transaction that reads,
//     checks and records a try, is results/pin_guard (in the records store).
//   - The first time a teacher screen is opened with no PIN anywhere, the game asks
//     for one (needsPinSetup). A pupil screen never asks. Which new PINs are too
//     easy to guess is settings/pin_rules.
// Depends on: core (diagnostics), settings/machine_config, settings/settings_json
// and core/atomic_file (in the .cpp), libsodium (in the .cpp only).
#pragma once

#include "core/diagnostics.hpp"
#include "settings/machine_config.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace sq {

inline constexpr std::size_t kMinPinDigits = 4;
inline constexpr std::size_t kMaxPinDigits = 8;

// 4 to 8 ASCII digits, nothing else.
bool isValidPin(std::string_view pin);

// Argon2id with libsodium's interactive limits (64 MiB, 2 passes: about a tenth of
// a second, slow enough to make guessing a stolen hash costly, quick at a keypad).
// nullopt, with `error`, for an invalid PIN or when libsodium cannot run.
std::optional<std::string> hashPin(std::string_view pin, std::string& error);

// True only when `pin` is valid and matches `hash`. A hash that fails
// pinHashProblem() is never handed to libsodium.
bool verifyPin(std::string_view pin, std::string_view hash);

// Why a stored hash cannot be used (schema.format, or schema.range for costs above
// what a school PC should spend on one check), or nullopt when it can. The message
// never quotes the hash.
struct PinHashProblem {
  Code code = Code::SchemaFormat;
  std::string message;
};
std::optional<PinHashProblem> pinHashProblem(std::string_view hash);

// ---- lockout ---------------------------------------------------------------------

struct LockoutPolicy {
  int triesBeforeLock = 5;               // wrong tries before the first lock
  int triesBetweenLocks = 1;             // after a lock, each wrong try locks again
  std::int64_t firstLockSeconds = 60;    // doubled at each further lock...
  std::int64_t maxLockSeconds = 15 * 60; // ...up to this
  // A correct PIN forgets every wrong try; so does a day without one, so that a
  // pupil tapping at the keypad on Monday does not cost the teacher 15 minutes on Friday.
  std::int64_t forgetAfterSeconds = 24 * 60 * 60;
};

// Times are seconds since the Unix epoch, clamped to [0, kMaxLockoutTime].
inline constexpr std::int64_t kMaxLockoutTime = 100'000'000'000;

class PinLockout {
public:
  struct State {
    int wrongTries = 0;           // since the last lock (or the start)
    int lockouts = 0;             // locks so far in this run of wrong tries
    std::int64_t lockedAt = 0;    // when the current lock began
    std::int64_t lockSeconds = 0; // its length; 0 when not locked
    std::int64_t lastWrongAt = 0;
  };

  explicit PinLockout(LockoutPolicy policy = {}) : mPolicy(policy) {}
  PinLockout(LockoutPolicy policy, State state) : mPolicy(policy), mState(state) {}

  bool isLocked(std::int64_t now) const { return secondsLeft(now) > 0; }
  // Never more than the policy's maximum, even if the clock went back or the saved
  // state was edited.
  std::int64_t secondsLeft(std::int64_t now) const;
  // Wrong tries left before the next lock: 0 while locked, else at least 1.
  int triesLeft(std::int64_t now) const;

  // A wrong PIN. While locked, nothing is counted: the caller must not check a PIN
  // then (checkTeacherPin does not).
  void recordWrong(std::int64_t now);
  void recordRight() { mState = State{}; }
  // Brings the state up to `now`: ends a finished lock, forgets old wrong tries and
  // restarts a lock whose start is in the future (the clock was put back), so that
  // a lock never outlasts its length. Queries apply the same rules without storing.
  void observe(std::int64_t now) { mState = at(now); }

  const State& state() const { return mState; }
  const LockoutPolicy& policy() const { return mPolicy; }

  // The saved form: a small JSON object (formatVersion 1).
  std::string toJson() const;
  // Reads the saved form. Anything wrong is reported as an error and gives a fresh
  // state; a caller that must fail closed (results/pin_guard) checks for errors.
  static PinLockout fromJson(std::string_view text, const std::string& file, Diagnostics& diags,
                             LockoutPolicy policy = {});

private:
  State at(std::int64_t now) const;
  std::int64_t lockLength(int lockoutsBefore) const;

  LockoutPolicy mPolicy;
  State mState;
};

bool operator==(const PinLockout::State& a, const PinLockout::State& b);

// teacher-lockout.json in the data folder, beside teacher.json: where versions
// before results/pin_guard kept the state. It is only read once now, to carry a
// sane old state into the records store; results/pin_guard ignores it after that.
std::string pinLockoutPath(const std::string& dataDir);
// A missing file is a fresh state with no diagnostic.
PinLockout loadPinLockout(const std::string& path, Diagnostics& diags, LockoutPolicy policy = {});
bool savePinLockout(const std::string& path, const PinLockout& lockout, std::string& error);

// ---- the PIN in the configuration -----------------------------------------------

enum class PinState {
  NotSet,   // no PIN anywhere: the first teacher screen asks for one
  Set,      // a usable hash, from the machine configuration or teacher.json
  Unusable, // the machine configuration names a PIN hash that is bad: only IT can fix
            // it (teacher.json cannot override it), and the teacher screen says so
};
PinState pinState(const EffectiveConfig& config);

// Call when a teacher screen is opened, never for a pupil screen: true when the
// teacher must choose a PIN before going on.
bool needsPinSetup(const EffectiveConfig& config);

// Blocked: the saved lockout state cannot be read or kept (damaged, missing where
// it should be, the records store will not open), so the PIN counts as locked
// until IT clears it (see results/pin_guard); checkTeacherPin never returns it.
enum class PinCheck { Accepted, Wrong, LockedOut, NotSet, Unusable, Blocked };
std::string_view pinCheckName(PinCheck check); // "accepted", "wrong", "locked-out", ...

// Checks a typed PIN against the effective hash, honouring and updating the
// lockout. The caller keeps the lockout afterwards (results/pin_guard does both,
// in one transaction).
PinCheck checkTeacherPin(std::string_view pin, const EffectiveConfig& config, PinLockout& lockout,
                         std::int64_t now);

// Writes `hash` as teacherPinHash into the configuration file at `path`, keeping
// everything else in it (updateConfigFile).
bool writePinHash(const std::string& path, const std::string& hash, std::string& error);

// The first-run step: hashes `pin` and writes it into the user's teacher.json.
// Refuses a weak PIN (pin_rules), and refuses when a PIN is set already: changing
// one needs the old PIN (results/pin_guard's PinGuard::change), and the machine
// configuration's PIN would win anyway.
bool setTeacherPin(std::string_view pin, const EffectiveConfig& config,
                   const std::string& userConfigFile, std::string& error);

} // namespace sq
