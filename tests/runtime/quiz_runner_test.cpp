#include "runtime/quiz_runner.hpp"

#include "runtime_fixture.hpp"

#include <doctest/doctest.h>

#include <algorithm>

using namespace sq;

namespace {
const QuizActivity& quiz(const Pack& p) {
  return std::get<QuizActivity>(p.lessons.at(0).steps.at(2).activity);
}

// Puts the order item's cards into the right order by moves, as a pupil would.
void solveOrder(QuizRunner& r) {
  for (std::size_t want = 0; want < r.arrangement().size(); ++want) {
    const auto& a = r.arrangement();
    const auto at = static_cast<std::size_t>(std::find(a.begin(), a.end(), want) - a.begin());
    REQUIRE(r.moveCard(at, want));
  }
}
} // namespace

TEST_CASE("every question type: right answers score, wrong ones can be tried again") {
  const Pack pack = test::loadRuntimePack();
  QuizRunner r(quiz(pack), 7);
  // single: wrong, try again, right (no point: not first time)
  CHECK_FALSE(r.canCheck());
  REQUIRE(r.selectOption(1));
  CHECK(r.check() == false);
  CHECK(r.item().feedbackIncorrect.get() == "Not quite.");
  REQUIRE(r.retry());
  REQUIRE(r.selectOption(0));
  CHECK(r.check() == true);
  CHECK_FALSE(r.retry());
  REQUIRE(r.next());
  // multiple: toggles
  r.selectOption(0);
  r.selectOption(2);
  r.selectOption(2);
  r.selectOption(1);
  CHECK(r.check() == true);
  r.next();
  // true/false
  CHECK_FALSE(r.selectOption(0));
  r.answerTrueFalse(false);
  CHECK(r.check() == true);
  r.next();
  // sort: every card must be placed before checking
  r.assignCard(0, 0);
  r.assignCard(1, 1);
  CHECK_FALSE(r.canCheck());
  r.assignCard(2, 1);
  CHECK(r.check() == true);
  r.next();
  // order: starts shuffled, never already solved
  CHECK_FALSE(std::is_sorted(r.arrangement().begin(), r.arrangement().end()));
  solveOrder(r);
  CHECK(r.check() == true);
  r.next();
  CHECK(r.isFinished());
  CHECK(r.score() == 4);
  CHECK(r.maxScore() == 5);
  REQUIRE(r.answers().size() == 6);
  CHECK(r.answers()[0] == "q-single:b");
  CHECK(r.answers()[4] == "q-sort:c1=ok,c2=no,c3=no");
  CHECK(r.answers()[5] == "q-order:stop,tell,keep");
  // Which items were right first time: all but the single-choice one.
  CHECK(r.rightFirstTime(0) == false);
  for (std::size_t i = 1; i < 5; ++i) {
    CHECK(r.rightFirstTime(i) == true);
  }
}

TEST_CASE("a resumed quiz knows which items were right first time, not only how many") {
  const Pack pack = test::loadRuntimePack();
  QuizRunner a(quiz(pack), 1);
  CHECK_FALSE(a.rightFirstTime(0).has_value());
  a.selectOption(1); // wrong first
  a.check();
  a.retry();
  a.selectOption(0);
  a.check();
  a.next();
  a.selectOption(0); // multiple: right first time
  a.selectOption(1);
  a.check();
  a.next();
  QuizRunner b(quiz(pack), 1);
  REQUIRE(b.restore(a.snapshot()));
  CHECK(b.score() == 1);
  CHECK(b.rightFirstTime(0) == false);
  CHECK(b.rightFirstTime(1) == true);
  CHECK_FALSE(b.rightFirstTime(2).has_value());
  // A snapshot from before this was kept: the score goes to the first items.
  QuizRunner c(quiz(pack), 1);
  REQUIRE(c.restore(R"({"v":1,"item":2,"score":1,"itemId":")" + quiz(pack).items[2].id + "\"}"));
  CHECK(c.rightFirstTime(0) == true);
  CHECK(c.rightFirstTime(1) == false);
}

TEST_CASE("the shuffle is the same for the same seed") {
  const Pack pack = test::loadRuntimePack();
  QuizRunner a(quiz(pack), 99);
  QuizRunner b(quiz(pack), 99);
  for (QuizRunner* r : {&a, &b}) {
    for (int i = 0; i < 4; ++i) {
      while (!r->canCheck()) {
        r->selectOption(0);
        r->answerTrueFalse(true);
        for (std::size_t c = 0; c < r->placements().size(); ++c) {
          r->assignCard(c, 0);
        }
      }
      r->check();
      r->next();
    }
  }
  CHECK(a.arrangement() == b.arrangement());
}

TEST_CASE("a quiz resumes at the same item with its score") {
  const Pack pack = test::loadRuntimePack();
  QuizRunner a(quiz(pack), 1);
  a.selectOption(0);
  a.check();
  a.next();
  const std::string snap = a.snapshot();
  QuizRunner b(quiz(pack), 1);
  REQUIRE(b.restore(snap));
  CHECK(b.itemIndex() == 1);
  CHECK(b.score() == 1);
  CHECK(b.phase() == QuizRunner::Phase::Answering);
  CHECK_FALSE(b.restore(R"({"v":1,"item":1,"score":1,"itemId":"renamed"})"));
  CHECK_FALSE(b.restore(R"({"v":1,"item":99,"score":1})"));
  CHECK_FALSE(b.restore("not json"));
}
