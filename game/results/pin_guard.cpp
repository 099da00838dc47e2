#include "results/pin_guard.hpp"

#include "results/teacher_key.hpp"

#include "results/sqlite_statement.hpp"
#include "settings/pin_rules.hpp"

#include <nlohmann/json.hpp>
#include <sodium.h>

#include <cstdio>
#include <optional>

namespace sq {

namespace {

constexpr std::size_t kMaxStateBytes = 4096;

// A short, stable name for a PIN hash (BLAKE2b, 128 bits, hex): the state says
// which PIN it guards without holding the hash itself.
std::string fingerprint(const std::string& hash) {
  if (hash.empty() || sodium_init() < 0) {
    return "";
  }
  unsigned char out[16];
  crypto_generichash(out, sizeof out, reinterpret_cast<const unsigned char*>(hash.data()),
                     hash.size(), nullptr, 0);
  char hex[sizeof out * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, out, sizeof out);
  return hex;
}

std::string recordJson(const PinLockout& lockout, const std::string& pinId) {
  nlohmann::ordered_json j = nlohmann::ordered_json::object();
  j["formatVersion"] = 1;
  j["pin"] = pinId;
  j["lockout"] = nlohmann::ordered_json::parse(lockout.toJson(), nullptr, false);
  return j.dump();
}

struct Record {
  PinLockout lockout;
  std::string pinId;
};

// The stored record, or nullopt (with `problem`) when it is anything but exactly
// what recordJson writes.
std::optional<Record> parseRecord(const std::string& text, const LockoutPolicy& policy,
                                  std::string& problem) {
  if (text.size() > kMaxStateBytes) {
    problem = "is too large";
    return std::nullopt;
  }
  const auto j = nlohmann::json::parse(text, nullptr, false);
  if (j.is_discarded() || !j.is_object()) {
    problem = "is not a JSON object";
    return std::nullopt;
  }
  for (auto it = j.begin(); it != j.end(); ++it) {
    if (it.key() != "formatVersion" && it.key() != "pin" && it.key() != "lockout") {
      problem = "has an unknown field \"" + it.key() + "\"";
      return std::nullopt;
    }
  }
  const auto version = j.find("formatVersion");
  const auto pin = j.find("pin");
  const auto lockout = j.find("lockout");
  if (version == j.end() || !version->is_number_integer() || *version != 1) {
    problem = "is not formatVersion 1";
    return std::nullopt;
  }
  if (pin == j.end() || !pin->is_string() || lockout == j.end() || !lockout->is_object()) {
    problem = "lacks its pin or lockout fields";
    return std::nullopt;
  }
  Diagnostics diags;
  Record r{PinLockout::fromJson(lockout->dump(), kPinLockoutKey, diags, policy),
           pin->get_ref<const std::string&>()};
  if (diags.hasErrors() || diags.warningCount() > 0) {
    problem = diags.all().empty() ? "is damaged" : diags.all().front().message;
    return std::nullopt;
  }
  return r;
}

// What the saved state means for the PIN in `config`: a lockout, or why there is
// none to trust.
struct Resolved {
  std::optional<PinLockout> lockout;
  std::string problem; // when !lockout
};

Resolved resolve(const std::optional<std::string>& text, bool armed, const EffectiveConfig& config,
                 const PinGuardOptions& options) {
  const std::string pinId = fingerprint(config.teacherPinHash.value);
  if (!text) {
    if (armed) {
      return {std::nullopt, "is missing, though this records store has kept one before"};
    }
    // Never kept here: carry over a sane state from the old file, else start clean.
    if (!options.legacyLockoutFile.empty()) {
      Diagnostics diags;
      PinLockout old = loadPinLockout(options.legacyLockoutFile, diags, options.policy);
      if (!diags.hasErrors()) {
        return {old, ""};
      }
    }
    return {PinLockout(options.policy), ""};
  }
  std::string problem;
  auto record = parseRecord(*text, options.policy, problem);
  if (!record) {
    return {std::nullopt, problem};
  }
  if (config.teacherPinHash.locked() && record->pinId != pinId) {
    // IT has put a new PIN in the machine configuration: it starts clean.
    return {PinLockout(options.policy), ""};
  }
  return {record->lockout, ""};
}

std::string blockedProblem(const std::string& storePath, const std::string& what) {
  return "the teacher PIN's lockout state in " + storePath + " " + what +
         ", so the PIN counts as locked. " + pinBlockedHelp();
}

// One connection to the records store, with the state read inside a write
// transaction when `write` is set.
class Session {
public:
  Session(const std::string& dataDir, const PinGuardOptions& options, bool write) {
    mStore = ResultsStore::open(dataDir, mError, options.store);
    if (!mStore) {
      mError = "the records store cannot be opened (" + mError +
               "), so the teacher PIN counts as locked. " + pinBlockedHelp();
      return;
    }
    sqlite3_busy_timeout(mStore->handle(), options.busyTimeoutMs);
    if (write && !exec("BEGIN IMMEDIATE")) {
      mError = "the records store " + mStore->path() + " cannot be written (" + mError +
               "), so the teacher PIN counts as locked. " + pinBlockedHelp();
      mStore.reset();
      return;
    }
    mInTransaction = write;
    if (!readMeta(kPinLockoutKey, mText) || !readMeta(kPinLockoutArmedKey, mArmedText)) {
      mError = blockedProblem(mStore->path(), "cannot be read (" + mError + ")");
      rollback();
      mStore.reset();
    }
  }
  ~Session() { rollback(); }
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;

