// `safequest-cli report` and `safequest-cli aup-print`: the coverage register as CSV,
// the governors' HTML report or xAPI statements, and the printable AUP for a phase.
// Both write to standard output. Exit status: 0 success, 1 input refused (an unknown
// class, content with no valid pack or no AUP for the phase), 2 usage or I/O problem.
// Depends on: results/ (store, register, writers), content/pack_catalog, cli/cli_args.
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace sq::cli {

// `defaultContentDir` is the bundled content folder, used when --content is not given;
// the caller knows where the installation keeps it.
int runReport(const std::vector<std::string>& args, std::ostream& out, std::ostream& err,
              const std::string& defaultContentDir);
int runAupPrint(const std::vector<std::string>& args, std::ostream& out, std::ostream& err,
                const std::string& defaultContentDir);

} // namespace sq::cli
