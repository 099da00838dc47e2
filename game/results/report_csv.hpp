// The register as CSV, for spreadsheets: one table in which every row is a group of
// pupils (the school, a year group, a class, or one pupil) with the same count
// columns, plus one row per assembly given. See reportCsvColumns() for the header.
// Depends on: results/register.
#pragma once

#include "results/register.hpp"

#include <string>
#include <string_view>

namespace sq {

struct CsvOptions {
  bool names = false; // pupils' names instead of their 8-character pseudonyms
};

// RFC 4180 text: CRLF line ends, a UTF-8 byte-order mark first so Excel reads
// accented names correctly, and every text field that a spreadsheet would take for
// a formula (=, +, -, @, tab, CR) prefixed with an apostrophe.
std::string reportCsv(const Register& reg, const CsvOptions& options = {});

// One field, quoted when it holds a comma, quote or line break.
std::string csvField(std::string_view text);

} // namespace sq
