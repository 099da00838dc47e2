// The records subcommands of safequest-cli: record, publish, merge, erase,
// export-pupil, retention, and butterfly (the butterfly button's presses, quick
// closes marked). Exit status: 0 success, 1 input refused, 2 usage
// or I/O; merge gives 1 when a snapshot was refused or a conflict waits in
// quarantine (see cli/quarantine_command).
// Depends on: results/.
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace sq::cli {

int runRecord(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
int runPublish(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
int runMerge(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
int runErase(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
int runExportPupil(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
int runButterfly(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
int runRetention(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

} // namespace sq::cli
