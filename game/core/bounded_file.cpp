#include "core/bounded_file.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace sq {

namespace {

using Status = BoundedFileStatus;

BoundedFile refused(Status status, std::string reason, std::uint64_t size = 0) {
  BoundedFile out;
  out.status = status;
  out.reason = std::move(reason);
  out.size = size;
  return out;
}

std::string systemReason(int err) {
  return std::strerror(err);
}

std::string kindOf(mode_t mode) {
  if (S_ISDIR(mode)) {
    return "it is a folder, not a file";
  }
  if (S_ISFIFO(mode) || S_ISSOCK(mode)) {
    return "it is a pipe, not a file";
  }
  if (S_ISCHR(mode) || S_ISBLK(mode)) {
    return "it is a device, not a file";
  }
  return "it is not an ordinary file";
}

std::string tooLargeReason(std::uint64_t size, std::uint64_t maxBytes, bool grew) {
  return grew ? "it is more than " + describeFileSize(maxBytes) + ", the most that is read"
              : "it is " + describeFileSize(size) + "; at most " + describeFileSize(maxBytes) +
                    " is read";
}

// Closes the descriptor however the read ends.
struct Descriptor {
  int fd = -1;
  ~Descriptor() {
    if (fd >= 0) {
      ::close(fd);
    }
  }
};

} // namespace

std::string describeFileSize(std::uint64_t bytes) {
  if (bytes < 1024) {
    return std::to_string(bytes) + (bytes == 1 ? " byte" : " bytes");
  }
  const bool mega = bytes >= 1024 * 1024;
  const std::uint64_t unit = mega ? 1024 * 1024 : 1024;
  const std::uint64_t tenths = (bytes * 10 + unit / 2) / unit;
  std::string text = std::to_string(tenths / 10);
  if (tenths % 10 != 0) {
    text += "." + std::to_string(tenths % 10);
  }
  return text + (mega ? " MB" : " KB");
}

BoundedFile readFileBounded(const std::string& path, std::uint64_t maxBytes,
                            const BoundedReadOptions& options) {
  struct stat st {};
  if (path.empty() || ::stat(path.c_str(), &st) != 0) {
    const int err = path.empty() ? ENOENT : errno;
    if (err == ENOENT || err == ENOTDIR) {
      return refused(Status::Missing, "there is nothing there");
    }
    return refused(Status::CannotOpen, "it could not be looked at (" + systemReason(err) + ")");
  }
  // Checked before opening: opening a FIFO for reading would wait for a writer.
  if (!S_ISREG(st.st_mode)) {
    return refused(Status::NotAFile, kindOf(st.st_mode));
  }
  const auto statSize = static_cast<std::uint64_t>(std::max<off_t>(st.st_size, 0));
  if (statSize > maxBytes && !options.keepHead) {
    return refused(Status::TooLarge, tooLargeReason(statSize, maxBytes, false), statSize);
  }
  Descriptor file;
  file.fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (file.fd < 0) {
    return refused(Status::CannotOpen, "it could not be opened (" + systemReason(errno) + ")");
  }
  // The path may have been swapped for something else since the stat.
  if (::fstat(file.fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    return refused(Status::NotAFile, "it is not an ordinary file");
  }

  // One byte past the limit tells "too large" (a limit with no byte past it is no limit).
  const std::uint64_t want = maxBytes == UINT64_MAX ? maxBytes : maxBytes + 1;
  const auto reported = static_cast<std::uint64_t>(std::max<off_t>(st.st_size, 0));
  std::string bytes;
  // Sized by what the file system reports (the common case is one read), but never
  // by more than the limit allows; a file that grows gets more room as it goes.
  std::size_t room = static_cast<std::size_t>(std::min<std::uint64_t>(
      want, std::max<std::uint64_t>(reported + 1, std::min<std::uint64_t>(want, 64 * 1024))));
  bytes.reserve(room + options.spareCapacity);
  bytes.resize(room);
  std::size_t got = 0;
  while (got < want) {
    if (got == bytes.size()) {
      const auto bigger = static_cast<std::size_t>(
          std::min<std::uint64_t>(want, static_cast<std::uint64_t>(bytes.size()) * 2));
      bytes.reserve(bigger + options.spareCapacity);
      bytes.resize(bigger);
    }
    const ssize_t n = ::read(file.fd, bytes.data() + got, bytes.size() - got);
    if (n < 0) {
      if (errno == EINTR) {
        continue;
      }
      return refused(Status::ReadFailed,
                     "it could not be read to the end (" + systemReason(errno) + ")");
    }
    if (n == 0) {
      break;
    }
    got += static_cast<std::size_t>(n);
  }
  bytes.resize(got);

  BoundedFile out;
  if (got > maxBytes) {
    out.status = Status::TooLarge;
    out.size = std::max<std::uint64_t>(reported, got);
    out.reason = tooLargeReason(out.size, maxBytes, reported <= maxBytes);
    if (options.keepHead) {
      out.bytes = std::move(bytes);
    }
    return out;
  }
  out.status = Status::Read;
  out.size = got;
  out.bytes = std::move(bytes);
  return out;
}

} // namespace sq
