// The class-list fixture corpus, and safequest-cli roster run on it.
//   tests/fixtures/bad-csv/NAME.csv (or NAME/ for a OneRoster folder) must be refused
//   with exactly the errors NAME.expect lists: one "LINE: code" (or "FILE:LINE:
//   code") per error, the code being a stable csv.* diagnostic code. Messages may be
//   reworded freely; codes and lines may not. Every expected error must be reported
//   and every reported error expected (as many times as listed), so the lists are
//   complete.
//   tests/fixtures/good-csv/NAME.csv (or NAME/) must import exactly as NAME.expect
//   says: "encoding: ...", "classes: A, B", "staff: A, B" and one
//   "pupil: first|initial|class|year|misId" per pupil, in file order.
// Each fixture is listed by name, so each is its own CTest test; "every file is
// listed" catches one added without a line here.
// Sections:
//   1. fixtures: reading a fixture and its .expect, checking bad and good ones
//   2. the fixture tests: one per fixture, codes documented, every file listed
//   3. safequest-cli roster, as a real subprocess
#include "results/roster_import.hpp"
#include "results/roster_merge.hpp"

#include "support/run_program.hpp"

#include <doctest/doctest.h>

#include <sys/wait.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using namespace sq;

// ---- fixtures -----------------------------------------------------------------------

namespace {

#define SQ_BAD_CSV_FIXTURES(X)                                                                     \
  X("bad-year")                                                                                    \
  X("binary-junk")                                                                                 \
  X("control-character")                                                                           \
  X("duplicate-header")                                                                            \
  X("empty")                                                                                       \
  X("empty-class")                                                                                 \
  X("empty-forename")                                                                              \
  X("empty-surname")                                                                               \
  X("extra-columns")                                                                               \
  X("header-only")                                                                                 \
  X("many-bad-lines")                                                                              \
  X("missing-forename-column")                                                                     \
  X("missing-year-column")                                                                         \
  X("nursery")                                                                                     \
  X("oneroster-faults")                                                                            \
  X("short-row")                                                                                   \
  X("text-after-quote")                                                                            \
  X("too-long-field")                                                                              \
  X("too-long-line")                                                                               \
  X("too-many-columns")                                                                            \
  X("too-many-rows")                                                                               \
  X("undefined-1252-byte")                                                                         \
  X("unterminated-quote")                                                                          \
  X("year-7")

#define SQ_GOOD_CSV_FIXTURES(X)                                                                    \
  X("mac-cr-semicolon")                                                                            \
  X("mixed-age-arbor")                                                                             \
  X("oneroster")                                                                                   \
  X("quoted-fields")                                                                               \
  X("sims-export")                                                                                 \
  X("utf8-bom")                                                                                    \
  X("windows-1252")

#define SQ_LIST_ENTRY(name) name,
const std::vector<std::string> kBad = {SQ_BAD_CSV_FIXTURES(SQ_LIST_ENTRY)};
const std::vector<std::string> kGood = {SQ_GOOD_CSV_FIXTURES(SQ_LIST_ENTRY)};
#undef SQ_LIST_ENTRY

fs::path fixtureDir(std::string_view group) {
  return fs::path(SQ_SOURCE_DIR) / "tests" / "fixtures" / std::string(group);
}

std::string readBytes(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  REQUIRE_MESSAGE(in.good(), "cannot read " << path.string());
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::vector<std::string> expectLines(const fs::path& path) {
  std::vector<std::string> lines;
  std::istringstream in(readBytes(path));
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line.back() == '\r') {
      line.pop_back();
    }
    if (!line.empty() && line[0] != '#') {
      lines.push_back(line);
    }
  }
  return lines;
}

// The fixture as a folder (OneRoster) or a single MIS CSV file.
ImportResult importFixture(std::string_view group, const std::string& name) {
  const fs::path dir = fixtureDir(group) / name;
  if (fs::is_directory(dir)) {
    OneRosterFiles files{readBytes(dir / "users.csv"), readBytes(dir / "classes.csv"),
                         readBytes(dir / "enrollments.csv")};
    return importOneRoster(files);
  }
  MisCsvOptions options;
  options.fileName = name + ".csv";
  return importMisCsv(readBytes(fixtureDir(group) / (name + ".csv")), options);
}

struct Expected {
  std::string file;
  int line = 0;
  std::string code;
};

