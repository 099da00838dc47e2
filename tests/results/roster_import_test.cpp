// results/roster_import: MIS CSV and OneRoster imports from in-memory bytes: which
// columns are recognised, what is kept and what is dropped, year groups, initials,
// encodings, and that every bad line refuses the whole file with its line number.
// Sections:
//   1. helpers: an import's errors
//   2. MIS CSV: columns, rows, encodings, limits
//   3. names: year groups, initials, normal forms, keys, error messages
//   4. OneRoster: students, classes, grades, bad lines
//   5. any bytes: imports never produce invalid UTF-8
#include "core/utf8.hpp"
#include "results/roster_import.hpp"

#include <doctest/doctest.h>

#include <array>
#include <set>
#include <string>

using namespace sq;

// ---- helpers ------------------------------------------------------------------------

namespace {

std::string errorsOf(const ImportResult& r) {
  std::string out;
  for (const ImportError& e : r.errors) {
    out += formatImportError(e) + "\n";
  }
  return out;
}

bool hasError(const ImportResult& r, int line, std::string_view fragment) {
  for (const ImportError& e : r.errors) {
    if (e.line == line && e.message.find(fragment) != std::string::npos) {
      return true;
    }
  }
  return false;
}

const char* kSimple = "Forename,Surname,Reg Group,Year,Adno\r\n"
                      "Amy,Jones,3B,3,001\r\n"
                      "Ben,smith,3B,Y4,002\r\n";

} // namespace

// ---- MIS CSV ------------------------------------------------------------------------

TEST_CASE("mis csv: a simple export imports with the columns it needs") {
  const ImportResult r = importMisCsv(kSimple);
  INFO(errorsOf(r));
  REQUIRE(r.ok());
  REQUIRE(r.pupils.size() == 2);
  CHECK(r.classes == std::vector<std::string>{"3B"});
  CHECK(r.pupils[0].firstName == "Amy");
  CHECK(r.pupils[0].initial == "J");
  CHECK(r.pupils[0].className == "3B");
  CHECK(r.pupils[0].yearGroup == YearGroup::Y3);
  CHECK(r.pupils[0].misId == "001");
  CHECK(r.pupils[0].line == 2);
  CHECK(r.pupils[1].initial == "S"); // lowercase surname, uppercase initial
  CHECK(r.pupils[1].yearGroup == YearGroup::Y4);
  CHECK(r.staff.empty());
  CHECK_FALSE(r.hasStaff);
  CHECK(r.encoding == DetectedEncoding::Utf8);
}

TEST_CASE("mis csv: every recognised header name, any case, any spacing") {
  const std::vector<std::array<const char*, 4>> headers = {
      {"Forename", "Surname", "Reg Group", "Year"},
      {" first name ", "LAST NAME", "registration group", "year group"},
      {"Legal Forename", "Legal Surname", "Class", "NC Year"},
      {"PREFERRED FORENAME", "surname", "Form", "Year"},
      {"First  Name", "Last Name", "Reg  Group", "Year Group"},
  };
  for (const auto& h : headers) {
    std::string text = std::string("Gender,") + h[0] + "," + h[1] + ",DOB," + h[2] + "," + h[3] +
                       "\nF,Cara,Doyle,2018-01-01,2A,2\n";
    CAPTURE(text);
    const ImportResult r = importMisCsv(text);
    INFO(errorsOf(r));
    REQUIRE(r.ok());
    REQUIRE(r.pupils.size() == 1);
    CHECK(r.pupils[0].firstName == "Cara");
    CHECK(r.pupils[0].initial == "D");
    CHECK(r.pupils[0].className == "2A");
    CHECK(r.pupils[0].yearGroup == YearGroup::Y2);
    CHECK(r.pupils[0].misId.empty());
  }
}

TEST_CASE("mis csv: the id column is Adno, Admission Number or UPN, Adno first") {
  for (const char* h : {"Adno", "admission number", "UPN"}) {
    const ImportResult r =
        importMisCsv(std::string("Forename,Surname,Class,Year,") + h + "\nA,B,C,1, X123 \n");
    REQUIRE(r.ok());
    CHECK(r.pupils[0].misId == "X123");
  }
  const ImportResult both = importMisCsv("UPN,Forename,Surname,Class,Year,Adno\nU1,A,B,C,1,7\n");
  REQUIRE(both.ok());
  CHECK(both.pupils[0].misId == "7");
}

