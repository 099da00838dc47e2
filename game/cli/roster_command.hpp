// `safequest-cli roster`: the class list from the command line.
//   roster import FILE|DIR [--format mis-csv|oneroster] [--forename-col NAME ...] [--data DIR]
//   roster list [--data DIR]
//   roster promote [--data DIR]
// An import is all or nothing: the class list is saved (in one transaction) only
// when every row is good and every row matches without guessing.
// Exit status: 0 success, 1 input refused, 2 usage or I/O problem.
// Depends on: results/roster_import, results/roster_merge, results/results_store,
// results/civil_time, cli/cli_args.
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace sq::cli {

int runRoster(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

} // namespace sq::cli
