#include "cli/pin_command.hpp"

#include "cli/cli_args.hpp"
#include "settings/teacher_pin.hpp"

#include <chrono>
#include <filesystem>
#include <iostream>

#ifdef _WIN32
#include <io.h>
#else
#include <unistd.h>
#endif

namespace sq::cli {

namespace {

void printUsage(std::ostream& os) {
  os << "usage: safequest-cli pin set    [--pin PIN] [--config FILE] [--data DIR]\n"
        "       safequest-cli pin check  [--pin PIN] [--config FILE] [--data DIR]\n"
        "       safequest-cli pin status [--config FILE] [--data DIR]\n"
        "A PIN is 4 to 8 digits; without --pin it is read from standard input.\n";
}

bool stdinIsTerminal(const std::istream& in) {
  if (&in != &std::cin) {
    return false;
  }
#ifdef _WIN32
  return _isatty(0) != 0;
#else
  return isatty(STDIN_FILENO) != 0;
#endif
}

// The PIN from --pin, else the first line of `in` (without its line ending).
std::string readPin(const Args& args, std::istream& in, std::ostream& err) {
  if (auto pin = args.get("--pin")) {
    return *pin;
  }
  if (stdinIsTerminal(in)) {
    err << "PIN (4 to 8 digits): " << std::flush;
  }
  std::string line;
  std::getline(in, line);
  while (!line.empty() && (line.back() == '\r' || line.back() == '\n')) {
    line.pop_back();
  }
  return line;
}

void printDiagnostics(const Diagnostics& diags, std::ostream& os) {
  for (const Diagnostic& d : diags.all()) {
    os << formatDiagnostic(d) << "\n";
  }
}

// Problems that make a whole file unusable (it is not JSON, too big, ...), as
// opposed to one bad field: a file like that is never rewritten.
bool fileIsDamaged(const std::string& path) {
  Diagnostics diags;
  loadConfigFile(path, diags);
  for (const Diagnostic& d : diags.all()) {
    if (d.severity == Severity::Error && d.pointer.empty()) {
      return true;
    }
  }
  return false;
}

std::string describeSource(const ConfigLoad& load) {
  return load.effective.teacherPinHash.locked() ? "the machine configuration " + load.machinePath
                                                : "the teacher settings " + load.userPath;
}

int runSet(const Args& args, const ConfigLoad& load, const std::string& dataDir, std::istream& in,
           std::ostream& out, std::ostream& err) {
  const std::string pin = readPin(args, in, err);
  if (!isValidPin(pin)) {
    err << "safequest-cli pin set: a PIN is 4 to 8 digits (0-9), nothing else\n";
    return 1;
  }
  const bool toMachineFile = args.get("--config").has_value();
  if (!toMachineFile && load.effective.isLocked(ConfigField::TeacherPinHash)) {
    err << "safequest-cli pin set: the machine configuration " << load.machinePath
        << " sets the teacher PIN, and it wins over " << load.userPath
        << "; to change it there, run: safequest-cli pin set --config " << load.machinePath << "\n";
    return 1;
  }
  const std::string target = toMachineFile ? load.machinePath : load.userPath;
  if (fileIsDamaged(target)) {
    Diagnostics diags;
    loadConfigFile(target, diags);
    printDiagnostics(diags, err);
    err << "safequest-cli pin set: " << target
        << " is damaged, so it was left as it is; fix or remove it first\n";
    return 1;
  }
  std::string error;
  auto hash = hashPin(pin, error);
  if (!hash || !writePinHash(target, *hash, error)) {
    err << "safequest-cli pin set: " << error << "\n";
    return 2;
  }
  // A new PIN starts with a clean slate: the lockout guarded the old one.
  std::error_code ec;
  std::filesystem::remove(pinLockoutPath(dataDir), ec);
  out << "teacher PIN set in " << target << "\n";
  return 0;
}

int runCheck(const Args& args, const ConfigLoad& load, const std::string& dataDir, std::istream& in,
             std::ostream& out, std::ostream& err, std::int64_t now) {
  const std::string pin = readPin(args, in, err);
  switch (pinState(load.effective)) {
  case PinState::NotSet:
    err << "safequest-cli pin check: no teacher PIN is set; set one with safequest-cli pin set\n";
    return 1;
  case PinState::Unusable:
    printDiagnostics(load.diagnostics, err);
    err << "safequest-cli pin check: the PIN hash in " << load.machinePath
        << " cannot be used; set a new one with safequest-cli pin set --config " << load.machinePath
        << "\n";
    return 1;
  case PinState::Set:
    break;
  }
  if (!isValidPin(pin)) {
    err << "safequest-cli pin check: a PIN is 4 to 8 digits (0-9), nothing else\n";
    return 1;
  }
  const std::string lockoutFile = pinLockoutPath(dataDir);
  Diagnostics lockoutDiags;
  PinLockout lockout = loadPinLockout(lockoutFile, lockoutDiags);
  printDiagnostics(lockoutDiags, err);
  const PinCheck result = checkTeacherPin(pin, load.effective, lockout, now);
  std::string error;
  if (result != PinCheck::LockedOut && !savePinLockout(lockoutFile, lockout, error)) {
    err << "safequest-cli pin check: could not save the lockout state: " << error << "\n";
  }
  switch (result) {
  case PinCheck::Accepted:
    out << "PIN accepted\n";
    return 0;
  case PinCheck::Wrong:
    if (lockout.isLocked(now)) {
      out << "wrong PIN; locked for " << lockout.secondsLeft(now) << " s\n";
    } else {
      out << "wrong PIN; " << lockout.triesLeft(now) << " tries left before a lock\n";
    }
    return 1;
  case PinCheck::LockedOut:
    out << "locked after too many wrong PINs; try again in " << lockout.secondsLeft(now) << " s\n";
    return 1;
  case PinCheck::NotSet:
  case PinCheck::Unusable:
    break;
  }
  return 1;
}

int runStatus(const ConfigLoad& load, const std::string& dataDir, std::ostream& out,
              std::ostream& err, std::int64_t now) {
  printDiagnostics(load.diagnostics, err);
  switch (pinState(load.effective)) {
  case PinState::NotSet:
    out << "PIN: not set; the first teacher screen will ask for one\n";
    break;
  case PinState::Set:
    out << "PIN: set, in " << describeSource(load) << "\n";
    break;
  case PinState::Unusable:
    out << "PIN: unusable; the hash in " << load.machinePath
        << " is damaged (see above), and only a new one there can replace it\n";
    break;
  }
  Diagnostics lockoutDiags;
  PinLockout lockout = loadPinLockout(pinLockoutPath(dataDir), lockoutDiags);
  printDiagnostics(lockoutDiags, err);
  if (lockout.isLocked(now)) {
    out << "lockout: locked for " << lockout.secondsLeft(now) << " s\n";
  } else {
    out << "lockout: not locked; " << lockout.triesLeft(now) << " tries before a lock\n";
  }
  return 0;
}

} // namespace

int runPin(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  const auto now = std::chrono::duration_cast<std::chrono::seconds>(
                       std::chrono::system_clock::now().time_since_epoch())
                       .count();
  return runPinWith(args, std::cin, out, err, static_cast<std::int64_t>(now), systemEnvironment());
}

int runPinWith(const std::vector<std::string>& argv, std::istream& in, std::ostream& out,
               std::ostream& err, std::int64_t nowSeconds, const EnvLookup& env) {
  if (argv.empty() ||
      (argv.front() != "set" && argv.front() != "check" && argv.front() != "status")) {
    if (!argv.empty() && (argv.front() == "--help" || argv.front() == "help")) {
      printUsage(out);
      return 0;
    }
    printUsage(err);
    return 2;
  }
  const std::string sub = argv.front();
  const std::vector<std::string> rest(argv.begin() + 1, argv.end());
  Args args;
  std::string error;
  std::set<std::string> options = {"--config", "--data"};
  if (sub != "status") {
    options.insert("--pin");
  }
  if (!args.parse(rest, options, {}, error) || !args.positional().empty()) {
    err << "safequest-cli pin " << sub << ": " << (error.empty() ? "unexpected argument" : error)
        << "\n";
    printUsage(err);
    return 2;
  }
  const std::string dataDir = args.getOr("--data", defaultDataDir());
  const ConfigLoad load = loadConfig(machineConfigPath(args.getOr("--config", ""), env), dataDir);
  if (sub == "set") {
    return runSet(args, load, dataDir, in, out, err);
  }
  if (sub == "check") {
    return runCheck(args, load, dataDir, in, out, err, nowSeconds);
  }
  return runStatus(load, dataDir, out, err, nowSeconds);
}

} // namespace sq::cli