  bool ok() const { return mStore != nullptr; }
  const std::string& error() const { return mError; }
  const std::string& path() const { return mStore->path(); }
  const std::optional<std::string>& text() const { return mText; }
  bool armed() const { return mArmedText.has_value(); }

  // Writes the state and the armed mark, then commits.
  bool save(const std::string& json, std::string& error) {
    SqlStatement s(mStore->handle(), "INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)");
    s.bind(1, std::string(kPinLockoutKey));
    s.bind(2, json);
    bool ok = s.ok() && s.step() == SQLITE_DONE;
    s.reset();
    s.bind(1, std::string(kPinLockoutArmedKey));
    s.bind(2, std::string("1"));
    ok = ok && s.step() == SQLITE_DONE;
    if (!ok) {
      error =
          std::string("could not write to the records store: ") + sqlite3_errmsg(mStore->handle());
      return false;
    }
    if (!exec("COMMIT")) {
      error = mError;
      return false;
    }
    mInTransaction = false;
    return true;
  }

private:
  bool exec(const char* sql) {
    char* message = nullptr;
    if (sqlite3_exec(mStore->handle(), sql, nullptr, nullptr, &message) != SQLITE_OK) {
      mError = message ? message : sqlite3_errmsg(mStore->handle());
      sqlite3_free(message);
      return false;
    }
    return true;
  }
  void rollback() {
    if (mStore && mInTransaction) {
      sqlite3_exec(mStore->handle(), "ROLLBACK", nullptr, nullptr, nullptr);
      mInTransaction = false;
    }
  }
  bool readMeta(const char* key, std::optional<std::string>& out) {
    SqlStatement s(mStore->handle(), "SELECT value FROM meta WHERE key = ?");
    if (!s.ok()) {
      mError = sqlite3_errmsg(mStore->handle());
      return false;
    }
    s.bind(1, std::string(key));
    const int rc = s.step();
    if (rc == SQLITE_ROW) {
      out = s.text(0);
      return true;
    }
    if (rc != SQLITE_DONE) {
      mError = sqlite3_errmsg(mStore->handle());
      return false;
    }
    return true;
  }

