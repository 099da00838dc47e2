// The teacher PIN: what counts as a PIN, Argon2id hashing and verifying, which
// stored hashes are accepted, the lockout state machine (timing, doubling, the
// cap, reset on success, forgetting after a day, a clock put back, surviving a
// restart), and the PIN as the configuration provides it (first run, precedence).
#include "settings/teacher_pin.hpp"
#include "support/temp_dir.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <string>

namespace fs = std::filesystem;
using namespace sq;

namespace {

const std::string& hash4705() {
  static const std::string hash = [] {
    std::string error;
    return hashPin("4705", error).value_or("");
  }();
  return hash;
}

EffectiveConfig withPin(const std::string& hash, bool machine = false) {
  ConfigLayer layer;
  layer.teacherPinHash = hash;
  return machine ? resolveConfig(layer, {}, {}) : resolveConfig({}, layer, {});
}

constexpr std::int64_t T0 = 1'772'530'000; // a March 2026 morning

} // namespace

TEST_CASE("pin: 4 to 8 digits, nothing else") {
  // Weak PINs are refused only when one is chosen (pin_rules); typed, they are PINs.
  for (const char* good : {"0000", "1234", "12345678", "00000"}) {
    CHECK_MESSAGE(isValidPin(good), good);
  }
  for (const char* bad :
       {"", "123", "123456789", "12a4", " 1234", "1234\n", "١٢٣٤", "-123", "12.4"}) {
    CHECK_MESSAGE(!isValidPin(bad), bad);
  }
}

TEST_CASE("pin: an Argon2id hash verifies the right PIN only") {
  const std::string& hash = hash4705();
  REQUIRE(!hash.empty());
  CHECK(hash.rfind("$argon2id$v=19$m=65536,t=2,p=1$", 0) == 0);
  CHECK(!pinHashProblem(hash));
  CHECK(verifyPin("4705", hash));
  CHECK(!verifyPin("4706", hash));
  CHECK(!verifyPin("47050", hash));
  CHECK(!verifyPin("abcd", hash));
  CHECK(!verifyPin("", hash));
  // Two hashes of one PIN differ (random salt) and both verify.
  std::string error;
  const auto again = hashPin("4705", error);
  REQUIRE(again);
  CHECK(*again != hash);
  CHECK(verifyPin("4705", *again));
}

TEST_CASE("pin: hashing refuses what is not a PIN") {
  std::string error;
  CHECK(!hashPin("12", error));
  CHECK(!error.empty());
}

TEST_CASE("pin: stored hashes that are refused, and why") {
  const std::string& good = hash4705();
  const std::string tail = good.substr(good.find("$", 30)); // "$salt$hash"
  struct Case {
    std::string hash;
    Code code;
  };
  const std::vector<Case> cases = {
      {"", Code::SchemaFormat},
      {"1234", Code::SchemaFormat},
      {"$2y$10$abcdefghijklmnopqrstuu", Code::SchemaFormat},               // bcrypt
      {"$argon2i$v=19$m=65536,t=2,p=1" + tail, Code::SchemaFormat},        // argon2i
      {"$argon2id$v=16$m=65536,t=2,p=1" + tail, Code::SchemaFormat},       // old version
      {"$argon2id$v=19$m=65536,t=2" + tail, Code::SchemaFormat},           // no p
      {"$argon2id$v=19$m=65536,t=2,p=1$", Code::SchemaFormat},             // no salt
      {"$argon2id$v=19$m=65536,t=2,p=1$!!!$???", Code::SchemaFormat},      // not base64
      {good + " ", Code::SchemaFormat},                                    // trailing space
      {good + std::string(200, 'A'), Code::SchemaFormat},                  // too long
      {"$argon2id$v=19$m=4194304,t=2,p=1" + tail, Code::SchemaRange},      // 4 GiB
      {"$argon2id$v=19$m=65536,t=100,p=1" + tail, Code::SchemaRange},      // 100 passes
      {"$argon2id$v=19$m=99999999999,t=2,p=1" + tail, Code::SchemaFormat}, // 11 digits
  };
  for (const Case& c : cases) {
    INFO(c.hash);
    const auto problem = pinHashProblem(c.hash);
    REQUIRE(problem);
    CHECK(problem->code == c.code);
    CHECK(!problem->message.empty());
    CHECK(!verifyPin("4705", c.hash));
  }
  // Within the limits, a stronger hash than ours is fine.
  CHECK(!pinHashProblem("$argon2id$v=19$m=262144,t=4,p=1" + tail));
}

