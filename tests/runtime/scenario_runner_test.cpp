#include "runtime/scenario_runner.hpp"

#include "runtime_fixture.hpp"

#include <doctest/doctest.h>

#include <functional>
#include <set>

using namespace sq;

namespace {
const ScenarioActivity& story(const Pack& p) {
  return std::get<ScenarioActivity>(p.lessons.at(0).steps.at(1).activity);
}
} // namespace

TEST_CASE("an unsafe choice shows its consequence, then the pupil chooses again") {
  const Pack pack = test::loadRuntimePack();
  ScenarioRunner r(story(pack));
  CHECK(r.current().id == "ask");
  REQUIRE(r.choose(0));
  CHECK(r.phase() == ScenarioRunner::Phase::Feedback);
  CHECK(r.lastChoice()->feedback.get() == "That is private.");
  CHECK(r.willTryAgain());
  CHECK_FALSE(r.choose(1)); // no choosing while feedback shows
  REQUIRE(r.proceed());
  CHECK(r.current().id == "ask");
  CHECK(r.phase() == ScenarioRunner::Phase::Choosing);
  REQUIRE(r.choose(1));
  CHECK_FALSE(r.willTryAgain());
  REQUIRE(r.proceed());
  CHECK(r.current().id == "adult");
  REQUIRE(r.choose(0));
  REQUIRE(r.proceed());
  CHECK(r.isFinished());
  CHECK(r.outcome().ending == "done");
  CHECK(r.outcome().choices == std::vector<std::string>{"share", "ask-adult", "thanks"});
  CHECK(r.outcome().unsafeChoices == 1);
  CHECK_FALSE(r.choose(0));
  CHECK_FALSE(r.proceed());
}

TEST_CASE("every choice path reaches an ending") {
  const Pack pack = test::loadRuntimePack();
  // Depth-first over choice sequences, replaying from the start each time.
  std::set<std::vector<std::size_t>> finished;
  std::function<void(std::vector<std::size_t>)> explore = [&](std::vector<std::size_t> path) {
    ScenarioRunner r(story(pack));
    for (auto c : path) {
      REQUIRE(r.choose(c));
      REQUIRE(r.proceed());
    }
    if (r.isFinished()) {
      finished.insert(path);
      return;
    }
    REQUIRE(path.size() < 10);
    for (std::size_t c = 0; c < r.choices().size(); ++c) {
      if (r.choices()[c].safe) { // unsafe choices loop back; they are covered above
        auto next = path;
        next.push_back(c);
        explore(next);
      }
    }
  };
  explore({});
  CHECK(finished.size() == 2); // ask-adult -> thanks, and ignore
}

TEST_CASE("a snapshot resumes at the same node and feedback") {
  const Pack pack = test::loadRuntimePack();
  ScenarioRunner a(story(pack));
  a.choose(0);
  a.proceed();
  a.choose(1);
  const std::string snap = a.snapshot();
  ScenarioRunner b(story(pack));
  REQUIRE(b.restore(snap));
  CHECK(b.current().id == "ask");
  CHECK(b.phase() == ScenarioRunner::Phase::Feedback);
  CHECK(b.lastChoice()->id == "ask-adult");
  CHECK(b.outcome().choices == a.outcome().choices);
  b.proceed();
  CHECK(b.current().id == "adult");
}

TEST_CASE("a snapshot that does not fit leaves the runner at the start") {
  const Pack pack = test::loadRuntimePack();
  ScenarioRunner r(story(pack));
  r.choose(1);
  r.proceed();
  for (const char* bad : {"", "{}", "[1]", R"({"v":1,"node":"gone"})", R"({"v":2,"node":"ask"})",
                          R"({"v":1,"node":5})"}) {
    CHECK_FALSE(r.restore(bad));
    CHECK(r.current().id == "ask");
    CHECK(r.outcome().choices.empty());
  }
}
