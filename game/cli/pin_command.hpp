// `safequest-cli pin`: set, check and show the teacher PIN, for IT technicians
// and scripts.
//   pin set    [--pin 1234] [--config FILE] [--data DIR]
//   pin check  [--pin 1234] [--config FILE] [--data DIR]
//   pin status [--config FILE] [--data DIR]
// Without --pin the PIN is read from the first line of standard input, so that it
// need not appear in the process list or the shell history.
// `pin set` writes the hash into FILE when --config is given (IT's machine
// configuration), else into DIR/teacher.json; it refuses the latter when the
// machine configuration sets the PIN, because that one wins. `pin check` honours
// and updates the same lockout as the game's keypad.
// Exit status: 0 success (PIN set, PIN right), 1 refused (wrong PIN, locked out, no
// PIN, not 4-8 digits, a damaged file), 2 usage or I/O problem.
// Depends on: cli/cli_args, settings/.
#pragma once

#include "settings/machine_config.hpp"

#include <cstdint>
#include <istream>
#include <ostream>
#include <string>
#include <vector>

namespace sq::cli {

int runPin(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

// The same, with standard input, the time and the environment passed in (tests).
int runPinWith(const std::vector<std::string>& args, std::istream& in, std::ostream& out,
               std::ostream& err, std::int64_t nowSeconds, const EnvLookup& env);

} // namespace sq::cli
