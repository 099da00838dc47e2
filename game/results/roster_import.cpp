// Sections:
//   1. text helpers: decoding, trimming, names
//   2. error collection: capped, with lines and codes
//   3. reading one CSV file: separators, quotes, rows
//   4. MIS CSV: headers, year groups, initials, keys, the import
//   5. OneRoster 1.1: users, classes, enrolments, grades, the import
#include "results/roster_import.hpp"

#include "core/utf8.hpp"

#include <sodium.h>
#include <utf8proc.h>

#include <algorithm>
#include <array>
#include <cstdlib>
#include <map>
#include <set>
#include <utility>

namespace sq {

namespace {

// ---- text helpers -------------------------------------------------------------------

bool isBlankCp(char32_t cp) {
  // NBSP sneaks in from spreadsheets pasted out of web pages.
  return cp == U' ' || cp == U'\t' || cp == 0xA0;
}

bool isControlCp(char32_t cp) {
  return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F);
}

// Unicode through utf8proc: `options` are UTF8PROC_* flags; STABLE keeps the
// result the same across Unicode versions for assigned characters. Text that is
// not valid UTF-8 comes back unchanged (decodeToUtf8 makes sure it never is).
std::string utf8procMap(std::string_view s, int options) {
  utf8proc_uint8_t* out = nullptr;
  const utf8proc_ssize_t n = utf8proc_map(
      reinterpret_cast<const utf8proc_uint8_t*>(s.data()), static_cast<utf8proc_ssize_t>(s.size()),
      &out, static_cast<utf8proc_option_t>(options | UTF8PROC_STABLE | UTF8PROC_COMPOSE));
  if (n < 0 || out == nullptr) {
    std::free(out);
    return std::string(s);
  }
  std::string result(reinterpret_cast<const char*>(out), static_cast<std::size_t>(n));
  std::free(out);
  return result;
}

// Trims and collapses blanks, and puts the text in Unicode normal form C, so a
// name typed with a precomposed letter (U+00EB) and one typed as e + U+0308 are
// the same bytes. Input is valid UTF-8 (decodeToUtf8 guarantees it).
std::string normaliseSpaces(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool pendingSpace = false;
  for (std::size_t pos = 0; pos < s.size();) {
    const std::size_t start = pos;
    const char32_t cp = decodeUtf8(s, pos);
    if (isBlankCp(cp)) {
      pendingSpace = !out.empty();
      continue;
    }
    if (pendingSpace) {
      out += ' ';
      pendingSpace = false;
    }
    out.append(s.substr(start, pos - start));
  }
  const bool ascii = std::all_of(out.begin(), out.end(),
                                 [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  return ascii ? out : utf8procMap(out, 0); // ASCII is already NFC
}

std::string lowerAscii(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') {
      c = static_cast<char>(c - 'A' + 'a');
    }
  }
  return out;
}

// Makes outside text safe and short enough to quote in an error message.
std::string quoteForMessage(std::string_view s) {
  constexpr std::size_t kMaxChars = 40;
  std::string out = "\"";
  std::size_t n = 0;
  for (std::size_t pos = 0; pos < s.size();) {
    const char32_t cp = decodeUtf8(s, pos);
    if (++n > kMaxChars) {
      out += "...";
      break;
    }
    appendUtf8(out, isControlCp(cp) ? U'?' : cp);
  }
  return out + "\"";
}

// What is wrong with a value: its code and message; an empty message when nothing is.
struct Problem {
  Code code = Code::CsvEmptyValue;
  std::string message;
};

Problem nameProblem(std::string_view what, std::string_view value, std::size_t maxChars) {
  if (value.empty()) {
    return {Code::CsvEmptyValue, std::string(what) + " is empty"};
  }
  std::size_t chars = 0;
  for (std::size_t pos = 0; pos < value.size();) {
    const char32_t cp = decodeUtf8(value, pos);
    ++chars;
    if (isControlCp(cp)) {
      return {Code::CsvControlCharacter,
              std::string(what) + " " + quoteForMessage(value) + " contains a control character"};
    }
    if (cp == kReplacementChar) {
      return {Code::CsvNotText,
              std::string(what) + " " + quoteForMessage(value) +
                  " contains bytes that are not text (is the file a spreadsheet saved as CSV?)"};
    }
  }
  if (chars > maxChars) {
    return {Code::CsvTooLong,
            std::string(what) + " is longer than " + std::to_string(maxChars) + " characters"};
  }
  return {};
}

std::string toHex(const unsigned char* data, std::size_t size) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  out.reserve(size * 2);
  for (std::size_t i = 0; i < size; ++i) {
    out += kDigits[data[i] >> 4];
    out += kDigits[data[i] & 0x0F];
  }
  return out;
}

