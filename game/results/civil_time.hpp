// Dates without time zones: UTC timestamps as text, and the school's academic year
// (1 September to 31 August). Nothing here reads a clock: callers pass the time in.
// Depends on: std only.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace sq {

struct CivilDate {
  int year = 1970;
  int month = 1; // 1-12
  int day = 1;   // 1-31
};

// "2026-11-22T21:47:10Z" from seconds since the Unix epoch.
std::string formatUtc(std::int64_t unixSeconds);
// Parses "YYYY-MM-DD" or "YYYY-MM-DDThh:mm:ssZ"; nullopt when malformed.
std::optional<CivilDate> parseDate(std::string_view text);
// The academic year a date falls in, named by the calendar year it starts:
// 2027-03-01 is in academic year 2026 (1 Sep 2026 - 31 Aug 2027).
int academicYearOf(const CivilDate& d);
// "2026-09-01" and "2027-08-31".
std::string academicYearStart(int academicYear);
std::string academicYearEnd(int academicYear);

} // namespace sq