TEST_CASE("mis csv: nothing but the needed columns is kept") {
  const ImportResult r =
      importMisCsv("Forename,Surname,DOB,Email,Phone,Gender,Address,Class,Year\n"
                   "Amy,Jones,2017-05-01,amy@example.org,0123,F,\"1 High St, Town\",1A,1\n");
  INFO(errorsOf(r));
  REQUIRE(r.ok());
  const ImportedPupil& p = r.pupils[0];
  for (const std::string& kept : {p.firstName, p.initial, p.className, p.misId}) {
    for (const char* dropped : {"2017", "example", "0123", "High", "F"}) {
      if (kept != "F") {
        CHECK(kept.find(dropped) == std::string::npos);
      }
    }
  }
  CHECK(p.initial == "J");
}

TEST_CASE("mis csv: a blank preferred forename falls back to the legal one") {
  const ImportResult r = importMisCsv("Legal Forename,Preferred Forename,Surname,Class,Year\n"
                                      "Elizabeth,Libby,Ng,4C,4\n"
                                      "Thomas,,Ng,4C,4\n");
  INFO(errorsOf(r));
  REQUIRE(r.ok());
  CHECK(r.pupils[0].firstName == "Libby");
  CHECK(r.pupils[1].firstName == "Thomas");
}

TEST_CASE("mis csv: columns named explicitly") {
  MisCsvOptions o;
  o.forenameColumn = "Kid";
  o.surnameColumn = " FAMILY ";
  o.classColumn = "Group";
  o.yearColumn = "Yr";
  o.idColumn = "Ref";
  const ImportResult r =
      importMisCsv("Ref,Kid,Family,Group,Yr,Forename\n9,Amy,Jones,Oak,R,Ignored\n", o);
  INFO(errorsOf(r));
  REQUIRE(r.ok());
  CHECK(r.pupils[0].firstName == "Amy");
  CHECK(r.pupils[0].className == "Oak");
  CHECK(r.pupils[0].yearGroup == YearGroup::Reception);
  CHECK(r.pupils[0].misId == "9");

  MisCsvOptions missing;
  missing.forenameColumn = "Kid";
  const ImportResult bad = importMisCsv("Forename,Surname,Class,Year\nA,B,C,1\n", missing);
  CHECK(hasError(bad, 1, "no column called \"Kid\""));

  MisCsvOptions same;
  same.forenameColumn = "Surname";
  const ImportResult twice = importMisCsv("Forename,Surname,Class,Year\nA,B,C,1\n", same);
  CHECK(hasError(twice, 1, "both the forename and the surname"));
}

TEST_CASE("mis csv: missing required columns are each named at the header line") {
  const ImportResult r = importMisCsv("\n\nForename,DOB\nAmy,2017\n");
  CHECK_FALSE(r.ok());
  CHECK(hasError(r, 3, "no surname column"));
  CHECK(hasError(r, 3, "no class column"));
  CHECK(hasError(r, 3, "no year group column"));
  CHECK(hasError(r, 3, "\"Surname\", \"Last Name\" or \"Legal Surname\""));
  CHECK(hasError(r, 3, "the header has \"Forename\", \"DOB\""));
  CHECK_FALSE(hasError(r, 3, "no forename column"));
  CHECK(r.pupils.empty());
}

TEST_CASE("mis csv: a recognised column twice in the header is refused") {
  const ImportResult r = importMisCsv("Forename,Surname,Class,Year,forename\nA,B,C,1,D\n");
  CHECK(hasError(r, 1, "appears more than once (columns 1 and 5)"));
  // An unused column twice does no harm.
  CHECK(importMisCsv("Forename,Surname,Class,Year,Notes,Notes\nA,B,C,1,x,y\n").ok());
}

