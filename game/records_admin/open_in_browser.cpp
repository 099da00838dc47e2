#include "records_admin/open_in_browser.hpp"

#include "records_admin/file_url.hpp"

#include <cerrno>
#include <cstdlib>
#include <cstring>

#if !defined(_WIN32) && !defined(__EMSCRIPTEN__)
#define SQ_HAS_SPAWN 1
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

extern char** environ;
#endif

namespace sq::admin {

namespace {

std::string byHand(const std::string& file) {
  return "open " + file + " in a web browser yourself";
}

} // namespace

std::string openerName() {
#if defined(__APPLE__)
  return "open";
#else
  return "xdg-open";
#endif
}

std::string findOpener(const std::string& pathList) {
#if SQ_HAS_SPAWN
  const std::string name = openerName();
  std::size_t start = 0;
  while (start <= pathList.size()) {
    std::size_t end = pathList.find(':', start);
    if (end == std::string::npos) {
      end = pathList.size();
    }
    std::string folder = pathList.substr(start, end - start);
    if (folder.empty()) {
      folder = ".";
    }
    const std::string candidate = folder + "/" + name;
    struct stat st {};
    if (::stat(candidate.c_str(), &st) == 0 && S_ISREG(st.st_mode) &&
        ::access(candidate.c_str(), X_OK) == 0) {
      return candidate;
    }
    start = end + 1;
  }
#else
  (void)pathList;
#endif
  return "";
}

OpenOutcome openInBrowser(const std::string& file, const std::string& pathList) {
  OpenOutcome out;
  out.url = fileUrl(file);
#if SQ_HAS_SPAWN
  out.opener = findOpener(pathList);
  if (out.opener.empty()) {
    out.message = "This computer has no program to open the web browser with (" + openerName() +
                  " was not found): " + byHand(file);
    return out;
  }
  std::string arg0 = out.opener;
  std::string arg1 = out.url;
  char* argv[] = {arg0.data(), arg1.data(), nullptr};
  pid_t pid = 0;
  const int rc = ::posix_spawn(&pid, out.opener.c_str(), nullptr, nullptr, argv, environ);
  if (rc != 0) {
    out.message = "The web browser could not be opened (" + std::string(std::strerror(rc)) +
                  "): " + byHand(file);
    return out;
  }
  // Reaped when it ends, however long the browser keeps it.
  std::thread([pid] {
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
  }).detach();
  out.ok = true;
#else
  (void)pathList;
  out.message = "The web browser cannot be opened from here: " + byHand(file);
#endif
  return out;
}

OpenOutcome openInBrowser(const std::string& file) {
  const char* path = std::getenv("PATH");
  return openInBrowser(file, path != nullptr ? path : "/usr/local/bin:/usr/bin:/bin");
}

} // namespace sq::admin
