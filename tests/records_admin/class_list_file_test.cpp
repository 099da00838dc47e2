// Reading the class list a teacher chose: an MIS CSV (UTF-8 or a Windows-1252 SIMS
// export), a OneRoster folder, and the plain-words reasons when it cannot be read.
#include "records_admin/class_list_file.hpp"

#include "support/temp_dir.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

using namespace sq;
using sq::test::TempDir;

namespace {

void write(const std::filesystem::path& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary);
  out << bytes;
}

} // namespace

TEST_CASE("class list file: a Windows-1252 SIMS export reads with its accents") {
  TempDir dir;
  const auto path = dir.path() / "sims.csv";
  // "Siân" and "Zoë" as SIMS writes them: one byte each for â and ë.
  write(path, "Forename,Surname,Reg Group,Year,Adno\r\nSi\xE2n,Kerr,3B,Year 3,1\r\n"
              "Zo\xEB,Lamb,3B,Year 3,2\r\n");
  const admin::ClassListFile file = admin::readClassListFile(path.string());
  REQUIRE(file.ok());
  CHECK_FALSE(file.oneRoster);
  CHECK(file.shownName == "sims.csv");
  REQUIRE(file.result.ok());
  CHECK(file.result.encoding == DetectedEncoding::Windows1252);
  REQUIRE(file.result.pupils.size() == 2);
  CHECK(file.result.pupils[0].firstName == "Si\xC3\xA2n");
  CHECK(file.result.pupils[1].firstName == "Zo\xC3\xAB");
}

TEST_CASE("class list file: refused lines name the file and line, in words") {
  TempDir dir;
  const auto path = dir.path() / "pupils.csv";
  write(path, "Forename,Surname,Reg Group,Year\nAmy,Zed,3B,Year 3\nBen,Young,9Z,Year 9\n");
  const admin::ClassListFile file = admin::readClassListFile(path.string());
  REQUIRE(file.ok()); // it was read; the refusal is the import's
  REQUIRE(file.result.errors.size() == 1);
  const std::string said = admin::refusedLineText(file.result.errors[0]);
  CHECK(said.find("pupils.csv, line 3: ") == 0);
  CHECK(said.find("csv.") == std::string::npos); // no codes for the teacher
}

TEST_CASE("class list file: a OneRoster folder, and a folder that is not one") {
  TempDir dir;
  const auto folder = dir.path() / "export";
  std::filesystem::create_directories(folder);
  write(folder / "users.csv",
        "sourcedId,status,dateLastModified,enabledUser,orgSourcedIds,role,username,userIds,"
        "givenName,familyName,middleName,identifier,email,sms,phone,agentSourcedIds,grades,"
        "password\n"
        "u1,active,,true,s1,student,amy,,Amy,Zed,,,,,,,03,\n");
  write(folder / "classes.csv", "sourcedId,status,dateLastModified,title,grades,courseSourcedId,"
                                "classCode,classType,location,schoolSourcedId,termSourcedIds,"
                                "subjects,subjectCodes,periods\n"
                                "c1,active,,3B,03,,,homeroom,,s1,,,,\n");
  write(folder / "enrollments.csv",
        "sourcedId,status,dateLastModified,classSourcedId,schoolSourcedId,userSourcedId,role,"
        "primary,beginDate,endDate\n"
        "e1,active,,c1,s1,u1,student,true,,\n");
  const admin::ClassListFile file = admin::readClassListFile(folder.string());
  REQUIRE(file.ok());
  CHECK(file.oneRoster);
  CHECK(file.shownName == "export/ (OneRoster)");
  const std::string firstRefusal =
      file.result.errors.empty() ? std::string() : admin::refusedLineText(file.result.errors[0]);
  INFO(firstRefusal);
  REQUIRE(file.result.ok());
  REQUIRE(file.result.pupils.size() == 1);
  CHECK(file.result.pupils[0].className == "3B");

  std::filesystem::remove(folder / "enrollments.csv");
  const admin::ClassListFile partial = admin::readClassListFile(folder.string());
  CHECK_FALSE(partial.ok());
  CHECK(partial.problem.find("not a OneRoster export: it has no enrollments.csv") !=
        std::string::npos);
}

TEST_CASE("class list file: missing, too large, or nothing chosen: said, never thrown") {
  TempDir dir;
  CHECK(admin::readClassListFile("").problem == "No file was chosen.");
  const admin::ClassListFile missing = admin::readClassListFile((dir.path() / "gone.csv").string());
  CHECK(missing.problem == "\"gone.csv\" could not be found: was it moved or renamed?");

  const auto big = dir.path() / "big.csv";
  write(big, std::string(3 * 1024 * 1024, 'a'));
  ImportLimits limits;
  limits.maxFileBytes = 1024 * 1024;
  const admin::ClassListFile tooBig = admin::readClassListFile(big.string(), limits);
  CHECK(tooBig.problem == "\"big.csv\" is 3 MB; the most SafeQuest reads is 1 MB. Is it the "
                          "right file?");
  CHECK(tooBig.result.pupils.empty());
}
