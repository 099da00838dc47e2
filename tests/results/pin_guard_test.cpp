// The teacher PIN's lockout kept in the records store (results/pin_guard): tries
// counted across restarts; the old lockout file deleted, made a folder or filled
// with garbage changes nothing; a damaged or deleted state, or a store that will
// not open, blocks the PIN until IT clears it; 20 tries at once from 20 threads,
// each with its own connection, are all counted, and once locked the rest are
// refused unchecked; IT's new machine PIN starts clean; changing the PIN needs
// the old one, except through the machine configuration.
#include "results/pin_guard.hpp"
#include "results/results_store.hpp"
#include "settings/teacher_pin.hpp"
#include "support/temp_dir.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>
#include <sqlite3.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <thread>
#include <vector>

namespace fs = std::filesystem;
using namespace sq;

namespace {

constexpr std::int64_t T0 = 1'772'530'000;

const std::string& hashOf(const std::string& pin) {
  static std::map<std::string, std::string> cache;
  auto it = cache.find(pin);
  if (it == cache.end()) {
    std::string error;
    it = cache.emplace(pin, hashPin(pin, error).value_or("")).first;
  }
  return it->second;
}

EffectiveConfig withPin(const std::string& pin, bool machine = false) {
  ConfigLayer layer;
  layer.teacherPinHash = hashOf(pin);
  return machine ? resolveConfig(layer, {}, {}) : resolveConfig({}, layer, {});
}

struct Pc {
  sq::test::TempDir tmp;
  std::string data() const { return (tmp.path() / "data").string(); }
  std::string legacy() const { return pinLockoutPath(data()); }
  PinGuard guard(LockoutPolicy policy = {}) const {
    PinGuardOptions options;
    options.policy = policy;
    options.legacyLockoutFile = legacy();
    return PinGuard(data(), options);
  }
  // Runs `sql` on the records store, as someone with an SQLite tool could.
  void sql(const std::string& statement, const std::string& value = "") const {
    std::string error;
    auto store = ResultsStore::open(data(), error);
    REQUIRE_MESSAGE(store, error);
    sqlite3_stmt* s = nullptr;
    REQUIRE(sqlite3_prepare_v2(store->handle(), statement.c_str(), -1, &s, nullptr) == SQLITE_OK);
    if (sqlite3_bind_parameter_count(s) > 0) {
      sqlite3_bind_text(s, 1, value.c_str(), -1, SQLITE_TRANSIENT);
    }
    CHECK(sqlite3_step(s) == SQLITE_DONE);
    sqlite3_finalize(s);
  }
  std::optional<std::string> meta(const char* key) const {
    std::string error;
    auto store = ResultsStore::open(data(), error);
    REQUIRE_MESSAGE(store, error);
    sqlite3_stmt* s = nullptr;
    sqlite3_prepare_v2(store->handle(), "SELECT value FROM meta WHERE key = ?", -1, &s, nullptr);
    sqlite3_bind_text(s, 1, key, -1, SQLITE_TRANSIENT);
    std::optional<std::string> out;
    if (sqlite3_step(s) == SQLITE_ROW) {
      out = reinterpret_cast<const char*>(sqlite3_column_text(s, 0));
    }
    sqlite3_finalize(s);
    return out;
  }
  nlohmann::json lockoutState() const {
    const auto text = meta(kPinLockoutKey);
    REQUIRE(text);
    const auto j = nlohmann::json::parse(*text, nullptr, false);
    REQUIRE(j.is_object());
    REQUIRE(j.contains("lockout"));
    return j["lockout"];
  }
};

void lockWithFiveWrong(const Pc& pc, const EffectiveConfig& config, std::int64_t now) {
  for (int i = 0; i < 5; ++i) {
    REQUIRE(pc.guard().check("9999", config, now).result == PinCheck::Wrong);
  }
}

} // namespace

