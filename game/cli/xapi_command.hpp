// `safequest-cli xapi send|status|unpark`: sends the completed lessons and signed
// AUPs waiting in the records store to a school's xAPI learning record store
// (results/xapi_sender over cli/xapi_curl), says what waits, and puts statements
// the LRS refused back in the queue. Exit status of send: 0 nothing left waiting,
// 1 the LRS refused some statements (parked: see `xapi status`), 2 usage, an
// unreadable configuration or auth file, or the store, 3 statements wait for a
// later try (no answer, a server problem, or the back-off has not run out).
// Depends on: cli/cli_args, cli/xapi_curl, results/.
#pragma once

#include "results/xapi_sender.hpp"

#include <ostream>
#include <string>
#include <vector>

namespace sq::cli {

int runXapi(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

// The same with the transport passed in (tests).
int runXapiWith(const std::vector<std::string>& args, std::ostream& out, std::ostream& err,
                HttpTransport& transport);

} // namespace sq::cli
