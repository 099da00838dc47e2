// Changing the teacher PIN from the app: the form's plain-words checks, a first PIN
// with no old one, a change that needs the old PIN (a wrong one counted, nothing
// changed), the teacher's signing key sealed again under the new PIN, IT's PIN left
// alone, and the forgotten-PIN help naming the machine configuration and commands.
#include "records_admin/pin_change.hpp"

#include "results/results_store.hpp"
#include "results/teacher_key.hpp"
#include "settings/teacher_pin.hpp"
#include "support/temp_dir.hpp"

#include <doctest/doctest.h>

#include <fstream>

using namespace sq;
using sq::test::TempDir;

namespace {

struct Machine {
  TempDir dir;
  std::string machinePath = dir.str() + "/machine.json";
  ConfigLoad load() const { return loadConfig(machinePath, dir.str()); }
  admin::PinChangeOutcome change(const std::string& oldPin, const std::string& newPin,
                                 std::int64_t now = 1'800'000'000) const {
    return admin::changeTeacherPin({oldPin, newPin, newPin}, load(), dir.str(), dir.str(), now);
  }
};

} // namespace

TEST_CASE("PIN change: the form is checked in plain words before anything is tried") {
  CHECK(admin::checkPinForm({"", "4705", "4705"}, true).field == "pin-old");
  CHECK(admin::checkPinForm({"47a5", "4705", "4705"}, true).field == "pin-old");
  const admin::PinChangeOutcome weak = admin::checkPinForm({"4705", "1234", "1234"}, true);
  CHECK(weak.field == "pin-new");
  CHECK(weak.message == "The PIN was not changed: A PIN that counts up or down (like 1234 or "
                        "9876) is too easy to guess; choose 4 to 8 digits with no pattern.");
  const admin::PinChangeOutcome differ = admin::checkPinForm({"4705", "8316", "8361"}, true);
  CHECK(differ.field == "pin-again");
  CHECK(admin::checkPinForm({"4705", "4705", "4705"}, true).field == "pin-new");
  CHECK(admin::checkPinForm({"", "8316", "8316"}, false).field.empty());
  CHECK(admin::checkPinForm({"4705", "8316", "8316"}, true).field.empty());
}

TEST_CASE("PIN change: the old PIN is needed, and the signing key follows the new PIN") {
  Machine m;
  // No PIN yet: the first one needs no old one.
  REQUIRE(m.change("", "4705").changed);
  REQUIRE(pinState(m.load().effective) == PinState::Set);
  std::string error;
  {
    auto store = ResultsStore::open(m.dir.str(), error);
    REQUIRE(store != nullptr);
    // The key is made on first need, sealed under the PIN of the day.
    REQUIRE(unlockTeacherKey(*store, "4705", error, fastPwhashLimits()) != nullptr);
  }

  const admin::PinChangeOutcome wrong = m.change("9999", "8316");
  CHECK_FALSE(wrong.changed);
  CHECK(wrong.field == "pin-old");
  CHECK(wrong.message == "The PIN was not changed: the PIN you use now is not right. Wrong PINs "
                         "count towards the lock, as at the PIN prompt.");
  CHECK(verifyPin("4705", m.load().effective.teacherPinHash.value));

  const admin::PinChangeOutcome done = m.change("4705", "8316");
  INFO(done.message);
  CHECK(done.changed);
  CHECK(done.message ==
        "The teacher PIN is changed: use the new PIN from now on, in the game and here.");
  CHECK(verifyPin("8316", m.load().effective.teacherPinHash.value));
  CHECK_FALSE(verifyPin("4705", m.load().effective.teacherPinHash.value));
  auto store = ResultsStore::open(m.dir.str(), error);
  REQUIRE(store != nullptr);
  CHECK(unlockTeacherKey(*store, "8316", error) != nullptr);
  CHECK(unlockTeacherKey(*store, "4705", error) == nullptr);
  // `pin unlock` clears only a PIN the machine configuration holds: not offered here.
  std::string help;
  for (const std::string& line : admin::forgottenPinHelp(m.load())) {
    help += line + "\n";
  }
  CHECK(help.find("safequest-cli pin set --config " + m.machinePath) != std::string::npos);
  CHECK(help.find("pin unlock") == std::string::npos);
}

TEST_CASE("PIN change: a PIN IT set in the machine configuration is changed there only") {
  Machine m;
  std::string error;
  const auto hash = hashPin("4705", error);
  REQUIRE(hash);
  std::ofstream(m.machinePath) << R"({"formatVersion": 1, "teacherPinHash": ")" << *hash << "\"}";
  const ConfigLoad load = m.load();
  CHECK(admin::pinSetByIt(load));
  const admin::PinChangeOutcome refused = m.change("4705", "8316");
  CHECK_FALSE(refused.changed);
  CHECK(refused.message == "The PIN was not changed: IT set the teacher PIN for this computer, "
                           "in " +
                               m.machinePath + ", so only IT can change it there.");
  CHECK(verifyPin("4705", m.load().effective.teacherPinHash.value));

  std::string help;
  for (const std::string& line : admin::forgottenPinHelp(load)) {
    help += line + "\n";
  }
  CHECK(help.find("safequest-cli pin set --config " + m.machinePath) != std::string::npos);
  CHECK(help.find("safequest-cli pin unlock") != std::string::npos);
  CHECK(help.find("safequest-cli teacher-key reseal") != std::string::npos);
}
