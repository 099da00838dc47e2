// The desktop entry point: parse the command line, then run frames until the
// window closes. The loop sleeps inside App::runOneFrame() when nothing changes.
#include "app/app.hpp"
#include "app/command_line.hpp"

#include <cstdio>
#include <string>
#include <vector>

int main(int argc, char** argv) {
  const std::vector<std::string> args(argv + 1, argv + argc);
  const sq::ParsedCommandLine cl = sq::parseCommandLine(args);
  if (!cl.error.empty()) {
    std::fprintf(stderr, "safequest: %s\n\n%s", cl.error.c_str(), sq::usageText());
    return 2;
  }
  if (cl.showHelp) {
    std::fputs(sq::usageText(), stdout);
    return 0;
  }
  std::string error;
  auto app = sq::App::create(cl.options, error);
  if (!app) {
    std::fprintf(stderr, "safequest: %s\n", error.c_str());
    return 1;
  }
  while (app->runOneFrame()) {
  }
  return app->exitCode();
}