TEST_CASE("lockout: five wrong tries lock for 60 s") {
  PinLockout l;
  CHECK(!l.isLocked(T0));
  CHECK(l.triesLeft(T0) == 5);
  for (int i = 0; i < 4; ++i) {
    l.recordWrong(T0 + i);
    CHECK(!l.isLocked(T0 + i));
    CHECK(l.triesLeft(T0 + i) == 4 - i);
  }
  l.recordWrong(T0 + 4);
  CHECK(l.isLocked(T0 + 4));
  CHECK(l.secondsLeft(T0 + 4) == 60);
  CHECK(l.triesLeft(T0 + 4) == 0);
  CHECK(l.secondsLeft(T0 + 63) == 1);
  CHECK(!l.isLocked(T0 + 64));
  CHECK(l.secondsLeft(T0 + 64) == 0);
}

TEST_CASE("lockout: wrong tries while locked are not counted and do not extend the lock") {
  PinLockout l;
  for (int i = 0; i < 5; ++i) {
    l.recordWrong(T0);
  }
  const auto before = l.state();
  l.recordWrong(T0 + 10);
  l.recordWrong(T0 + 20);
  CHECK(l.state() == before);
  CHECK(l.secondsLeft(T0 + 20) == 40);
}

TEST_CASE("lockout: after a lock each wrong try locks again, doubling up to 15 minutes") {
  PinLockout l;
  std::int64_t now = T0;
  for (int i = 0; i < 5; ++i) {
    l.recordWrong(now);
  }
  std::vector<std::int64_t> lengths = {l.secondsLeft(now)};
  for (int lock = 0; lock < 6; ++lock) {
    now += lengths.back(); // wait it out
    CHECK(!l.isLocked(now));
    CHECK(l.triesLeft(now) == 1);
    l.recordWrong(now);
    CHECK(l.isLocked(now));
    lengths.push_back(l.secondsLeft(now));
  }
  CHECK(lengths == std::vector<std::int64_t>{60, 120, 240, 480, 900, 900, 900});
  CHECK(l.state().lockouts == 7);
}

TEST_CASE("lockout: the right PIN resets everything") {
  PinLockout l;
  for (int i = 0; i < 5; ++i) {
    l.recordWrong(T0);
  }
  l.recordWrong(T0 + 60); // second lock: 120 s
  CHECK(l.secondsLeft(T0 + 60) == 120);
  l.recordRight();
  CHECK(!l.isLocked(T0 + 61));
  CHECK(l.triesLeft(T0 + 61) == 5);
  CHECK(l.state() == PinLockout::State{});
  // ...so the next run of wrong tries starts again at 60 s.
  for (int i = 0; i < 5; ++i) {
    l.recordWrong(T0 + 200);
  }
  CHECK(l.secondsLeft(T0 + 200) == 60);
}

TEST_CASE("lockout: a day with no wrong try forgets them") {
  PinLockout l;
  for (int i = 0; i < 5; ++i) {
    l.recordWrong(T0);
  }
  l.recordWrong(T0 + 60);
  CHECK(l.triesLeft(T0 + 1000) == 1);
  const std::int64_t nextDay = T0 + 60 + 24 * 3600;
  CHECK(l.triesLeft(nextDay) == 5);
  l.recordWrong(nextDay);
  CHECK(!l.isLocked(nextDay));
  CHECK(l.state().lockouts == 0);
  CHECK(l.state().wrongTries == 1);
}

