// The governors' report's term table: which term an assembly falls in, with the
// school's term dates (terms or half terms, holidays counted with the term before)
// and without them (1 September to 31 August split at 31 December and Easter), and
// the report flagging a term with none, from events in a real records store.
#include "results/event_payload.hpp"
#include "results/register.hpp"
#include "results/report_html.hpp"
#include "results/results_store.hpp"
#include "support/temp_dir.hpp"

#include <doctest/doctest.h>

using namespace sq;

TEST_CASE("assembly: terms by the default split, and by the school's own dates") {
  const std::vector<std::string> none;
  CHECK(termOn("2026-09-01", none) == Term::Autumn);
  CHECK(termOn("2026-12-31", none) == Term::Autumn);
  CHECK(termOn("2027-01-04", none) == Term::Spring);
  CHECK(termOn("2027-03-27", none) == Term::Spring); // Easter Sunday 2027 is 28 March
  CHECK(termOn("2027-03-28", none) == Term::Summer);
  CHECK(termOn("2027-07-20", none) == Term::Summer);
  const std::vector<TermRow> def = termRows(2026, none);
  REQUIRE(def.size() == 3);
  CHECK(def[0].firstDay == "2026-09-01");
  CHECK(def[0].lastDay == "2026-12-31");
  CHECK(def[1].firstDay == "2027-01-01");
  CHECK(def[1].lastDay == "2027-03-27");
  CHECK(def[2].firstDay == "2027-03-28");
  CHECK(def[2].lastDay == "2027-08-31");

  // Six half terms; the summer term starts after the Easter holiday, in April.
  const std::vector<std::string> school = {"2026-09-03/2026-10-23",
                                           "2026-11-02/2026-12-18",
                                           "2027-01-05/2027-02-12",
                                           "2027-02-22/2027-03-26",
                                           "2027-04-12/2027-05-28",
                                           "2027-06-07/2027-07-21",
                                           "nonsense"};
  CHECK(termOn("2026-10-28", school) == Term::Autumn); // half term: the term before
  CHECK(termOn("2027-01-02", school) == Term::Autumn); // Christmas holiday
  CHECK(termOn("2027-04-02", school) == Term::Spring); // Easter holiday, after Easter Sunday
  CHECK(termOn("2027-04-12", school) == Term::Summer);
  const std::vector<TermRow> rows = termRows(2026, school);
  CHECK(rows[0].firstDay == "2026-09-03");
  CHECK(rows[0].lastDay == "2026-12-18");
  CHECK(rows[1].firstDay == "2027-01-05");
  CHECK(rows[1].lastDay == "2027-03-26");
  CHECK(rows[2].firstDay == "2027-04-12");
  CHECK(rows[2].lastDay == "2027-07-21");
  // Last year's dates say nothing about this year.
  CHECK(termOn("2027-10-01", school) == Term::Autumn);
  CHECK(termRows(2027, school)[0].firstDay == "2027-09-01");
}

TEST_CASE("assembly: the report's term table from the records store flags a term with none") {
  const test::TempDir dir;
  std::string error;
  auto store = ResultsStore::open(dir.str(), error);
  REQUIRE_MESSAGE(store != nullptr, error);
  Roster r;
  r.settings.termDates = {"2026-09-03/2026-12-18", "2027-01-05/2027-03-26",
                          "2027-04-12/2027-07-21"};
  REQUIRE(store->saveRoster(r, error));
  PackRef core{"core", "1.0.0", "0123456789abcdef"};
  // Two in the autumn term (one in the half-term week), one in the Easter holiday:
  // the spring term's. None in the summer.
  for (const char* date : {"2026-10-01", "2026-10-28", "2027-04-06"}) {
    REQUIRE_MESSAGE(store
                        ->record(makeAssemblyGiven(core, "termly-smart", date,
                                                   {YearGroup::Y3, YearGroup::Y4}, "Mr Price"),
                                 error)
                        .has_value(),
                    error);
  }
  const Register reg = computeRegister(store->events(), store->loadRoster(), {}, 2026, {});
  REQUIRE(reg.terms.size() == 3);
  CHECK(reg.schoolTermDates);
  CHECK(reg.terms[0].assemblies == 2);
  CHECK(reg.terms[1].assemblies == 1);
  CHECK(reg.terms[2].assemblies == 0);
  const std::string html = reportHtml(reg);
  CHECK(html.find("3 September 2026 to 18 December 2026") != std::string::npos);
  CHECK(html.find("12 April 2027 to 21 July 2027") != std::string::npos);
  const auto flag = html.find("No assembly recorded this term");
  REQUIRE(flag != std::string::npos);
  CHECK(html.find("No assembly recorded this term", flag + 1) == std::string::npos); // one term
  CHECK(html.find("school's own term dates") != std::string::npos);
}