const CodeInfo* findCode(std::string_view id) {
  for (const CodeInfo& info : allCodes()) {
    if (info.id == id) {
      return &info;
    }
  }
  return nullptr;
}

Expected parseExpected(const std::string& raw, const std::string& defaultFile) {
  Expected e;
  e.file = defaultFile;
  std::string rest = raw;
  const auto colon = rest.find(':');
  REQUIRE_MESSAGE(colon != std::string::npos, "bad .expect line: " << raw);
  std::string head = rest.substr(0, colon);
  if (head.empty() || head.find_first_not_of("0123456789") != std::string::npos) {
    e.file = head;
    rest = rest.substr(colon + 1);
  }
  const auto colon2 = rest.find(':');
  REQUIRE_MESSAGE(colon2 != std::string::npos, "bad .expect line: " << raw);
  e.line = std::stoi(rest.substr(0, colon2));
  e.code = rest.substr(colon2 + 1);
  e.code.erase(0, e.code.find_first_not_of(' '));
  REQUIRE_MESSAGE(findCode(e.code) != nullptr, "unknown code in .expect line: " << raw);
  return e;
}

std::string key(const std::string& file, int line, std::string_view code) {
  return file + ":" + std::to_string(line) + ": " + std::string(code);
}

std::string listErrors(const std::vector<ImportError>& errors) {
  std::string out;
  for (const ImportError& e : errors) {
    out += "    " + formatImportError(e) + "\n";
  }
  return out.empty() ? "    (none)\n" : out;
}

void checkBad(const std::string& name) {
  const ImportResult r = importFixture("bad-csv", name);
  const bool folder = fs::is_directory(fixtureDir("bad-csv") / name);
  std::vector<Expected> expected;
  for (const std::string& line : expectLines(fixtureDir("bad-csv") / (name + ".expect"))) {
    expected.push_back(parseExpected(line, folder ? "" : name + ".csv"));
  }
  REQUIRE_MESSAGE(!expected.empty(), name << ".expect lists no errors");
  std::vector<std::string> problems;
  std::multiset<std::string> want;
  for (const Expected& e : expected) {
    want.insert(key(e.file, e.line, e.code));
  }
  std::multiset<std::string> got;
  for (const ImportError& e : r.errors) {
    got.insert(key(e.file, e.line, codeId(e.code)));
  }
  for (const std::string& w : want) {
    if (got.count(w) < want.count(w) &&
        problems.end() == std::find(problems.begin(), problems.end(), "missing:    " + w)) {
      problems.push_back("missing:    " + w);
    }
  }
  for (const ImportError& e : r.errors) {
    const std::string g = key(e.file, e.line, codeId(e.code));
    if (want.count(g) < got.count(g) &&
        problems.end() ==
            std::find(problems.begin(), problems.end(), "unexpected: " + formatImportError(e))) {
      problems.push_back("unexpected: " + formatImportError(e));
    }
  }
  if (r.ok()) {
    problems.push_back("the file was accepted");
  }
  if (!r.pupils.empty() || !r.classes.empty() || !r.staff.empty()) {
    problems.push_back("a refused import still returned pupils, classes or staff");
  }
  // And a refused import leaves an existing class list exactly as it was.
  Roster existing;
  existing.classes = {{"class-1", "3B"}};
  existing.pupils = {Pupil{"pupil-1", "Amy", "J", "class-1", YearGroup::Y3, "", ""}};
  const MergePlan plan = planReimport(existing, r, "key-key-key-key-key", "2026-11-23");
  if (plan.ok() || plan.roster.pupils.size() != 1 || !plan.roster.pupils[0].archivedOn.empty()) {
    problems.push_back("planReimport did not refuse the import");
  }
  std::string report;
  for (const std::string& p : problems) {
    report += "  " + p + "\n";
  }
  INFO(name << ":\n" << report << "  actual errors:\n" << listErrors(r.errors));
  CHECK(problems.empty());
}

std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    out += (i == 0 ? "" : ", ") + items[i];
  }
  return out;
}