TEST_CASE("lockout: a clock put back cannot make a lock last longer") {
  PinLockout l;
  for (int i = 0; i < 5; ++i) {
    l.recordWrong(T0);
  }
  const std::int64_t earlier = T0 - 30 * 24 * 3600;
  CHECK(l.secondsLeft(earlier) == 60);
  l.observe(earlier);
  CHECK(l.secondsLeft(earlier + 59) == 1);
  CHECK(!l.isLocked(earlier + 60));
}

TEST_CASE("lockout: an edited state cannot lock for more than the maximum") {
  PinLockout::State s;
  s.lockouts = 3;
  s.lockedAt = T0;
  s.lockSeconds = 24 * 3600;
  s.lastWrongAt = T0;
  const PinLockout l(LockoutPolicy{}, s);
  CHECK(l.secondsLeft(T0) == 15 * 60);
  CHECK(!l.isLocked(T0 + 15 * 60));
}

TEST_CASE("lockout: times outside the clamp are safe") {
  PinLockout l;
  l.recordWrong(std::numeric_limits<std::int64_t>::min());
  l.recordWrong(std::numeric_limits<std::int64_t>::max());
  CHECK(l.secondsLeft(std::numeric_limits<std::int64_t>::max()) == 0);
  CHECK(l.state().lastWrongAt == kMaxLockoutTime);
}

TEST_CASE("lockout: the saved state round-trips and survives a restart") {
  sq::test::TempDir tmp;
  const std::string path = pinLockoutPath(tmp.str());
  PinLockout l;
  for (int i = 0; i < 6; ++i) {
    l.recordWrong(T0 + i * 100);
  }
  REQUIRE(l.isLocked(T0 + 500));
  std::string error;
  REQUIRE_MESSAGE(savePinLockout(path, l, error), error);
  Diagnostics d;
  const PinLockout restarted = loadPinLockout(path, d);
  CHECK(d.all().empty());
  CHECK(restarted.state() == l.state());
  CHECK(restarted.secondsLeft(T0 + 500) == l.secondsLeft(T0 + 500));
  // JSON text round trip too.
  Diagnostics d2;
  CHECK(PinLockout::fromJson(l.toJson(), "x", d2).state() == l.state());
}

TEST_CASE("lockout: a missing file is a fresh state; a damaged one is reported and fresh") {
  sq::test::TempDir tmp;
  Diagnostics d;
  CHECK(loadPinLockout((tmp.path() / "none.json").string(), d).state() == PinLockout::State{});
  CHECK(d.all().empty());
  for (const char* bad : {"not json", "[]", R"({"wrongTries": -1})", R"({"lockouts": "3"})",
                          R"({"lockSeconds": 1e9})", R"({"formatVersion": 2})"}) {
    INFO(bad);
    Diagnostics d2;
    CHECK(PinLockout::fromJson(bad, "lockout.json", d2).state() == PinLockout::State{});
    CHECK(d2.hasErrors());
  }
  Diagnostics d3;
  const auto l = PinLockout::fromJson(R"({"wrongTries": 2, "extra": 1})", "lockout.json", d3);
  CHECK(l.state().wrongTries == 2);
  CHECK(d3.warningCount() == 1);
}

TEST_CASE("pin: the first teacher screen asks for a PIN only when none is set") {
  CHECK(needsPinSetup(resolveConfig({}, {}, {})));
  CHECK(pinState(resolveConfig({}, {}, {})) == PinState::NotSet);
  CHECK(!needsPinSetup(withPin(hash4705())));
  CHECK(!needsPinSetup(withPin(hash4705(), true)));
  CHECK(pinState(withPin(hash4705(), true)) == PinState::Set);
  // A damaged hash in teacher.json is as if none were set: the teacher picks a new one.
  Diagnostics d;
  const ConfigLayer user = parseConfig(R"({"teacherPinHash": "garbage"})", "teacher.json", d);
  CHECK(needsPinSetup(resolveConfig({}, user, {})));
}

