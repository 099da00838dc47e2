#include "core/atomic_file.hpp"

#include <cerrno>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <random>

#include <fcntl.h>
#include <unistd.h>

namespace fs = std::filesystem;

namespace sq {

namespace {

// 32 hex digits. The generator is seeded once per thread from the OS, so names
// are unpredictable across processes and machines, and cheap to make.
std::string randomHex() {
  thread_local std::mt19937_64 gen = [] {
    std::random_device rd;
    std::seed_seq seed{rd(), rd(), rd(), rd(), rd(), rd(), rd(), rd()};
    return std::mt19937_64(seed);
  }();
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (int word = 0; word < 2; ++word) {
    std::uint64_t v = gen();
    for (int i = 0; i < 16; ++i) {
      out += kHex[v & 0xF];
      v >>= 4;
    }
  }
  return out;
}

} // namespace

std::string describeWriteFailure(const std::string& path, int errnoValue) {
  const bool full = errnoValue == ENOSPC
#ifdef EDQUOT
                    || errnoValue == EDQUOT
#endif
      ;
  if (full) {
    return "the disk is full: free some space on it (or ask IT to), then try again (could not "
           "write " +
           path + ")";
  }
  return "could not write " + path + ": " +
         (errnoValue != 0 ? std::strerror(errnoValue) : "is the folder read-only?");
}

bool syncToDisk(const std::string& path, bool directory) {
  const int fd = ::open(path.c_str(), directory ? O_RDONLY | O_DIRECTORY : O_RDONLY);
  if (fd < 0) {
    return false;
  }
  const bool ok = ::fsync(fd) == 0;
  ::close(fd);
  return ok;
}

bool writeFileAtomically(const std::string& path, std::string_view bytes, std::string& error) {
  const fs::path target(path);
  const fs::path tmp =
      target.parent_path() / ("." + target.filename().string() + "." + randomHex() + ".tmp");
  {
    errno = 0;
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    out.flush();
    if (!out) {
      error = describeWriteFailure(tmp.string(), errno);
      std::error_code ec;
      fs::remove(tmp, ec);
      return false;
    }
  }
  errno = 0;
  if (!syncToDisk(tmp.string(), false)) {
    // A network folder may only find out at the sync that there is no room.
    error = errno == ENOSPC ? describeWriteFailure(tmp.string(), errno)
                            : "could not save " + tmp.string() + " to disk";
    std::error_code ec;
    fs::remove(tmp, ec);
    return false;
  }
  std::error_code ec;
  fs::rename(tmp, target, ec);
  if (ec) {
    error = "could not move " + tmp.string() + " into place: " + ec.message();
    fs::remove(tmp, ec);
    return false;
  }
  syncToDisk(target.parent_path().string(), true);
  return true;
}

} // namespace sq
