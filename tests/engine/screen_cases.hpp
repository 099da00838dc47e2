// Every screen the game has, in the states worth looking at, built with fixture
// data: the accessibility tests check each one's widgets, and the golden-image
// tests draw each one at 1280x720 and 3840x2160.
// Sections:
//   1. builders: signing in, a play for each kind of step
//   2. the cases: every screen in each state worth looking at
//   3. hosts: the fake host a case is drawn with
#pragma once

#include "lesson_fixtures.hpp"
#include "screens/butterfly_screen.hpp"
#include "screens/fetching_screen.hpp"
#include "screens/home_screen.hpp"
#include "screens/lesson/aup_screen.hpp"
#include "screens/lesson/badge_screen.hpp"
#include "screens/lesson/butterfly_practice_screen.hpp"
#include "screens/lesson/lesson_screen.hpp"
#include "screens/lesson/quiz_screen.hpp"
#include "screens/lesson/scenario_screen.hpp"
#include "screens/lesson/slides_screen.hpp"
#include "screens/pupil_settings_screen.hpp"
#include "screens/sign_in_screen.hpp"
#include "screens/teacher/aup_records_screen.hpp"
#include "screens/teacher/butterfly_teacher_screen.hpp"
#include "screens/teacher/class_lesson_screen.hpp"
#include "screens/teacher/packs_page.hpp"
#include "screens/teacher/picture_password_screen.hpp"
#include "screens/teacher/teacher_pin_screen.hpp"
#include "screens/teacher/teacher_settings_screen.hpp"
#include "ui_fixtures.hpp"

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace sq::test {

// ---- builders -----------------------------------------------------------------------

struct ScreenCase {
  std::string name; // also the golden image's name
  std::function<void(FakeHost&)> setup;
  std::function<std::unique_ptr<Screen>(FakeHost&)> make;
  bool highContrast = false;
  float textScale = 1.0f;
};

inline void signInSian(FakeHost& h) {
  h.signIn(*h.rosterData.findPupil(kSian));
  // The first lesson done, the second started, this academic year.
  h.events.push_back(
      lessonEvent(EventKind::LessonCompleted, kSian, "y3-smart-explorers", "2026-10-02T10:00:00Z"));
  h.events.push_back(lessonEvent(EventKind::LessonProgress, kSian, "y3-passwords-and-promises",
                                 "2026-11-10T10:00:00Z"));
}

// Slides and scenario cases: a core lesson played at `band`, moved on to its
// first step of `kind` (only slides come before one), then `moves` more: a slide
// read, or a scenario choice by index (its feedback is left showing, except
// that -1 presses on after it).
inline std::shared_ptr<LessonPlay> slidesScenarioPlay(FakeHost& h, const std::string& lessonId,
                                                      Band band, std::string_view kind,
                                                      const std::vector<int>& moves = {}) {
  for (const CatalogEntry& e : h.catalogData->packs) {
    if (!e.result.valid() || e.result.pack->id != "core") {
      continue;
    }
    const Lesson* lesson = e.result.pack->findLesson(lessonId);
    REQUIRE(lesson != nullptr);
    auto play = std::make_shared<LessonPlay>(*e.result.pack, e.dir, *lesson, band, playerOf(h),
                                             h.recorder(), 1u);
    while (play->runner.phase() == LessonRunner::Phase::Step &&
           activityKindId(play->runner.step()->activity) != kind) {
      SlidesRunner* slides = play->runner.runnerAs<SlidesRunner>();
      REQUIRE(slides != nullptr);
      while (!slides->isFinished()) {
        slides->next();
      }
      play->runner.advance();
    }
    for (const int m : moves) {
      if (SlidesRunner* slides = play->runner.runnerAs<SlidesRunner>()) {
        slides->next();
      } else if (ScenarioRunner* story = play->runner.runnerAs<ScenarioRunner>()) {
        const bool moved = m < 0 ? story->proceed() : story->choose(static_cast<std::size_t>(m));
        REQUIRE(moved);
      }
    }
    return play;
  }
  FAIL("the core pack is not loaded");
  return nullptr;
}

// Quiz cases: a core lesson played at `band`, its steps before the quiz done,
// and the quiz's items answered rightly up to the first of `type`; then `then`
// (answers, a check) on the runner.
inline std::shared_ptr<LessonPlay> quizCasePlay(FakeHost& h, const std::string& lessonId, Band band,
                                                QuizType type,
                                                const std::function<void(QuizRunner&)>& then = {}) {
  for (const CatalogEntry& e : h.catalogData->packs) {
    if (!e.result.valid() || e.result.pack->id != "core") {
      continue;
    }
    const Lesson* lesson = e.result.pack->findLesson(lessonId);
    REQUIRE(lesson != nullptr);
    auto play = std::make_shared<LessonPlay>(*e.result.pack, e.dir, *lesson, band, playerOf(h),
                                             h.recorder(), 1u);
    while (play->runner.phase() == LessonRunner::Phase::Step &&
           play->runner.runnerAs<QuizRunner>() == nullptr) {
      completeStep(play->runner);
      play->runner.advance();
    }
    QuizRunner* q = play->runner.runnerAs<QuizRunner>();
    REQUIRE(q != nullptr);
    while (!q->isFinished() && q->item().type != type) {
      REQUIRE(answerRightly(*q));
      q->next();
    }
    // The lesson must have such a question, or the case would show something else.
    REQUIRE_FALSE(q->isFinished());
    if (then) {
      then(*q);
    }
    return play;
  }
  FAIL("the core pack is not loaded");
  return nullptr;
}

// The index of the quiz's current item's option `id`, or of its first right
// option: looked up in the content, whose order is no guide to the right answer.
inline std::size_t optionIndex(const QuizRunner& q, const std::string& id) {
  const std::vector<QuizOption>& o = q.item().options;
  const auto it = std::find_if(o.begin(), o.end(), [&](const QuizOption& x) { return x.id == id; });
  REQUIRE_MESSAGE(it != o.end(), "no option " << id);
  return static_cast<std::size_t>(it - o.begin());
}
inline std::size_t rightOption(const QuizRunner& q) {
  const std::vector<QuizOption>& o = q.item().options;
  const auto it = std::find_if(o.begin(), o.end(), [](const QuizOption& x) { return x.correct; });
  REQUIRE(it != o.end());
  return static_cast<std::size_t>(it - o.begin());
}

// Butterfly practice and AUP cases: a core lesson played at `band`, its runner
// moved straight to the step `stepId` (as a resumed lesson would be).
inline std::shared_ptr<LessonPlay> butterflyAupPlay(FakeHost& h, const std::string& lessonId,
                                                    Band band, const std::string& stepId) {
  for (const CatalogEntry& e : h.catalogData->packs) {
    if (!e.result.valid() || e.result.pack->id != "core") {
      continue;
    }
    const Lesson* lesson = e.result.pack->findLesson(lessonId);
    REQUIRE(lesson != nullptr);
    auto play = std::make_shared<LessonPlay>(*e.result.pack, e.dir, *lesson, band, playerOf(h),
                                             h.recorder(), 1u);
    const std::string snap = R"({"v":1,"lesson":")" + lessonId + R"(","contentHash":")" +
                             e.result.pack->contentHash + R"(","phase":0,"step":")" + stepId +
                             R"("})";
    REQUIRE(play->runner.restore(snap) == LessonRunner::Resume::Exact);
    return play;
  }
  FAIL("the core pack is not loaded");
  return nullptr;
}