std::string trimAscii(std::string_view s) {
  const auto first = s.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) {
    return "";
  }
  const auto last = s.find_last_not_of(" \t\r\n");
  return std::string(s.substr(first, last - first + 1));
}

// ---- error collection ---------------------------------------------------------------

class Errors {
public:
  Errors(std::vector<ImportError>& out, std::size_t max) : mOut(out), mMax(max) {}

  void add(const std::string& file, int line, Code code, std::string message) {
    if (mFull) {
      return;
    }
    if (mOut.size() >= mMax) {
      mOut.push_back(
          {file, line, Code::CsvTooManyProblems, "too many problems; stopped checking here"});
      mFull = true;
      return;
    }
    mOut.push_back({file, line, code, std::move(message)});
  }
  void add(const std::string& file, int line, Problem problem) {
    add(file, line, problem.code, std::move(problem.message));
  }
  bool full() const { return mFull; }

private:
  std::vector<ImportError>& mOut;
  std::size_t mMax;
  bool mFull = false;
};

// ---- reading one CSV file -----------------------------------------------------------

// Excel in many European locales writes ';' and "Unicode text" uses tabs; a header
// line with no comma at all is read with whichever of those it does contain.
char guessDelimiter(std::string_view text) {
  const auto end = text.find_first_of("\r\n");
  const std::string_view first = text.substr(0, end);
  if (first.find(',') != std::string_view::npos) {
    return ',';
  }
  const auto semis = std::count(first.begin(), first.end(), ';');
  const auto tabs = std::count(first.begin(), first.end(), '\t');
  if (tabs > 0 && tabs >= semis) {
    return '\t';
  }
  return semis > 0 ? ';' : ',';
}

struct ReadFile {
  CsvTable table;
  DetectedEncoding encoding = DetectedEncoding::Utf8;
  bool readable = false;
};

ReadFile readFile(std::string_view bytes, const std::string& file, std::size_t maxRecords,
                  const ImportLimits& limits, Errors& errors) {
  ReadFile r;
  if (bytes.size() > limits.maxFileBytes) {
    errors.add(file, 0, Code::CsvFileTooLarge,
               "the file is " + std::to_string(bytes.size()) +
                   " bytes; the most SafeQuest reads is " + std::to_string(limits.maxFileBytes));
    return r;
  }
  if (bytes.substr(0, 2) == "\xFF\xFE" || bytes.substr(0, 2) == "\xFE\xFF") {
    // Excel's "Unicode Text" is UTF-16; read as bytes it is one long row of junk.
    errors.add(file, 0, Code::CsvUtf16,
               "the file is UTF-16 (Excel's \"Unicode Text\"); save it as \"CSV UTF-8\" or "
               "\"CSV\" instead");
    return r;
  }
  const std::string text = decodeToUtf8(bytes, &r.encoding);
  CsvLimits csv;
  // Decoding can grow the text (each Windows-1252 byte up to three); the byte limit
  // that matters was checked on the file itself above.
  csv.maxBytes = text.size();
  csv.maxRecords = maxRecords;
  csv.maxColumns = limits.maxColumns;
  csv.maxFieldBytes = limits.maxFieldBytes;
  csv.maxLineBytes = limits.maxLineBytes;
  csv.maxErrors = limits.maxErrors;
  csv.headerRecords = 1;
  csv.delimiter = guessDelimiter(text);
  r.table = readCsv(text, csv);
  for (const CsvError& e : r.table.errors) {
    errors.add(file, e.line, e.code, e.message);
  }
  r.readable = r.table.ok();
  if (r.readable && r.table.rows.empty()) {
    errors.add(file, 0, Code::CsvEmpty, "the file is empty");
    r.readable = false;
  }
  return r;
}

bool allBlank(const CsvRow& row) {
  return std::all_of(row.fields.begin(), row.fields.end(),
                     [](const std::string& f) { return normaliseSpaces(f).empty(); });
}

std::string headerKey(std::string_view name) {
  return lowerAscii(normaliseSpaces(name));
}

// A listing of the header for "no such column" messages: enough to spot a typo or
// a file that is not a class list at all.
std::string describeHeader(const CsvRow& header) {
  constexpr std::size_t kShown = 8;
  std::string out;
  for (std::size_t i = 0; i < header.fields.size() && i < kShown; ++i) {
    out += (i == 0 ? "" : ", ") + quoteForMessage(normaliseSpaces(header.fields[i]));
  }
  if (header.fields.size() > kShown) {
    out += ", ...";
  }
  return out.empty() ? "nothing" : out;
}