void checkGood(const std::string& name) {
  const ImportResult r = importFixture("good-csv", name);
  INFO(name << ": errors:\n" << listErrors(r.errors));
  REQUIRE(r.ok());
  std::vector<std::string> pupils;
  for (const ImportedPupil& p : r.pupils) {
    pupils.push_back(p.firstName + "|" + p.initial + "|" + p.className + "|" +
                     std::string(yearGroupId(p.yearGroup)) + "|" + p.misId);
  }
  std::vector<std::string> wantPupils;
  for (const std::string& line : expectLines(fixtureDir("good-csv") / (name + ".expect"))) {
    const auto colon = line.find(": ");
    REQUIRE_MESSAGE(colon != std::string::npos, "bad .expect line: " << line);
    const std::string key = line.substr(0, colon);
    const std::string value = line.substr(colon + 2);
    if (key == "encoding") {
      CHECK(encodingName(r.encoding) == value);
    } else if (key == "classes") {
      CHECK(joined(r.classes) == value);
    } else if (key == "staff") {
      CHECK(joined(r.staff) == value);
    } else if (key == "pupil") {
      wantPupils.push_back(value);
    } else {
      FAIL("unknown .expect key: " << key);
    }
  }
  CHECK(pupils == wantPupils);
  // Importing it twice changes nothing the second time.
  const std::string key = "fixture-roster-key-0123456789";
  const MergePlan first = planReimport(Roster{}, r, key, "2026-11-23");
  REQUIRE(first.ok());
  CHECK(first.summary.added == static_cast<int>(r.pupils.size()));
  const MergePlan second = planReimport(first.roster, r, key, "2026-11-24");
  REQUIRE(second.ok());
  CHECK(second.summary.unchanged == static_cast<int>(r.pupils.size()));
}

} // namespace

// ---- the fixture tests --------------------------------------------------------------

#define SQ_BAD_CASE(name)                                                                          \
  TEST_CASE("csv fixtures: bad " name) {                                                           \
    checkBad(name);                                                                                \
  }
SQ_BAD_CSV_FIXTURES(SQ_BAD_CASE)
#undef SQ_BAD_CASE

#define SQ_GOOD_CASE(name)                                                                         \
  TEST_CASE("csv fixtures: good " name) {                                                          \
    checkGood(name);                                                                               \
  }
SQ_GOOD_CSV_FIXTURES(SQ_GOOD_CASE)
#undef SQ_GOOD_CASE