TEST_CASE("mis csv: every bad row is reported and nothing is imported") {
  const ImportResult r = importMisCsv("Forename,Surname,Class,Year\n"
                                      "Amy,Jones,3B,3\n"
                                      ",Jones,3B,3\n"
                                      "Ben,,3B,3\n"
                                      "Cal,Day,,3\n"
                                      "Dee,Eve,3B,Nursery\n"
                                      "Eli,Fox,3B,Y7\n"
                                      "Fay,Gee,3B,banana\n"
                                      "Gus,Hay,3B\n"
                                      "Ivy,Joy,3B,3,extra\n"
                                      "Kim,Lee,3B,3,,\n");
  INFO(errorsOf(r));
  CHECK(hasError(r, 3, "forename is empty"));
  CHECK(hasError(r, 4, "surname is empty"));
  CHECK(hasError(r, 5, "class is empty"));
  CHECK(hasError(r, 6, "Nursery"));
  CHECK(hasError(r, 7, "Year 7"));
  CHECK(hasError(r, 8, "\"banana\" is not one SafeQuest knows"));
  CHECK(hasError(r, 9, "year group column (4) is missing"));
  CHECK(hasError(r, 10, "5 fields but the header has 4"));
  CHECK(r.errors.size() == 8); // line 11's trailing empty cells are fine
  CHECK(r.pupils.empty());
  CHECK(r.classes.empty());
}

TEST_CASE("mis csv: a row may leave off unused trailing cells") {
  const ImportResult r = importMisCsv("Forename,Surname,Class,Year,Gender,DOB\nAmy,Jones,3B,3\n");
  INFO(errorsOf(r));
  CHECK(r.ok());
}

TEST_CASE("mis csv: blank lines and rows of empty cells are skipped") {
  const ImportResult r =
      importMisCsv("\r\nForename,Surname,Class,Year\r\n\r\nAmy,Jones,3B,3\r\n,,,\r\n  \r\n"
                   "Ben,King,3B,3\r\n,,,\r\n");
  INFO(errorsOf(r));
  REQUIRE(r.ok());
  REQUIRE(r.pupils.size() == 2);
  CHECK(r.pupils[0].line == 4);
  CHECK(r.pupils[1].line == 7);
}

TEST_CASE("mis csv: quoted commas and line breaks inside fields") {
  const ImportResult r = importMisCsv("Forename,Surname,Class,Year,Notes\n"
                                      "\"Amy\",\"Jones, Jr\",\"3B\",\"3\",\"line one\nline two\"\n"
                                      "Ben,King,3B,3,x\n");
  INFO(errorsOf(r));
  REQUIRE(r.ok());
  CHECK(r.pupils[0].initial == "J");
  CHECK(r.pupils[1].line == 4);
}

TEST_CASE("mis csv: a line break inside a name is refused") {
  const ImportResult r = importMisCsv("Forename,Surname,Class,Year\n\"Amy\nMay\",Jones,3B,3\n");
  CHECK(hasError(r, 2, "control character"));
}

TEST_CASE("mis csv: names are trimmed and inner spaces collapsed") {
  const ImportResult r =
      importMisCsv("Forename,Surname,Class,Year\n  Mary   Ann , van  der Berg ,  3 B  , 2 \n");
  REQUIRE(r.ok());
  CHECK(r.pupils[0].firstName == "Mary Ann");
  CHECK(r.pupils[0].initial == "V");
  CHECK(r.pupils[0].className == "3 B");
}

TEST_CASE("mis csv: Windows-1252 and UTF-8 with BOM both decode") {
  const ImportResult w = importMisCsv("Forename,Surname,Class,Year\r\nZo\xEB,\xD6zil,3B,3\r\n"
                                      "Si\xE2n,O\x92"
                                      "Brien,3B,3\r\n\xC9lodie,\xE9mile,3B,3\r\n");
  INFO(errorsOf(w));
  REQUIRE(w.ok());
  CHECK(w.encoding == DetectedEncoding::Windows1252);
  CHECK(w.pupils[0].firstName == "Zoë");
  CHECK(w.pupils[0].initial == "Ö");
  CHECK(w.pupils[1].firstName == "Siân");
  CHECK(w.pupils[1].initial == "O");
  CHECK(w.pupils[2].firstName == "Élodie");
  CHECK(w.pupils[2].initial == "É"); // uppercased from é

  const ImportResult b = importMisCsv("\xEF\xBB\xBF"
                                      "Forename,Surname,Class,Year\nZoë,Ōtani,3B,3\n");
  INFO(errorsOf(b));
  REQUIRE(b.ok());
  CHECK(b.encoding == DetectedEncoding::Utf8Bom);
  CHECK(b.pupils[0].firstName == "Zoë");
  CHECK(b.pupils[0].initial == "Ō");
}