// Where each header name is, by key; reports a name that appears twice when it
// is one we would read, since then we cannot tell which column is meant.
class Header {
public:
  explicit Header(const CsvRow& row) : mRow(row) {
    for (std::size_t i = 0; i < row.fields.size(); ++i) {
      mColumns[headerKey(row.fields[i])].push_back(i);
    }
  }

  // The column index of `key`, or nullopt; a duplicate is reported once.
  std::optional<std::size_t> find(std::string_view key, const std::string& file, Errors& errors) {
    const auto it = mColumns.find(std::string(key));
    if (it == mColumns.end()) {
      return std::nullopt;
    }
    if (it->second.size() > 1 && mReported.insert(it->first).second) {
      std::string where;
      for (std::size_t i = 0; i < it->second.size(); ++i) {
        where += (i == 0 ? "" : (i + 1 == it->second.size() ? " and " : ", ")) +
                 std::to_string(it->second[i] + 1);
      }
      errors.add(file, mRow.line, Code::CsvDuplicateColumn,
                 "the column " + quoteForMessage(normaliseSpaces(mRow.fields[it->second[0]])) +
                     " appears more than once (columns " + where + ")");
    }
    return it->second.front();
  }

  const CsvRow& row() const { return mRow; }

private:
  const CsvRow& mRow;
  std::map<std::string, std::vector<std::size_t>> mColumns;
  std::set<std::string> mReported;
};

// ---- MIS CSV ------------------------------------------------------------------------

enum Role { Forename, Surname, ClassName, Year, MisId, kRoleCount };

struct RoleInfo {
  const char* what;               // in messages
  std::vector<const char*> names; // as schools see them, in order of preference
  bool required;
};

const std::array<RoleInfo, kRoleCount>& roles() {
  // Preferred names come first: the name a child is called in class is what they
  // should see on screen. When a preferred cell is blank the next column is used.
  static const std::array<RoleInfo, kRoleCount> table = {{
      {"forename", {"Preferred Forename", "Forename", "First Name", "Legal Forename"}, true},
      {"surname", {"Surname", "Last Name", "Legal Surname"}, true},
      {"class", {"Reg Group", "Registration Group", "Class", "Form"}, true},
      {"year group", {"Year", "Year Group", "NC Year"}, true},
      // Admission number first: it is the school's own and never changes; a file
      // should keep offering the same one, or re-imports cannot match by it.
      {"admission number", {"Adno", "Admission Number", "UPN"}, false},
  }};
  return table;
}

std::string recognisedList(const RoleInfo& role) {
  std::string out;
  for (std::size_t i = 0; i < role.names.size(); ++i) {
    out += (i == 0 ? "" : (i + 1 == role.names.size() ? " or " : ", "));
    out += std::string("\"") + role.names[i] + "\"";
  }
  return out;
}

} // namespace

std::string formatImportError(const ImportError& e) {
  const std::string coded = std::string(codeId(e.code)) + ": " + e.message;
  if (e.line <= 0) {
    return e.file + ": " + coded;
  }
  return e.file + ":" + std::to_string(e.line) + ": " + coded;
}

std::string foldName(std::string_view name) {
  // Unicode case folding (ZOË, Zoë and zoë are one name), composed to NFC.
  return utf8procMap(normaliseSpaces(name), UTF8PROC_CASEFOLD);
}

std::string initialOf(std::string_view rawSurname) {
  // Composed first, so "e" + U+0308 gives "Ë", not "E".
  const std::string surname = normaliseSpaces(rawSurname);
  for (std::size_t pos = 0; pos < surname.size();) {
    const char32_t cp = decodeUtf8(surname, pos);
    const bool asciiNonLetter =
        cp < 0x80 && !((cp >= U'a' && cp <= U'z') || (cp >= U'A' && cp <= U'Z'));
    // Apostrophes and quotes as Word and Excel write them (’t Hooft, ‘Akau).
    const bool punctuation = cp == 0xA0 || (cp >= 0x2018 && cp <= 0x201F) || cp == 0x2BC ||
                             cp == 0x2BB || cp == 0xB4 || cp == 0x60;
    if (asciiNonLetter || punctuation) {
      continue;
    }
    // ß stays ß: Unicode gives it no one-letter uppercase, though newer utf8proc
    // versions map it to ẞ, and an initial should not change with the library.
    const char32_t upper =
        cp == 0xDF ? cp
                   : static_cast<char32_t>(utf8proc_toupper(static_cast<utf8proc_int32_t>(cp)));
    std::string out;
    appendUtf8(out, upper);
    return out;
  }
  return "";
}

