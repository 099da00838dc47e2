// Class-list import: turns the files schools already have into pupils, classes and
// staff names, keeping only what SafeQuest needs (first name, last-name initial,
// class, the pupil's own year group, and an MIS id used only for matching) and
// dropping every other column (dates of birth, e-mails, phone numbers...).
//   - MIS CSV: what SIMS, Arbor, Bromcom and friends export; columns are found by
//     their usual header names, or named explicitly.
//   - OneRoster 1.1 CSV: users.csv, classes.csv and enrollments.csv.
// Both are all or nothing: any bad row refuses the whole import, and every bad
// line is reported (file, line, a stable csv.* code, what is wrong). Pure functions over bytes
// already in memory: no disk, no store, never throws, every limit checked before the work. Depends
// on: results/csv_reader, results/text_encoding, content/pack_model (YearGroup), core/utf8,
// libsodium (misKeyFor) and utf8proc (normal form C and case folding), both inside the .cpp only.
#pragma once

#include "content/pack_model.hpp"
#include "core/diagnostics.hpp"
#include "results/csv_reader.hpp"
#include "results/text_encoding.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sq {

struct ImportLimits {
  std::size_t maxFileBytes = 5u * 1024u * 1024u;
  std::size_t maxRows = 5000; // data rows, the header not counted
  std::size_t maxColumns = 100;
  std::size_t maxFieldBytes = 500;
  std::size_t maxLineBytes = 16u * 1024u;
  std::size_t maxErrors = 100;   // per file, then one "too many problems"
  std::size_t maxNameChars = 64; // first names, class names and staff names, in code points
};

struct ImportError {
  std::string file;
  int line = 0;                         // 1-based; 0 when the problem is the whole file
  Code code = Code::CsvTooManyProblems; // a csv.* code from core/diagnostic_codes.hpp
  std::string message;
};

// "FILE:LINE: csv.code: message", or "FILE: csv.code: message" for a whole-file problem.
std::string formatImportError(const ImportError& e);

struct ImportedPupil {
  int line = 0; // where it came from, for conflict reports
  std::string file;
  std::string firstName; // trimmed, inner spaces collapsed, Unicode normal form C
  std::string initial;   // one code point, uppercased
  std::string className;
  YearGroup yearGroup = YearGroup::Reception;
  // The admission number, UPN or OneRoster sourcedId, trimmed; "" when the file has
  // none. Held only in memory: the roster keeps misKeyFor() of it, never the id.
  std::string misId;
};

struct ImportResult {
  DetectedEncoding encoding = DetectedEncoding::Utf8; // of the main file
  std::vector<std::string> classes;                   // names, in first-seen order
  std::vector<ImportedPupil> pupils;
  std::vector<std::string> staff; // names, in first-seen order
  // True when the source lists staff (OneRoster), so a re-import replaces them;
  // an MIS pupil export says nothing about staff and leaves them alone.
  bool hasStaff = false;
  std::vector<ImportError> errors;
  bool ok() const { return errors.empty(); }
};

struct MisCsvOptions {
  std::string fileName = "pupils.csv"; // used in error messages only
  // Header names to use instead of the recognised ones ("" = recognise). Matched
  // case-insensitively after trimming spaces.
  std::string forenameColumn;
  std::string surnameColumn;
  std::string classColumn;
  std::string yearColumn;
  std::string idColumn;
  ImportLimits limits;
};

ImportResult importMisCsv(std::string_view bytes, const MisCsvOptions& options = {});

struct OneRosterFiles {
  std::string users;       // users.csv bytes
  std::string classes;     // classes.csv bytes
  std::string enrollments; // enrollments.csv bytes
};

ImportResult importOneRoster(const OneRosterFiles& files, const ImportLimits& limits = {});

// Year-group text as MIS exports write it: "3", "Y3", "Year 3", "R", "Rec",
// "Reception", "0" (Reception). On failure returns nullopt and explains in
// `why`, with a clear message for Nursery and Year 7 and above.
std::optional<YearGroup> parseMisYear(std::string_view text, std::string* why = nullptr);

// The keyed hash stored as Pupil::misKey: BLAKE2b (libsodium crypto_generichash),
// 16 bytes, lowercase hex, of the trimmed, ASCII-uppercased MIS id, keyed with
// ResultsStore::rosterKey(). Keys outside libsodium's 16-64 byte range are first
// hashed to 32 bytes, so any key works. "" for an empty id.
std::string misKeyFor(std::string_view misId, std::string_view key);

// The letter a surname is reduced to: its first letter (a whole code point),
// skipping leading punctuation such as the apostrophe in 't Hooft, composed to
// normal form C and uppercased (Unicode's simple mapping). "" when there is none.
std::string initialOf(std::string_view surname);

// Names compared the way a teacher would: trimmed, inner blanks collapsed, in
// Unicode normal form C and case-folded, so "ZOË", "zoë" and "Zoe" + U+0308 are
// one name. Used to match classes and pupils on re-import.
std::string foldName(std::string_view name);

} // namespace sq