TEST_CASE("pin guard: wrong tries are kept in the records store and survive a restart") {
  Pc pc;
  const EffectiveConfig config = withPin("4705");
  for (int i = 0; i < 4; ++i) {
    const PinGuardAnswer a = pc.guard().check("9999", config, T0 + i); // a new guard each time
    CHECK(a.result == PinCheck::Wrong);
    CHECK(a.triesLeft == 4 - i);
  }
  const PinGuardAnswer fifth = pc.guard().check("9999", config, T0 + 4);
  CHECK(fifth.result == PinCheck::Wrong);
  CHECK(fifth.secondsLeft == 60);
  CHECK(pc.lockoutState()["lockouts"] == 1);
  CHECK(pc.meta(kPinLockoutArmedKey));
  CHECK(!fs::exists(pc.legacy())); // nothing is written beside teacher.json any more
  // Locked: the right PIN is not even checked.
  CHECK(pc.guard().check("4705", config, T0 + 30).result == PinCheck::LockedOut);
  const PinGuardAnswer status = pc.guard().status(config, T0 + 30);
  CHECK(status.result == PinCheck::LockedOut);
  CHECK(status.secondsLeft == 34);
  CHECK(pc.guard().check("4705", config, T0 + 64).result == PinCheck::Accepted);
  CHECK(pc.guard().status(config, T0 + 64).triesLeft == 5);
}

TEST_CASE("pin guard: the old lockout file deleted, made a folder or filled with garbage "
          "changes nothing") {
  Pc pc;
  const EffectiveConfig config = withPin("4705");
  lockWithFiveWrong(pc, config, T0);
  const std::vector<std::function<void()>> attacks = {
      [&] { fs::remove_all(pc.legacy()); },
      [&] {
        fs::remove_all(pc.legacy());
        fs::create_directories(pc.legacy());
      },
      [&] {
        fs::remove_all(pc.legacy());
        std::ofstream(pc.legacy(), std::ios::binary) << std::string(5000, '\x7f');
      },
      [&] {
        fs::remove_all(pc.legacy());
        std::ofstream(pc.legacy()) << PinLockout().toJson(); // a sane, clean state
      },
  };
  for (std::size_t i = 0; i < attacks.size(); ++i) {
    CAPTURE(i);
    attacks[i]();
    CHECK(pc.guard().check("4705", config, T0 + 10).result == PinCheck::LockedOut);
    CHECK(pc.guard().status(config, T0 + 10).result == PinCheck::LockedOut);
  }
}

TEST_CASE("pin guard: a sane old lockout file is carried over once; a damaged one is not") {
  Pc pc;
  const EffectiveConfig config = withPin("4705");
  PinLockout old;
  for (int i = 0; i < 5; ++i) {
    old.recordWrong(T0);
  }
  fs::create_directories(pc.data());
  std::string error;
  REQUIRE(savePinLockout(pc.legacy(), old, error));
  CHECK(pc.guard().check("4705", config, T0 + 10).result == PinCheck::LockedOut);
  CHECK(pc.guard().check("9999", config, T0 + 60).result == PinCheck::Wrong); // now in the store
  fs::remove(pc.legacy());
  CHECK(pc.guard().status(config, T0 + 61).result == PinCheck::LockedOut);

  Pc fresh;
  fs::create_directories(fresh.data());
  std::ofstream(fresh.legacy()) << "{ not json";
  CHECK(fresh.guard().check("4705", config, T0).result == PinCheck::Accepted);
}

TEST_CASE("pin guard: a damaged state in the store blocks even the right PIN until IT clears "
          "it") {
  const EffectiveConfig config = withPin("4705");
  const std::string goodLockout = PinLockout().toJson();
  const std::vector<std::string> damaged = {
      "",
      "not json",
      "[]",
      "{}",
      R"({"formatVersion": 2, "pin": "", "lockout": {}})",
      R"({"formatVersion": 1, "pin": 7, "lockout": {}})",
      R"({"formatVersion": 1, "pin": "", "lockout": {"wrongTries": -1}})",
      R"({"formatVersion": 1, "pin": "", "lockout": {"lockouts": "3"}})",
      R"({"formatVersion": 1, "pin": "", "lockout": {"wrongTries": 0, "extra": 1}})",
      R"({"formatVersion": 1, "pin": "", "lockout": {}, "wrongTries": 0})",
      std::string(5000, ' ') + "{}",
  };
  for (const std::string& value : damaged) {
    CAPTURE(value.substr(0, 80));
    Pc pc;
    REQUIRE(pc.guard().check("4705", config, T0).result == PinCheck::Accepted);
    pc.sql("UPDATE meta SET value = ? WHERE key = 'pin_lockout'", value);
    const PinGuardAnswer a = pc.guard().check("4705", config, T0 + 1);
    CHECK(a.result == PinCheck::Blocked);
    CHECK(a.problem.find("safequest-cli pin unlock") != std::string::npos);
    CHECK(a.problem.find("pin set --config") != std::string::npos);
    CHECK(pc.guard().status(config, T0 + 1).result == PinCheck::Blocked);
    CHECK(pc.meta(kPinLockoutKey) == value); // left as it is, for IT to see
    std::string error;
    REQUIRE_MESSAGE(pc.guard().clear(config, error), error);
    CHECK(pc.guard().check("4705", config, T0 + 2).result == PinCheck::Accepted);
  }
}

