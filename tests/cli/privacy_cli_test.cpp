// safequest-cli's privacy commands, run as a user would: what a parent agreement
// keeps, what export-pupil gives, what erase says about the log, and the limits on
// retention --academic-year, and the warning about names a class shows alike.
#include "results/civil_time.hpp"
#include "results/uuid.hpp"
#include "support/run_program.hpp"
#include "support/temp_dir.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>
#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>

using sq::test::ProgramRun;
using sq::test::TempDir;

namespace {

ProgramRun cli(const TempDir& dir, std::vector<std::string> args) {
  return sq::test::runProgram(SQ_CLI_PATH, args, dir.path());
}

// The one pupil of a fresh class list: "Avalynne Khan" in 3B.
std::string importAva(const TempDir& dir, const std::string& data) {
  const auto csv = dir.path() / "class.csv";
  std::ofstream(csv) << "Forename,Surname,Reg Group,Year\nAvalynne,Khan,3B,3\n";
  REQUIRE(cli(dir, {"roster", "import", csv.string(), "--data", data, "--today", "2026-09-02"})
              .status == 0);
  const ProgramRun list = cli(dir, {"roster", "list", "--data", data});
  REQUIRE(list.lines().size() == 1);
  return list.lines()[0].substr(0, list.lines()[0].find('\t'));
}

int academicYearNow() {
  const auto now = std::chrono::duration_cast<std::chrono::seconds>(
                       std::chrono::system_clock::now().time_since_epoch())
                       .count();
  return sq::academicYearOf(*sq::parseDate(sq::formatUtc(now)));
}

} // namespace

TEST_CASE("a parent agreement keeps no name: nothing but the pupil, class and AUP") {
  TempDir dir;
  const std::string data = dir.str() + "/data";
  const std::string pupil = importAva(dir, data);
  // There is no field for who the parent or carer is; a name offered is refused,
  // not stored where the school folder would carry it to every PC.
  const ProgramRun named = cli(dir, {"record", "--data", data, "--kind", "aup.parent_agreed",
                                     "--pupil", pupil, "--signed-by", "Joanna Khan"});
  CHECK(named.status == 1);
  CHECK(named.err.find("--signed-by is not recorded for aup.parent_agreed") != std::string::npos);
  REQUIRE(cli(dir, {"record", "--data", data, "--kind", "aup.parent_agreed", "--pupil", pupil,
                    "--aup-version", "2026.1", "--phase", "ks2", "--class", "3B"})
              .status == 0);
  const ProgramRun exported = cli(dir, {"export-pupil", "--data", data, "--pupil", pupil});
  REQUIRE(exported.status == 0);
  const auto j = nlohmann::json::parse(exported.out);
  REQUIRE(j["events"].size() == 1);
  const auto& agreed = j["events"][0];
  CHECK(agreed["kind"] == "aup.parent_agreed");
  std::vector<std::string> keys;
  for (const auto& [key, value] : agreed["data"].items()) {
    keys.push_back(key);
  }
  CHECK(keys == std::vector<std::string>{"aupVersion", "classId", "phase"});
  CHECK(exported.out.find("Joanna") == std::string::npos);
}

TEST_CASE("export-pupil gives everything held: class-list entry, events and preferences") {
  TempDir dir;
  const std::string data = dir.str() + "/data";
  const std::string pupil = importAva(dir, data);
  REQUIRE(cli(dir, {"record", "--data", data, "--kind", "lesson.completed", "--pupil", pupil,
                    "--pack", "core", "--activity", "y3-a"})
              .status == 0);

  SUBCASE("no preferences file") {
    const ProgramRun r = cli(dir, {"export-pupil", "--data", data, "--pupil", pupil});
    REQUIRE(r.status == 0);
    const auto j = nlohmann::json::parse(r.out);
    CHECK(j["pupil"]["firstName"] == "Avalynne");
    CHECK(j["pupil"]["class"] == "3B");
    CHECK(j["events"].size() == 1);
    CHECK(j["preferences"].is_null());
  }
  SUBCASE("the pupil's preferences, as the game saved them") {
    std::filesystem::create_directories(data + "/pupils");
    std::ofstream(data + "/pupils/" + pupil + ".json")
        << R"({"formatVersion": 1, "textSize": 150, "font": "opendyslexic"})";
    const ProgramRun r = cli(dir, {"export-pupil", "--data", data, "--pupil", pupil});
    REQUIRE(r.status == 0);
    const auto j = nlohmann::json::parse(r.out);
    CHECK(j["preferences"]["textSize"] == 150);
    CHECK(j["preferences"]["font"] == "opendyslexic");
    CHECK(j["events"].size() == 1);
  }
  SUBCASE("a damaged preferences file is still given, as its text") {
    std::filesystem::create_directories(data + "/pupils");
    std::ofstream(data + "/pupils/" + pupil + ".json") << R"({"textSize": 1)";
    const ProgramRun r = cli(dir, {"export-pupil", "--data", data, "--pupil", pupil});
    REQUIRE(r.status == 0);
    CHECK(nlohmann::json::parse(r.out)["preferences"] == R"({"textSize": 1)");
  }
}

