#include "cli/pin_command.hpp"

#include "cli/cli_args.hpp"
#include "results/pin_guard.hpp"
#include "settings/pin_rules.hpp"
#include "settings/teacher_pin.hpp"

#include <chrono>
#include <cstdio>
#include <iostream>

#ifdef _WIN32
#include <io.h>
#else
#include <unistd.h>
#endif

namespace sq::cli {

namespace {

void printUsage(std::ostream& os) {
  os << "usage: safequest-cli pin set    [--pin PIN] [--old-pin PIN | --old-pin-stdin] [--config "
        "FILE] [--data DIR]\n"
        "       safequest-cli pin check  [--pin PIN] [--config FILE] [--data DIR]\n"
        "       safequest-cli pin status [--config FILE] [--data DIR]\n"
        "       safequest-cli pin unlock [--config FILE] [--data DIR]\n"
        "A PIN is 4 to 8 digits; without --pin it is read from standard input.\n"
        "A new PIN may not be one digit repeated, count up or down, or be one of the most\n"
        "common PINs (1212, 2580, ...).\n"
        "Changing the PIN in teacher.json needs the old one: --old-pin PIN, or\n"
        "--old-pin-stdin (the old PIN on the first line of standard input, the new one on\n"
        "the next). IT's reset path needs no old PIN: pin set --config FILE writes the new\n"
        "PIN into the machine configuration, which wins, and clears the lockout.\n"
        "pin unlock clears a lockout (also one blocked by a damaged lockout state); it\n"
        "works only when the machine configuration holds the PIN and whoever runs it can\n"
        "write that file.\n";
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

// One line of `in` (without its line ending), after a prompt when it is a terminal.
std::string readLine(std::istream& in, std::ostream& err, const char* prompt) {
  if (stdinIsTerminal(in)) {
    err << prompt << std::flush;
  }
  std::string line;
  std::getline(in, line);
  while (!line.empty() && (line.back() == '\r' || line.back() == '\n')) {
    line.pop_back();
  }
  return line;
}

// The PIN from --pin, else the next line of `in`.
std::string readPin(const Args& args, std::istream& in, std::ostream& err,
                    const char* prompt = "PIN (4 to 8 digits): ") {
  if (auto pin = args.get("--pin")) {
    return *pin;
  }
  return readLine(in, err, prompt);
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

PinGuard guardFor(const std::string& dataDir) {
  PinGuardOptions options;
  options.legacyLockoutFile = pinLockoutPath(dataDir);
  return PinGuard(dataDir, options);
}

// Whether this process may write `path` (opened for update, never created or
// changed): the proof that whoever runs it is the one who administers the file.
bool canWrite(const std::string& path) {
  std::FILE* f = std::fopen(path.c_str(), "r+b");
  if (f == nullptr) {
    return false;
  }
  std::fclose(f);
  return true;
}

int runSet(const Args& args, const ConfigLoad& load, const std::string& dataDir, std::istream& in,
           std::ostream& out, std::ostream& err, std::int64_t now) {
  const bool toMachineFile = args.get("--config").has_value();
  if (!toMachineFile && load.effective.isLocked(ConfigField::TeacherPinHash)) {
    err << "safequest-cli pin set: the machine configuration " << load.machinePath
        << " sets the teacher PIN, and it wins over " << load.userPath
        << "; to change it there, run: safequest-cli pin set --config " << load.machinePath << "\n";
    return 1;
  }
  // Changing teacher.json's PIN needs the old one; the machine configuration is
  // IT's reset path, where being able to write the file is enough.
  const bool needsOldPin = !toMachineFile && pinState(load.effective) == PinState::Set;
  std::string oldPin;
  if (needsOldPin) {
    if (auto given = args.get("--old-pin")) {
      oldPin = *given;
    } else if (args.flag("--old-pin-stdin")) {
      oldPin = readLine(in, err, "old PIN: ");
    } else {
      err << "safequest-cli pin set: a teacher PIN is set in " << load.userPath
          << "; changing it needs the old one (--old-pin PIN, or --old-pin-stdin to read it "
             "from the first line of standard input). Forgotten it? IT can set a new PIN in "
             "the machine configuration: safequest-cli pin set --config "
          << load.machinePath << "\n";
      return 1;
    }
  }
  const std::string pin = readPin(args, in, err, "new PIN (4 to 8 digits): ");
  if (const PinWeakness weak = pinWeakness(pin); weak != PinWeakness::None) {
    err << "safequest-cli pin set: " << pinWeaknessMessage(weak) << "\n";
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
  const PinChange change =
      guardFor(dataDir).change(oldPin, pin, load.effective, PinTarget{target, toMachineFile}, now);
  switch (change.result) {
  case PinChangeResult::Changed:
    if (!change.message.empty()) {
      err << "safequest-cli pin set: " << change.message << "\n";
    }
    out << "teacher PIN set in " << target << "\n";
    return 0;
  case PinChangeResult::Weak:
  case PinChangeResult::WrongOldPin:
  case PinChangeResult::LockedOut:
  case PinChangeResult::Blocked:
  case PinChangeResult::MachineSetsPin:
    err << "safequest-cli pin set: " << change.message << "\n";
    return 1;
  case PinChangeResult::Failed:
    break;
  }
  err << "safequest-cli pin set: " << change.message << "\n";
  return 2;
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
  const PinGuardAnswer answer = guardFor(dataDir).check(pin, load.effective, now);
  switch (answer.result) {
  case PinCheck::Accepted:
    out << "PIN accepted\n";
    return 0;
  case PinCheck::Wrong:
    if (answer.secondsLeft > 0) {
      out << "wrong PIN; locked for " << answer.secondsLeft << " s\n";
    } else {
      out << "wrong PIN; " << answer.triesLeft << " tries left before a lock\n";
    }
    return 1;
  case PinCheck::LockedOut:
    out << "locked after too many wrong PINs; try again in " << answer.secondsLeft << " s\n";
    return 1;
  case PinCheck::Blocked:
    out << "locked: the lockout state cannot be trusted\n";
    err << "safequest-cli pin check: " << answer.problem << "\n";
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
    return 0;
  case PinState::Set:
    out << "PIN: set, in " << describeSource(load) << "\n";
    break;
  case PinState::Unusable:
    out << "PIN: unusable; the hash in " << load.machinePath
        << " is damaged (see above), and only a new one there can replace it\n";
    return 0;
  }
  const PinGuardAnswer answer = guardFor(dataDir).status(load.effective, now);
  switch (answer.result) {
  case PinCheck::LockedOut:
    out << "lockout: locked for " << answer.secondsLeft << " s\n";
    break;
  case PinCheck::Blocked:
    out << "lockout: locked until IT clears it\n";
    err << answer.problem << "\n";
    break;
  default:
    out << "lockout: not locked; " << answer.triesLeft << " tries before a lock\n";
    break;
  }
  return 0;
}

int runUnlock(const ConfigLoad& load, const std::string& dataDir, std::ostream& out,
              std::ostream& err) {
  if (pinState(load.effective) != PinState::Set || !load.effective.teacherPinHash.locked()) {
    err << "safequest-cli pin unlock: the machine configuration " << load.machinePath
        << " does not hold a usable teacher PIN, so there is nothing IT can unlock here; set "
           "one there with safequest-cli pin set --config "
        << load.machinePath << " (which also clears the lockout)\n";
    return 1;
  }
  if (!canWrite(load.machinePath)) {
    err << "safequest-cli pin unlock: only someone who can write " << load.machinePath
        << " (IT) may clear the lockout; run this as that user\n";
    return 1;
  }
  std::string error;
  if (!guardFor(dataDir).clear(load.effective, error)) {
    err << "safequest-cli pin unlock: " << error << "\n";
    return 2;
  }
  out << "teacher PIN lockout cleared\n";
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
  if (argv.empty() || (argv.front() != "set" && argv.front() != "check" &&
                       argv.front() != "status" && argv.front() != "unlock")) {
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
  std::set<std::string> flags;
  if (sub == "set" || sub == "check") {
    options.insert("--pin");
  }
  if (sub == "set") {
    options.insert("--old-pin");
    flags.insert("--old-pin-stdin");
  }
  if (!args.parse(rest, options, flags, error) || !args.positional().empty()) {
    err << "safequest-cli pin " << sub << ": " << (error.empty() ? "unexpected argument" : error)
        << "\n";
    printUsage(err);
    return 2;
  }
  const std::string dataDir = args.getOr("--data", defaultDataDir());
  const ConfigLoad load = loadConfig(machineConfigPath(args.getOr("--config", ""), env), dataDir);
  if (sub == "set") {
    return runSet(args, load, dataDir, in, out, err, nowSeconds);
  }
  if (sub == "check") {
    return runCheck(args, load, dataDir, in, out, err, nowSeconds);
  }
  if (sub == "unlock") {
    return runUnlock(load, dataDir, out, err);
  }
  return runStatus(load, dataDir, out, err, nowSeconds);
}

} // namespace sq::cli
