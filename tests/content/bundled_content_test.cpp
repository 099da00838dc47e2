// Every pack shipped in content/ must load with no errors and no warnings, and the
// core pack's Key Stage 2 units keep their shape: four required lessons a year, and
// in each lesson a story where an unsafe choice plays on to a consequence.
#include "content/pack_catalog.hpp"
#include "runtime/scenario_runner.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <optional>
#include <set>
#include <utility>
#include <variant>
#include <vector>

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

namespace {

// The choices that lead from a scenario's start to node `target`, by index, or
// nothing when no path does.
std::optional<std::vector<std::size_t>> pathTo(const ScenarioActivity& s, std::size_t target) {
  std::vector<std::optional<std::pair<std::size_t, std::size_t>>> from(s.nodes.size());
  std::vector<bool> seen(s.nodes.size(), false);
  std::vector<std::size_t> queue;
  for (std::size_t i = 0; i < s.nodes.size(); ++i) {
    if (s.nodes[i].id == s.start) {
      queue.push_back(i);
      seen[i] = true;
    }
  }
  for (std::size_t q = 0; q < queue.size(); ++q) {
    const std::size_t at = queue[q];
    for (std::size_t c = 0; c < s.nodes[at].choices.size(); ++c) {
      const std::size_t to = s.nodes[at].choices[c].nextIndex;
      if (to != Choice::kNoNode && !seen[to]) {
        seen[to] = true;
        from[to] = std::make_pair(at, c);
        queue.push_back(to);
      }
    }
  }
  if (!seen[target]) {
    return std::nullopt;
  }
  std::vector<std::size_t> path;
  for (std::size_t at = target; from[at]; at = from[at]->first) {
    path.insert(path.begin(), from[at]->second);
  }
  return path;
}

} // namespace

TEST_CASE("core KS2: four required lessons a year, each with a story whose unsafe choice leads "
          "to a consequence and a way to put it right") {
  const LoadResult r = loadPack(std::string(SQ_SOURCE_DIR) + "/content/core");
  REQUIRE(r.valid());
  const Pack& pack = *r.pack;
  for (YearGroup y : {YearGroup::Y3, YearGroup::Y4, YearGroup::Y5, YearGroup::Y6}) {
    INFO(yearGroupId(y));
    const Unit* unit = pack.unitFor(y);
    REQUIRE(unit != nullptr);
    int required = 0;
    for (const UnitLesson& ul : unit->lessons) {
      required += ul.required ? 1 : 0;
      const Lesson* lesson = pack.findLesson(ul.lesson);
      REQUIRE(lesson != nullptr);
      INFO(lesson->id);
      bool branched = false;
      for (const Step& step : lesson->steps) {
        const auto* story = std::get_if<ScenarioActivity>(&step.activity);
        for (std::size_t n = 0; story != nullptr && !branched && n < story->nodes.size(); ++n) {
          for (std::size_t c = 0; c < story->nodes[n].choices.size() && !branched; ++c) {
            const Choice& choice = story->nodes[n].choices[c];
            if (choice.safe || choice.nextIndex == Choice::kNoNode) {
              continue;
            }
            const auto path = pathTo(*story, n);
            REQUIRE(path.has_value());
            // Played as a pupil would: the way there, then the unsafe choice.
            ScenarioRunner runner(*story);
            for (const std::size_t i : *path) {
              REQUIRE(runner.choose(i));
              REQUIRE(runner.proceed());
            }
            REQUIRE(runner.current().id == story->nodes[n].id);
            REQUIRE(runner.choose(c));
            CHECK_FALSE(runner.willTryAgain());
            REQUIRE(runner.proceed());
            // The consequence is a scene of its own, with a safe way to put it right.
            const ScenarioNode& consequence = runner.current();
            CHECK(consequence.id == story->nodes[choice.nextIndex].id);
            CHECK_FALSE(consequence.ending);
            // Putting it right, one safe choice after another, reaches an ending.
            for (int moves = 0; !runner.isFinished() && moves < 20; ++moves) {
              const auto& offered = runner.choices();
              const auto safe = std::find_if(offered.begin(), offered.end(),
                                             [](const Choice& x) { return x.safe; });
              REQUIRE(safe != offered.end());
              REQUIRE(runner.choose(static_cast<std::size_t>(safe - offered.begin())));
              REQUIRE(runner.proceed());
            }
            CHECK(runner.isFinished());
            CHECK(runner.outcome().unsafeChoices >= 1);
            branched = true;
          }
        }
      }
      CHECK(branched);
    }
    CHECK(required >= 4);
  }
}