TEST_CASE("pin guard: a state deleted from a store that kept one blocks the PIN") {
  Pc pc;
  const EffectiveConfig config = withPin("4705");
  lockWithFiveWrong(pc, config, T0);
  pc.sql("DELETE FROM meta WHERE key = 'pin_lockout'");
  CHECK(pc.guard().check("4705", config, T0 + 1).result == PinCheck::Blocked);
  CHECK(pc.guard().check("4705", config, T0 + 3600).result == PinCheck::Blocked);
}

TEST_CASE("pin guard: a records store that cannot be opened blocks the PIN") {
  const EffectiveConfig config = withPin("4705");
  {
    Pc pc;
    fs::create_directories(fs::path(pc.data()) / "safequest.sqlite"); // a folder in its place
    const PinGuardAnswer a = pc.guard().check("4705", config, T0);
    CHECK(a.result == PinCheck::Blocked);
    CHECK(a.problem.find("cannot be opened") != std::string::npos);
  }
  {
    Pc pc;
    fs::create_directories(pc.data());
    std::ofstream(fs::path(pc.data()) / "safequest.sqlite", std::ios::binary)
        << std::string(8192, 'G');
    CHECK(pc.guard().check("4705", config, T0).result == PinCheck::Blocked);
    CHECK(pc.guard().status(config, T0).result == PinCheck::Blocked);
  }
  // No PIN, or an unusable one, is decided by the configuration alone.
  Pc pc;
  fs::create_directories(fs::path(pc.data()) / "safequest.sqlite");
  CHECK(pc.guard().check("4705", resolveConfig({}, {}, {}), T0).result == PinCheck::NotSet);
}

TEST_CASE("pin guard: 20 tries at once, each on its own connection, are all counted") {
  Pc pc;
  const EffectiveConfig config = withPin("4705");
  LockoutPolicy roomy;
  roomy.triesBeforeLock = 100; // so that all 20 count as wrong tries, none as locks
  REQUIRE(pc.guard(roomy).status(config, T0).result == PinCheck::Accepted); // the store exists
  std::atomic<int> wrong{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < 20; ++i) {
    threads.emplace_back([&] {
      if (pc.guard(roomy).check("9999", config, T0).result == PinCheck::Wrong) {
        ++wrong;
      }
    });
  }
  for (auto& t : threads) {
    t.join();
  }
  CHECK(wrong == 20);
  CHECK(pc.lockoutState()["wrongTries"] == 20);
  CHECK(pc.guard(roomy).status(config, T0).triesLeft == 80);
}

TEST_CASE("pin guard: 20 wrong tries at once: five are checked, the lock refuses the rest") {
  Pc pc;
  const EffectiveConfig config = withPin("4705");
  REQUIRE(pc.guard().status(config, T0).result == PinCheck::Accepted);
  std::atomic<int> wrong{0};
  std::atomic<int> locked{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < 20; ++i) {
    threads.emplace_back([&] {
      const PinCheck r = pc.guard().check("9999", config, T0).result;
      if (r == PinCheck::Wrong) {
        ++wrong;
      } else if (r == PinCheck::LockedOut) {
        ++locked;
      }
    });
  }
  for (auto& t : threads) {
    t.join();
  }
  CHECK(wrong == 5);
  CHECK(locked == 15);
  CHECK(pc.lockoutState()["lockouts"] == 1);
  CHECK(pc.guard().status(config, T0).secondsLeft == 60);
}

TEST_CASE("pin guard: IT's new machine PIN starts clean; a changed teacher.json does not") {
  Pc pc;
  lockWithFiveWrong(pc, withPin("4705", true), T0);
  CHECK(pc.guard().check("4705", withPin("4705", true), T0 + 1).result == PinCheck::LockedOut);
  // IT writes another hash into the machine configuration: that PIN is not locked.
  CHECK(pc.guard().check("3816", withPin("3816", true), T0 + 2).result == PinCheck::Accepted);

  Pc user;
  lockWithFiveWrong(user, withPin("4705"), T0);
  // A pupil who swaps teacher.json's hash for one they know gains nothing here.
  CHECK(user.guard().check("3816", withPin("3816"), T0 + 2).result == PinCheck::LockedOut);
}

