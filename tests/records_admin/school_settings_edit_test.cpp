// The school settings form: the usual terms, dates read as teachers type them, every
// plain-words refusal (order, inside the school year, overlaps, staff names), and a
// save that writes only these fields, keeps other years' dates and changes nothing
// when refused. What the register then reads back agrees with the form.
#include "records_admin/school_settings_edit.hpp"

#include "results/register.hpp"
#include "results/uuid.hpp"
#include "support/fault_vfs.hpp"
#include "support/temp_dir.hpp"
#include "support/test_teacher.hpp"

#include <doctest/doctest.h>

#include <algorithm>

using namespace sq;
using sq::test::TempDir;

namespace {

std::unique_ptr<ResultsStore> openStore(const TempDir& dir) {
  std::string error;
  auto store = ResultsStore::open(dir.str(), error, sq::test::trustingTestTeacher());
  INFO(error);
  REQUIRE(store != nullptr);
  return store;
}

bool says(const std::vector<admin::SchoolProblem>& found, const std::string& field,
          const std::string& words) {
  return std::any_of(found.begin(), found.end(), [&](const admin::SchoolProblem& p) {
    return p.field == field && p.message.find(words) != std::string::npos;
  });
}

admin::SchoolEdit goodEdit() {
  admin::SchoolEdit e = admin::schoolEditFrom(Roster{}, 2026);
  e.schoolName = "Llanfair Primary";
  e.staff = {{newUuid(), "Mrs Jones"}, {newUuid(), "Mr Ali"}};
  e.safeguardingLead = "Mrs Jones";
  e.incidentSteps = {"Stop and cover the screen", "", "Tell Mrs Jones"};
  e.terms[0].firstDay = "3/9/2026";
  e.terms[0].lastDay = "18/12/2026";
  e.terms[1].firstDay = "2027-01-05";
  e.terms[1].lastDay = "26/03/2027";
  e.terms[2].firstDay = "12/4/2027";
  e.terms[2].lastDay = "21/7/2027";
  return e;
}

} // namespace

TEST_CASE("school settings: the usual terms run from 1 September to 31 August") {
  const admin::SchoolEdit e = admin::schoolEditFrom(Roster{}, 2026);
  CHECK_FALSE(e.termsSaved);
  CHECK(e.terms[0].firstDay == "1/9/2026");
  CHECK(e.terms[0].lastDay == "31/12/2026");
  CHECK(e.terms[1].firstDay == "1/1/2027");
  // Easter Sunday 2027 is 28 March: spring ends the day before; the summer term
  // starts in April, as the register reads a range starting in March as spring's.
  CHECK(e.terms[1].lastDay == "27/3/2027");
  CHECK(e.terms[2].firstDay == "1/4/2027");
  CHECK(e.terms[2].lastDay == "31/8/2027");
  CHECK(admin::problems(e).empty());
  // A later Easter: the summer term starts on Easter Sunday, as the register's default.
  CHECK(admin::usualTerms(2027)[2].firstDay == "16/4/2028");
}

TEST_CASE("school settings: days are read as teachers type them, and only real days") {
  CHECK(admin::readDay("3/9/2026") == "2026-09-03");
  CHECK(admin::readDay(" 03/09/2026 ") == "2026-09-03");
  CHECK(admin::readDay("3.9.2026") == "2026-09-03");
  CHECK(admin::readDay("2026-09-03") == "2026-09-03");
  CHECK_FALSE(admin::readDay("31/2/2027"));
  CHECK_FALSE(admin::readDay("29/2/2027"));
  CHECK(admin::readDay("29/2/2028") == "2028-02-29");
  CHECK_FALSE(admin::readDay("2026-13-01"));
  CHECK_FALSE(admin::readDay("3/9/26"));
  CHECK_FALSE(admin::readDay("next Monday"));
  CHECK_FALSE(admin::readDay(""));
  CHECK_FALSE(admin::readDay("3//2026"));
  CHECK_FALSE(admin::readDay("123/9/2026"));
}

