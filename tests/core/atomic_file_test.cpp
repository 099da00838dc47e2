// Writing a file atomically: a full disk is reported as a full disk.
#include "core/atomic_file.hpp"

#include "support/temp_dir.hpp"

#include <doctest/doctest.h>

#include <cerrno>
#include <fstream>

using namespace sq;

TEST_CASE("a write that fails for want of space says the disk is full") {
  CHECK(describeWriteFailure("/srv/sq/x.tmp", ENOSPC).rfind("the disk is full", 0) == 0);
  CHECK(describeWriteFailure("/srv/sq/x.tmp", EDQUOT).rfind("the disk is full", 0) == 0);
  const std::string denied = describeWriteFailure("/srv/sq/x.tmp", EACCES);
  CHECK(denied.find("disk is full") == std::string::npos);
  CHECK(denied.find("/srv/sq/x.tmp") != std::string::npos);

  // A real failure (the folder is missing) is described by its own reason.
  test::TempDir dir;
  std::string error;
  CHECK_FALSE(writeFileAtomically(dir.str() + "/no-such-folder/x.json", "{}", error));
  CHECK(error.find("could not write") != std::string::npos);
  CHECK(error.find("disk is full") == std::string::npos);
  REQUIRE(writeFileAtomically(dir.str() + "/x.json", "{}", error));
  std::ifstream in(dir.str() + "/x.json");
  std::string text;
  std::getline(in, text);
  CHECK(text == "{}");
}
