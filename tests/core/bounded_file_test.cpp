// Reading a file with a size limit: every way it can be refused, and the limit held
// even when the file reports less than it holds.
#include "core/bounded_file.hpp"

#include "support/temp_dir.hpp"

#include <doctest/doctest.h>

#include <fstream>

#include <sys/stat.h>

using namespace sq;

namespace {

std::string writeFile(const test::TempDir& dir, const std::string& name, const std::string& bytes) {
  const std::string path = dir.str() + "/" + name;
  std::ofstream(path, std::ios::binary) << bytes;
  return path;
}

} // namespace

TEST_CASE("a file at the limit is read whole; one byte over is refused without reading it") {
  test::TempDir dir;
  const std::string path = writeFile(dir, "ten.txt", "0123456789");

  const BoundedFile atLimit = readFileBounded(path, 10);
  CHECK(atLimit.status == BoundedFileStatus::Read);
  CHECK(atLimit.ok());
  CHECK(atLimit.bytes == "0123456789");
  CHECK(atLimit.size == 10);
  CHECK(atLimit.reason.empty());

  const BoundedFile over = readFileBounded(path, 9);
  CHECK(over.status == BoundedFileStatus::TooLarge);
  CHECK_FALSE(over.ok());
  CHECK(over.size == 10);
  CHECK(over.bytes.empty());
  CHECK(over.reason == "it is 10 bytes; at most 9 bytes is read");
}

TEST_CASE("keepHead gives a too-large file's first limit + 1 bytes") {
  test::TempDir dir;
  const std::string path = writeFile(dir, "ten.txt", "0123456789");
  BoundedReadOptions head;
  head.keepHead = true;
  const BoundedFile over = readFileBounded(path, 3, head);
  CHECK(over.status == BoundedFileStatus::TooLarge);
  CHECK(over.bytes == "0123");
  CHECK(over.size == 10);
  // A file within the limit is read whole as usual.
  CHECK(readFileBounded(path, 10, head).bytes == "0123456789");
}

TEST_CASE("an empty file is read, and is empty") {
  test::TempDir dir;
  const BoundedFile empty = readFileBounded(writeFile(dir, "empty", ""), 0);
  CHECK(empty.status == BoundedFileStatus::Read);
  CHECK(empty.bytes.empty());
  CHECK(empty.size == 0);
  CHECK(readFileBounded(writeFile(dir, "one", "x"), 0).status == BoundedFileStatus::TooLarge);
}

TEST_CASE("a folder, a pipe and nothing at all are told apart") {
  test::TempDir dir;
  const BoundedFile folder = readFileBounded(dir.str(), 1024);
  CHECK(folder.status == BoundedFileStatus::NotAFile);
  CHECK(folder.reason == "it is a folder, not a file");

  // Opening a FIFO for reading would wait for a writer: it is refused before that.
  const std::string fifo = dir.str() + "/pipe";
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  const BoundedFile pipe = readFileBounded(fifo, 1024);
  CHECK(pipe.status == BoundedFileStatus::NotAFile);
  CHECK(pipe.reason == "it is a pipe, not a file");

  const BoundedFile device = readFileBounded("/dev/zero", 1024);
  CHECK(device.status == BoundedFileStatus::NotAFile);
  CHECK(device.reason == "it is a device, not a file");

  const BoundedFile missing = readFileBounded(dir.str() + "/none.json", 1024);
  CHECK(missing.status == BoundedFileStatus::Missing);
  CHECK(missing.reason == "there is nothing there");
  // A path through a file, and no path, are missing too.
  const std::string file = writeFile(dir, "plain", "x");
  CHECK(readFileBounded(file + "/inside", 1024).status == BoundedFileStatus::Missing);
  CHECK(readFileBounded("", 1024).status == BoundedFileStatus::Missing);
}

TEST_CASE("a file holding more than its reported size is stopped one byte past the limit") {
  // /proc files report a size of 0 and then give their text: the same as a file
  // that grew between the size check and the read. The read must still stop.
  const std::string path = "/proc/self/status";
  struct stat st {};
  REQUIRE(::stat(path.c_str(), &st) == 0);
  REQUIRE(st.st_size == 0);

  const BoundedFile stopped = readFileBounded(path, 16);
  CHECK(stopped.status == BoundedFileStatus::TooLarge);
  CHECK(stopped.size == 17);
  CHECK(stopped.bytes.empty());
  CHECK(stopped.reason == "it is more than 16 bytes, the most that is read");

  BoundedReadOptions head;
  head.keepHead = true;
  const BoundedFile headOnly = readFileBounded(path, 16, head);
  CHECK(headOnly.bytes.size() == 17);
  CHECK(headOnly.bytes.rfind("Name:", 0) == 0);

  // With room for it all, the whole text is read although the size said 0.
  const BoundedFile whole = readFileBounded(path, 1024 * 1024);
  CHECK(whole.status == BoundedFileStatus::Read);
  CHECK(whole.bytes.size() > 100);
  CHECK(whole.bytes.find("\nPid:") != std::string::npos);
}

TEST_CASE("a file larger than the first buffer is read whole, with spare capacity when asked") {
  test::TempDir dir;
  std::string big(300 * 1024 + 7, '\0');
  for (std::size_t i = 0; i < big.size(); ++i) {
    big[i] = static_cast<char>('a' + i % 26);
  }
  const std::string path = writeFile(dir, "big.bin", big);
  BoundedReadOptions padded;
  padded.spareCapacity = 64;
  const BoundedFile read = readFileBounded(path, big.size(), padded);
  REQUIRE(read.status == BoundedFileStatus::Read);
  CHECK(read.bytes == big);
  CHECK(read.bytes.capacity() >= big.size() + 64);
  CHECK(readFileBounded(path, 2 * 1024 * 1024).bytes == big);
  const BoundedFile over = readFileBounded(path, 100 * 1024);
  CHECK(over.status == BoundedFileStatus::TooLarge);
  CHECK(over.reason == "it is 300 KB; at most 100 KB is read");
}

TEST_CASE("sizes are written as a teacher reads them") {
  CHECK(describeFileSize(0) == "0 bytes");
  CHECK(describeFileSize(1) == "1 byte");
  CHECK(describeFileSize(1023) == "1023 bytes");
  CHECK(describeFileSize(1024) == "1 KB");
  CHECK(describeFileSize(1536) == "1.5 KB");
  CHECK(describeFileSize(2 * 1024 * 1024) == "2 MB");
  CHECK(describeFileSize(3355443) == "3.2 MB");
}
