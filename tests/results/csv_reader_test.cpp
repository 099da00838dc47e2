// results/csv_reader: RFC 4180 quoting, line ends, line numbers, blank lines and
// every limit, each reported with the line it was found on.
#include "results/csv_reader.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace sq;

namespace {

using Fields = std::vector<std::string>;

std::string errorsOf(const CsvTable& t) {
  std::string out;
  for (const CsvError& e : t.errors) {
    out += std::to_string(e.line) + ": " + e.message + "\n";
  }
  return out;
}

} // namespace

TEST_CASE("csv: simple records with LF, CRLF and lone CR line ends") {
  for (const char* eol : {"\n", "\r\n", "\r"}) {
    CAPTURE(std::string(eol) == "\n" ? "LF" : (std::string(eol) == "\r" ? "CR" : "CRLF"));
    const std::string text = std::string("a,b,c") + eol + "1,2,3" + eol + "x,,z" + eol;
    const CsvTable t = readCsv(text);
    INFO(errorsOf(t));
    REQUIRE(t.ok());
    REQUIRE(t.rows.size() == 3);
    CHECK(t.rows[0].fields == Fields{"a", "b", "c"});
    CHECK(t.rows[1].fields == Fields{"1", "2", "3"});
    CHECK(t.rows[2].fields == Fields{"x", "", "z"});
    CHECK(t.rows[0].line == 1);
    CHECK(t.rows[2].line == 3);
  }
}

TEST_CASE("csv: the last record needs no line end") {
  const CsvTable t = readCsv("a,b\n1,2");
  REQUIRE(t.rows.size() == 2);
  CHECK(t.rows[1].fields == Fields{"1", "2"});
}

TEST_CASE("csv: quoted commas, doubled quotes and line breaks inside fields") {
  const CsvTable t = readCsv("name,note\r\n\"Smith, Jo\",\"said \"\"hi\"\"\"\r\n"
                             "\"two\r\nlines\",\"three\nmore\rlines\"\r\nlast,\"\"\r\n");
  INFO(errorsOf(t));
  REQUIRE(t.ok());
  REQUIRE(t.rows.size() == 4);
  CHECK(t.rows[1].fields == Fields{"Smith, Jo", "said \"hi\""});
  CHECK(t.rows[2].fields == Fields{"two\nlines", "three\nmore\nlines"});
  CHECK(t.rows[2].line == 3);
  // The record after a multi-line one starts on its own physical line.
  CHECK(t.rows[3].line == 7);
  CHECK(t.rows[3].fields == Fields{"last", ""});
}

TEST_CASE("csv: blank lines are skipped but still counted") {
  const CsvTable t = readCsv("\n\na,b\r\n\r\n   \n1,2\n\n");
  INFO(errorsOf(t));
  REQUIRE(t.ok());
  REQUIRE(t.rows.size() == 2);
  CHECK(t.rows[0].line == 3);
  CHECK(t.rows[1].line == 6);
}

TEST_CASE("csv: a line of empty quotes or of commas is a record, not a blank line") {
  const CsvTable t = readCsv("\"\"\n,,\n");
  REQUIRE(t.rows.size() == 2);
  CHECK(t.rows[0].fields == Fields{""});
  CHECK(t.rows[1].fields == Fields{"", "", ""});
}

TEST_CASE("csv: blanks around a quoted field are dropped; inside it they are kept") {
  const CsvTable t = readCsv("a, \"b c\" ,d\n");
  INFO(errorsOf(t));
  REQUIRE(t.ok());
  CHECK(t.rows[0].fields == Fields{"a", "b c", "d"});
}

TEST_CASE("csv: a stray quote inside an unquoted field is kept as text") {
  const CsvTable t = readCsv("Robert \"Bob\",O'Neil\n");
  REQUIRE(t.ok());
  CHECK(t.rows[0].fields == Fields{"Robert \"Bob\"", "O'Neil"});
}

TEST_CASE("csv: text after a closing quote refuses that record only") {
  const CsvTable t = readCsv("a,b\n\"x\"y,2\n3,4\n");
  REQUIRE(t.errors.size() == 1);
  CHECK(t.errors[0].line == 2);
  CHECK(t.errors[0].message.find("after its closing quote") != std::string::npos);
  REQUIRE(t.rows.size() == 2);
  CHECK(t.rows[1].fields == Fields{"3", "4"});
}