namespace {

std::optional<YearGroup> parseYear(std::string_view text, Problem* why) {
  const auto fail = [&](Code code, std::string message) -> std::optional<YearGroup> {
    if (why != nullptr) {
      *why = {code, std::move(message)};
    }
    return std::nullopt;
  };
  std::string s;
  for (char c : lowerAscii(trimAscii(text))) {
    if (c != ' ' && c != '\t') {
      s += c;
    }
  }
  const auto shown = [&] { return quoteForMessage(normaliseSpaces(text)); };
  if (s.empty()) {
    return fail(Code::CsvEmptyValue, "year group is empty");
  }
  for (const char* prefix : {"year", "yr", "y"}) {
    const std::string_view p(prefix);
    if (s.size() > p.size() && s.compare(0, p.size(), p) == 0) {
      s.erase(0, p.size());
      break;
    }
  }
  static const std::set<std::string> reception = {"r", "rec", "reception", "0", "00", "f2", "fs2"};
  static const std::set<std::string> nursery = {
      "n", "n1", "n2", "nur", "nursery", "-1", "-2", "f1", "fs1", "pk", "pn", "pre", "preschool"};
  if (reception.count(s) != 0) {
    return YearGroup::Reception;
  }
  if (nursery.count(s) != 0) {
    return fail(Code::CsvYearOutOfRange,
                "year group " + shown() +
                    " is Nursery; SafeQuest is for Reception to Year 6, so leave Nursery pupils "
                    "out of the file");
  }
  if (!s.empty() && s.size() <= 3 && s.find_first_not_of("0123456789") == std::string::npos) {
    const int n = std::stoi(s);
    if (n <= 6) {
      return static_cast<YearGroup>(n); // 0 is Reception, as in NC Year columns
    }
    if (n <= 14) {
      return fail(
          Code::CsvYearOutOfRange,
          "year group " + shown() + " is Year " + std::to_string(n) +
              "; SafeQuest is for Reception to Year 6, so leave older pupils out of the file");
    }
  }
  return fail(Code::CsvBadYear,
              "year group " + shown() +
                  " is not one SafeQuest knows (write R, Reception, 1-6, Y1-Y6 or Year 1-Year 6)");
}

} // namespace

std::optional<YearGroup> parseMisYear(std::string_view text, std::string* why) {
  Problem problem;
  auto year = parseYear(text, &problem);
  if (!year && why != nullptr) {
    *why = std::move(problem.message);
  }
  return year;
}

std::string misKeyFor(std::string_view misId, std::string_view key) {
  std::string id = trimAscii(misId);
  for (char& c : id) {
    if (c >= 'a' && c <= 'z') {
      c = static_cast<char>(c - 'a' + 'A');
    }
  }
  if (id.empty()) {
    return "";
  }
  static_assert(crypto_generichash_KEYBYTES_MIN <= 32 && 32 <= crypto_generichash_KEYBYTES_MAX);
  std::array<unsigned char, 32> derived{};
  const auto* keyData = reinterpret_cast<const unsigned char*>(key.data());
  std::size_t keySize = key.size();
  if (keySize < crypto_generichash_KEYBYTES_MIN || keySize > crypto_generichash_KEYBYTES_MAX) {
    crypto_generichash(derived.data(), derived.size(), keyData, keySize, nullptr, 0);
    keyData = derived.data();
    keySize = derived.size();
  }
  std::array<unsigned char, 16> out{};
  crypto_generichash(out.data(), out.size(), reinterpret_cast<const unsigned char*>(id.data()),
                     id.size(), keyData, keySize);
  return toHex(out.data(), out.size());
}