  std::unique_ptr<ResultsStore> mStore;
  std::string mError;
  std::optional<std::string> mText;
  std::optional<std::string> mArmedText;
  bool mInTransaction = false;
};

PinGuardAnswer fromConfig(const EffectiveConfig& config) {
  PinGuardAnswer a;
  switch (pinState(config)) {
  case PinState::NotSet:
    a.result = PinCheck::NotSet;
    break;
  case PinState::Unusable:
    a.result = PinCheck::Unusable;
    break;
  case PinState::Set:
    a.result = PinCheck::Accepted; // the store decides
    break;
  }
  return a;
}

PinGuardAnswer blocked(std::string problem) {
  PinGuardAnswer a;
  a.result = PinCheck::Blocked;
  a.problem = std::move(problem);
  return a;
}

void describe(PinGuardAnswer& a, const PinLockout& lockout, std::int64_t now) {
  a.secondsLeft = lockout.secondsLeft(now);
  a.triesLeft = lockout.triesLeft(now);
}

} // namespace

std::string pinBlockedHelp() {
  return "IT can clear it: run `safequest-cli pin unlock` as someone who can write the machine "
         "configuration (which must hold the PIN), or set a new PIN there with `safequest-cli "
         "pin set --config FILE`.";
}

PinGuard::PinGuard(std::string dataDir, PinGuardOptions options)
    : mDataDir(std::move(dataDir)), mOptions(std::move(options)) {}

PinGuardAnswer PinGuard::check(std::string_view pin, const EffectiveConfig& config,
                               std::int64_t now) const {
  PinGuardAnswer answer = fromConfig(config);
  if (answer.result != PinCheck::Accepted) {
    return answer;
  }
  Session session(mDataDir, mOptions, true);
  if (!session.ok()) {
    return blocked(session.error());
  }
  Resolved state = resolve(session.text(), session.armed(), config, mOptions);
  if (!state.lockout) {
    return blocked(blockedProblem(session.path(), state.problem));
  }
  PinLockout& lockout = *state.lockout;
  answer.result = checkTeacherPin(pin, config, lockout, now);
  describe(answer, lockout, now);
  if (answer.result == PinCheck::LockedOut) {
    return answer; // nothing was checked, so nothing to record
  }
  std::string error;
  if (!session.save(recordJson(lockout, fingerprint(config.teacherPinHash.value)), error) &&
      answer.result != PinCheck::Accepted) {
    // A wrong try that cannot be counted must not be answered as one.
    return blocked("a wrong PIN could not be counted (" + error +
                   "), so the PIN counts as locked. " + pinBlockedHelp());
  }
  return answer;
}

PinGuardAnswer PinGuard::status(const EffectiveConfig& config, std::int64_t now) const {
  PinGuardAnswer answer = fromConfig(config);
  if (answer.result != PinCheck::Accepted) {
    return answer;
  }
  Session session(mDataDir, mOptions, false);
  if (!session.ok()) {
    return blocked(session.error());
  }
  const Resolved state = resolve(session.text(), session.armed(), config, mOptions);
  if (!state.lockout) {
    return blocked(blockedProblem(session.path(), state.problem));
  }
  describe(answer, *state.lockout, now);
  if (state.lockout->isLocked(now)) {
    answer.result = PinCheck::LockedOut;
  }
  return answer;
}

PinChange PinGuard::change(std::string_view oldPin, std::string_view newPin,
                           const EffectiveConfig& config, const PinTarget& target,
                           std::int64_t now) const {
  PinChange out;
  if (const PinWeakness weak = pinWeakness(newPin); weak != PinWeakness::None) {
    out.result = PinChangeResult::Weak;
    out.message = std::string(pinWeaknessMessage(weak));
    return out;
  }
  if (!target.machine && config.teacherPinHash.locked()) {
    out.result = PinChangeResult::MachineSetsPin;
    out.message = "the machine configuration sets the teacher PIN, and it wins over " +
                  target.file + "; IT changes it there";
    return out;
  }
  // teacher.json holding a PIN: only someone who knows it may change it.
  const bool needsOldPin = !target.machine && pinState(config) == PinState::Set;
  Session session(mDataDir, mOptions, true);
  if (!session.ok()) {
    out.result = PinChangeResult::Blocked;
    out.message = session.error();
    return out;
  }
  if (needsOldPin) {
    Resolved state = resolve(session.text(), session.armed(), config, mOptions);
    if (!state.lockout) {
      out.result = PinChangeResult::Blocked;
      out.message = blockedProblem(session.path(), state.problem);
      return out;
    }
    const PinCheck c = checkTeacherPin(oldPin, config, *state.lockout, now);
    out.secondsLeft = state.lockout->secondsLeft(now);
    if (c == PinCheck::LockedOut) {
      out.result = PinChangeResult::LockedOut;
      out.message = "locked after too many wrong PINs; try again in " +
                    std::to_string(out.secondsLeft) + " s";
      return out;
    }
    if (c != PinCheck::Accepted) {
      std::string error;
      const bool counted =
          session.save(recordJson(*state.lockout, fingerprint(config.teacherPinHash.value)), error);
      out.result = counted ? PinChangeResult::WrongOldPin : PinChangeResult::Blocked;
      out.message = counted
                        ? "the old PIN is not right; changing the PIN needs it (or IT sets "
                          "the new PIN in the machine configuration)"
                        : "a wrong PIN could not be counted (" + error + "). " + pinBlockedHelp();
      return out;
    }
  }
  std::string error;
  const auto hash = hashPin(newPin, error);
  if (!hash || !writePinHash(target.file, *hash, error)) {
    out.result = PinChangeResult::Failed;
    out.message = error;
    return out;
  }
  // The new PIN starts clean. Should this commit fail, the new PIN is set all the
  // same; its first right entry clears the state.
  if (!session.save(recordJson(PinLockout(mOptions.policy), fingerprint(*hash)), error)) {
    out.result = PinChangeResult::Failed;
    out.message = "the PIN was set, but its lockout could not be cleared: " + error;
    return out;
  }
  out.result = PinChangeResult::Changed;
  if (!onPinChanged(needsOldPin ? oldPin : std::string_view(), newPin, mDataDir, error)) {
    out.message = "the PIN was set, but " + error;
  }
  return out;
}

bool PinGuard::clear(const EffectiveConfig& config, std::string& error) const {
  Session session(mDataDir, mOptions, true);
  if (!session.ok()) {
    error = session.error();
    return false;
  }
  return session.save(
      recordJson(PinLockout(mOptions.policy), fingerprint(config.teacherPinHash.value)), error);
}

bool onPinChanged(std::string_view oldPin, std::string_view newPin, const std::string& dataDir,
                  std::string& error) {
  // The teacher's signing key is sealed with the PIN (results/teacher_key): it is
  // sealed again under the new one, so erasing and publishing the class list keep
  // working. A store with no key has nothing to reseal.
  auto store = ResultsStore::open(dataDir, error);
  if (!store) {
    error = "the teacher's signing key could not be resealed: " + error;
    return false;
  }
  if (!hasTeacherKey(*store)) {
    return true;
  }
  if (oldPin.empty()) {
    // IT set the PIN without the old one, which the seal needs.
    error = "the teacher's signing key is still sealed with the old PIN: run "
            "safequest-cli teacher-key reseal with the old and new PIN";
    return false;
  }
  if (!resealTeacherKey(*store, oldPin, newPin, error)) {
    error = "the teacher's signing key could not be resealed: " + error;
    return false;
  }
  return true;
}

} // namespace sq