TEST_CASE("mis csv: undefined Windows-1252 bytes in a name refuse the row") {
  const ImportResult r = importMisCsv("Forename,Surname,Class,Year\nZo\xEB,Ab\x81,3B,3\n");
  CHECK(hasError(r, 2, "not text"));
}

TEST_CASE("mis csv: semicolon and tab separated exports") {
  const ImportResult s = importMisCsv("Forename;Surname;Class;Year\nAmy;Jones;3B;3\n");
  INFO(errorsOf(s));
  REQUIRE(s.ok());
  CHECK(s.pupils[0].className == "3B");
  const ImportResult t = importMisCsv("Forename\tSurname\tClass\tYear\nAmy\tJones\t3B\t3\n");
  INFO(errorsOf(t));
  REQUIRE(t.ok());
  CHECK(t.pupils[0].initial == "J");
}

TEST_CASE("mis csv: classes are listed once, in first-seen order, first spelling kept") {
  const ImportResult r = importMisCsv("Forename,Surname,Class,Year\nA,B,Oak,1\nC,D,Ash,2\n"
                                      "E,F,oak,1\nG,H,Ash ,2\n");
  REQUIRE(r.ok());
  CHECK(r.classes == std::vector<std::string>{"Oak", "Ash"});
  CHECK(r.pupils[2].className == "Oak");
}

TEST_CASE("mis csv: empty, header-only and junk files are refused") {
  CHECK(hasError(importMisCsv(""), 0, "empty"));
  CHECK(hasError(importMisCsv("\r\n\r\n"), 0, "empty"));
  CHECK(hasError(importMisCsv("Forename,Surname,Class,Year\n"), 0, "no pupils"));
  CHECK_FALSE(importMisCsv(std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16)).ok());
}

TEST_CASE("mis csv: a UTF-16 file gets a clear message") {
  const std::string le("\xFF\xFE"
                       "F\0o\0r\0e\0",
                       10);
  CHECK(hasError(importMisCsv(le), 0, "UTF-16"));
  CHECK(importMisCsv(le).errors.size() == 1);
  CHECK(hasError(importMisCsv(std::string("\xFE\xFF\0F", 4)), 0, "UTF-16"));
}

TEST_CASE("mis csv: limits are checked before the work") {
  MisCsvOptions o;
  o.limits.maxFileBytes = 40;
  CHECK(hasError(importMisCsv(kSimple, o), 0, "bytes; the most SafeQuest reads is 40"));

  MisCsvOptions rows;
  rows.limits.maxRows = 1;
  CHECK(hasError(importMisCsv(kSimple, rows), 3, "more than 1 rows after the header"));

  MisCsvOptions field;
  field.limits.maxFieldBytes = 4;
  const ImportResult f = importMisCsv("Forename,Surname,Class,Year\n", field);
  CHECK(hasError(f, 1, "field 1 is longer than 4 bytes"));

  const std::string longName(65, 'a');
  CHECK(hasError(importMisCsv("Forename,Surname,Class,Year\n" + longName + ",B,C,1\n"), 2,
                 "longer than 64 characters"));
  const std::string longLine = "Forename,Surname,Class,Year\nA,B,C,1," + std::string(20000, 'x');
  CHECK(hasError(importMisCsv(longLine), 2, "line is longer than 16384 bytes"));
  std::string manyColumns = "Forename,Surname,Class,Year";
  for (int i = 0; i < 100; ++i) {
    manyColumns += ",c";
  }
  CHECK(hasError(importMisCsv(manyColumns + "\n"), 1, "more than 100 columns"));
}

TEST_CASE("mis csv: the number of errors reported is capped") {
  std::string text = "Forename,Surname,Class,Year\n";
  for (int i = 0; i < 500; ++i) {
    text += "A,B,C,9\n";
  }
  const ImportResult r = importMisCsv(text);
  REQUIRE(r.errors.size() == 101);
  CHECK(r.errors.back().message.find("too many problems") != std::string::npos);
}

// ---- names --------------------------------------------------------------------------

