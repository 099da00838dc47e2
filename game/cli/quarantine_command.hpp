// safequest-cli quarantine: the versions of clashing events a merge kept aside
// (results/merge_rows), listed, and one of them kept in place of the others.
// Exit status: list 0 when nothing waits, 1 when conflicts wait; keep 0 kept, 1
// refused; 2 usage or I/O.
// Depends on: cli/cli_args, results/results_store.
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace sq::cli {

int runQuarantine(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

} // namespace sq::cli
