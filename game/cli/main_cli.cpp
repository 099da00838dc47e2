// safequest-cli: the command-line tool for IT technicians, teachers' scripts and tests.
// Each subcommand lives in its own file; this one only dispatches.
#include "cli/validate_command.hpp"

#include <iostream>
#include <string>
#include <vector>

namespace {

void printUsage(std::ostream& os) {
  os << "usage: safequest-cli COMMAND [ARGS]\n"
        "\n"
        "commands:\n"
        "  validate [--json] PACK_FOLDER...   check content packs; print every problem\n"
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
  if (command == "validate") {
    return sq::cli::runValidate(args, std::cout, std::cerr);
  }
  std::cerr << "safequest-cli: unknown command \"" << command << "\"\n";
  printUsage(std::cerr);
  return 2;
}
