#include "results/civil_time.hpp"

#include <cstdio>

namespace sq {

namespace {

// Proleptic Gregorian conversion from days since 1970-01-01, by 400-year eras so
// it needs no tables and no time-zone database.
CivilDate civilFromDays(std::int64_t z) {
  z += 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const std::int64_t doe = z - era * 146097;
  const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const std::int64_t mp = (5 * doy + 2) / 153;
  const std::int64_t d = doy - (153 * mp + 2) / 5 + 1;
  const std::int64_t m = mp < 10 ? mp + 3 : mp - 9;
  const std::int64_t y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return {static_cast<int>(y), static_cast<int>(m), static_cast<int>(d)};
}

bool digits(std::string_view s, std::size_t from, std::size_t n, int& out) {
  if (from + n > s.size()) {
    return false;
  }
  out = 0;
  for (std::size_t i = from; i < from + n; ++i) {
    if (s[i] < '0' || s[i] > '9') {
      return false;
    }
    out = out * 10 + (s[i] - '0');
  }
  return true;
}

int daysInMonth(int y, int m) {
  static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return m == 2 && leap ? 29 : days[m - 1];
}

} // namespace

std::string formatUtc(std::int64_t unixSeconds) {
  std::int64_t days = unixSeconds / 86400;
  std::int64_t secs = unixSeconds % 86400;
  if (secs < 0) {
    secs += 86400;
    --days;
  }
  const CivilDate d = civilFromDays(days);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02dZ", d.year, d.month, d.day,
                static_cast<int>(secs / 3600), static_cast<int>(secs / 60 % 60),
                static_cast<int>(secs % 60));
  return buf;
}

std::optional<CivilDate> parseDate(std::string_view text) {
  CivilDate d;
  if (text.size() < 10 || text[4] != '-' || text[7] != '-' || !digits(text, 0, 4, d.year) ||
      !digits(text, 5, 2, d.month) || !digits(text, 8, 2, d.day)) {
    return std::nullopt;
  }
  if (d.month < 1 || d.month > 12 || d.day < 1 || d.day > daysInMonth(d.year, d.month)) {
    return std::nullopt;
  }
  if (text.size() == 10) {
    return d;
  }
  int h = 0, mi = 0, s = 0;
  if (text.size() != 20 || text[10] != 'T' || text[13] != ':' || text[16] != ':' ||
      text[19] != 'Z' || !digits(text, 11, 2, h) || !digits(text, 14, 2, mi) ||
      !digits(text, 17, 2, s) || h > 23 || mi > 59 || s > 60) {
    return std::nullopt;
  }
  return d;
}

int academicYearOf(const CivilDate& d) {
  return d.month >= 9 ? d.year : d.year - 1;
}

std::string academicYearStart(int academicYear) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-09-01", academicYear);
  return buf;
}

std::string academicYearEnd(int academicYear) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-08-31", academicYear + 1);
  return buf;
}

} // namespace sq