ImportResult importMisCsv(std::string_view bytes, const MisCsvOptions& options) {
  ImportResult result;
  const ImportLimits& limits = options.limits;
  const std::string& file = options.fileName;
  Errors errors(result.errors, limits.maxErrors);
  ReadFile read = readFile(bytes, file, limits.maxRows + 1, limits, errors);
  result.encoding = read.encoding;
  if (!read.readable) {
    return result;
  }
  const CsvRow& headerRow = read.table.rows.front();
  Header header(headerRow);

  // Each role's columns, best first.
  std::array<std::vector<std::size_t>, kRoleCount> columns;
  const std::array<const std::string*, kRoleCount> explicitNames = {
      &options.forenameColumn, &options.surnameColumn, &options.classColumn, &options.yearColumn,
      &options.idColumn};
  for (std::size_t r = 0; r < kRoleCount; ++r) {
    const RoleInfo& role = roles()[r];
    const std::string wanted = headerKey(*explicitNames[r]);
    if (!wanted.empty()) {
      if (auto at = header.find(wanted, file, errors)) {
        columns[r].push_back(*at);
      } else {
        errors.add(file, headerRow.line, Code::CsvMissingColumn,
                   "there is no column called " + quoteForMessage(*explicitNames[r]) +
                       " (named as the " + role.what + " column); the header has " +
                       describeHeader(headerRow));
      }
      continue;
    }
    for (const char* name : role.names) {
      if (auto at = header.find(headerKey(name), file, errors)) {
        columns[r].push_back(*at);
      }
    }
    if (columns[r].empty() && role.required) {
      errors.add(file, headerRow.line, Code::CsvMissingColumn,
                 std::string("no ") + role.what + " column: expected " + recognisedList(role) +
                     " (or name the column); the header has " + describeHeader(headerRow));
    }
  }
  for (std::size_t a = 0; a < kRoleCount; ++a) {
    for (std::size_t b = a + 1; b < kRoleCount; ++b) {
      for (std::size_t col : columns[a]) {
        if (std::find(columns[b].begin(), columns[b].end(), col) != columns[b].end()) {
          errors.add(file, headerRow.line, Code::CsvDuplicateColumn,
                     "column " + std::to_string(col + 1) + " is named as both the " +
                         roles()[a].what + " and the " + roles()[b].what + " column");
        }
      }
    }
  }
  if (!result.ok()) {
    return result;
  }

  const std::size_t headerSize = headerRow.fields.size();
  std::map<std::string, std::string> classSpelling; // folded -> first spelling
  for (std::size_t i = 1; i < read.table.rows.size() && !errors.full(); ++i) {
    const CsvRow& row = read.table.rows[i];
    if (allBlank(row)) {
      continue;
    }
    const auto fail = [&](Code code, std::string message) {
      errors.add(file, row.line, code, std::move(message));
    };
    if (row.fields.size() > headerSize) {
      // Trailing empty cells are what spreadsheets leave behind after a column was
      // cleared; only real extra data means the row does not fit the header.
      const bool extraData =
          std::any_of(row.fields.begin() + static_cast<std::ptrdiff_t>(headerSize),
                      row.fields.end(), [](const std::string& f) { return !trimAscii(f).empty(); });
      if (extraData) {
        fail(Code::CsvRowWidth, "the row has " + std::to_string(row.fields.size()) +
                                    " fields but the header has " + std::to_string(headerSize) +
                                    " (an unquoted comma in a name?)");
        continue;
      }
    }
    // Cells for each role: the first non-blank of its columns. A row too short for
    // a column it needs is refused; one merely missing unused trailing cells is not.
    std::array<std::string, kRoleCount> cell;
    bool shortRow = false;
    for (std::size_t r = 0; r < kRoleCount; ++r) {
      for (std::size_t col : columns[r]) {
        if (col >= row.fields.size()) {
          if (!shortRow && roles()[r].required) {
            shortRow = true;
            fail(Code::CsvRowWidth, "the row has only " + std::to_string(row.fields.size()) +
                                        " fields, so the " + roles()[r].what + " column (" +
                                        std::to_string(col + 1) + ") is missing; the header has " +
                                        std::to_string(headerSize));
          }
          continue;
        }
        if (cell[r].empty()) {
          cell[r] = normaliseSpaces(row.fields[col]);
        }
      }
    }
    if (shortRow) {
      continue;
    }
    ImportedPupil p;
    p.file = file;
    p.line = row.line;
    bool bad = false;
    const auto check = [&](Problem problem) {
      if (!problem.message.empty()) {
        fail(problem.code, std::move(problem.message));
        bad = true;
      }
    };
    p.firstName = cell[Forename];
    check(nameProblem("forename", p.firstName, limits.maxNameChars));
    Problem surnameProblem = nameProblem("surname", cell[Surname], limits.maxNameChars * 2);
    if (surnameProblem.message.empty()) {
      p.initial = initialOf(cell[Surname]);
      if (p.initial.empty()) {
        surnameProblem = {Code::CsvNoLetter,
                          "surname " + quoteForMessage(cell[Surname]) + " has no letter in it"};
      }
    }
    check(surnameProblem);
    p.className = cell[ClassName];
    check(nameProblem("class", p.className, limits.maxNameChars));
    Problem why;
    if (auto year = parseYear(cell[Year], &why)) {
      p.yearGroup = *year;
    } else {
      check(why);
    }
    p.misId = cell[MisId];
    if (!p.misId.empty()) {
      check(nameProblem("admission number", p.misId, limits.maxNameChars));
    }
    if (bad) {
      continue;
    }
    const auto [it, added] = classSpelling.emplace(foldName(p.className), p.className);
    if (added) {
      result.classes.push_back(p.className);
    }
    p.className = it->second;
    result.pupils.push_back(std::move(p));
  }
  if (result.ok() && result.pupils.empty()) {
    errors.add(file, 0, Code::CsvNoPupils, "the file has a header but no pupils");
  }
  if (!result.ok()) {
    // All or nothing: a refused file yields nothing a caller could apply by mistake.
    result.classes.clear();
    result.pupils.clear();
  }
  return result;
}

