// Runs a program (usually safequest-cli) as a subprocess, as a user's shell would,
// and captures its exit status, standard output and standard error.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace sq::test {

struct ProgramRun {
  int status = -1; // the exit status, or -1 when the process did not exit normally
  std::string out;
  std::string err;

  std::vector<std::string> lines() const; // `out`, split into lines
};

// Quotes `s` for /bin/sh.
std::string shellQuote(const std::string& s);

// `scratch` is a folder for the captured standard error.
ProgramRun runProgram(const std::string& program, const std::vector<std::string>& args,
                      const std::filesystem::path& scratch);

} // namespace sq::test
