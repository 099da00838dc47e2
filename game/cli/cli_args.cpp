#include "cli/cli_args.hpp"

#include "settings/default_dirs.hpp"
#include "settings/machine_config.hpp"

#include <filesystem>

namespace sq::cli {

bool Args::parse(const std::vector<std::string>& args, const std::set<std::string>& options,
                 const std::set<std::string>& flags, std::string& error) {
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a.size() > 2 && a.compare(0, 2, "--") == 0) {
      if (flags.count(a)) {
        mFlags.insert(a);
      } else if (options.count(a)) {
        if (i + 1 >= args.size()) {
          error = a + " needs a value";
          return false;
        }
        mValues[a] = args[++i];
      } else {
        error = "unknown option " + a;
        return false;
      }
    } else {
      mPositional.push_back(a);
    }
  }
  // Every subcommand writes to its --data folder, so the check is made here, once:
  // the same one as the machine configuration's dataFolder.
  if (const auto data = get("--data")) {
    std::error_code ec;
    const auto full = std::filesystem::absolute(*data, ec);
    if (auto why = systemFolderProblem(ec ? *data : full.string(), systemEnvironment())) {
      error =
          "--data " + *data + ": " + std::string(codeId(Code::ConfigSystemFolder)) + ": " + *why;
      return false;
    }
  }
  return true;
}

std::optional<std::string> Args::get(const std::string& name) const {
  auto it = mValues.find(name);
  if (it == mValues.end()) {
    return std::nullopt;
  }
  return it->second;
}

std::string Args::getOr(const std::string& name, const std::string& fallback) const {
  return get(name).value_or(fallback);
}

std::string defaultDataDir() {
  // The IT technician's machine-wide setting comes first, as in the game: what IT
  // set for every user is not overridden by one user's environment.
  if (const auto machine = machineConfig(); machine.dataFolder && !machine.dataFolder->empty()) {
    return *machine.dataFolder;
  }
  return userDataDir(systemEnvironment());
}

std::string defaultContentDir() {
  if (const auto c = systemEnvironment()("SAFEQUEST_CONTENT")) {
    return *c;
  }
  std::error_code ec;
  const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  return bundledContentDir(ec ? std::string() : exe.parent_path().string(), SQ_SOURCE_CONTENT_DIR);
}

ConfigLayer machineConfig() {
  Diagnostics ignored; // `safequest-cli config show` reports a damaged file
  return loadConfigFile(machineConfigPath("", systemEnvironment()), ignored);
}

} // namespace sq::cli