// ---- OneRoster 1.1 ------------------------------------------------------------------

namespace {

struct OrClass {
  int line = 0;
  std::string title;
  std::string grades;
  std::string classType;
  bool checked = false;
  bool valid = false;
};

struct OrStudent {
  int line = 0;
  std::string sourcedId;
  std::string givenName;
  std::string familyName;
  std::string grades;
  std::vector<std::string> classIds; // from enrollments, in order, no repeats
};

// Reads the named columns of a OneRoster file; nullopt entries are optional
// columns the file lacks. Required columns missing are reported at the header.
std::vector<std::optional<std::size_t>> oneRosterColumns(const CsvRow& headerRow,
                                                         const std::string& file,
                                                         const std::vector<const char*>& names,
                                                         std::size_t required, Errors& errors) {
  Header header(headerRow);
  std::vector<std::optional<std::size_t>> out;
  for (std::size_t i = 0; i < names.size(); ++i) {
    std::string key = lowerAscii(names[i]);
    out.push_back(header.find(key, file, errors));
    if (!out.back() && i < required) {
      errors.add(file, headerRow.line, Code::CsvMissingColumn,
                 std::string("no \"") + names[i] + "\" column; the header has " +
                     describeHeader(headerRow));
    }
  }
  return out;
}

std::string cellAt(const CsvRow& row, const std::optional<std::size_t>& col) {
  if (!col || *col >= row.fields.size()) {
    return "";
  }
  return normaliseSpaces(row.fields[*col]);
}

bool rowFits(const CsvRow& row, std::size_t headerSize, const std::string& file, Errors& errors) {
  if (row.fields.size() == headerSize) {
    return true;
  }
  errors.add(file, row.line, Code::CsvRowWidth,
             "the row has " + std::to_string(row.fields.size()) + " fields but the header has " +
                 std::to_string(headerSize));
  return false;
}

bool isDeleted(const std::string& status) {
  return lowerAscii(status) == "tobedeleted";
}

// OneRoster grades use the CEDS codes: KG for the first school year, 01..12 after.
std::optional<YearGroup> parseGrade(const std::string& grades, Problem* why) {
  if (grades.find(',') != std::string::npos) {
    *why = {Code::CsvBadYear,
            "the student has several grades (" + quoteForMessage(grades) + "); give one"};
    return std::nullopt;
  }
  const std::string g = lowerAscii(trimAscii(grades));
  if (g == "kg") {
    return YearGroup::Reception;
  }
  if (g == "pk" || g == "pr" || g == "it" || g == "tk") {
    *why = {Code::CsvYearOutOfRange,
            "grade " + quoteForMessage(grades) +
                " is before Reception; SafeQuest is for Reception to Year 6"};
    return std::nullopt;
  }
  return parseYear(grades, why);
}

} // namespace