TEST_CASE("school settings: term dates must be in order, inside the year, not overlapping") {
  admin::SchoolEdit e = goodEdit();
  CHECK(admin::problems(e).empty());

  SUBCASE("not a date") {
    e.terms[0].firstDay = "3rd Sept";
    CHECK(says(admin::problems(e), "term-first:autumn",
               "Autumn term: \"3rd Sept\" is not a date. Write the first day as day/month/year, "
               "such as 3/9/2026."));
  }
  SUBCASE("ends before it starts") {
    e.terms[0].lastDay = "1/9/2026";
    CHECK(says(admin::problems(e), "term-last:autumn",
               "Autumn term ends on 1 September 2026, before it starts on 3 September 2026."));
  }
  SUBCASE("outside the school year") {
    e.terms[0].firstDay = "28/8/2026";
    e.terms[2].lastDay = "2/9/2027";
    const auto found = admin::problems(e);
    CHECK(says(found, "term-first:autumn",
               "Autumn term starts on 28 August 2026, outside the school year 2026 to 2027 (1 "
               "September 2026 to 31 August 2027)."));
    CHECK(says(found, "term-last:summer", "Summer term ends on 2 September 2027, outside"));
  }
  SUBCASE("overlapping") {
    e.terms[1].firstDay = "15/12/2026";
    const auto found = admin::problems(e);
    CHECK(says(found, "term-first:spring",
               "Spring term starts on 15 December 2026, before the autumn term ends on 18 "
               "December 2026: terms must not overlap."));
  }
  SUBCASE("out of order: a term in another term's months") {
    e.terms[2].firstDay = "20/3/2027";
    CHECK(says(admin::problems(e), "term-first:summer",
               "Summer term must start between April and July (it starts on 20 March 2027)."));
  }
}

TEST_CASE("school settings: staff need a name each, and no two the same") {
  admin::SchoolEdit e = goodEdit();
  e.staff.push_back({newUuid(), "  "});
  e.staff.push_back({newUuid(), "mrs  JONES"});
  const auto found = admin::problems(e);
  CHECK(says(found, "staff:3", "Member of staff 3 has no name: type one, or remove the line."));
  CHECK(says(found, "staff:4", "\"mrs  JONES\" is on the staff list twice"));
  e.staff[0].name = std::string(admin::kMaxSchoolText + 1, 'a');
  CHECK(says(admin::problems(e), "staff:1", "is too long"));
  e = goodEdit();
  e.schoolName = "Two\nlines";
  CHECK(says(admin::problems(e), "school-name", "has a line break or tab in it"));
}