// The AUP step with every promise ticked: the signing page.
inline std::unique_ptr<AupScreen> aupSignScreen(FakeHost& h, const std::string& lessonId,
                                                Band band) {
  auto play = butterflyAupPlay(h, lessonId, band, "sign");
  AupRunner* r = play->runner.runnerAs<AupRunner>();
  REQUIRE(r != nullptr);
  for (std::size_t i = 0; i < r->aup().promises.size(); ++i) {
    r->tick(i);
  }
  return std::make_unique<AupScreen>(play, h);
}

// ---- the cases ----------------------------------------------------------------------

inline std::vector<ScreenCase> screenCases() {
  const auto none = [](FakeHost&) {};
  const std::string class3B = "c0000000-0000-4000-8000-000000000001";
  std::vector<ScreenCase> c;
  c.push_back({"sign-in", none, [](FakeHost& h) { return makeSignInScreen(h); }});
  c.push_back({"sign-in-names", [](FakeHost& h) { h.avatars[kSian] = "owl"; },
               [class3B](FakeHost& h) {
                 auto s = std::make_unique<SignInScreen>(SignInModel::fromHost(h));
                 s->showNames(class3B);
                 return std::unique_ptr<Screen>(std::move(s));
               }});
  c.push_back({"sign-in-pictures",
               [class3B](FakeHost& h) {
                 h.pictures[class3B] = {1, 3, 5};
               },
               [class3B](FakeHost& h) {
                 auto s = std::make_unique<SignInScreen>(SignInModel::fromHost(h));
                 s->showPictures(class3B, kSian);
                 return std::unique_ptr<Screen>(std::move(s));
               }});
  c.push_back({"sign-in-no-class-list", [](FakeHost& h) { h.rosterData = Roster{}; },
               [](FakeHost& h) { return makeSignInScreen(h); }});
  // Signed in, with 12 of 30 PCs' work brought in from the school folder.
  const auto fetched = [](FakeHost& h) {
    auto progress = std::make_shared<FetchProgress>();
    progress->done = 12;
    progress->total = 30;
    return makeFetchingScreen(h, progress);
  };
  c.push_back({"fetching", signInSian, fetched});
  c.push_back({"home", signInSian, [](FakeHost& h) { return makeHomeScreen(h); }});
  // The first sign-in: the picture question before home.
  c.push_back({"avatar", signInSian, [](FakeHost& h) { return makeArrivalScreen(h, h); }});
  c.push_back({"home-guest", [](FakeHost& h) { h.signInGuest(); },
               [](FakeHost& h) { return makeHomeScreen(h); }});
  c.push_back({"home-unlocked",
               [](FakeHost& h) {
                 signInSian(h);
                 h.cfg.unlockedBands = {Band::Lks2, Band::Uks2};
               },
               [](FakeHost& h) { return makeHomeScreen(h); }});
  c.push_back({"settings", none, [](FakeHost& h) { return makePupilSettingsScreen(h); }});
  c.push_back({"butterfly", signInSian, [](FakeHost&) { return makeButterflyScreen(); }});
  c.push_back({"butterfly-teacher", none, [](FakeHost& h) {
                 return std::unique_ptr<Screen>(
                     std::make_unique<ButterflyTeacherScreen>(h.rosterData.settings));
               }});
  c.push_back(
      {"teacher-pin", none, [](FakeHost& h) { return makeTeacherPinScreen(h, [](UiHost&) {}); }});
  c.push_back({"teacher-pin-first-run", [](FakeHost& h) { h.pin.set_ = false; },
               [](FakeHost& h) { return makeTeacherPinScreen(h, [](UiHost&) {}); }});
  c.push_back({"teacher-settings",
               [](FakeHost& h) {
                 h.cfg.dataDir = "/home/teacher/.local/share/safequest";
                 h.cfg.schoolFolder = "/mnt/school/safequest";
                 h.cfg.unlockedBands = {Band::Ks1};
               },
               [](FakeHost& h) { return makeTeacherSettingsScreen(h); }});
  c.push_back({"picture-password", none, [](FakeHost& h) { return makePicturePasswordScreen(h); }});
  c.push_back({"packs", none, [](FakeHost& h) { return makePacksPage(h); }});
  c.push_back({"lesson", signInSian, [](FakeHost& h) {
                 const HomeModel m = homeModelFromHost(h);
                 return makeLessonScreen(h, m.units.front().lessons.front());
               }});
  c.push_back({"badge-reflection", signInSian,
               [](FakeHost& h) { return makeBadgeScreen(lessonAt(h, "y3-smart-explorers", 99)); }});
  c.push_back({"badge", signInSian, [](FakeHost& h) {
                 return makeBadgeScreen(lessonAt(h, "y3-smart-explorers", 99, true));
               }});
  c.push_back({"class-lesson-pick",
               [class3B](FakeHost& h) {
                 // Taught to 3B as a whole class: its tile says when.
                 Event e = lessonEvent(EventKind::LessonCompleted, kSian, "y3-smart-explorers",
                                       "2026-10-08T09:00:00Z");
                 e.data = R"({"classId":")" + class3B + R"(","wholeClass":true})";
                 h.events.push_back(e);
               },
               [class3B](FakeHost& h) {
                 auto s = makeClassLessonPickScreen(h);
                 static_cast<ClassLessonPickScreen&>(*s).pickClass(h, class3B);
                 return s;
               }});
  c.push_back({"class-lesson-front", none, [class3B](FakeHost& h) {
                 // The teacher's front page: notes longer than the page, a page at a time.
                 HomeLesson hl;
                 hl.packId = "core";
                 hl.lessonId = "y3-smart-explorers";
                 hl.title = "SMART explorers";
                 return makeClassLessonScreen(h, hl, class3B);
               }});
  c.push_back({"class-lesson", none, [class3B](FakeHost& h) {
                 auto play = lessonAt(h, "y1-keep-it-to-myself", 99, true, class3B);
                 return makeClassPresentScreen(play, h);
               }});
  c.push_back({"class-lesson-saved", none, [class3B](FakeHost& h) {
                 auto play = lessonAt(h, "y1-keep-it-to-myself", 99, true, class3B);
                 auto s = makeClassPresentScreen(play, h);
                 s->activate("finish", h); // "Saved for 5 pupils"
                 return s;
               }});
  c.push_back({"slides-young", none, [](FakeHost& h) {
                 return makeSlidesScreen(
                     slidesScenarioPlay(h, "reception-ask-a-grown-up", Band::Eyfs, "slides", {0}));
               }});
  c.push_back({"scenario-ks1", none, [](FakeHost& h) {
                 return makeScenarioScreen(
                     slidesScenarioPlay(h, "y1-keep-it-to-myself", Band::Ks1, "scenario"));
               }});
  c.push_back({"scenario-lks2", none, [](FakeHost& h) {
                 return makeScenarioScreen(
                     slidesScenarioPlay(h, "y3-smart-explorers", Band::Lks2, "scenario"));
               }});
  c.push_back({"scenario-uks2", none, [](FakeHost& h) {
                 return makeScenarioScreen(
                     // mean-comments: "tell" (2), record: "together" (0): both safe.
                     slidesScenarioPlay(h, "y6-stand-up-to-cyberbullying", Band::Uks2, "scenario",
                                        {2, -1, 0, -1}));
               }});
  c.push_back({"scenario-feedback-unsafe", none, [](FakeHost& h) {
                 // ask: "address" (1), unsafe.
                 return makeScenarioScreen(
                     slidesScenarioPlay(h, "y1-keep-it-to-myself", Band::Ks1, "scenario", {1}));
               }});
  c.push_back({"scenario-feedback-safe", none, [](FakeHost& h) {
                 // mean-comments: "tell" (2), safe.
                 return makeScenarioScreen(slidesScenarioPlay(h, "y6-stand-up-to-cyberbullying",
                                                              Band::Uks2, "scenario", {2}));
               }});
  c.push_back({"scenario-ending", none, [](FakeHost& h) {
                 // find: "ask" (1), game: "tell" (2): both safe.
                 return makeScenarioScreen(slidesScenarioPlay(
                     h, "reception-ask-a-grown-up", Band::Eyfs, "scenario", {1, -1, 2, -1}));
               }});
  c.push_back({"quiz-single-lks2", none, [](FakeHost& h) {
                 return makeQuizScreen(
                     quizCasePlay(h, "y3-smart-explorers", Band::Lks2, QuizType::Single,
                                  [](QuizRunner& q) { q.selectOption(optionIndex(q, "colour")); }));
               }});
  c.push_back({"quiz-multiple-lks2", none, [](FakeHost& h) {
                 return makeQuizScreen(quizCasePlay(h, "y3-smart-explorers", Band::Lks2,
                                                    QuizType::Multiple, [](QuizRunner& q) {
                                                      q.selectOption(optionIndex(q, "request"));
                                                      q.selectOption(optionIndex(q, "attachment"));
                                                    }));
               }});
  c.push_back({"quiz-truefalse-ks1", none, [](FakeHost& h) {
                 return makeQuizScreen(
                     quizCasePlay(h, "y1-keep-it-to-myself", Band::Ks1, QuizType::TrueFalse));
               }});
  c.push_back({"quiz-single-ks1", none, [](FakeHost& h) {
                 return makeQuizScreen(quizCasePlay(
                     h, "y1-keep-it-to-myself", Band::Ks1, QuizType::Single,
                     [](QuizRunner& q) { q.selectOption(optionIndex(q, "made-up")); }));
               }});
  c.push_back({"quiz-sort-lks2", none, [](FakeHost& h) {
                 auto s = makeQuizScreen(quizCasePlay(h, "y3-smart-explorers", Band::Lks2,
                                                      QuizType::Sort, [](QuizRunner& q) {
                                                        q.assignCard(0, 0);
                                                        q.assignCard(3, 1);
                                                      }));
                 s->activate("item:2", h); // picked, waiting for its box
                 return s;
               }});
  c.push_back({"quiz-sort-ks1", none, [](FakeHost& h) {
                 return makeQuizScreen(quizCasePlay(h, "y3-smart-explorers", Band::Ks1,
                                                    QuizType::Sort,
                                                    [](QuizRunner& q) { q.assignCard(0, 0); }));
               }});
  c.push_back({"quiz-sort-uks2", none, [](FakeHost& h) {
                 return makeQuizScreen(quizCasePlay(h, "y5-think-before-you-share", Band::Uks2,
                                                    QuizType::Sort, [](QuizRunner& q) {
                                                      q.assignCard(0, 0);
                                                      q.assignCard(2, 1);
                                                      q.assignCard(4, 2);
                                                    }));
               }});
  c.push_back({"quiz-order-lks2", none, [](FakeHost& h) {
                 return makeQuizScreen(
                     quizCasePlay(h, "y3-smart-explorers", Band::Lks2, QuizType::Order));
               }});
  c.push_back({"quiz-order-ks1", none, [](FakeHost& h) {
                 auto s = makeQuizScreen(
                     quizCasePlay(h, "y3-smart-explorers", Band::Ks1, QuizType::Order));
                 s->activate("item:1", h); // picked, waiting for its place
                 return s;
               }});
  c.push_back({"quiz-feedback-wrong-ks1", none, [](FakeHost& h) {
                 return makeQuizScreen(quizCasePlay(h, "y1-keep-it-to-myself", Band::Ks1,
                                                    QuizType::TrueFalse, [](QuizRunner& q) {
                                                      q.answerTrueFalse(false);
                                                      q.check();
                                                    }));
               }});
  c.push_back({"quiz-feedback-right-ks1", none, [](FakeHost& h) {
                 return makeQuizScreen(quizCasePlay(h, "y1-keep-it-to-myself", Band::Ks1,
                                                    QuizType::Single, [](QuizRunner& q) {
                                                      q.selectOption(rightOption(q));
                                                      q.check();
                                                    }));
               }});
  // Single choice: the wrong one chosen, the answer shown beside it.
  c.push_back({"quiz-feedback-wrong-lks2", none, [](FakeHost& h) {
                 return makeQuizScreen(quizCasePlay(h, "y3-smart-explorers", Band::Lks2,
                                                    QuizType::Single, [](QuizRunner& q) {
                                                      q.selectOption(optionIndex(q, "colour"));
                                                      q.check();
                                                    }));
               }});
  c.push_back({"quiz-feedback-right-lks2", none, [](FakeHost& h) {
                 return makeQuizScreen(quizCasePlay(h, "y3-smart-explorers", Band::Lks2,
                                                    QuizType::Single, [](QuizRunner& q) {
                                                      q.selectOption(rightOption(q));
                                                      q.check();
                                                    }));
               }});
  // Checked and wrong, the answer shown: sorting and ordering too.
  c.push_back({"quiz-answer-shown-sort-lks2", none, [](FakeHost& h) {
                 return makeQuizScreen(quizCasePlay(
                     h, "y3-smart-explorers", Band::Lks2, QuizType::Sort, [](QuizRunner& q) {
                       for (std::size_t card = 0; card < q.item().cards.size(); ++card) {
                         q.assignCard(card, 1);
                       }
                       q.check();
                     }));
               }});
  c.push_back({"quiz-answer-shown-order-lks2", none, [](FakeHost& h) {
                 return makeQuizScreen(quizCasePlay(h, "y3-smart-explorers", Band::Lks2,
                                                    QuizType::Order, [](QuizRunner& q) {
                                                      q.moveCard(0, 4);
                                                      q.check();
                                                    }));
               }});
  c.push_back({"quiz-finished-ks1", none, [](FakeHost& h) {
                 auto play = quizCasePlay(h, "y2-ask-before-you-click", Band::Ks1, QuizType::Single,
                                          [](QuizRunner& q) {
                                            q.selectOption(rightOption(q));
                                            q.check();
                                            q.next();
                                          });
                 return makeQuizScreen(play);
               }});
  c.push_back({"quiz-finished-lks2", none, [](FakeHost& h) {
                 auto play = quizCasePlay(
                     h, "y3-smart-explorers", Band::Lks2, QuizType::Order, [](QuizRunner& q) {
                       q.check(); // not in order yet: no star for it
                       q.retry();
                       for (std::size_t card = 0; card < 5; ++card) {
                         const auto& a = q.arrangement();
                         q.moveCard(static_cast<std::size_t>(std::find(a.begin(), a.end(), card) -
                                                             a.begin()),
                                    card);
                       }
                       q.check();
                       q.next();
                     });
                 return makeQuizScreen(play);
               }});
  // Butterfly practice: check-in, a step (KS1 and KS2), who to tell, what to say, praise.
  const auto practice = [](FakeHost& h, const std::string& lesson, Band band) {
    return butterflyAupPlay(h, lesson, band, "butterfly-practice");
  };
  c.push_back({"butterfly-practice-check-in", signInSian, [practice](FakeHost& h) {
                 return makeButterflyPracticeScreen(practice(h, "y1-butterfly-feeling", Band::Ks1));
               }});
  c.push_back({"butterfly-practice-step", signInSian, [practice](FakeHost& h) {
                 auto s =
                     makeButterflyPracticeScreen(practice(h, "y1-butterfly-feeling", Band::Ks1));
                 s->activate("feeling:butterflies", h);
                 return s;
               }});
  c.push_back({"butterfly-practice-step-ks2", signInSian, [practice](FakeHost& h) {
                 auto play = practice(h, "y6-stand-up-to-cyberbullying", Band::Uks2);
                 ButterflyRunner* r = play->runner.runnerAs<ButterflyRunner>();
                 r->chooseFeeling(Feeling::Ok);
                 while (r->stepIndex() + 1 < r->steps().size()) {
                   r->nextStep();
                 }
                 return makeButterflyPracticeScreen(play);
               }});
  c.push_back({"butterfly-practice-adult", signInSian, [practice](FakeHost& h) {
                 auto play = practice(h, "y1-butterfly-feeling", Band::Ks1);
                 ButterflyRunner* r = play->runner.runnerAs<ButterflyRunner>();
                 r->chooseFeeling(Feeling::Happy);
                 while (r->nextStep()) {
                 }
                 return makeButterflyPracticeScreen(play);
               }});
  c.push_back({"butterfly-practice-say-it", signInSian, [practice](FakeHost& h) {
                 auto play = practice(h, "y1-butterfly-feeling", Band::Ks1);
                 ButterflyRunner* r = play->runner.runnerAs<ButterflyRunner>();
                 r->chooseFeeling(Feeling::Sad);
                 while (r->nextStep()) {
                 }
                 auto s = makeButterflyPracticeScreen(play);
                 s->activate("adult:parent", h);
                 return s;
               }});
  c.push_back({"butterfly-practice-praise", signInSian, [practice](FakeHost& h) {
                 auto play = practice(h, "y1-butterfly-feeling", Band::Ks1);
                 ButterflyRunner* r = play->runner.runnerAs<ButterflyRunner>();
                 r->chooseFeeling(Feeling::Scared);
                 while (r->nextStep()) {
                 }
                 r->chooseAdult(TrustedAdult::Teacher);
                 r->proceed();
                 return makeButterflyPracticeScreen(play);
               }});
  ScreenCase hcPractice{
      "butterfly-practice-check-in-high-contrast", signInSian, [practice](FakeHost& h) {
        return makeButterflyPracticeScreen(practice(h, "y1-butterfly-feeling", Band::Ks1));
      }};
  hcPractice.highContrast = true;
  c.push_back(hcPractice);
  // The AUP: KS1 pictures one promise a page, KS2 text, signing with name tiles.
  c.push_back({"aup-ks1-intro", signInSian, [](FakeHost& h) {
                 return makeAupScreen(
                     butterflyAupPlay(h, "y1-keep-it-to-myself", Band::Ks1, "sign"), h);
               }});
  c.push_back({"aup-ks1-promise", signInSian, [](FakeHost& h) {
                 auto s = makeAupScreen(
                     butterflyAupPlay(h, "y1-keep-it-to-myself", Band::Ks1, "sign"), h);
                 s->activate("next", h);
                 return s;
               }});
  c.push_back({"aup-ks2-promises", signInSian, [](FakeHost& h) {
                 auto s = makeAupScreen(
                     butterflyAupPlay(h, "y3-passwords-and-promises", Band::Lks2, "sign"), h);
                 s->activate("next", h);
                 s->activate("promise:1", h);
                 return s;
               }});
  ScreenCase bigAup{"aup-ks2-promises-text-200", signInSian, [](FakeHost& h) {
                      auto s = makeAupScreen(
                          butterflyAupPlay(h, "y3-passwords-and-promises", Band::Lks2, "sign"), h);
                      s->activate("next", h);
                      return s;
                    }};
  bigAup.textScale = 2.0f;
  c.push_back(bigAup);
  c.push_back({"aup-sign", signInSian, [](FakeHost& h) {
                 return std::unique_ptr<Screen>(
                     aupSignScreen(h, "y3-passwords-and-promises", Band::Lks2));
               }});
  c.push_back({"aup-sign-chosen", signInSian, [](FakeHost& h) {
                 auto s = aupSignScreen(h, "y3-passwords-and-promises", Band::Lks2);
                 s->activate("pupil:" + kSian, h);
                 return std::unique_ptr<Screen>(std::move(s));
               }});
  c.push_back({"aup-eyfs-sign",
               [](FakeHost& h) {
                 h.signIn(*h.rosterData.findPupil("a0000000-0000-4000-8000-000000000006"));
               },
               [](FakeHost& h) {
                 return std::unique_ptr<Screen>(
                     aupSignScreen(h, "reception-my-promises", Band::Eyfs));
               }});
  c.push_back({"aup-done", signInSian, [](FakeHost& h) {
                 auto s = aupSignScreen(h, "y3-passwords-and-promises", Band::Lks2);
                 s->activate("pupil:" + kSian, h);
                 s->activate("agree", h);
                 return std::unique_ptr<Screen>(std::move(s));
               }});
  // The teacher's AUP records: the classes, then one class.
  c.push_back({"aup-records", none, [](FakeHost& h) { return makeAupRecordsScreen(h); }});
  c.push_back(
      {"aup-records-class",
       [](FakeHost& h) {
         h.rosterData.staff = {{"s0000000-0000-4000-8000-000000000001", "Mrs Rhian Evans"}};
         Event e = lessonEvent(EventKind::AupParentAgreed, kSian, "", "2026-10-01T09:00:00Z");
         h.events.push_back(e);
         // Signed by the pupil, and by the teacher in class for another.
         Event own = lessonEvent(EventKind::AupSigned, kSian, "ks2-aup", "2026-10-01T09:00:00Z");
         own.data = R"({"aupVersion":"2026.2","phase":"ks2","signedBy":"pupil"})";
         h.events.push_back(own);
         Event inClass = lessonEvent(EventKind::AupSigned, "a0000000-0000-4000-8000-000000000002",
                                     "ks2-aup", "2026-10-05T09:00:00Z");
         inClass.data = R"({"aupVersion":"2026.2","phase":"ks2","signedBy":"teacher",)"
                        R"("wholeClass":true})";
         h.events.push_back(inClass);
       },
       [class3B](FakeHost& h) {
         auto s = std::make_unique<AupRecordsScreen>(h);
         s->showClass(class3B, h);
         s->activate("staff", h);
         return std::unique_ptr<Screen>(std::move(s));
       }});
  c.push_back({"aup-records-class-many",
               [class3B](FakeHost& h) {
                 h.rosterData.staff = {{"s0000000-0000-4000-8000-000000000001", "Mrs Rhian Evans"}};
                 for (int i = 0; i < 30; ++i) {
                   Pupil p;
                   p.id = "b0000000-0000-4000-8000-0000000000" + std::string(i < 10 ? "0" : "") +
                          std::to_string(i);
                   p.firstName = "Pupil" + std::to_string(i);
                   p.initial = "Q";
                   p.classId = class3B;
                   p.yearGroup = YearGroup::Y3;
                   h.rosterData.pupils.push_back(p);
                 }
               },
               [class3B](FakeHost& h) {
                 auto s = std::make_unique<AupRecordsScreen>(h);
                 s->showClass(class3B, h);
                 s->activate("staff", h);
                 return std::unique_ptr<Screen>(std::move(s));
               }});
  ScreenCase hcSignIn{"sign-in-high-contrast", none,
                      [](FakeHost& h) { return makeSignInScreen(h); }};
  hcSignIn.highContrast = true;
  c.push_back(hcSignIn);
  ScreenCase hcHome{"home-high-contrast", signInSian,
                    [](FakeHost& h) { return makeHomeScreen(h); }};
  hcHome.highContrast = true;
  c.push_back(hcHome);
  ScreenCase bigHome{"home-text-200", signInSian, [](FakeHost& h) { return makeHomeScreen(h); }};
  bigHome.textScale = 2.0f;
  c.push_back(bigHome);
  ScreenCase bigNames{"sign-in-names-text-200", none, [class3B](FakeHost& h) {
                        auto s = std::make_unique<SignInScreen>(SignInModel::fromHost(h));
                        s->showNames(class3B);
                        return std::unique_ptr<Screen>(std::move(s));
                      }};
  bigNames.textScale = 2.0f;
  c.push_back(bigNames);
  ScreenCase bigFetching{"fetching-text-200", signInSian, fetched};
  bigFetching.textScale = 2.0f;
  c.push_back(bigFetching);
  return c;
}

// ---- hosts --------------------------------------------------------------------------

// A host with the case's screen on its stack.
inline std::unique_ptr<FakeHost> hostFor(const ScreenCase& c) {
  auto h = std::make_unique<FakeHost>();
  c.setup(*h);
  h->stack.push(c.make(*h));
  return h;
}

} // namespace sq::test