TEST_CASE("year groups as MIS exports write them") {
  const std::vector<std::pair<const char*, YearGroup>> good = {
      {"R", YearGroup::Reception},
      {"Rec", YearGroup::Reception},
      {"reception", YearGroup::Reception},
      {"0", YearGroup::Reception},
      {"YR", YearGroup::Reception},
      {"Year R", YearGroup::Reception},
      {"1", YearGroup::Y1},
      {"01", YearGroup::Y1},
      {"Y2", YearGroup::Y2},
      {"y 3", YearGroup::Y3},
      {"Year 4", YearGroup::Y4},
      {"YEAR5", YearGroup::Y5},
      {"Yr 6", YearGroup::Y6},
      {" 6 ", YearGroup::Y6},
  };
  for (const auto& item : good) {
    const char* text = item.first;
    const YearGroup year = item.second;
    CAPTURE(text);
    std::string why;
    const auto y = parseMisYear(text, &why);
    CHECK(why.empty());
    REQUIRE(y.has_value());
    CHECK(*y == year);
  }
  for (const char* nursery : {"N", "N1", "N2", "Nursery", "-1"}) {
    CAPTURE(nursery);
    std::string why;
    CHECK_FALSE(parseMisYear(nursery, &why).has_value());
    CHECK(why.find("is Nursery; SafeQuest is for Reception to Year 6") != std::string::npos);
  }
  for (const char* old : {"7", "Y7", "Year 8", "13"}) {
    CAPTURE(old);
    std::string why;
    CHECK_FALSE(parseMisYear(old, &why).has_value());
    CHECK(why.find("SafeQuest is for Reception to Year 6") != std::string::npos);
  }
  for (const char* junk : {"", "Year", "Y", "3B", "three", "X", "1.5e3"}) {
    CAPTURE(junk);
    CHECK_FALSE(parseMisYear(junk).has_value());
  }
}

TEST_CASE("initials: one code point, composed, uppercased") {
  CHECK(initialOf("smith") == "S");
  CHECK(initialOf("Özil") == "Ö");
  CHECK(initialOf("ødegaard") == "Ø");
  CHECK(initialOf("ÿ") == "Ÿ");
  CHECK(initialOf("ßmith") == "ß");  // no one-letter uppercase
  CHECK(initialOf("ŵ") == "Ŵ");      // Welsh
  CHECK(initialOf("łukasz") == "Ł"); // Polish
  CHECK(initialOf("šimek") == "Š");
  CHECK(initialOf("O’Brien") == "O");
  CHECK(initialOf("’t Hooft") == "T");
  CHECK(initialOf("'t Hart") == "T");
  CHECK(initialOf("Ἀλέξανδρος") == "Ἀ"); // a whole code point, left alone
  CHECK(initialOf("王") == "王");
  CHECK(initialOf("🦋x") == "🦋");
  CHECK(initialOf("--- ") == "");
  CHECK(initialOf("") == "");
  CHECK(initialOf("e\xCC\x88vans") == "\xC3\x8B"); // e + U+0308 is one letter: Ë (U+00CB)
  CHECK(initialOf("жуков") == "Ж");                // beyond Latin: Unicode case mapping
  CHECK(initialOf("ǳ") == "Ǳ");
}

TEST_CASE("names are composed to NFC and compared case-folded") {
  const std::string precomposed = "Zo\xC3\xAB"; // ë as U+00EB
  const std::string decomposed = "Zoe\xCC\x88"; // e + U+0308 COMBINING DIAERESIS
  REQUIRE(precomposed != decomposed);
  CHECK(foldName(precomposed) == foldName(decomposed));
  CHECK(foldName("ZO\xC3\x8B") == foldName(precomposed)); // ZOË
  CHECK(foldName("zo\xC3\xAB") == foldName(precomposed)); // zoë
  CHECK(foldName(precomposed) == "zo\xC3\xAB");
  CHECK(foldName("  Mary   Ann ") == "mary ann");
  CHECK(foldName("\xC5\x81UKASZ") == "\xC5\x82ukasz"); // Ł -> ł
  CHECK(foldName("Zoe") != foldName(precomposed));     // the accent still matters

  // The import stores names composed, whichever way the file typed them.
  const ImportResult r =
      importMisCsv("Forename,Surname,Class,Year\n" + decomposed + ",E\xCC\x88lz,3B,3\n");
  REQUIRE(r.ok());
  CHECK(r.pupils[0].firstName == precomposed);
  CHECK(r.pupils[0].initial == "\xC3\x8B");
}

TEST_CASE("a surname with no letter in it is refused") {
  const ImportResult r = importMisCsv("Forename,Surname,Class,Year\nAmy,---,3B,3\n");
  CHECK(hasError(r, 2, "has no letter"));
}

