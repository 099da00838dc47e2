// Reading a whole file that must not be bigger than a limit: class lists, content
// pack files, pictures and narration brought into a pack, settings, the editor's
// settings and its recovery file all come from folders a teacher or another PC can
// fill with anything, so none of them may pull a huge file into memory. The size
// the file system reports is checked first, and the read itself stops one byte
// past the limit, since a file can grow between the check and the read (or report
// no size at all, as /proc files do). Only an ordinary file is read: a folder, a
// FIFO or a device would fail, block or never end.
// Depends on: std, and POSIX open/fstat/read (for the reasons errno gives).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace sq {

enum class BoundedFileStatus {
  Read,       // `bytes` holds the whole file
  Missing,    // nothing at the path
  NotAFile,   // a folder, a FIFO, a device...
  TooLarge,   // more than maxBytes; `size` says how much was seen
  CannotOpen, // it exists but could not be looked at or opened (permissions...)
  ReadFailed, // opened, but a read failed part way
};

struct BoundedFile {
  BoundedFileStatus status = BoundedFileStatus::Missing;
  // Read: the file. TooLarge with keepHead: its first maxBytes + 1 bytes.
  std::string bytes;
  // TooLarge: the size the file system reported, or the bytes read before
  // stopping (maxBytes + 1) when it grew or reported less; otherwise bytes.size().
  std::uint64_t size = 0;
  // Anything but Read: why, in plain words without the path, e.g. "there is
  // nothing there", "it is a folder, not a file", "it is 3.2 MB; at most 2 MB is
  // read", "it could not be opened (Permission denied)".
  std::string reason;

  bool ok() const { return status == BoundedFileStatus::Read; }
};

struct BoundedReadOptions {
  // Also read a too-large file's first maxBytes + 1 bytes into `bytes`, for a
  // caller that reads a file's head, or leaves the judgement to a parser that
  // names its own limit. Without it a file reported too large is not opened.
  bool keepHead = false;
  // Spare capacity left after the bytes (a parser's padding), so no copy is needed.
  std::size_t spareCapacity = 0;
};

// Reads `path` if it is an ordinary file of at most maxBytes. Never throws, never
// reads more than maxBytes + 1 bytes.
BoundedFile readFileBounded(const std::string& path, std::uint64_t maxBytes,
                            const BoundedReadOptions& options = {});

// "512 bytes", "12 KB", "3.2 MB": a size as a teacher reads it (1 KB = 1024 bytes).
std::string describeFileSize(std::uint64_t bytes);

} // namespace sq
