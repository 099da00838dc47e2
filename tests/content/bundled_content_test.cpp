// Every pack shipped in content/ must load with no errors and no warnings.
#include "content/pack_catalog.hpp"

#include <doctest/doctest.h>

#include <set>
#include <variant>

using namespace sq;

TEST_CASE("every bundled pack validates cleanly") {
  const Catalog catalog = loadCatalog(std::string(SQ_SOURCE_DIR) + "/content");
  CHECK(catalog.error.empty());
  REQUIRE_FALSE(catalog.packs.empty());
  for (const auto& entry : catalog.packs) {
    std::string report;
    for (const auto& d : entry.result.diagnostics) {
      report += formatDiagnostic(d) + "\n";
    }
    INFO(entry.dir << "\n" << report);
    CHECK(entry.result.errors == 0);
    CHECK(entry.result.warnings == 0);
    CHECK(entry.result.valid());
  }
}

TEST_CASE("the core pack has a unit for every year group and uses every activity kind") {
  const LoadResult r = loadPack(std::string(SQ_SOURCE_DIR) + "/content/core");
  REQUIRE(r.valid());
  const Pack& pack = *r.pack;
  for (YearGroup y : {YearGroup::Reception, YearGroup::Y1, YearGroup::Y2, YearGroup::Y3,
                      YearGroup::Y4, YearGroup::Y5, YearGroup::Y6}) {
    INFO(yearGroupId(y));
    REQUIRE(pack.unitFor(y) != nullptr);
    CHECK_FALSE(pack.unitFor(y)->lessons.empty());
  }
  std::set<std::size_t> kinds;
  std::set<QuizType> quizTypes;
  for (const Lesson& l : pack.lessons) {
    for (const Step& s : l.steps) {
      kinds.insert(s.activity.index());
      if (const auto* q = std::get_if<QuizActivity>(&s.activity)) {
        for (const auto& item : q->items) {
          quizTypes.insert(item.type);
        }
      }
    }
  }
  CHECK(kinds.size() == std::variant_size_v<Activity>);
  CHECK(quizTypes.size() == 5);
  std::set<AupPhase> phases;
  for (const Aup& a : pack.aups) {
    phases.insert(a.phase);
  }
  CHECK(phases.size() == 3);
  CHECK_FALSE(pack.assemblies.empty());
}