TEST_CASE("class-list codes: each is documented in game/results/README.md, and used") {
  std::ifstream in(fs::path(SQ_SOURCE_DIR) / "game" / "results" / "README.md");
  REQUIRE(in.good());
  const std::string doc{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  std::set<std::string> inFixtures;
  for (const std::string& name : kBad) {
    for (const std::string& line : expectLines(fixtureDir("bad-csv") / (name + ".expect"))) {
      inFixtures.insert(parseExpected(line, "").code);
    }
  }
  int codes = 0;
  for (const CodeInfo& info : allCodes()) {
    const std::string id(info.id);
    if (id.rfind("csv.", 0) != 0) {
      continue;
    }
    ++codes;
    CAPTURE(id);
    CHECK(doc.find("| `" + id + "` |") != std::string::npos);
  }
  CHECK(codes >= 20);
  CHECK(inFixtures.size() >= 12); // the corpus covers most of them
  for (const std::string& code : inFixtures) {
    CAPTURE(code);
    CHECK(code.rfind("csv.", 0) == 0); // class-list fixtures use class-list codes
  }
}

TEST_CASE("csv fixtures: every file is listed and has its .expect") {
  for (const auto& [group, names] :
       {std::pair<const char*, const std::vector<std::string>*>{"bad-csv", &kBad},
        {"good-csv", &kGood}}) {
    std::set<std::string> listed(names->begin(), names->end());
    std::set<std::string> seen;
    for (const auto& entry : fs::directory_iterator(fixtureDir(group))) {
      const fs::path p = entry.path();
      const std::string stem = entry.is_directory() ? p.filename().string() : p.stem().string();
      CAPTURE(p.string());
      CHECK((entry.is_directory() || p.extension() == ".csv" || p.extension() == ".expect"));
      CHECK(listed.count(stem) == 1);
      seen.insert(stem);
      if (p.extension() != ".expect") {
        CHECK(fs::exists(fixtureDir(group) / (stem + ".expect")));
      }
    }
    CHECK(seen == listed);
  }
  CHECK(kBad.size() >= 15);
}

// ---- safequest-cli roster, as a real subprocess -------------------------------------

namespace {

using Run = sq::test::ProgramRun;

class Scratch {
public:
  Scratch() {
    std::random_device rd;
    mDir = fs::temp_directory_path() / ("sq-roster-cli-" + std::to_string(rd()));
    fs::create_directories(mDir);
  }
  ~Scratch() {
    std::error_code ec;
    fs::remove_all(mDir, ec);
  }
  Scratch(const Scratch&) = delete;
  Scratch& operator=(const Scratch&) = delete;
  const fs::path& dir() const { return mDir; }

private:
  fs::path mDir;
};

Run roster(const std::vector<std::string>& args, const Scratch& scratch) {
  std::vector<std::string> all = {"roster"};
  all.insert(all.end(), args.begin(), args.end());
  return sq::test::runProgram(SQ_CLI_PATH, all, scratch.dir());
}

std::vector<std::string> splitTabs(const std::string& line) {
  std::vector<std::string> out;
  std::string field;
  std::istringstream in(line);
  while (std::getline(in, field, '\t')) {
    out.push_back(field);
  }
  return out;
}

std::string good(const std::string& name) {
  return (fixtureDir("good-csv") / name).string();
}

std::string bad(const std::string& name) {
  return (fixtureDir("bad-csv") / name).string();
}

} // namespace

TEST_CASE("roster cli: import, list, re-import, refuse, promote") {
  Scratch scratch;
  const std::string data = (scratch.dir() / "data").string();
  Run r =
      roster({"import", good("sims-export.csv"), "--data", data, "--today", "2026-07-01"}, scratch);
  INFO(r.err);
  REQUIRE(r.status == 0);
  CHECK(r.out.find("imported: 4 added, 0 updated, 0 archived") != std::string::npos);

  Run list = roster({"list", "--data", data}, scratch);
  REQUIRE(list.status == 0);
  const std::vector<std::string> lines = list.lines();
  REQUIRE(lines.size() == 4);
  const std::vector<std::vector<std::string>> want = {{"3B", "y3", "Amy", "J"},
                                                      {"3B", "y3", "Siôn", "A"},
                                                      {"4A", "y4", "Freya", "Ø"},
                                                      {"RS", "reception", "Łucja", "N"}};
  std::vector<std::string> ids;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const std::vector<std::string> f = splitTabs(lines[i]);
    REQUIRE(f.size() == 5);
    CHECK(f[0].size() == 36);
    ids.push_back(f[0]);
    CHECK(std::vector<std::string>(f.begin() + 1, f.end()) == want[i]);
  }
  // Nothing but the five columns, and never the admission number or a date of birth.
  CHECK(list.out.find("001234") == std::string::npos);
  CHECK(list.out.find("2017") == std::string::npos);

  // A refused file names every bad line and changes nothing.
  const std::string badFile = bad("many-bad-lines.csv");
  Run refused = roster({"import", badFile, "--data", data}, scratch);
  CHECK(refused.status == 1);
  // Each bad line with its stable code, then the words for a person.
  CHECK(refused.err.find(badFile + ":3: csv.empty-value: forename") != std::string::npos);
  CHECK(refused.err.find(badFile + ":4: csv.year-out-of-range: year group") != std::string::npos);
  CHECK(refused.err.find(badFile + ":6: csv.empty-value: surname") != std::string::npos);
  CHECK(refused.err.find(badFile + ":6: csv.empty-value: class") != std::string::npos);
  CHECK(roster({"list", "--data", data}, scratch).out == list.out);

  // The same file again: same ids, nothing added or archived.
  r = roster({"import", good("sims-export.csv"), "--data", data}, scratch);
  REQUIRE(r.status == 0);
  CHECK(r.out.find("imported: 0 added, 0 updated, 0 archived, 4 unchanged") != std::string::npos);
  CHECK(roster({"list", "--data", data}, scratch).out == list.out);

  // The new academic year.
  Run promote = roster({"promote", "--data", data, "--today", "2026-09-01"}, scratch);
  REQUIRE(promote.status == 0);
  CHECK(promote.out.find("promoted: 4 moved up a year, 0 left") != std::string::npos);
  const std::vector<std::string> after = roster({"list", "--data", data}, scratch).lines();
  REQUIRE(after.size() == 4);
  CHECK(splitTabs(after[0])[2] == "y4");
  CHECK(splitTabs(after[3])[2] == "y1");
  CHECK(splitTabs(after[0])[0] == ids[0]);
}

