// The Reports tab's request: the report a teacher asks for (scope, academic year,
// names) is the register the CLI computes, pseudonyms unless names are asked for,
// and saving it is atomic and says in plain words why it failed.
#include "records_admin/file_url.hpp"
#include "records_admin/report_request.hpp"

#include "results/civil_time.hpp"
#include "results/uuid.hpp"
#include "support/temp_dir.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

using namespace sq;
using sq::test::TempDir;

namespace {

std::string readAll(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// A school of two classes: Siân (3B, Year 3), Tomos (3B, Year 3) and Wil (4C,
// Year 4); Siân completed a core lesson this academic year and one last year.
struct School {
  TempDir dir;
  std::unique_ptr<ResultsStore> store;
  Roster roster;
  admin::ReportContent content;
  Pupil sian, tomos, wil;

  School() {
    std::string error;
    store = ResultsStore::open(dir.str(), error);
    REQUIRE(store != nullptr);
    roster.classes = {{newUuid(), "3B"}, {newUuid(), "4C / Mr Jones"}};
    sian = {newUuid(), "Si\u00e2n", "K", roster.classes[0].id, YearGroup::Y3, "", ""};
    tomos = {newUuid(), "Tomos", "B", roster.classes[0].id, YearGroup::Y3, "", ""};
    wil = {newUuid(), "Wil", "P", roster.classes[1].id, YearGroup::Y4, "", ""};
    roster.pupils = {sian, tomos, wil};
    REQUIRE(store->saveRoster(roster, error));
    roster = store->loadRoster();
    complete(sian.id, "y3-smart-explorers", "2026-10-05T10:00:00Z");
    complete(sian.id, "y3-meet-and-tell", "2025-10-05T10:00:00Z");
    admin::loadReportContent(std::string(SQ_SOURCE_DIR) + "/content", content);
    REQUIRE(content.error.empty());
  }
  void complete(const std::string& pupil, const char* lesson, const char* time) {
    EventDraft d;
    d.kind = EventKind::LessonCompleted;
    d.pupilId = pupil;
    d.packId = "core";
    d.activityId = lesson;
    d.timeUtc = time;
    std::string error;
    REQUIRE(store->record(d, error));
  }
  admin::MadeReport make(const admin::ReportRequest& r) {
    return admin::makeReport(*store, roster, content.packs, r, "2026-12-07");
  }
};

int countOf(const std::string& text, const std::string& what) {
  int n = 0;
  for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) {
    ++n;
  }
  return n;
}

} // namespace

TEST_CASE("report request: the governors' report shows names only when asked") {
  School s;
  admin::ReportRequest r;
  r.academicYear = 2026;
  const admin::MadeReport plain = s.make(r);
  REQUIRE(plain.ok);
  CHECK(plain.pupils == 3);
  CHECK(plain.bytes.find("<html") != std::string::npos);
  for (const char* name : {"Si\u00e2n", "Tomos", "Wil"}) {
    CHECK(plain.bytes.find(name) == std::string::npos);
  }
  r.names = true;
  const admin::MadeReport named = s.make(r);
  REQUIRE(named.ok);
  for (const char* name : {"Si\u00e2n K", "Tomos B", "Wil P"}) {
    CHECK(named.bytes.find(name) != std::string::npos);
  }
  CHECK(named.bytes.find("7 December 2026") != std::string::npos); // produced on
}

TEST_CASE("report request: a class or a year group holds only its pupils") {
  School s;
  admin::ReportRequest r;
  r.format = admin::ReportFormat::Csv;
  r.names = true;
  r.scope = admin::ReportScope::Class;
  r.classId = s.roster.classes[1].id;
  admin::MadeReport made = s.make(r);
  REQUIRE(made.ok);
  CHECK(made.pupils == 1);
  CHECK(made.bytes.find("Wil P") != std::string::npos);
  CHECK(made.bytes.find("Tomos") == std::string::npos);

  r.scope = admin::ReportScope::YearGroup;
  r.yearGroup = YearGroup::Y3;
  made = s.make(r);
  REQUIRE(made.ok);
  CHECK(made.pupils == 2);
  CHECK(made.bytes.find("Wil") == std::string::npos);

  r.scope = admin::ReportScope::Class;
  r.classId = newUuid(); // a class taken off the list since it was chosen
  made = s.make(r);
  CHECK_FALSE(made.ok);
  CHECK(made.error == "that class is no longer on the class list: choose another");
}

