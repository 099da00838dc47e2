// The format documentation must list every diagnostic code, so a teacher who
// meets a code can look it up.
#include "core/diagnostics.hpp"

#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

TEST_CASE("content/README.md documents every pack diagnostic code") {
  std::ifstream in(std::string(SQ_SOURCE_DIR) + "/content/README.md");
  REQUIRE(in.good());
  std::stringstream ss;
  ss << in.rdbuf();
  const std::string doc = ss.str();
  for (const auto& info : sq::allCodes()) {
    if (info.id.rfind("csv.", 0) == 0) {
      continue; // class-list codes: game/results/README.md documents them
    }
    INFO(info.id);
    CHECK(doc.find("| `" + std::string(info.id) + "` | " +
                   std::string(sq::severityName(info.severity))) != std::string::npos);
  }
}
