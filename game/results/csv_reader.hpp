// A CSV reader for files made by other programs (school MIS exports, Excel,
// OneRoster bundles): RFC 4180 quoting, with quoted commas and line breaks inside
// fields, CRLF, LF or lone-CR line ends, and blank lines skipped. Every limit is
// checked as the bytes go past, so no input makes it allocate more than the limits
// allow, and it never throws. Problems carry the line they were found on, and
// reading carries on where it safely can so one pass reports every bad line.
// Input is text already decoded to UTF-8 (results/text_encoding).
// Depends on: core/diagnostics (the error codes).
#pragma once

#include "core/diagnostics.hpp"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace sq {

struct CsvLimits {
  std::size_t maxBytes = 5u * 1024u * 1024u; // the whole text
  std::size_t maxRecords = 5001;             // non-blank records, the header included
  std::size_t maxColumns = 100;              // fields in one record
  std::size_t maxFieldBytes = 500;           // one field, after unquoting
  std::size_t maxLineBytes = 16u * 1024u;    // one physical line, quotes and all
  std::size_t maxErrors = 100;               // then one last "too many problems"
  std::size_t headerRecords = 0;             // counted in maxRecords but not in messages about it
  char delimiter = ',';
};

struct CsvRow {
  int line = 0; // 1-based physical line the record starts on
  std::vector<std::string> fields;
};

struct CsvError {
  int line = 0; // 0: the whole file
  Code code = Code::CsvTooManyProblems;
  std::string message;
};

struct CsvTable {
  std::vector<CsvRow> rows; // only the records that read cleanly
  std::vector<CsvError> errors;
  bool ok() const { return errors.empty(); }
};

CsvTable readCsv(std::string_view text, const CsvLimits& limits = {});

} // namespace sq
