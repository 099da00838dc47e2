#include "content/json_limits.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace sq;

TEST_CASE("nesting beyond the limit is found in one pass, with its line and column") {
  CHECK_FALSE(findExcessNesting(R"({"a":[{"b":[1,2]}]})", 4).has_value());
  const auto deep = findExcessNesting("{\n  \"a\": [[[1]]]}", 3);
  REQUIRE(deep.has_value());
  CHECK(deep->line == 2);
  CHECK(deep->column == 10);
  CHECK(deep->depth == 4);
}

TEST_CASE("brackets inside strings, including escaped quotes, do not count") {
  CHECK_FALSE(findExcessNesting(R"({"a":"[[[[[[\"[[[[["})", 1).has_value());
}

TEST_CASE("ten thousand levels are refused without recursion") {
  const std::string hostile(10000, '[');
  const auto deep = findExcessNesting(hostile, 32);
  REQUIRE(deep.has_value());
  CHECK(deep->column == 33);
}
