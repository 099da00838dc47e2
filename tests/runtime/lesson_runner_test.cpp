#include "runtime/lesson_runner.hpp"

#include "runtime_fixture.hpp"

#include <doctest/doctest.h>

using namespace sq;

namespace {

// Plays the active step to its end the way a pupil who gets things right would.
void finishStep(LessonRunner& l) {
  if (auto* s = l.runnerAs<SlidesRunner>()) {
    while (!s->isFinished()) {
      s->next();
    }
  } else if (auto* sc = l.runnerAs<ScenarioRunner>()) {
    while (!sc->isFinished()) {
      const auto& cs = sc->choices();
      for (std::size_t i = 0; i < cs.size(); ++i) {
        if (cs[i].safe) {
          sc->choose(i);
          break;
        }
      }
      sc->proceed();
    }
  } else if (auto* q = l.runnerAs<QuizRunner>()) {
    while (!q->isFinished()) {
      const QuizItem& item = q->item();
      for (std::size_t i = 0; i < item.options.size(); ++i) {
        if (item.options[i].correct) {
          q->selectOption(i);
        }
      }
      q->answerTrueFalse(item.answer);
      for (std::size_t c = 0; c < item.cards.size(); ++c) {
        for (std::size_t g = 0; g < item.groups.size(); ++g) {
          if (item.groups[g].id == item.cards[c].group) {
            q->assignCard(c, g);
          }
        }
      }
      for (std::size_t want = 0; item.type == QuizType::Order && want < item.cards.size(); ++want) {
        const auto& a = q->arrangement();
        q->moveCard(static_cast<std::size_t>(std::find(a.begin(), a.end(), want) - a.begin()),
                    want);
      }
      REQUIRE(q->check() == true);
      q->next();
    }
  } else if (auto* b = l.runnerAs<ButterflyRunner>()) {
    b->chooseFeeling(Feeling::Butterflies);
    while (b->phase() == ButterflyRunner::Phase::Steps) {
      b->nextStep();
    }
    b->chooseAdult(TrustedAdult::Teacher);
    b->proceed();
    b->proceed();
  } else if (auto* a = l.runnerAs<AupRunner>()) {
    for (std::size_t i = 0; i < a->aup().promises.size(); ++i) {
      a->tick(i);
    }
    REQUIRE(a->agree());
  }
  REQUIRE(l.stepFinished());
}

} // namespace

TEST_CASE("a lesson runs its steps, then the reflection and the badge") {
  const Pack pack = test::loadRuntimePack();
  LessonRunner l(pack, pack.lessons[0], Band::Lks2, 3);
  CHECK_FALSE(l.advance().has_value()); // the first step is not done yet
  std::vector<std::string> kinds;
  while (l.phase() == LessonRunner::Phase::Step) {
    finishStep(l);
    auto result = l.advance();
    REQUIRE(result);
    kinds.push_back(result->kind);
  }
  CHECK(kinds == std::vector<std::string>{"slides", "scenario", "quiz", "butterfly", "aup"});
  CHECK(l.results()[2].score == 5);
  CHECK(l.results()[1].choices == std::vector<std::string>{"ask-adult", "thanks"});
  CHECK(l.results()[3].choices.empty()); // feelings are never recorded
  CHECK(l.phase() == LessonRunner::Phase::Reflection);
  l.advance();
  CHECK(l.phase() == LessonRunner::Phase::Badge);
  l.advance();
  CHECK(l.isFinished());
}

TEST_CASE("a lesson resumes exactly where it stopped") {
  const Pack pack = test::loadRuntimePack();
  LessonRunner a(pack, pack.lessons[0], Band::Lks2, 3);
  finishStep(a);
  a.advance();
  auto* sc = a.runnerAs<ScenarioRunner>();
  REQUIRE(sc);
  sc->choose(1);
  sc->proceed();
  const std::string snap = a.snapshot();

  LessonRunner b(pack, pack.lessons[0], Band::Lks2, 3);
  CHECK(b.restore(snap) == LessonRunner::Resume::Exact);
  CHECK(b.stepIndex() == 1);
  REQUIRE(b.runnerAs<ScenarioRunner>());
  CHECK(b.runnerAs<ScenarioRunner>()->current().id == "adult");
}

TEST_CASE("an edited pack resumes at the same step if it still exists, else starts again") {
  const Pack pack = test::loadRuntimePack();
  LessonRunner a(pack, pack.lessons[0], Band::Lks2, 3);
  finishStep(a);
  a.advance();
  finishStep(a);
  a.advance(); // now on the quiz
  const std::string snap = a.snapshot();

  // A teacher inserts a step before the quiz: the content hash changes.
  auto edited = test::runtimeLesson();
  edited["steps"].insert(edited["steps"].begin(),
                         nlohmann::json::parse(R"({"id": "new-intro", "kind": "slides",
                                                   "slides": [{"id": "n", "text": "New"}]})"));
  const Pack changed = test::loadRuntimePack(edited);
  REQUIRE(changed.contentHash != pack.contentHash);
  LessonRunner b(changed, changed.lessons[0], Band::Lks2, 3);
  CHECK(b.restore(snap) == LessonRunner::Resume::SameStep);
  CHECK(b.step()->id == "check");
  CHECK(b.stepIndex() == 3);

  // The quiz is removed: the lesson starts again.
  auto removed = test::runtimeLesson();
  removed["steps"].erase(2);
  const Pack without = test::loadRuntimePack(removed);
  LessonRunner c(without, without.lessons[0], Band::Lks2, 3);
  CHECK(c.restore(snap) == LessonRunner::Resume::Restarted);
  CHECK(c.stepIndex() == 0);

  LessonRunner d(pack, pack.lessons[0], Band::Lks2, 3);
  CHECK(d.restore("{\"v\":1,\"lesson\":\"other\",\"phase\":0}") == LessonRunner::Resume::Invalid);
  CHECK(d.restore("garbage") == LessonRunner::Resume::Invalid);
}