TEST_CASE("erase says when another program keeps the log from being cleared") {
  TempDir dir;
  const std::string data = dir.str() + "/data";
  const std::string pupil = importAva(dir, data);
  const std::string db = data + "/safequest.sqlite";
  // An erasure is signed with the teacher's key, which the PIN opens.
  REQUIRE(cli(dir, {"pin", "set", "--pin", "2468", "--data", data}).status == 0);

  SUBCASE("nothing else reading: no note, and the name is gone from both files") {
    const ProgramRun r = cli(dir, {"erase", "--data", data, "--pupil", pupil, "--pin", "2468"});
    CHECK(r.status == 0);
    CHECK(r.err.empty());
  }
  SUBCASE("a reader mid-transaction: erased, with a note") {
    sqlite3* reader = nullptr;
    REQUIRE(sqlite3_open_v2(db.c_str(), &reader, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
    REQUIRE(sqlite3_exec(reader, "BEGIN; SELECT count(*) FROM pupils;", nullptr, nullptr,
                         nullptr) == SQLITE_OK);
    const ProgramRun r = cli(dir, {"erase", "--data", data, "--pupil", pupil, "--pin", "2468"});
    sqlite3_exec(reader, "COMMIT", nullptr, nullptr, nullptr);
    sqlite3_close(reader);
    CHECK(r.status == 0);
    CHECK(r.out.find("erased " + pupil) != std::string::npos);
    CHECK(r.err.find("safequest.sqlite-wal") != std::string::npos);
    // Any later command opens and closes the store alone, which clears the log.
    REQUIRE(cli(dir, {"roster", "list", "--data", data}).status == 0);
  }
  for (const char* file : {"/safequest.sqlite", "/safequest.sqlite-wal"}) {
    std::ifstream in(data + file, std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), {});
    CHECK_MESSAGE(bytes.find("Avalynne") == std::string::npos, file);
  }
}

TEST_CASE("retention refuses an academic year that has not started") {
  TempDir dir;
  const std::string data = dir.str() + "/data";
  const int year = academicYearNow();
  const std::string pupil = sq::newUuid();
  // One event from the start of this academic year: a year too far on would count
  // it as old.
  const std::string thisYear = std::to_string(year) + "-09-02T09:00:00Z";
  REQUIRE(cli(dir, {"record", "--data", data, "--kind", "lesson.completed", "--pupil", pupil,
                    "--time", thisYear})
              .status == 0);
  for (int ahead : {1, 2, 10}) {
    const ProgramRun r = cli(dir, {"retention", "--data", data, "--set-years", "1",
                                   "--academic-year", std::to_string(year + ahead)});
    CHECK(r.status == 1);
    CHECK(r.err.find("has not started yet") != std::string::npos);
  }
  // Refused before anything changed: the retention is still the default 2 years.
  CHECK(cli(dir, {"retention", "--data", data}).out.find("kept 2 academic years") !=
        std::string::npos);
  // The event is still there, and the current year (given or not) keeps it.
  for (const std::vector<std::string>& extra :
       {std::vector<std::string>{"--academic-year", std::to_string(year)},
        std::vector<std::string>{}}) {
    std::vector<std::string> args = {"retention", "--data", data, "--set-years", "1"};
    args.insert(args.end(), extra.begin(), extra.end());
    const ProgramRun r = cli(dir, args);
    CHECK(r.status == 0);
    CHECK(r.out.find("removed 0 older events") != std::string::npos);
  }
  // An earlier year is allowed: it keeps more, never less.
  CHECK(
      cli(dir, {"retention", "--data", data, "--academic-year", std::to_string(year - 1)}).status ==
      0);
}

TEST_CASE("roster import warns about pupils one class shows by the same name") {
  TempDir dir;
  const std::string data = dir.str() + "/data";
  const auto csv = dir.path() / "class.csv";
  // Three "Amy J" in 3B (told apart by their admission numbers), one in 4C, and
  // two "Ben T" in 4C written in different cases.
  std::ofstream(csv) << "Forename,Surname,Reg Group,Year,Adno\n"
                        "Amy,Jones,3B,3,1001\n"
                        "Ben,Taylor,4C,4,1002\n"
                        "Amy,Jackson,3B,3,1003\n"
                        "Amy,James,4C,4,1004\n"
                        "BEN,tate,4C,4,1005\n"
                        "Amy,Jukes,3B,3,1006\n"
                        "Cara,Jones,3B,3,1007\n";
  const ProgramRun r =
      cli(dir, {"roster", "import", csv.string(), "--data", data, "--today", "2026-09-02"});
  CHECK(r.status == 0); // a warning: the class list is imported
  CHECK(r.out.find("imported: 7 added") != std::string::npos);
  std::vector<std::string> warnings;
  std::istringstream err(r.err);
  for (std::string line; std::getline(err, line);) {
    if (line.find("csv.duplicate-name") != std::string::npos) {
      warnings.push_back(line);
    }
  }
  std::sort(warnings.begin(), warnings.end()); // by line: one file, lines 2 and 3
  REQUIRE(warnings.size() == 2);
  // At the first row of each, naming the class, the name and how many.
  CHECK(warnings[0].rfind(csv.string() + ":2: csv.duplicate-name: class 3B has 3 pupils shown as "
                                         "\"Amy J\"",
                          0) == 0);
  CHECK(warnings[0].find("alias") != std::string::npos);
  // Shown as either pupil writes it ("Ben T" or "BEN T"): the same name to a reader.
  CHECK(warnings[1].rfind(csv.string() + ":3: csv.duplicate-name: class 4C has 2 pupils shown as "
                                         "\"",
                          0) == 0);
  CHECK((warnings[1].find("\"Ben T\"") != std::string::npos ||
         warnings[1].find("\"BEN T\"") != std::string::npos));

  // Told apart in the file, the warning goes.
  std::ofstream(csv) << "Forename,Surname,Reg Group,Year,Adno\n"
                        "Amy,Jones,3B,3,1001\n"
                        "Amy-Rose,Jackson,3B,3,1003\n";
  TempDir other;
  const ProgramRun clean = cli(other, {"roster", "import", csv.string(), "--data",
                                       other.str() + "/data", "--today", "2026-09-02"});
  CHECK(clean.status == 0);
  CHECK(clean.err.find("csv.duplicate-name") == std::string::npos);
}
