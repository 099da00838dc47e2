// The desktop entry point: parse the command line, then run frames until the
// window closes (or a script ends). The loop sleeps inside App::runOneFrame()
// when nothing changes. Exit status: 0 done, 1 failed (a script step, a missing
// font), 2 bad arguments (including a malformed script).
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
  int status = 1; // 2 when the script itself is wrong: a bad argument
  auto app = sq::App::create(cl.options, error, &status);
  if (!app) {
    std::fprintf(stderr, "safequest: %s\n", error.c_str());
    return status;
  }
  while (app->runOneFrame()) {
  }
  return app->exitCode();
}
