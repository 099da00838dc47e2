// `safequest-cli config show [--config FILE] [--data DIR]`: prints the effective
// configuration (each field's value and where it comes from: the machine
// configuration, which locks it, the teacher settings in DIR/teacher.json, or the
// default) and then every problem in either file, one per line as
// "file:/pointer: error code: message". IT runs it after editing the machine file.
// Exit status: 0 when neither file has errors (warnings allowed), 1 when one has,
// 2 usage.
// Depends on: cli/cli_args, settings/.
#pragma once

#include "settings/machine_config.hpp"

#include <ostream>
#include <string>
#include <vector>

namespace sq::cli {

int runConfig(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

// The same, with the environment passed in (tests).
int runConfigWith(const std::vector<std::string>& args, std::ostream& out, std::ostream& err,
                  const EnvLookup& env);

} // namespace sq::cli