TEST_CASE("csv: an unterminated quote is reported on the line it opens") {
  const CsvTable t = readCsv("a,b\n1,2\n3,\"never closed\n4,5\n6,7\n");
  REQUIRE(t.errors.size() == 1);
  CHECK(t.errors[0].line == 3);
  CHECK(t.errors[0].message.find("never closed") != std::string::npos);
  CHECK(t.rows.size() == 2);
}

TEST_CASE("csv: an alternative delimiter") {
  CsvLimits limits;
  limits.delimiter = ';';
  const CsvTable t = readCsv("a;b,c\n\"x;y\";2\n", limits);
  REQUIRE(t.ok());
  CHECK(t.rows[0].fields == Fields{"a", "b,c"});
  CHECK(t.rows[1].fields == Fields{"x;y", "2"});
}

TEST_CASE("csv: the byte limit is checked before any reading") {
  CsvLimits limits;
  limits.maxBytes = 10;
  const CsvTable t = readCsv("a,b\n1,2\n3,4\n", limits);
  REQUIRE(t.errors.size() == 1);
  CHECK(t.errors[0].line == 0);
  CHECK(t.rows.empty());
  limits.maxBytes = 12;
  CHECK(readCsv("a,b\n1,2\n3,4\n", limits).ok());
}

TEST_CASE("csv: too many records stops reading with one error") {
  CsvLimits limits;
  limits.maxRecords = 3;
  CHECK(readCsv("h\n1\n\n2\n", limits).ok());
  const CsvTable t = readCsv("h\n1\n2\n3\n4\n5\n", limits);
  REQUIRE(t.errors.size() == 1);
  CHECK(t.errors[0].line == 4);
  CHECK(t.errors[0].message.find("more than 3 rows") != std::string::npos);
  CHECK(t.rows.size() == 3);
}

TEST_CASE("csv: too many columns, too long a field, too long a line") {
  CsvLimits limits;
  limits.maxColumns = 3;
  limits.maxFieldBytes = 5;
  limits.maxLineBytes = 20;
  const CsvTable t = readCsv("a,b,c\n1,2,3,4\nok,ok,ok\n123456,x,y\n\"12\n345\",x,y\n"
                             "\"12345\",\"12345\",\"1234\"\n",
                             limits);
  INFO(errorsOf(t));
  REQUIRE(t.errors.size() == 4);
  CHECK(t.errors[0].line == 2);
  CHECK(t.errors[0].message.find("more than 3 columns") != std::string::npos);
  CHECK(t.errors[1].line == 4);
  CHECK(t.errors[1].message.find("field 1 is longer than 5 bytes") != std::string::npos);
  CHECK(t.errors[2].line == 6);
  CHECK(t.errors[2].message.find("field 1 is longer") != std::string::npos);
  CHECK(t.errors[3].line == 7);
  CHECK(t.errors[3].message.find("line is longer than 20 bytes") != std::string::npos);
  // The good records around the bad ones are still read (but a caller refuses the file).
  REQUIRE(t.rows.size() == 2);
  CHECK(t.rows[1].fields == Fields{"ok", "ok", "ok"});
}

TEST_CASE("csv: a field exactly at the limit is fine") {
  CsvLimits limits;
  limits.maxFieldBytes = 5;
  limits.maxColumns = 2;
  const CsvTable t = readCsv("12345,\"ab\"\"cd\"\n", limits);
  INFO(errorsOf(t));
  REQUIRE(t.ok());
  CHECK(t.rows[0].fields == Fields{"12345", "ab\"cd"});
}

TEST_CASE("csv: every bad line is reported, up to maxErrors") {
  std::string text = "a,b\n";
  for (int i = 0; i < 10; ++i) {
    text += "\"x\"y,1\n";
  }
  CsvLimits limits;
  CHECK(readCsv(text, limits).errors.size() == 10);
  limits.maxErrors = 4;
  const CsvTable t = readCsv(text, limits);
  REQUIRE(t.errors.size() == 5);
  CHECK(t.errors[3].line == 5);
  CHECK(t.errors[4].message.find("too many problems") != std::string::npos);
}

TEST_CASE("csv: NUL bytes and other binary are just bytes") {
  static const char raw[] = "a\0b,c\n\xFF\xFE,\x01\n";
  const std::string text(raw, sizeof(raw) - 1);
  const CsvTable t = readCsv(text);
  REQUIRE(t.ok());
  REQUIRE(t.rows.size() == 2);
  CHECK(t.rows[0].fields[0] == std::string("a\0b", 3));
}

TEST_CASE("csv: empty input has no rows and no errors") {
  CHECK(readCsv("").rows.empty());
  CHECK(readCsv("").ok());
  CHECK(readCsv("\r\n\n").rows.empty());
}