TEST_CASE("pin: checkTeacherPin accepts, refuses, locks and resets") {
  const EffectiveConfig config = withPin(hash4705());
  PinLockout l;
  CHECK(checkTeacherPin("4705", config, l, T0) == PinCheck::Accepted);
  for (int i = 0; i < 4; ++i) {
    CHECK(checkTeacherPin("9999", config, l, T0 + i) == PinCheck::Wrong);
  }
  CHECK(l.triesLeft(T0 + 4) == 1);
  CHECK(checkTeacherPin("4705", config, l, T0 + 4) == PinCheck::Accepted);
  CHECK(l.triesLeft(T0 + 4) == 5);
  for (int i = 0; i < 5; ++i) {
    CHECK(checkTeacherPin("0000", config, l, T0 + 10) == PinCheck::Wrong);
  }
  // Locked: even the right PIN is not checked.
  CHECK(checkTeacherPin("4705", config, l, T0 + 11) == PinCheck::LockedOut);
  CHECK(checkTeacherPin("4705", config, l, T0 + 70) == PinCheck::Accepted);
  CHECK(checkTeacherPin("4705", resolveConfig({}, {}, {}), l, T0) == PinCheck::NotSet);
  ConfigLayer broken;
  broken.refused.insert(ConfigField::TeacherPinHash);
  CHECK(checkTeacherPin("4705", resolveConfig(broken, {}, {}), l, T0) == PinCheck::Unusable);
  CHECK(pinCheckName(PinCheck::LockedOut) == "locked-out");
}

TEST_CASE("pin: the machine configuration's PIN wins over teacher.json") {
  std::string error;
  const auto hash5926 = hashPin("5926", error);
  REQUIRE(hash5926);
  ConfigLayer machine;
  machine.teacherPinHash = *hash5926;
  ConfigLayer user;
  user.teacherPinHash = hash4705();
  const EffectiveConfig e = resolveConfig(machine, user, {});
  PinLockout l;
  CHECK(checkTeacherPin("4705", e, l, T0) == PinCheck::Wrong);
  CHECK(checkTeacherPin("5926", e, l, T0) == PinCheck::Accepted);
}

TEST_CASE("pin: setTeacherPin writes teacher.json, unless the machine sets the PIN") {
  sq::test::TempDir tmp;
  const std::string user = userConfigPath(tmp.str());
  std::string error;
  CHECK(!setTeacherPin("12", resolveConfig({}, {}, {}), user, error));
  CHECK(!fs::exists(user));
  REQUIRE_MESSAGE(setTeacherPin("24680", resolveConfig({}, {}, {}), user, error), error);
  const ConfigLoad load = loadConfig((tmp.path() / "no-machine.json").string(), tmp.str());
  CHECK(load.diagnostics.all().empty());
  CHECK(!needsPinSetup(load.effective));
  CHECK(load.effective.teacherPinHash.source == ConfigSource::User);
  CHECK(verifyPin("24680", load.effective.teacherPinHash.value));

  error.clear();
  CHECK(!setTeacherPin("3816", withPin(hash4705(), true), user, error));
  CHECK(error.find("machine configuration") != std::string::npos);
}

TEST_CASE("pin: setTeacherPin is for the first PIN only, and refuses weak ones") {
  sq::test::TempDir tmp;
  const std::string user = userConfigPath(tmp.str());
  std::string error;
  for (const char* weak : {"1234", "0000", "9876", "2580"}) {
    error.clear();
    CHECK_MESSAGE(!setTeacherPin(weak, resolveConfig({}, {}, {}), user, error), weak);
    CHECK(error.find("too easy to guess") != std::string::npos);
  }
  CHECK(!fs::exists(user));
  error.clear();
  CHECK(!setTeacherPin("3816", withPin(hash4705()), user, error));
  CHECK(error.find("needs the old PIN") != std::string::npos);
  CHECK(!fs::exists(user));
}
