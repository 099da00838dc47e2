#include "cli/teacher_key_command.hpp"

#include "results/pin_guard.hpp"
#include "results/teacher_key.hpp"
#include "results/teacher_trust.hpp"
#include "settings/teacher_pin.hpp"

#include <chrono>
#include <iostream>

namespace sq::cli {

namespace {

std::string firstLine(std::istream& in) {
  std::string line;
  std::getline(in, line);
  while (!line.empty() && (line.back() == '\r' || line.back() == '\n')) {
    line.pop_back();
  }
  return line;
}

void printUsage(std::ostream& os) {
  os << "usage: safequest-cli teacher-key show   [--data DIR]\n"
        "       safequest-cli teacher-key forget [--data DIR]\n"
        "       safequest-cli teacher-key reseal [--data DIR]  (old PIN, then new PIN, on stdin)\n";
}

const char* sourceName(TrustSource s) {
  switch (s) {
  case TrustSource::Machine:
    return "set in the machine configuration";
  case TrustSource::Pinned:
    return "pinned in this store on first use";
  case TrustSource::None:
    break;
  }
  return "none";
}

} // namespace

StoreOptions recordsStoreOptions() {
  StoreOptions options;
  const ConfigLayer machine = machineConfig();
  if (machine.teacherPublicKey) {
    options.teacherPublicKey = *machine.teacherPublicKey;
  } else if (machine.refused.count(ConfigField::TeacherPublicKey) != 0) {
    // IT meant to name the key: trust nothing rather than fall back to a pinned one.
    options.teacherPublicKey = "damaged";
  }
  return options;
}

std::optional<std::string> pinFromArgs(const Args& args, std::istream& in, bool required) {
  if (auto pin = args.get("--pin")) {
    return *pin;
  }
  if (required || args.flag("--pin-stdin")) {
    return firstLine(in);
  }
  return std::nullopt;
}

std::unique_ptr<TeacherSigner> openTeacherKey(ResultsStore& store, const std::string& pin,
                                              const std::string& dataDir, std::ostream& err,
                                              const std::string& prefix) {
  const ConfigLoad load = loadConfig(machineConfigPath("", systemEnvironment()), dataDir);
  switch (pinState(load.effective)) {
  case PinState::NotSet:
    err << prefix << "no teacher PIN is set; set one with safequest-cli pin set\n";
    return nullptr;
  case PinState::Unusable:
    err << prefix << "the teacher PIN in " << load.machinePath << " cannot be used\n";
    return nullptr;
  case PinState::Set:
    break;
  }
  const auto now = std::chrono::duration_cast<std::chrono::seconds>(
                       std::chrono::system_clock::now().time_since_epoch())
                       .count();
  // The same guard as `pin check`: the lockout lives in the records store.
  PinGuardOptions options;
  options.legacyLockoutFile = pinLockoutPath(dataDir);
  const PinGuardAnswer answer = PinGuard(dataDir, options).check(pin, load.effective, now);
  std::string error;
  if (answer.result == PinCheck::LockedOut) {
    err << prefix << "locked after too many wrong PINs; try again in " << answer.secondsLeft
        << " s\n";
    return nullptr;
  }
  if (answer.result == PinCheck::Blocked) {
    err << prefix << answer.problem << "\n";
    return nullptr;
  }
  if (answer.result != PinCheck::Accepted) {
    err << prefix << "wrong teacher PIN\n";
    return nullptr;
  }
  auto signer = unlockTeacherKey(store, pin, error);
  if (!signer) {
    err << prefix << error << "\n";
  }
  return signer;
}

int runTeacherKey(const std::vector<std::string>& argv, std::ostream& out, std::ostream& err) {
  if (argv.empty() ||
      (argv.front() != "show" && argv.front() != "forget" && argv.front() != "reseal")) {
    if (!argv.empty() && (argv.front() == "--help" || argv.front() == "help")) {
      printUsage(out);
      return 0;
    }
    printUsage(err);
    return 2;
  }
  const std::string sub = argv.front();
  Args args;
  std::string error;
  if (!args.parse({argv.begin() + 1, argv.end()}, {"--data"}, {}, error) ||
      !args.positional().empty()) {
    err << "safequest-cli teacher-key " << sub << ": "
        << (error.empty() ? "unexpected argument" : error) << "\n";
    printUsage(err);
    return 2;
  }
  const std::string dataDir = args.getOr("--data", defaultDataDir());
  auto store = ResultsStore::open(dataDir, error, recordsStoreOptions());
  if (!store) {
    err << "safequest-cli: " << error << "\n";
    return 2;
  }
  if (sub == "show") {
    const std::string own = storedTeacherPublicKey(*store);
    const TrustedKey trusted = trustedTeacherKey(*store);
    out << "this store's teacher key: " << (own.empty() ? "none" : own) << "\n";
    out << "trusted teacher key: " << (trusted.key.empty() ? "none" : trusted.key) << " ("
        << sourceName(trusted.source) << ")\n";
    return 0;
  }
  if (sub == "forget") {
    if (!forgetPinnedTeacherKey(*store, error)) {
      err << "safequest-cli teacher-key forget: " << error << "\n";
      return 2;
    }
    out << "forgot the pinned teacher key; the next signed class list read is trusted\n";
    return 0;
  }
  // reseal: the old PIN opens the key; the new one must be the teacher PIN now set.
  const std::string oldPin = firstLine(std::cin);
  const std::string newPin = firstLine(std::cin);
  const ConfigLoad load = loadConfig(machineConfigPath("", systemEnvironment()), dataDir);
  if (pinState(load.effective) != PinState::Set ||
      !verifyPin(newPin, load.effective.teacherPinHash.value)) {
    err << "safequest-cli teacher-key reseal: the new PIN is not the teacher PIN now set\n";
    return 1;
  }
  if (!resealTeacherKey(*store, oldPin, newPin, error)) {
    err << "safequest-cli teacher-key reseal: " << error << "\n";
    return 1;
  }
  out << "the teacher key is sealed under the new PIN\n";
  return 0;
}

} // namespace sq::cli
