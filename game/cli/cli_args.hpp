// A small, strict argument reader shared by the safequest-cli subcommands:
// "--name value" options and "--flag" switches, anything else positional. An
// option the subcommand does not know is a usage error, never silently ignored.
// Depends on: settings/machine_config.
#pragma once

#include "settings/machine_config.hpp"

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace sq::cli {

class Args {
public:
  // `options` take a value; `flags` do not. Returns false (with `error`) on an
  // unknown option or a missing value.
  bool parse(const std::vector<std::string>& args, const std::set<std::string>& options,
             const std::set<std::string>& flags, std::string& error);

  std::optional<std::string> get(const std::string& name) const;
  std::string getOr(const std::string& name, const std::string& fallback) const;
  bool flag(const std::string& name) const { return mFlags.count(name) > 0; }
  const std::vector<std::string>& positional() const { return mPositional; }

private:
  std::map<std::string, std::string> mValues;
  std::set<std::string> mFlags;
  std::vector<std::string> mPositional;
};

// The machine configuration's data folder, else $SAFEQUEST_DATA, else
// $XDG_DATA_HOME/safequest, else ~/.local/share/safequest (as the game does).
std::string defaultDataDir();

// The machine-wide configuration IT set ($SAFEQUEST_CONFIG or the platform's
// place); empty when there is none or it cannot be read.
ConfigLayer machineConfig();

// The bundled content: $SAFEQUEST_CONTENT, else content/ beside the program, else the
// repository's content/ when run from build/<preset>/, else the source tree's.
std::string defaultContentDir();

} // namespace sq::cli
