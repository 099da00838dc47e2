#include "settings/teacher_pin.hpp"

#include "core/atomic_file.hpp"
#include "settings/pin_rules.hpp"
#include "settings/settings_json.hpp"

#include <nlohmann/json.hpp>
#include <sodium.h>

#include <algorithm>
#include <filesystem>

namespace sq {

namespace fs = std::filesystem;

namespace {

// libsodium must be initialised once before use; sodium_init() is safe to call
// again, and a function-local static makes the first call the only real one.
bool sodiumReady() {
  static const bool ready = sodium_init() >= 0;
  return ready;
}

// What one verification may cost. Our own hashes use the interactive limits
// (64 MiB, t=2); IT may choose stronger ones, up to libsodium's "moderate" memory.
// A higher cost is refused rather than risked: a hash in a file asking for 4 GiB
// would stall, or kill, the game on a school PC at every PIN check.
constexpr std::uint64_t kMaxMemoryKiB = 256 * 1024;
constexpr std::uint64_t kMaxPasses = 8;
constexpr std::uint64_t kMaxLanes = 16;

// Reads 1 to 10 digits at `pos`, moving past them.
std::optional<std::uint64_t> readNumber(std::string_view s, std::size_t& pos) {
  std::size_t start = pos;
  std::uint64_t value = 0;
  while (pos < s.size() && pos - start < 10 && s[pos] >= '0' && s[pos] <= '9') {
    value = value * 10 + static_cast<std::uint64_t>(s[pos] - '0');
    ++pos;
  }
  if (pos == start || (pos < s.size() && s[pos] >= '0' && s[pos] <= '9')) {
    return std::nullopt;
  }
  return value;
}

bool expect(std::string_view s, std::size_t& pos, std::string_view literal) {
  if (s.substr(pos, literal.size()) != literal) {
    return false;
  }
  pos += literal.size();
  return true;
}

std::int64_t clampTime(std::int64_t t) {
  return std::clamp<std::int64_t>(t, 0, kMaxLockoutTime);
}

} // namespace

bool isValidPin(std::string_view pin) {
  if (pin.size() < kMinPinDigits || pin.size() > kMaxPinDigits) {
    return false;
  }
  return std::all_of(pin.begin(), pin.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::optional<std::string> hashPin(std::string_view pin, std::string& error) {
  if (!isValidPin(pin)) {
    error = "a PIN is 4 to 8 digits";
    return std::nullopt;
  }
  if (!sodiumReady()) {
    error = "libsodium could not be initialised";
    return std::nullopt;
  }
  char out[crypto_pwhash_argon2id_STRBYTES];
  if (crypto_pwhash_argon2id_str(out, pin.data(), pin.size(),
                                 crypto_pwhash_argon2id_OPSLIMIT_INTERACTIVE,
                                 crypto_pwhash_argon2id_MEMLIMIT_INTERACTIVE) != 0) {
    error = "hashing the PIN failed (out of memory?)";
    return std::nullopt;
  }
  return std::string(out);
}

std::optional<PinHashProblem> pinHashProblem(std::string_view hash) {
  const auto bad = [](std::string message) {
    return PinHashProblem{Code::SchemaFormat, std::move(message)};
  };
  constexpr std::string_view prefix = crypto_pwhash_argon2id_STRPREFIX;
  if (hash.substr(0, prefix.size()) != prefix) {
    return bad("is not an Argon2id hash (one starts with \"$argon2id$\"); make one with "
               "`safequest-cli pin set`");
  }
  if (hash.size() >= crypto_pwhash_argon2id_STRBYTES) {
    return bad("is too long to be an Argon2id hash");
  }
  for (char c : hash) {
    if (c <= ' ' || c > '~') {
      return bad("contains a character that no Argon2id hash has");
    }
  }
  std::size_t pos = prefix.size();
  std::optional<std::uint64_t> memory;
  std::optional<std::uint64_t> passes;
  std::optional<std::uint64_t> lanes;
  const bool shaped = expect(hash, pos, "v=19$m=") && (memory = readNumber(hash, pos)) &&
                      expect(hash, pos, ",t=") && (passes = readNumber(hash, pos)) &&
                      expect(hash, pos, ",p=") && (lanes = readNumber(hash, pos)) &&
                      expect(hash, pos, "$");
  if (!shaped) {
    return bad("is not in the form $argon2id$v=19$m=...,t=...,p=...$salt$hash");
  }
  if (*memory > kMaxMemoryKiB || *passes > kMaxPasses || *lanes > kMaxLanes) {
    return PinHashProblem{Code::SchemaRange,
                          "asks for more memory or time per check than SafeQuest allows (at "
                          "most m=" +
                              std::to_string(kMaxMemoryKiB) + ", t=" + std::to_string(kMaxPasses) +
                              ", p=" + std::to_string(kMaxLanes) + ")"};
  }
  if (!sodiumReady()) {
    return bad("cannot be checked: libsodium could not be initialised");
  }
  // libsodium's own decoder has the last word on the salt and hash parts; it
  // returns -1 only when the string cannot be decoded.
  const std::string terminated(hash);
  if (crypto_pwhash_argon2id_str_needs_rehash(terminated.c_str(),
                                              crypto_pwhash_argon2id_OPSLIMIT_INTERACTIVE,
                                              crypto_pwhash_argon2id_MEMLIMIT_INTERACTIVE) < 0) {
    return bad("is not a well-formed Argon2id hash");
  }
  return std::nullopt;
}

bool verifyPin(std::string_view pin, std::string_view hash) {
  if (!isValidPin(pin) || pinHashProblem(hash)) {
    return false;
  }
  const std::string terminated(hash);
  return crypto_pwhash_argon2id_str_verify(terminated.c_str(), pin.data(), pin.size()) == 0;
}

// ---- lockout ---------------------------------------------------------------------

bool operator==(const PinLockout::State& a, const PinLockout::State& b) {
  return a.wrongTries == b.wrongTries && a.lockouts == b.lockouts && a.lockedAt == b.lockedAt &&
         a.lockSeconds == b.lockSeconds && a.lastWrongAt == b.lastWrongAt;
}

std::int64_t PinLockout::lockLength(int lockoutsBefore) const {
  // Doubled step by step, never shifted, so no count can overflow.
  std::int64_t length = std::max<std::int64_t>(0, mPolicy.firstLockSeconds);
  for (int i = 0; i < lockoutsBefore && length < mPolicy.maxLockSeconds; ++i) {
    length *= 2;
  }
  return std::min(length, mPolicy.maxLockSeconds);
}

PinLockout::State PinLockout::at(std::int64_t now) const {
  now = clampTime(now);
  State s = mState;
  const std::int64_t length = std::min(s.lockSeconds, mPolicy.maxLockSeconds);
  if (length > 0 && now < s.lockedAt) {
    s.lockedAt = now; // the clock went back: the lock starts again, no longer than it was
  }
  const bool locked = length > 0 && now < s.lockedAt + length;
  if (!locked) {
    s.lockedAt = 0;
    s.lockSeconds = 0;
  } else {
    s.lockSeconds = length;
  }
  if (now < s.lastWrongAt) {
    s.lastWrongAt = now;
  }
  if (!locked && (s.wrongTries > 0 || s.lockouts > 0) &&
      now - s.lastWrongAt >= mPolicy.forgetAfterSeconds) {
    s = State{};
  }
  return s;
}

std::int64_t PinLockout::secondsLeft(std::int64_t now) const {
  const State s = at(now);
  if (s.lockSeconds <= 0) {
    return 0;
  }
  return std::min(s.lockedAt + s.lockSeconds - clampTime(now), mPolicy.maxLockSeconds);
}

int PinLockout::triesLeft(std::int64_t now) const {
  const State s = at(now);
  if (s.lockSeconds > 0) {
    return 0;
  }
  // At least 1 when not locked: a state read from a file may already be past the
  // count, and then the next wrong try is the one that locks.
  const int allowed = s.lockouts == 0 ? mPolicy.triesBeforeLock : mPolicy.triesBetweenLocks;
  return std::max(1, allowed - s.wrongTries);
}

void PinLockout::recordWrong(std::int64_t now) {
  now = clampTime(now);
  State s = at(now);
  if (s.lockSeconds > 0) {
    mState = s;
    return;
  }
  s.wrongTries = std::min(s.wrongTries + 1, 1000);
  s.lastWrongAt = now;
  const int allowed = s.lockouts == 0 ? mPolicy.triesBeforeLock : mPolicy.triesBetweenLocks;
  if (s.wrongTries >= allowed) {
    s.lockSeconds = lockLength(s.lockouts);
    s.lockedAt = now;
    s.lockouts = std::min(s.lockouts + 1, 64);
    s.wrongTries = 0;
  }
  mState = s;
}

std::string PinLockout::toJson() const {
  nlohmann::ordered_json j = nlohmann::ordered_json::object();
  j["formatVersion"] = 1;
  j["wrongTries"] = mState.wrongTries;
  j["lockouts"] = mState.lockouts;
  j["lockedAt"] = mState.lockedAt;
  j["lockSeconds"] = mState.lockSeconds;
  j["lastWrongAt"] = mState.lastWrongAt;
  return settings_detail::dumpForFile(j);
}

PinLockout PinLockout::fromJson(std::string_view text, const std::string& file, Diagnostics& diags,
                                LockoutPolicy policy) {
  const int errorsBefore = diags.errorCount();
  auto doc = settings_detail::parseObject(text, file, {4096, 4}, diags);
  if (!doc) {
    return PinLockout(policy);
  }
  settings_detail::FieldReader r(*doc, file, diags);
  settings_detail::checkFormatVersion(r, 1);
  State s;
  s.wrongTries = static_cast<int>(r.integer("wrongTries", 0, 1000).value_or(0));
  s.lockouts = static_cast<int>(r.integer("lockouts", 0, 64).value_or(0));
  s.lockedAt = r.integer("lockedAt", 0, kMaxLockoutTime).value_or(0);
  s.lockSeconds = r.integer("lockSeconds", 0, 24 * 60 * 60).value_or(0);
  s.lastWrongAt = r.integer("lastWrongAt", 0, kMaxLockoutTime).value_or(0);
  r.finish();
  if (diags.errorCount() > errorsBefore) {
    return PinLockout(policy);
  }
  return PinLockout(policy, s);
}

std::string pinLockoutPath(const std::string& dataDir) {
  return (fs::path(dataDir) / "teacher-lockout.json").string();
}

PinLockout loadPinLockout(const std::string& path, Diagnostics& diags, LockoutPolicy policy) {
  auto file = settings_detail::readSmallFile(path, 4096, diags);
  if (file.state != settings_detail::FileState::Read) {
    return PinLockout(policy);
  }
  return PinLockout::fromJson(file.text, path, diags, policy);
}

bool savePinLockout(const std::string& path, const PinLockout& lockout, std::string& error) {
  const fs::path parent = fs::path(path).parent_path();
  if (!parent.empty()) {
    std::error_code ec;
    fs::create_directories(parent, ec);
    if (ec) {
      error = "cannot create the folder " + parent.string() + ": " + ec.message();
      return false;
    }
  }
  return writeFileAtomically(path, lockout.toJson(), error);
}

// ---- the PIN in the configuration -----------------------------------------------

PinState pinState(const EffectiveConfig& config) {
  if (!config.teacherPinHash.value.empty()) {
    return PinState::Set;
  }
  return config.teacherPinHash.locked() ? PinState::Unusable : PinState::NotSet;
}

bool needsPinSetup(const EffectiveConfig& config) {
  return pinState(config) == PinState::NotSet;
}

std::string_view pinCheckName(PinCheck check) {
  switch (check) {
  case PinCheck::Accepted:
    return "accepted";
  case PinCheck::Wrong:
    return "wrong";
  case PinCheck::LockedOut:
    return "locked-out";
  case PinCheck::NotSet:
    return "not-set";
  case PinCheck::Unusable:
    return "unusable";
  case PinCheck::Blocked:
    return "blocked";
  }
  return "";
}

PinCheck checkTeacherPin(std::string_view pin, const EffectiveConfig& config, PinLockout& lockout,
                         std::int64_t now) {
  switch (pinState(config)) {
  case PinState::NotSet:
    return PinCheck::NotSet;
  case PinState::Unusable:
    return PinCheck::Unusable;
  case PinState::Set:
    break;
  }
  lockout.observe(now);
  if (lockout.isLocked(now)) {
    return PinCheck::LockedOut;
  }
  if (verifyPin(pin, config.teacherPinHash.value)) {
    lockout.recordRight();
    return PinCheck::Accepted;
  }
  lockout.recordWrong(now);
  return PinCheck::Wrong;
}

bool writePinHash(const std::string& path, const std::string& hash, std::string& error) {
  ConfigLayer change;
  change.teacherPinHash = hash;
  return updateConfigFile(path, change, {}, error);
}

bool setTeacherPin(std::string_view pin, const EffectiveConfig& config,
                   const std::string& userConfigFile, std::string& error) {
  if (config.isLocked(ConfigField::TeacherPinHash)) {
    error = "the machine configuration sets the teacher PIN; ask IT to change it there";
    return false;
  }
  if (pinState(config) == PinState::Set) {
    error = "a teacher PIN is set already; changing it needs the old PIN";
    return false;
  }
  if (const PinWeakness weak = pinWeakness(pin); weak != PinWeakness::None) {
    error = std::string(pinWeaknessMessage(weak));
    return false;
  }
  auto hash = hashPin(pin, error);
  if (!hash) {
    return false;
  }
  return writePinHash(userConfigFile, *hash, error);
}

} // namespace sq
