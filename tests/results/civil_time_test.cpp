#include "results/civil_time.hpp"

#include <doctest/doctest.h>

using namespace sq;

TEST_CASE("UTC times format without a time-zone database") {
  CHECK(formatUtc(0) == "1970-01-01T00:00:00Z");
  CHECK(formatUtc(951782400) == "2000-02-29T00:00:00Z"); // a leap day in a century leap year
  CHECK(formatUtc(1795000000) == "2026-11-18T11:06:40Z");
  CHECK(formatUtc(-1) == "1969-12-31T23:59:59Z");
}

TEST_CASE("the academic year runs from 1 September to 31 August") {
  CHECK(academicYearOf(*parseDate("2026-08-31")) == 2025);
  CHECK(academicYearOf(*parseDate("2026-09-01")) == 2026);
  CHECK(academicYearOf(*parseDate("2027-03-01T12:00:00Z")) == 2026);
  CHECK(academicYearStart(2026) == "2026-09-01");
  CHECK(academicYearEnd(2026) == "2027-08-31");
}

TEST_CASE("malformed dates are refused") {
  for (const char* bad :
       {"", "2026-13-01", "2026-02-30", "2025-02-29", "26-01-01", "2026-01-01T25:00:00Z",
        "2026-01-01T10:00:00", "2026/01/01", "2026-01-01x"}) {
    CHECK_FALSE(parseDate(bad).has_value());
  }
  CHECK(parseDate("2024-02-29").has_value());
}