TEST_CASE("report request: an earlier academic year reads that year's records") {
  School s;
  admin::ReportRequest r;
  r.format = admin::ReportFormat::Xapi;
  r.academicYear = 2026;
  const admin::MadeReport thisYear = s.make(r);
  REQUIRE(thisYear.ok);
  CHECK(countOf(thisYear.bytes, "y3-smart-explorers") > 0);
  CHECK(countOf(thisYear.bytes, "y3-meet-and-tell") == 0);
  r.academicYear = 2025;
  const admin::MadeReport lastYear = s.make(r);
  REQUIRE(lastYear.ok);
  CHECK(countOf(lastYear.bytes, "y3-smart-explorers") == 0);
  CHECK(countOf(lastYear.bytes, "y3-meet-and-tell") > 0);
  // xAPI never carries names, even when asked.
  r.names = true;
  CHECK(s.make(r).bytes.find("Si\u00e2n") == std::string::npos);
  CHECK_FALSE(admin::formatHasNames(admin::ReportFormat::Xapi));
  CHECK(admin::reportEvents(*s.store, 2024).empty());
}

TEST_CASE("report request: the years offered follow the school's retention") {
  CHECK(admin::academicYearChoices(2026, 2) == std::vector<int>{2026, 2025});
  CHECK(admin::academicYearChoices(2026, 4) == std::vector<int>{2026, 2025, 2024, 2023});
  CHECK(admin::academicYearChoices(2026, 0).size() == 2);
  CHECK(admin::academicYearChoices(2026, 40).size() == 10);
  CHECK(admin::academicYearLabel(2026) == "2026 to 2027");
}

TEST_CASE("report request: default names are safe file names without pupils' names") {
  Roster roster;
  roster.classes = {{"c1", "4C / Mr Jones"}, {"c2", "Dosbarth \u0174yn"}};
  admin::ReportRequest r;
  r.academicYear = 2026;
  CHECK(admin::defaultFileName(r, roster) == "safequest-governors-school-2026-27.html");
  r.scope = admin::ReportScope::Class;
  r.classId = "c1";
  r.format = admin::ReportFormat::Csv;
  r.names = true;
  CHECK(admin::defaultFileName(r, roster) ==
        "safequest-register-4C-Mr-Jones-2026-27-with-names.csv");
  r.classId = "c2";
  r.format = admin::ReportFormat::Xapi;
  CHECK(admin::defaultFileName(r, roster) == "safequest-xapi-Dosbarth-yn-2026-27.json");
  r.scope = admin::ReportScope::YearGroup;
  r.yearGroup = YearGroup::Reception;
  r.academicYear = 2099;
  CHECK(admin::defaultFileName(r, roster) == "safequest-xapi-reception-2099-00.json");
  CHECK(admin::scopeLabel(r, roster) == "Reception");
}

TEST_CASE("report request: the default folder is Documents when there is one") {
  TempDir home;
  CHECK(admin::defaultFolder(home.str()) == home.str());
  std::filesystem::create_directories(home.path() / "Documents");
  CHECK(admin::defaultFolder(home.str()) == (home.path() / "Documents").string());
}

TEST_CASE("report request: saving replaces the file whole, and a failure says why") {
  TempDir dir;
  const std::string target = (dir.path() / "report.html").string();
  admin::SaveOutcome saved = admin::saveReport(target, "first");
  CHECK(saved.ok);
  CHECK(saved.message == "Saved to " + target);
  saved = admin::saveReport(target, "second");
  REQUIRE(saved.ok);
  CHECK(readAll(target) == "second");
  // Nothing but the report is left in the folder (no temporary files).
  CHECK(std::distance(std::filesystem::directory_iterator(dir.path()),
                      std::filesystem::directory_iterator()) == 1);

  saved = admin::saveReport((dir.path() / "no-such-folder" / "r.html").string(), "x");
  CHECK_FALSE(saved.ok);
  CHECK(saved.message.find("there is no folder") != std::string::npos);
  saved = admin::saveReport(dir.str(), "x");
  CHECK_FALSE(saved.ok);
  CHECK(saved.message.find("is a folder") != std::string::npos);
  CHECK_FALSE(admin::saveReport("", "x").ok);
#ifndef _WIN32
  // A folder no one can write a file in, even root.
  saved = admin::saveReport("/proc/safequest-report.html", "x");
  CHECK_FALSE(saved.ok);
  CHECK(saved.message.rfind("Not saved: ", 0) == 0);
  CHECK(saved.message.find("Choose another folder") != std::string::npos);
#endif
  CHECK(readAll(target) == "second");
}

TEST_CASE("report request: the browser is given a file:// address with spaces escaped") {
  CHECK(admin::fileUrl("/home/me/My reports/r\u00e9sum\u00e9.html") ==
        "file:///home/me/My%20reports/r%C3%A9sum%C3%A9.html");
  CHECK(admin::fileUrl("/tmp/a#b.html") == "file:///tmp/a%23b.html");
}