TEST_CASE("butterfly practice hides KS2-only steps from younger pupils and records no feeling") {
  const Pack pack = test::loadRuntimePack();
  const auto& bf = std::get<ButterflyActivity>(pack.lessons[0].steps[3].activity);
  ButterflyRunner ks1(bf, Band::Ks1);
  ButterflyRunner ks2(bf, Band::Uks2);
  CHECK(ks1.steps().size() == 2);
  CHECK(ks2.steps().size() == 3);
  CHECK_FALSE(ks1.chooseFeeling(Feeling::Scared)); // not offered
  REQUIRE(ks1.chooseFeeling(Feeling::Sad));
  const std::string snap = ks1.snapshot();
  CHECK(snap.find("sad") == std::string::npos);
  CHECK(snap.find("feeling") == std::string::npos);
  CHECK_FALSE(ks1.chooseAdult(TrustedAdult::Teacher)); // steps first
  ks1.nextStep();
  ks1.nextStep();
  CHECK_FALSE(ks1.chooseAdult(TrustedAdult::Other)); // not offered
  REQUIRE(ks1.chooseAdult(TrustedAdult::Parent));
  CHECK(ks1.phase() == ButterflyRunner::Phase::SayIt);
  ks1.proceed();
  CHECK(ks1.phase() == ButterflyRunner::Phase::Praise);
  ks1.proceed();
  CHECK(ks1.isFinished());
}

TEST_CASE(
    "the AUP is signed only when every promise is ticked; a teacher signs only for Reception") {
  const Pack pack = test::loadRuntimePack();
  AupRunner a(pack.aups[0]);
  CHECK_FALSE(a.agree());
  a.tick(0);
  CHECK_FALSE(a.agree());
  a.tick(1);
  CHECK_FALSE(a.agree(true)); // a KS2 AUP: the pupil signs for themselves
  CHECK(a.agree());
  CHECK(a.isFinished());
  AupRunner b(pack.aups[0]);
  REQUIRE(b.restore(a.snapshot()));
  CHECK(b.isFinished());
  Aup newer = pack.aups[0];
  newer.version = "2027.1";
  AupRunner c(newer);
  CHECK_FALSE(c.restore(a.snapshot())); // a new version must be read again
}

TEST_CASE("the bundled core lessons all play through to the end") {
  const LoadResult r = loadPack(std::string(SQ_SOURCE_DIR) + "/content/core");
  REQUIRE(r.valid());
  for (const Lesson& lesson : r.pack->lessons) {
    INFO(lesson.id);
    LessonRunner l(*r.pack, lesson, Band::Uks2, 11);
    while (l.phase() == LessonRunner::Phase::Step) {
      finishStep(l);
      REQUIRE(l.advance());
    }
    l.advance();
    l.advance();
    CHECK(l.isFinished());
  }
}

TEST_CASE("a lesson can start at any step, and a scenario step at any node") {
  const Pack pack = test::loadRuntimePack();

  LessonRunner quiz(pack, pack.lessons[0], Band::Lks2, 3);
  REQUIRE(quiz.startAt("check"));
  CHECK(quiz.stepIndex() == 2);
  REQUIRE(quiz.runnerAs<QuizRunner>());
  CHECK(quiz.runnerAs<QuizRunner>()->item().id == "q-single");
  // The steps after it follow as usual, and only what was played counts.
  finishStep(quiz);
  REQUIRE(quiz.advance());
  CHECK(quiz.step()->id == "practice");
  CHECK(quiz.results().size() == 1);

  LessonRunner story(pack, pack.lessons[0], Band::Lks2, 3);
  REQUIRE(story.startAt("story", "adult"));
  auto* sc = story.runnerAs<ScenarioRunner>();
  REQUIRE(sc);
  CHECK(sc->current().id == "adult");
  CHECK(sc->outcome().choices.empty());
  REQUIRE(sc->choose(0));
  REQUIRE(sc->proceed());
  CHECK(sc->isFinished());
  REQUIRE(story.advance());
  CHECK(story.results().back().choices == std::vector<std::string>{"thanks"});

  // Starting again mid-lesson forgets what was played before.
  REQUIRE(story.startAt("intro"));
  CHECK(story.results().empty());
  CHECK(story.runnerAs<SlidesRunner>() != nullptr);
}

TEST_CASE("starting at a step or node that is not there changes nothing") {
  const Pack pack = test::loadRuntimePack();
  LessonRunner l(pack, pack.lessons[0], Band::Lks2, 3);
  REQUIRE(l.startAt("story"));
  auto* sc = l.runnerAs<ScenarioRunner>();
  REQUIRE(sc);
  sc->choose(1);
  const std::string before = l.snapshot();
  CHECK_FALSE(l.startAt("no-such-step"));
  CHECK_FALSE(l.startAt("story", "no-such-node"));
  CHECK_FALSE(l.startAt("check", "ask")); // a quiz has no nodes
  CHECK_FALSE(l.startAt(""));
  CHECK(l.snapshot() == before);
  // The scenario runner alone refuses an unknown node the same way.
  REQUIRE(l.runnerAs<ScenarioRunner>());
  CHECK_FALSE(l.runnerAs<ScenarioRunner>()->startAt("nowhere"));
  CHECK(l.runnerAs<ScenarioRunner>()->current().id == "ask");
  CHECK(l.runnerAs<ScenarioRunner>()->phase() == ScenarioRunner::Phase::Feedback);
}
