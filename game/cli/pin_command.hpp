// `safequest-cli pin`: set, check, show and unlock the teacher PIN, for IT
// technicians and scripts.
//   pin set    [--pin 4705] [--old-pin 3816 | --old-pin-stdin] [--config FILE] [--data DIR]
//   pin check  [--pin 4705] [--config FILE] [--data DIR]
//   pin status [--config FILE] [--data DIR]
//   pin unlock [--config FILE] [--data DIR]
// Without --pin the PIN is read from standard input (after the old PIN's line with
// --old-pin-stdin), so that it need not appear in the process list or the shell
// history.
// `pin set` refuses weak PINs (settings/pin_rules). It writes the hash into FILE
// when --config is given (IT's machine configuration: the reset path, no old PIN
// needed), else into DIR/teacher.json, which needs the old PIN when one is set
// there, and is refused when the machine configuration sets the PIN, because that
// one wins. `pin check` honours and updates the same lockout as the game's keypad
// (results/pin_guard, in DIR's records store). `pin unlock` clears the lockout, only
// when the machine configuration holds the PIN and this process can write it.
// Exit status: 0 success (PIN set, PIN right, unlocked), 1 refused (wrong PIN,
// locked out, no PIN, a weak PIN, no old PIN, a damaged file), 2 usage or I/O problem.
// Depends on: cli/cli_args, settings/, results/pin_guard.
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
