// Opening a saved file (a report, the printable AUP) in the computer's web browser.
// The desktop's opener (xdg-open; `open` on a Mac) is looked for on PATH and started
// directly with posix_spawn, the file's file:// address (records_admin/file_url) its
// only argument: no shell ever reads the address, so a folder named with quotes,
// `;` or `$(...)` is only ever a name. When there is no opener, it says so in words
// with where the file is, so the teacher can open it by hand. The opener is not
// waited for (a browser may run for hours); a thread of its own reaps it.
// Depends on: records_admin/file_url, POSIX (spawn.h, sys/wait.h).
#pragma once

#include <string>

namespace sq::admin {

// The opener's name on this system ("xdg-open").
std::string openerName();

// The opener's full path in the folders of `pathList` (as $PATH: ':' between
// folders; an empty entry is the working folder), the first that may be run; ""
// when none.
std::string findOpener(const std::string& pathList);

struct OpenOutcome {
  bool ok = false;
  std::string url;     // the file:// address handed to the opener
  std::string opener;  // the program started
  std::string message; // why not, in words, with where the file is
};

// Starts the opener for `file`, looked for on `pathList` (normally $PATH).
OpenOutcome openInBrowser(const std::string& file, const std::string& pathList);
// The same with this process's $PATH.
OpenOutcome openInBrowser(const std::string& file);

} // namespace sq::admin