TEST_CASE("misKeyFor: keyed, stable, normalised, and not the id") {
  const std::string key = "0123456789abcdef0123456789abcdef";
  const std::string a = misKeyFor("A123", key);
  CHECK(a.size() == 32);
  CHECK(a.find_first_not_of("0123456789abcdef") == std::string::npos);
  CHECK(a == misKeyFor(" a123 ", key));
  CHECK(a != misKeyFor("A124", key));
  CHECK(a != misKeyFor("A123", "another key, 16+ bytes long"));
  CHECK(a.find("123") == std::string::npos);
  CHECK(misKeyFor("", key).empty());
  CHECK(misKeyFor("   ", key).empty());
  // Keys outside libsodium's 16-64 byte range still work, and still matter.
  const std::string longKey(72, 'k');
  CHECK(misKeyFor("A123", longKey).size() == 32);
  CHECK(misKeyFor("A123", longKey) != misKeyFor("A123", std::string(73, 'k')));
  CHECK(misKeyFor("A123", "short").size() == 32);
  CHECK(misKeyFor("A123", "") != misKeyFor("A123", "short"));
}

TEST_CASE("misKeyFor: a known BLAKE2b-128 value") {
  // crypto_generichash(16 bytes, "ADNO1", key "k" * 16), computed independently
  // with Python's hashlib.blake2b(b"ADNO1", digest_size=16, key=b"k" * 16).
  CHECK(misKeyFor("adno1", std::string(16, 'k')) == "a4746dab9b1606b04cd8bd94b35c9be8");
}

TEST_CASE("foldName: case and spacing do not matter") {
  CHECK(foldName("  Zoë  Ann ") == "zoë ann");
  CHECK(foldName("ZOË") == "zoë");
  CHECK(foldName("3B") == foldName("3b"));
}

TEST_CASE("formatImportError: FILE:LINE: code: message, or FILE: code: message") {
  CHECK(formatImportError({"pupils.csv", 4, Code::CsvBadYear, "bad"}) ==
        "pupils.csv:4: csv.bad-year: bad");
  CHECK(formatImportError({"pupils.csv", 0, Code::CsvEmpty, "empty"}) ==
        "pupils.csv: csv.empty: empty");
}

// ---- OneRoster ----------------------------------------------------------------------

namespace {

const char* kUsers =
    "sourcedId,status,dateLastModified,enabledUser,orgSourcedIds,role,username,userIds,"
    "givenName,familyName,middleName,identifier,email,sms,phone,agentSourcedIds,grades,password\n"
    "s1,,,true,org1,student,amy.j,,Amy,jones,,ID1,amy@example.org,07700,0123,,03,secret\n"
    "s2,,,true,org1,student,ben,,Ben,Öst,,ID2,,,,,KG,\n"
    "t1,,,true,org1,teacher,mrs.p,,Jane,Patel,,,jane@example.org,,,,,pw\n"
    "p1,,,true,org1,parent,dad,,Dad,Jones,,,,,,,,\n"
    "s3,tobedeleted,,true,org1,student,gone,,Gone,Away,,,,,,,05,\n";
const char* kClasses =
    "sourcedId,status,dateLastModified,title,grades,courseSourcedId,classCode,classType,location,"
    "schoolSourcedId,termSourcedIds,subjects,subjectCodes,periods\n"
    "c1,,,3B,03,,,homeroom,,org1,,,,\n"
    "c2,,,Reception,KG,,,homeroom,,org1,,,,\n"
    "c3,,,Maths set 1,03,,,scheduled,,org1,,,,\n";
const char* kEnrollments =
    "sourcedId,status,dateLastModified,classSourcedId,schoolSourcedId,userSourcedId,role,primary,"
    "beginDate,endDate\n"
    "e1,,,c1,org1,s1,student,,,\n"
    "e2,,,c3,org1,s1,student,,,\n"
    "e3,,,c2,org1,s2,student,,,\n"
    "e4,,,c1,org1,t1,teacher,,,\n"
    "e5,,,c1,org1,s3,student,,,\n";

OneRosterFiles sample() {
  return {kUsers, kClasses, kEnrollments};
}

} // namespace