TEST_CASE("roster cli: a file missing pupils archives them; explicit columns") {
  Scratch scratch;
  const std::string data = (scratch.dir() / "data").string();
  REQUIRE(roster({"import", good("mixed-age-arbor.csv"), "--data", data}, scratch).status == 0);
  const fs::path smaller = scratch.dir() / "smaller.csv";
  std::ofstream(smaller, std::ios::binary) << "Pupil,Family,Group,NCY,Ref\nAva,Brown,Oak,3,U1\n";
  Run r = roster({"import", smaller.string(), "--forename-col", "Pupil", "--surname-col", "Family",
                  "--class-col", "Group", "--year-col", "NCY", "--id-col", "Ref", "--data", data},
                 scratch);
  INFO(r.err);
  REQUIRE(r.status == 0);
  CHECK(r.out.find("imported: 0 added, 0 updated, 3 archived, 1 unchanged") != std::string::npos);
  CHECK(roster({"list", "--data", data}, scratch).lines().size() == 1);
}

TEST_CASE("roster cli: conflicts refuse the import and are each listed") {
  Scratch scratch;
  const std::string data = (scratch.dir() / "data").string();
  const fs::path twins = scratch.dir() / "twins.csv";
  std::ofstream(twins, std::ios::binary)
      << "Forename,Surname,Class,Year\nOlivia,Smith,3B,3\nJack,Brown,3B,3\nOlivia,Shaw,3B,3\n";
  Run r = roster({"import", twins.string(), "--data", data}, scratch);
  CHECK(r.status == 1);
  CHECK(r.err.find(twins.string() +
                   ":4: csv.duplicate-pupil: \"Olivia S\" in \"3B\" is also on line 2") !=
        std::string::npos);
  CHECK(r.err.find("the class list is unchanged") != std::string::npos);
  CHECK(roster({"list", "--data", data}, scratch).out.empty());
}

TEST_CASE("roster cli: a OneRoster folder, detected as a folder") {
  Scratch scratch;
  const std::string data = (scratch.dir() / "data").string();
  Run r = roster({"import", good("oneroster"), "--data", data}, scratch);
  INFO(r.err);
  REQUIRE(r.status == 0);
  CHECK(r.out.find("imported: 3 added") != std::string::npos);
  CHECK(r.out.find("staff: 2 added") != std::string::npos);
  Run faults = roster({"import", bad("oneroster-faults"), "--data", data}, scratch);
  CHECK(faults.status == 1);
  const std::string dir = (fixtureDir("bad-csv") / "oneroster-faults" / "").string();
  CHECK(faults.err.find(dir + "classes.csv:3: csv.empty-value: title") != std::string::npos);
  CHECK(faults.err.find(dir + "enrollments.csv:5: csv.unknown-reference:") != std::string::npos);
}

TEST_CASE("roster cli: usage and I/O problems exit 2") {
  Scratch scratch;
  const std::string data = (scratch.dir() / "data").string();
  CHECK(roster({}, scratch).status == 2);
  CHECK(roster({"frobnicate", "--data", data}, scratch).status == 2);
  CHECK(roster({"import", "--data", data}, scratch).status == 2);
  CHECK(roster({"import", (scratch.dir() / "nope.csv").string(), "--data", data}, scratch).status ==
        2);
  CHECK(roster({"import", good("sims-export.csv"), "--format", "xlsx", "--data", data}, scratch)
            .status == 2);
  CHECK(
      roster({"import", good("sims-export.csv"), "--format", "oneroster", "--data", data}, scratch)
          .status == 2);
  CHECK(roster({"import", good("oneroster"), "--forename-col", "X", "--data", data}, scratch)
            .status == 2);
  CHECK(roster({"list", "extra", "--data", data}, scratch).status == 2);
  CHECK(roster({"list", "--bogus", "--data", data}, scratch).status == 2);
  CHECK(roster({"promote", "--today", "01/09/2026", "--data", data}, scratch).status == 2);
  // A folder without a users.csv cannot be read.
  fs::create_directories(scratch.dir() / "empty-folder");
  CHECK(roster({"import", (scratch.dir() / "empty-folder").string(), "--data", data}, scratch)
            .status == 2);
  // Nothing was saved by any of the above.
  CHECK(roster({"list", "--data", data}, scratch).out.empty());
}