ImportResult importOneRoster(const OneRosterFiles& files, const ImportLimits& limits) {
  ImportResult result;
  result.hasStaff = true;
  Errors errors(result.errors, limits.maxErrors);
  const std::string usersFile = "users.csv";
  const std::string classesFile = "classes.csv";
  const std::string enrolFile = "enrollments.csv";

  ReadFile users = readFile(files.users, usersFile, limits.maxRows * 2 + 1, limits, errors);
  ReadFile classes = readFile(files.classes, classesFile, limits.maxRows + 1, limits, errors);
  // A pupil is enrolled in several classes (sets, clubs), so allow more rows here.
  ReadFile enrols = readFile(files.enrollments, enrolFile, limits.maxRows * 10 + 1, limits, errors);
  result.encoding = users.encoding;
  if (!users.readable || !classes.readable || !enrols.readable) {
    return result;
  }

  enum { USourced, URole, UGiven, UFamily, UStatus, UGrades };
  const auto uCols = oneRosterColumns(
      users.table.rows.front(), usersFile,
      {"sourcedId", "role", "givenName", "familyName", "status", "grades"}, 4, errors);
  enum { CSourced, CTitle, CStatus, CGrades, CType };
  const auto cCols =
      oneRosterColumns(classes.table.rows.front(), classesFile,
                       {"sourcedId", "title", "status", "grades", "classType"}, 2, errors);
  enum { EClass, EUser, ERole, EStatus };
  const auto eCols =
      oneRosterColumns(enrols.table.rows.front(), enrolFile,
                       {"classSourcedId", "userSourcedId", "role", "status"}, 3, errors);
  if (!result.ok()) {
    return result;
  }

  // classes.csv
  std::map<std::string, OrClass> classById;
  // Records marked tobedeleted are skipped, and so are enrollments that name them.
  std::set<std::string> deletedClasses;
  std::set<std::string> deletedUsers;
  const std::size_t cWidth = classes.table.rows.front().fields.size();
  for (std::size_t i = 1; i < classes.table.rows.size(); ++i) {
    const CsvRow& row = classes.table.rows[i];
    if (allBlank(row) || !rowFits(row, cWidth, classesFile, errors)) {
      continue;
    }
    const std::string id = cellAt(row, cCols[CSourced]);
    if (isDeleted(cellAt(row, cCols[CStatus]))) {
      deletedClasses.insert(id);
      continue;
    }
    if (id.empty()) {
      errors.add(classesFile, row.line, Code::CsvEmptyValue, "sourcedId is empty");
      continue;
    }
    OrClass c{row.line,
              cellAt(row, cCols[CTitle]),
              cellAt(row, cCols[CGrades]),
              lowerAscii(cellAt(row, cCols[CType])),
              false,
              false};
    const auto [it, added] = classById.emplace(id, std::move(c));
    if (!added) {
      errors.add(classesFile, row.line, Code::CsvDuplicateId,
                 "sourcedId " + quoteForMessage(id) + " is also on line " +
                     std::to_string(it->second.line));
    }
  }

  // users.csv: students become pupils, teachers become staff names, the rest
  // (parents, administrators...) are dropped along with every contact field.
  std::vector<OrStudent> students;
  std::map<std::string, std::size_t> studentById;
  std::map<std::string, int> userLine;
  std::set<std::string> staffSeen;
  const std::size_t uWidth = users.table.rows.front().fields.size();
  for (std::size_t i = 1; i < users.table.rows.size() && !errors.full(); ++i) {
    const CsvRow& row = users.table.rows[i];
    if (allBlank(row) || !rowFits(row, uWidth, usersFile, errors)) {
      continue;
    }
    const std::string id = cellAt(row, uCols[USourced]);
    if (isDeleted(cellAt(row, uCols[UStatus]))) {
      deletedUsers.insert(id);
      continue;
    }
    if (id.empty()) {
      errors.add(usersFile, row.line, Code::CsvEmptyValue, "sourcedId is empty");
      continue;
    }
    const auto [seen, firstTime] = userLine.emplace(id, row.line);
    if (!firstTime) {
      errors.add(usersFile, row.line, Code::CsvDuplicateId,
                 "sourcedId " + quoteForMessage(id) + " is also on line " +
                     std::to_string(seen->second));
      continue;
    }
    const std::string role = lowerAscii(cellAt(row, uCols[URole]));
    if (role == "teacher") {
      const std::string name =
          normaliseSpaces(cellAt(row, uCols[UGiven]) + " " + cellAt(row, uCols[UFamily]));
      Problem problem = nameProblem("teacher's name", name, limits.maxNameChars * 2);
      if (!problem.message.empty()) {
        errors.add(usersFile, row.line, problem);
      } else if (staffSeen.insert(foldName(name)).second) {
        result.staff.push_back(name);
      }
    } else if (role == "student") {
      studentById.emplace(id, students.size());
      students.push_back(OrStudent{row.line,
                                   id,
                                   cellAt(row, uCols[UGiven]),
                                   cellAt(row, uCols[UFamily]),
                                   cellAt(row, uCols[UGrades]),
                                   {}});
    }
  }

  // enrollments.csv: which class each student is in.
  const std::size_t eWidth = enrols.table.rows.front().fields.size();
  for (std::size_t i = 1; i < enrols.table.rows.size() && !errors.full(); ++i) {
    const CsvRow& row = enrols.table.rows[i];
    if (allBlank(row) || !rowFits(row, eWidth, enrolFile, errors)) {
      continue;
    }
    if (isDeleted(cellAt(row, eCols[EStatus]))) {
      continue;
    }
    if (lowerAscii(cellAt(row, eCols[ERole])) != "student") {
      continue;
    }
    const std::string userId = cellAt(row, eCols[EUser]);
    const std::string classId = cellAt(row, eCols[EClass]);
    if (deletedUsers.count(userId) != 0 || deletedClasses.count(classId) != 0) {
      continue;
    }
    const auto student = studentById.find(userId);
    if (student == studentById.end()) {
      if (userLine.count(userId) == 0) {
        errors.add(enrolFile, row.line, Code::CsvUnknownReference,
                   "userSourcedId " + quoteForMessage(userId) + " is not in users.csv");
      }
      continue;
    }
    if (classById.count(classId) == 0) {
      errors.add(enrolFile, row.line, Code::CsvUnknownReference,
                 "classSourcedId " + quoteForMessage(classId) + " is not in classes.csv");
      continue;
    }
    auto& ids = students[student->second].classIds;
    if (std::find(ids.begin(), ids.end(), classId) == ids.end()) {
      ids.push_back(classId);
    }
  }

  std::map<std::string, std::string> titleOwner; // folded title -> class sourcedId
  std::map<std::string, std::string> classSpelling;
  for (const OrStudent& s : students) {
    if (errors.full()) {
      break;
    }
    const auto fail = [&](Code code, std::string message) {
      errors.add(usersFile, s.line, code, std::move(message));
    };
    ImportedPupil p;
    p.file = usersFile;
    p.line = s.line;
    p.misId = s.sourcedId;
    p.firstName = s.givenName;
    bool bad = false;
    const auto check = [&](Problem problem) {
      if (!problem.message.empty()) {
        fail(problem.code, std::move(problem.message));
        bad = true;
      }
    };
    check(nameProblem("givenName", p.firstName, limits.maxNameChars));
    Problem surnameProblem = nameProblem("familyName", s.familyName, limits.maxNameChars * 2);
    if (surnameProblem.message.empty()) {
      p.initial = initialOf(s.familyName);
      if (p.initial.empty()) {
        surnameProblem = {Code::CsvNoLetter,
                          "familyName " + quoteForMessage(s.familyName) + " has no letter in it"};
      }
    }
    check(surnameProblem);

    // The class: the only enrollment, or else the only homeroom among them.
    const OrClass* cls = nullptr;
    std::vector<std::string> homerooms;
    for (const std::string& id : s.classIds) {
      if (classById.at(id).classType == "homeroom") {
        homerooms.push_back(id);
      }
    }
    if (s.classIds.empty()) {
      check({Code::CsvNoClass, "the student has no class in enrollments.csv"});
    } else if (s.classIds.size() == 1 || homerooms.size() == 1) {
      const std::string& id = s.classIds.size() == 1 ? s.classIds.front() : homerooms.front();
      OrClass& c = classById.at(id);
      if (!c.checked) {
        c.checked = true;
        Problem problem = nameProblem("title", c.title, limits.maxNameChars);
        const auto [owner, added] = titleOwner.emplace(foldName(c.title), id);
        if (!problem.message.empty()) {
          errors.add(classesFile, c.line, std::move(problem));
        } else if (!added) {
          errors.add(classesFile, c.line, Code::CsvDuplicateClass,
                     "another class used by students is also called " + quoteForMessage(c.title) +
                         " (line " + std::to_string(classById.at(owner->second).line) +
                         "); SafeQuest tells classes apart by name");
        } else {
          c.valid = true;
        }
      }
      if (c.valid) {
        cls = &c;
      } else {
        bad = true;
      }
    } else {
      std::string names;
      for (std::size_t i = 0; i < s.classIds.size() && i < 5; ++i) {
        names += (i == 0 ? "" : ", ") + quoteForMessage(classById.at(s.classIds[i]).title);
      }
      check({Code::CsvSeveralClasses, "the student is in " + std::to_string(s.classIds.size()) +
                                          " classes (" + names + ") and " +
                                          (homerooms.empty() ? "none" : "more than one") +
                                          " is a homeroom; SafeQuest needs one class per pupil"});
    }

    std::string grades = s.grades;
    if (grades.empty() && cls != nullptr) {
      grades = cls->grades;
    }
    Problem why;
    if (grades.empty()) {
      check({Code::CsvEmptyValue, "the student has no grade, and neither does their class"});
    } else if (auto year = parseGrade(grades, &why)) {
      p.yearGroup = *year;
    } else {
      check(why);
    }
    if (bad || cls == nullptr) {
      continue;
    }
    p.className = cls->title;
    const auto [it, added] = classSpelling.emplace(foldName(p.className), p.className);
    if (added) {
      result.classes.push_back(p.className);
    }
    result.pupils.push_back(std::move(p));
  }
  if (result.ok() && result.pupils.empty()) {
    errors.add(usersFile, 0, Code::CsvNoPupils, "there are no students in the file");
  }
  if (!result.ok()) {
    result.classes.clear();
    result.pupils.clear();
    result.staff.clear();
  }
  return result;
}

} // namespace sq