TEST_CASE("oneroster: students, their homeroom class and grade; teachers as staff") {
  const ImportResult r = importOneRoster(sample());
  INFO(errorsOf(r));
  REQUIRE(r.ok());
  CHECK(r.hasStaff);
  REQUIRE(r.pupils.size() == 2);
  CHECK(r.pupils[0].firstName == "Amy");
  CHECK(r.pupils[0].initial == "J");
  CHECK(r.pupils[0].className == "3B"); // the homeroom, not the maths set
  CHECK(r.pupils[0].yearGroup == YearGroup::Y3);
  CHECK(r.pupils[0].misId == "s1");
  CHECK(r.pupils[0].file == "users.csv");
  CHECK(r.pupils[0].line == 2);
  CHECK(r.pupils[1].initial == "Ö");
  CHECK(r.pupils[1].yearGroup == YearGroup::Reception);
  CHECK(r.pupils[1].className == "Reception");
  CHECK(r.classes == std::vector<std::string>{"3B", "Reception"});
  CHECK(r.staff == std::vector<std::string>{"Jane Patel"});
}

TEST_CASE("oneroster: contact fields and passwords are dropped") {
  const ImportResult r = importOneRoster(sample());
  REQUIRE(r.ok());
  for (const ImportedPupil& p : r.pupils) {
    for (const std::string& kept : {p.firstName, p.initial, p.className, p.misId}) {
      for (const char* dropped : {"example", "secret", "07700", "0123", "amy.j", "ID1"}) {
        CHECK(kept.find(dropped) == std::string::npos);
      }
    }
  }
  for (const std::string& s : r.staff) {
    CHECK(s.find("example") == std::string::npos);
    CHECK(s.find("pw") == std::string::npos);
  }
}

TEST_CASE("oneroster: grade codes") {
  const std::vector<std::pair<const char*, YearGroup>> grades = {
      {"KG", YearGroup::Reception}, {"R", YearGroup::Reception}, {"00", YearGroup::Reception},
      {"01", YearGroup::Y1},        {"02", YearGroup::Y2},       {"03", YearGroup::Y3},
      {"04", YearGroup::Y4},        {"05", YearGroup::Y5},       {"06", YearGroup::Y6},
  };
  for (const auto& item : grades) {
    const char* grade = item.first;
    const YearGroup year = item.second;
    CAPTURE(grade);
    OneRosterFiles f;
    f.users =
        std::string("sourcedId,role,givenName,familyName,grades\ns1,student,A,B,") + grade + "\n";
    f.classes = "sourcedId,title\nc1,1A\n";
    f.enrollments = "classSourcedId,userSourcedId,role\nc1,s1,student\n";
    const ImportResult r = importOneRoster(f);
    INFO(errorsOf(r));
    REQUIRE(r.ok());
    CHECK(r.pupils[0].yearGroup == year);
  }
  for (const char* refused : {"PK", "07", "12", "IT", "Other", "03,04"}) {
    CAPTURE(refused);
    OneRosterFiles f;
    f.users = std::string("sourcedId,role,givenName,familyName,grades\ns1,student,A,B,\"") +
              refused + "\"\n";
    f.classes = "sourcedId,title\nc1,1A\n";
    f.enrollments = "classSourcedId,userSourcedId,role\nc1,s1,student\n";
    CHECK_FALSE(importOneRoster(f).ok());
  }
}

TEST_CASE("oneroster: a student with no grade takes their class's") {
  OneRosterFiles f;
  f.users = "sourcedId,role,givenName,familyName,grades\ns1,student,A,B,\n";
  f.classes = "sourcedId,title,grades\nc1,1A,01\n";
  f.enrollments = "classSourcedId,userSourcedId,role\nc1,s1,student\n";
  const ImportResult r = importOneRoster(f);
  INFO(errorsOf(r));
  REQUIRE(r.ok());
  CHECK(r.pupils[0].yearGroup == YearGroup::Y1);
  f.classes = "sourcedId,title,grades\nc1,1A,\n";
  CHECK(hasError(importOneRoster(f), 2, "no grade"));
}