TEST_CASE("school settings: saving writes these fields only, and the register reads the terms") {
  TempDir dir;
  auto store = openStore(dir);
  Roster r;
  r.classes.push_back({newUuid(), "3B"});
  r.pupils.push_back({newUuid(), "Amy", "Z", r.classes[0].id, YearGroup::Y3, "", ""});
  r.settings.retentionYears = 4;
  r.settings.termDates = {"2025-09-02/2025-12-19", "2026-09-01/2026-10-23",
                          "2026-11-02/2026-12-18"};
  std::string error;
  REQUIRE(store->saveRoster(r, error));

  // Half terms saved before show as one term, from its first day to its last.
  const admin::SchoolEdit before = admin::schoolEditFrom(store->loadRoster(), 2026);
  CHECK(before.termsSaved);
  CHECK(before.terms[0].firstDay == "1/9/2026");
  CHECK(before.terms[0].lastDay == "18/12/2026");
  CHECK(before.terms[1].firstDay == "1/1/2027"); // not saved: the usual one

  admin::SchoolEdit e = goodEdit();
  e.staff = before.staff;
  e.staff.push_back({newUuid(), " Mrs Jones "});
  REQUIRE(admin::saveSchoolEdit(*store, e, error));
  const Roster after = store->loadRoster();
  CHECK(after.settings.schoolName == "Llanfair Primary");
  REQUIRE(after.staff.size() == 1);
  CHECK(after.staff[0].name == "Mrs Jones");
  CHECK(after.settings.safeguardingLead == "Mrs Jones");
  CHECK(after.settings.incidentSteps ==
        std::vector<std::string>{"Stop and cover the screen", "Tell Mrs Jones"});
  CHECK(after.settings.termDates ==
        std::vector<std::string>{"2025-09-02/2025-12-19", "2026-09-03/2026-12-18",
                                 "2027-01-05/2027-03-26", "2027-04-12/2027-07-21"});
  CHECK(after.settings.retentionYears == 4); // untouched
  CHECK(after.pupils.size() == 1);
  CHECK(admin::savedSummary(e) == "Saved: the school's name, 1 member of staff, the "
                                  "safeguarding lead, 2 incident steps and the term dates for "
                                  "2026 to 2027.");

  // The register's terms are the form's.
  const auto rows = termRows(2026, after.settings.termDates);
  CHECK(rows[1].firstDay == "2027-01-05");
  CHECK(rows[2].lastDay == "2027-07-21");
  CHECK(termOn("2027-03-30", after.settings.termDates) == Term::Spring); // the Easter holiday
  CHECK(termOn("2027-04-12", after.settings.termDates) == Term::Summer);

  // Opened again, the form shows what was saved.
  const admin::SchoolEdit again = admin::schoolEditFrom(after, 2026);
  CHECK(again.terms[1].firstDay == "5/1/2027");
  CHECK(again.terms[2].lastDay == "21/7/2027");

  // A refused form changes nothing.
  admin::SchoolEdit bad = again;
  bad.schoolName = "Another name";
  bad.terms[1].lastDay = "31/2/2027";
  CHECK_FALSE(admin::saveSchoolEdit(*store, bad, error));
  CHECK(error.find("is not a date") != std::string::npos);
  CHECK(store->loadRoster().settings.schoolName == "Llanfair Primary");
}

TEST_CASE("school settings: a full disk saves nothing, says so, and keeps the old settings") {
  struct FaultsOff {
    ~FaultsOff() { sq::test::setFaultPlan({}); }
  } faultsOff;
  TempDir dir;
  StoreOptions o = sq::test::trustingTestTeacher();
  o.vfs = sq::test::registerFaultVfs();
  std::string error;
  auto store = ResultsStore::open(dir.str(), error, o);
  REQUIRE(store);
  REQUIRE(admin::saveSchoolEdit(*store, goodEdit(), error));
  const Roster before = store->loadRoster();

  admin::SchoolEdit e = goodEdit();
  e.safeguardingLead = "Mr Ali";
  e.incidentSteps = {"Tell Mr Ali"};
  for (const int writes : {0, 1, 3}) {
    for (const bool torn : {false, true}) {
      CAPTURE(writes);
      CAPTURE(torn);
      error.clear();
      sq::test::setFaultPlan({writes, torn, false, false});
      CHECK_FALSE(admin::saveSchoolEdit(*store, e, error));
      sq::test::setFaultPlan({});
      CHECK(error.rfind("the settings saved before are unchanged, and your changes are still in "
                        "the form",
                        0) == 0);
      // A torn write is an I/O error, said as the store says it; a full disk in words.
      CHECK((torn || error.find("the disk is full: free some space") != std::string::npos));
      const Roster now = store->loadRoster();
      CHECK(now.settings.safeguardingLead == "Mrs Jones");
      CHECK(now.settings.incidentSteps == before.settings.incidentSteps);
      CHECK(now.settings.termDates == before.settings.termDates);
      CHECK(now.staff.size() == before.staff.size());
    }
  }
  store.reset();
  store = ResultsStore::open(dir.str(), error, o);
  REQUIRE(store);
  CHECK(store->loadRoster().settings.safeguardingLead == "Mrs Jones");
  REQUIRE(admin::saveSchoolEdit(*store, e, error)); // room again: saved as typed
  CHECK(store->loadRoster().settings.safeguardingLead == "Mr Ali");
}