TEST_CASE("pin guard: changing teacher.json's PIN needs the old one; IT's file does not") {
  Pc pc;
  fs::create_directories(pc.data());
  const std::string userFile = userConfigPath(pc.data());
  const std::string machineFile = (pc.tmp.path() / "config.json").string();
  const auto load = [&] { return loadConfig(machineFile, pc.data()).effective; };
  const PinTarget user{userFile, false};

  // The first PIN needs no old one, but must not be weak.
  CHECK(pc.guard().change("", "1234", load(), user, T0).result == PinChangeResult::Weak);
  CHECK(!fs::exists(userFile));
  REQUIRE(pc.guard().change("", "4705", load(), user, T0).result == PinChangeResult::Changed);
  CHECK(pinState(load()) == PinState::Set);

  // Without the old PIN, or with a wrong one: refused, and counted as a wrong try.
  PinChange c = pc.guard().change("", "3816", load(), user, T0 + 1);
  CHECK(c.result == PinChangeResult::WrongOldPin);
  CHECK(c.message.find("old PIN") != std::string::npos);
  CHECK(pc.guard().change("9999", "3816", load(), user, T0 + 2).result ==
        PinChangeResult::WrongOldPin);
  CHECK(pc.guard().status(load(), T0 + 3).triesLeft == 3);
  CHECK(pc.guard().check("3816", load(), T0 + 3).result == PinCheck::Wrong);
  // A weak new PIN is refused before the old one is checked (no try is used up).
  CHECK(pc.guard().change("4705", "0000", load(), user, T0 + 4).result == PinChangeResult::Weak);
  CHECK(pc.guard().status(load(), T0 + 4).triesLeft == 2);

  // The right old PIN: changed, and the lockout starts clean.
  c = pc.guard().change("4705", "3816", load(), user, T0 + 5);
  CHECK(c.result == PinChangeResult::Changed);
  CHECK(c.message.empty());
  CHECK(pc.guard().status(load(), T0 + 5).triesLeft == 5);
  CHECK(pc.guard().check("3816", load(), T0 + 6).result == PinCheck::Accepted);
  CHECK(pc.guard().check("4705", load(), T0 + 7).result == PinCheck::Wrong);

  // Locked out: the old PIN is not checked, so a change is refused.
  for (int i = 0; i < 4; ++i) {
    pc.guard().check("9999", load(), T0 + 8);
  }
  CHECK(pc.guard().change("3816", "5926", load(), user, T0 + 9).result ==
        PinChangeResult::LockedOut);

  // IT's reset path: the machine configuration takes a new PIN without the old one,
  // clears the lockout, and wins over teacher.json from then on.
  c = pc.guard().change("", "5926", load(), PinTarget{machineFile, true}, T0 + 10);
  CHECK(c.result == PinChangeResult::Changed);
  CHECK(load().teacherPinHash.locked());
  CHECK(pc.guard().check("5926", load(), T0 + 11).result == PinCheck::Accepted);
  CHECK(pc.guard().change("5926", "6037", load(), user, T0 + 12).result ==
        PinChangeResult::MachineSetsPin);
}

TEST_CASE("pin guard: IT's machine path also clears a blocked state") {
  Pc pc;
  const std::string machineFile = (pc.tmp.path() / "config.json").string();
  const auto load = [&] { return loadConfig(machineFile, pc.data()).effective; };
  REQUIRE(pc.guard().change("", "4705", load(), PinTarget{machineFile, true}, T0).result ==
          PinChangeResult::Changed);
  pc.sql("UPDATE meta SET value = 'garbage' WHERE key = 'pin_lockout'");
  CHECK(pc.guard().check("4705", load(), T0 + 1).result == PinCheck::Blocked);
  REQUIRE(pc.guard().change("", "3816", load(), PinTarget{machineFile, true}, T0 + 2).result ==
          PinChangeResult::Changed);
  CHECK(pc.guard().check("3816", load(), T0 + 3).result == PinCheck::Accepted);
}