TEST_CASE("oneroster: every bad line in every file is reported") {
  OneRosterFiles f;
  f.users = "sourcedId,role,givenName,familyName,grades\n"
            "s1,student,,B,01\n"  // no given name
            "s2,student,A,B,01\n" // no class
            "s3,student,C,D,01\n" // two classes, no homeroom
            ",student,E,F,01\n"   // no sourcedId
            "s1,student,G,H,01\n" // duplicate sourcedId
            "s6,student,I,J,N1\n" // nursery
            "t1,teacher,,,\n";    // teacher without a name
  f.classes = "sourcedId,title,classType\nc1,1A,scheduled\nc2,1B,scheduled\nc1,1C,homeroom\n";
  f.enrollments = "classSourcedId,userSourcedId,role\n"
                  "c1,s1,student\nc1,s3,student\nc2,s3,student\nc9,s6,student\nc1,zz,student\n"
                  "c1,s6,student\n";
  const ImportResult r = importOneRoster(f);
  INFO(errorsOf(r));
  CHECK(hasError(r, 2, "givenName is empty"));
  CHECK(hasError(r, 3, "no class in enrollments.csv"));
  CHECK(hasError(r, 4, "is in 2 classes"));
  CHECK(hasError(r, 5, "sourcedId is empty"));
  CHECK(hasError(r, 6, "also on line 2"));
  CHECK(hasError(r, 7, "Nursery"));
  CHECK(hasError(r, 8, "teacher's name is empty"));
  CHECK(hasError(r, 4, "\"c1\" is also on line 2")); // classes.csv
  CHECK(hasError(r, 5, "\"c9\" is not in classes.csv"));
  CHECK(hasError(r, 6, "\"zz\" is not in users.csv"));
  std::set<std::string> files;
  for (const ImportError& e : r.errors) {
    files.insert(e.file);
  }
  CHECK(files == std::set<std::string>{"users.csv", "classes.csv", "enrollments.csv"});
  CHECK(r.pupils.empty());
  CHECK(r.staff.empty());
}

TEST_CASE("oneroster: missing columns and unreadable files") {
  OneRosterFiles f = sample();
  f.enrollments = "sourcedId,classSourcedId,role\ne1,c1,student\n";
  CHECK(hasError(importOneRoster(f), 1, "no \"userSourcedId\" column"));
  f = sample();
  f.users = "";
  const ImportResult empty = importOneRoster(f);
  REQUIRE(empty.errors.size() == 1);
  CHECK(empty.errors[0].file == "users.csv");
  CHECK(empty.errors[0].message.find("empty") != std::string::npos);
  f = sample();
  f.classes = "sourcedId,title\n\"c1,3B\n";
  CHECK(hasError(importOneRoster(f), 2, "never closed"));
}

TEST_CASE("oneroster: two used classes with one title are refused") {
  OneRosterFiles f;
  f.users = "sourcedId,role,givenName,familyName,grades\ns1,student,A,B,01\ns2,student,C,D,01\n";
  f.classes = "sourcedId,title\nc1,1A\nc2,1a\nc3,1A\n";
  f.enrollments = "classSourcedId,userSourcedId,role\nc1,s1,student\nc2,s2,student\n";
  const ImportResult r = importOneRoster(f);
  CHECK(hasError(r, 3, "also called \"1a\" (line 2)"));
}

TEST_CASE("oneroster: only the classes students are in are imported") {
  const ImportResult r = importOneRoster(sample());
  REQUIRE(r.ok());
  for (const std::string& c : r.classes) {
    CHECK(c != "Maths set 1");
  }
}

TEST_CASE("oneroster: a file with no students is refused") {
  OneRosterFiles f;
  f.users = "sourcedId,role,givenName,familyName\nt1,teacher,A,B\n";
  f.classes = "sourcedId,title\nc1,1A\n";
  f.enrollments = "classSourcedId,userSourcedId,role\nc1,t1,teacher\n";
  CHECK(hasError(importOneRoster(f), 0, "no students"));
}

// ---- any bytes ----------------------------------------------------------------------

TEST_CASE("imports never produce invalid UTF-8, whatever the bytes") {
  std::string junk;
  for (int i = 0; i < 4096; ++i) {
    junk += static_cast<char>((i * 7919 + 13) % 256);
  }
  const std::vector<std::string> inputs = {junk, "Forename,Surname,Class,Year\n" + junk,
                                           "Forename,Surname,Class,Year\nA,B,C," + junk};
  for (const std::string& in : inputs) {
    const ImportResult r = importMisCsv(in);
    for (const ImportError& e : r.errors) {
      CHECK(isValidUtf8(e.message));
    }
    const ImportResult o = importOneRoster({in, in, in});
    for (const ImportError& e : o.errors) {
      CHECK(isValidUtf8(e.message));
    }
  }
}
