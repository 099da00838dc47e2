#include "cli/config_command.hpp"

#include "cli/cli_args.hpp"
#include "settings/teacher_pin.hpp"

#include <iomanip>

namespace sq::cli {

namespace {

void printUsage(std::ostream& os) {
  os << "usage: safequest-cli config show [--config FILE] [--data DIR]\n"
        "FILE: the machine configuration (default: $SAFEQUEST_CONFIG, else "
#ifdef _WIN32
        "%ProgramData%\\SafeQuest\\config.json"
#else
        "/etc/safequest/config.json"
#endif
        ")\n"
        "DIR: the data folder holding teacher.json (default: $SAFEQUEST_DATA or "
        "~/.local/share/safequest)\n";
}

std::string orNone(const std::string& s) {
  return s.empty() ? "(none)" : s;
}

std::string bandsText(const std::vector<Band>& bands) {
  std::string text;
  for (Band b : bands) {
    text += text.empty() ? "" : ", ";
    text += bandId(b);
  }
  return text.empty() ? "(none)" : text;
}

std::string pinText(const EffectiveConfig& c) {
  switch (pinState(c)) {
  case PinState::NotSet:
    return "(not set: the first teacher screen asks for one)";
  case PinState::Set:
    return "(set)"; // never the hash itself: this output gets pasted into help requests
  case PinState::Unusable:
    return "(unusable: see the problems below)";
  }
  return "";
}

std::string sourceText(ConfigSource source) {
  switch (source) {
  case ConfigSource::Machine:
    return "machine configuration, locked";
  case ConfigSource::User:
    return "teacher settings";
  case ConfigSource::Default:
    return "default";
  }
  return "";
}

void printField(std::ostream& out, ConfigField field, const std::string& value,
                const EffectiveConfig& c) {
  const std::string_view key = configFieldKey(field);
  // A key as long as the column still gets a space before its value.
  out << "  " << std::left << std::setw(16) << key << (key.size() >= 16 ? " " : "") << std::setw(0)
      << value << "  [" << sourceText(c.sourceOf(field)) << "]\n";
}

} // namespace

int runConfig(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  return runConfigWith(args, out, err, systemEnvironment());
}

int runConfigWith(const std::vector<std::string>& argv, std::ostream& out, std::ostream& err,
                  const EnvLookup& env) {
  if (!argv.empty() && (argv.front() == "--help" || argv.front() == "help")) {
    printUsage(out);
    return 0;
  }
  if (argv.empty() || argv.front() != "show") {
    printUsage(err);
    return 2;
  }
  Args args;
  std::string error;
  const std::vector<std::string> rest(argv.begin() + 1, argv.end());
  if (!args.parse(rest, {"--config", "--data"}, {}, error) || !args.positional().empty()) {
    err << "safequest-cli config show: " << (error.empty() ? "unexpected argument" : error) << "\n";
    printUsage(err);
    return 2;
  }
  const std::string dataDir = args.getOr("--data", defaultDataDir());
  const ConfigLoad load = loadConfig(machineConfigPath(args.getOr("--config", ""), env), dataDir);
  const EffectiveConfig& c = load.effective;

  out << "machine configuration: " << load.machinePath
      << (load.machineFileFound ? "" : " (not found: nothing is set machine-wide)") << "\n";
  out << "teacher settings: " << load.userPath << (load.userFileFound ? "" : " (not found)")
      << "\n\n";
  printField(out, ConfigField::DataFolder, c.dataFolder.value, c);
  printField(out, ConfigField::SchoolFolder, orNone(c.schoolFolder.value), c);
  printField(out, ConfigField::TeacherPinHash, pinText(c), c);
  printField(out, ConfigField::RetentionYears,
             std::to_string(c.retentionYears.value) + " academic years", c);
  printField(out, ConfigField::FullScreenLock, c.fullScreenLock.value ? "on" : "off", c);
  printField(out, ConfigField::UnlockedBands, bandsText(c.unlockedBands.value), c);
  printField(out, ConfigField::Language, c.language.value, c);
  printField(out, ConfigField::TeacherPublicKey,
             c.teacherPublicKey.value.empty() ? "none (trusted on first use)"
                                              : c.teacherPublicKey.value,
             c);

  const Diagnostics& diags = load.diagnostics;
  if (!diags.all().empty()) {
    out << "\n";
    for (const Diagnostic& d : diags.all()) {
      out << formatDiagnostic(d) << "\n";
    }
  }
  err << diags.errorCount() << " errors, " << diags.warningCount() << " warnings\n";
  return diags.hasErrors() ? 1 : 0;
}

} // namespace sq::cli
