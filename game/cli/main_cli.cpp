// safequest-cli: the command-line tool for IT technicians, teachers' scripts and tests.
// Each subcommand lives in its own file; this one only dispatches.
#include "cli/cli_args.hpp"
#include "cli/config_command.hpp"
#include "cli/coverage_command.hpp"
#include "cli/pin_command.hpp"
#include "cli/quarantine_command.hpp"
#include "cli/records_command.hpp"
#include "cli/report_command.hpp"
#include "cli/roster_command.hpp"
#include "cli/teacher_key_command.hpp"
#include "cli/validate_command.hpp"
#include "cli/xapi_command.hpp"

#include <functional>
#include <map>

#include <iostream>
#include <string>
#include <vector>

namespace {

void printUsage(std::ostream& os) {
  os << "usage: safequest-cli COMMAND [ARGS]\n"
        "\n"
        "commands:\n"
        "  validate [--json] PACK_FOLDER...   check content packs; print every problem\n"
        "  coverage [--html FILE] [--json] PACK_FOLDER\n"
        "                                     what each year group is taught; names empty "
        "required cells\n"
        "  record --kind KIND [--pupil ID] ... record one event; prints its id once saved\n"
        "  publish --school-folder DIR        share this device's events; with --pin-stdin,\n"
        "                                     also the class list, signed with the teacher key\n"
        "  merge --school-folder DIR          merge every device's events into this one\n"
        "                                     (exit 1: a snapshot refused, a conflict kept\n"
        "                                     or an unsigned erasure left out)\n"
        "  quarantine list | keep ID          clashing versions a merge kept aside; keep one\n"
        "  erase --pupil ID [--pin-stdin]     erase a pupil everywhere, leaving a tombstone\n"
        "                                     signed with the teacher key (needs the PIN)\n"
        "  export-pupil --pupil ID            everything held about one pupil, as JSON\n"
        "  retention [--set-years N]          apply (or set) how many academic years are kept\n"
        "  butterfly [--class C]              the butterfly button's presses; quick closes marked\n"
        "  teacher-key show|forget|reseal     the teacher's signing key and the key trusted\n"
        "  roster import FILE|DIR [OPTIONS]   import a class list (MIS CSV or OneRoster folder)\n"
        "  roster list | roster promote       print the class list; move everyone up a year\n"
        "  roster emblem [CLASS [PIC/COLOUR]] each class's sign-in picture and colour\n"
        "  report --format csv|html|xapi ...  coverage register: CSV, governors' HTML or xAPI\n"
        "  aup-print --phase eyfs|ks1|ks2     a printable AUP to send home to sign\n"
        "  pin set|check|status|unlock        the teacher PIN and its lockout (see pin --help)\n"
        "  config show [--config FILE]        the effective configuration and its problems\n"
        "  xapi send|status|unpark            send completed lessons and signed AUPs to the\n"
        "                                     school's xAPI learning record store\n"
        "\n"
        "every command takes --data DIR (default: $SAFEQUEST_DATA or ~/.local/share/safequest)\n"
        "\n"
        "exit status: 0 success, 1 input refused, 2 usage or I/O problem\n";
}

} // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty()) {
    printUsage(std::cerr);
    return 2;
  }
  const std::string command = args.front();
  args.erase(args.begin());
  if (command == "--help" || command == "-h" || command == "help") {
    printUsage(std::cout);
    return 0;
  }
  using Command = std::function<int(const std::vector<std::string>&, std::ostream&, std::ostream&)>;
  const std::map<std::string, Command> commands = {
      {"validate", sq::cli::runValidate},
      {"coverage", sq::cli::runCoverage},
      {"record", sq::cli::runRecord},
      {"publish", sq::cli::runPublish},
      {"merge", sq::cli::runMerge},
      {"quarantine", sq::cli::runQuarantine},
      {"erase", sq::cli::runErase},
      {"export-pupil", sq::cli::runExportPupil},
      {"retention", sq::cli::runRetention},
      {"butterfly", sq::cli::runButterfly},
      {"roster", sq::cli::runRoster},
      {"pin", sq::cli::runPin},
      {"config", sq::cli::runConfig},
      {"teacher-key", sq::cli::runTeacherKey},
      {"xapi", sq::cli::runXapi},
      {"report",
       [](const std::vector<std::string>& a, std::ostream& o, std::ostream& e) {
         return sq::cli::runReport(a, o, e, sq::cli::defaultContentDir());
       }},
      {"aup-print",
       [](const std::vector<std::string>& a, std::ostream& o, std::ostream& e) {
         return sq::cli::runAupPrint(a, o, e, sq::cli::defaultContentDir());
       }},
  };
  if (auto it = commands.find(command); it != commands.end()) {
    return it->second(args, std::cout, std::cerr);
  }
  std::cerr << "safequest-cli: unknown command \"" << command << "\"\n";
  printUsage(std::cerr);
  return 2;
}
