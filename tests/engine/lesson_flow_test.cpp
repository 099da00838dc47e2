// A lesson as a whole: the front page, progress saved after every step and
// resumed (also after the pack changed), the badge completing the lesson with the
// pack's version, a failed save kept and retried, guests recording nothing, and
// whole-class lessons recorded for the pupils the teacher ticks as present.
// The step screens themselves have their own tests; here the runners are moved on
// directly where a step's own screen does not matter.
#include "lesson_fixtures.hpp"
#include "results/event_payload.hpp"
#include "screen_rig.hpp"
#include "screens/home_screen.hpp"
#include "screens/lesson/lesson_play.hpp"
#include "screens/lesson/lesson_screen.hpp"
#include "screens/teacher/class_lesson_screen.hpp"
#include "screens/teacher/teacher_settings_screen.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <algorithm>

using namespace sq;
using namespace sq::test;

namespace {

const std::string kLesson = "y3-smart-explorers";
const std::string kOak = "c0000000-0000-4000-8000-000000000002";
const std::string k3B = "c0000000-0000-4000-8000-000000000001";

const Pack& corePack() {
  for (const CatalogEntry& e : coreCatalog().packs) {
    if (e.result.valid() && e.result.pack->id == "core") {
      return *e.result.pack;
    }
  }
  FAIL("the core pack did not load");
  throw 0;
}

// A rig with Siân signed in and her lesson's front page open.
struct LessonRig : LessonFrontRig {
  LessonRig() : LessonFrontRig(kLesson, "SMART explorers") {}
  std::shared_ptr<LessonPlay> play() {
    auto* s = dynamic_cast<LessonScreen*>(host.stack.top());
    REQUIRE(s != nullptr);
    return s->play();
  }
  // Finishes the step on screen through finishStep, as its "next" button does.
  void finishActiveStep(const std::shared_ptr<LessonPlay>& p) {
    completeStep(p->runner);
    finishStep(p, host);
    host.apply();
  }
  int count(EventKind k) const {
    return static_cast<int>(std::count_if(host.events.begin(), host.events.end(),
                                          [&](const Event& e) { return e.kind == k; }));
  }
};

nlohmann::json dataOf(const Event& e) {
  return nlohmann::json::parse(e.data);
}

} // namespace

TEST_CASE("lesson: the front page starts the first step, and progress is saved after each step") {
  LessonRig r;
  CHECK(r.screen() == "lesson");
  CHECK(r.shown().find("Start") != std::string::npos);
  const auto p = r.play();
  REQUIRE(p.get() != nullptr);
  r.press("next");
  CHECK(r.screen() ==
        std::string(activityKindId(corePack().findLesson(kLesson)->steps[0].activity)));
  r.finishActiveStep(p);
  CHECK(p->runner.stepIndex() == 1);
  CHECK(r.count(EventKind::ActivityCompleted) == 1);
  REQUIRE(r.count(EventKind::LessonProgress) == 1);
  const Event& progress = r.host.events.back();
  CHECK(progress.pupilId == kSian);
  CHECK(progress.packVersion == corePack().version);
  CHECK(dataOf(progress)["step"] == corePack().findLesson(kLesson)->steps[1].id);
  CHECK(p->saveMark() == LessonSession::SaveMark::Saved);
  CHECK(r.shown().find("Saved") != std::string::npos);

  // Leaving and opening the lesson again (as on another PC sharing the records)
  // carries on at the same step.
  r.press("back");
  CHECK(r.screen() == "lesson");
  CHECK(r.host.shares == 1);
  const auto again = startLesson(r.host, "core", kLesson);
  REQUIRE(again.get() != nullptr);
  CHECK(again->runner.stepIndex() == 1);
  CHECK(again->resumeNote.empty());
}

TEST_CASE(
    "lesson: an edited pack resumes at the same step if it still exists, else restarts kindly") {
  LessonRig r;
  const auto p = r.play();
  r.press("next");
  r.finishActiveStep(p);
  r.finishActiveStep(p);
  REQUIRE(p->runner.stepIndex() == 2);
  Event& last = r.host.events.back();
  REQUIRE(last.kind == EventKind::LessonProgress);
  auto data = dataOf(last);
  // The snapshot as stored: one object (older events hold it as text).
  auto snap = data["snapshot"].is_string()
                  ? nlohmann::json::parse(data["snapshot"].get<std::string>())
                  : data["snapshot"];

  SUBCASE("the step is still there") {
    snap["contentHash"] = "0123456789abcdef";
    data["snapshot"] = snap;
    last.data = data.dump();
    const auto again = startLesson(r.host, "core", kLesson);
    REQUIRE(again.get() != nullptr);
    CHECK(again->runner.stepIndex() == 2);
    CHECK(again->resumeNote.empty());
  }
  SUBCASE("the step is gone") {
    snap["contentHash"] = "0123456789abcdef";
    snap["step"] = "a-step-that-was-deleted";
    data["snapshot"] = snap;
    last.data = data.dump();
    const auto again = startLesson(r.host, "core", kLesson);
    REQUIRE(again.get() != nullptr);
    CHECK(again->runner.stepIndex() == 0);
    CHECK(again->resumeNote == "lesson.restarted");
    Rig front([&](FakeHost& h) {
      h.signIn(*h.rosterData.findPupil(kSian));
      return std::make_unique<LessonScreen>(
          HomeLesson{"core", kLesson, "SMART explorers", "", true, LessonState::InProgress}, again);
    });
    CHECK(front.shown().find("starting it again") != std::string::npos);
  }
  SUBCASE("a snapshot that is not JSON at all starts at the beginning, without a crash") {
    data["snapshot"] = "{{{ not json";
    last.data = data.dump();
    const auto again = startLesson(r.host, "core", kLesson);
    REQUIRE(again.get() != nullptr);
    CHECK(again->runner.stepIndex() == 0);
  }
}

TEST_CASE("lesson: the badge completes the lesson with the pack's version, then home") {
  LessonRig r;
  const auto p = r.play();
  r.press("next");
  while (p->runner.phase() == LessonRunner::Phase::Step) {
    r.finishActiveStep(p);
  }
  CHECK(r.screen() == "badge");
  CHECK(p->runner.phase() == LessonRunner::Phase::Reflection);
  CHECK(r.shown().find(corePack().findLesson(kLesson)->reflection.get()) != std::string::npos);
  CHECK(r.count(EventKind::LessonCompleted) == 0);
  r.press("next");
  CHECK(p->runner.phase() == LessonRunner::Phase::Badge);
  REQUIRE(r.count(EventKind::LessonCompleted) == 1);
  const auto done = std::find_if(r.host.events.begin(), r.host.events.end(), [](const Event& e) {
    return e.kind == EventKind::LessonCompleted;
  });
  CHECK(done->activityId == kLesson);
  CHECK(done->packVersion == corePack().version);
  CHECK(done->contentHash == corePack().contentHash);
  CHECK(r.count(EventKind::ActivityCompleted) ==
        static_cast<int>(corePack().findLesson(kLesson)->steps.size()));
  CHECK(r.shown().find("Saved") != std::string::npos);
  r.press("next"); // Finish: back to the front page, which goes home
  CHECK(p->runner.isFinished());
  CHECK(r.screen() == "home");
  CHECK(r.host.stack.depth() == 1);
}

TEST_CASE(
    "lesson: a failed save is kept in memory, the pupil sees a calm word, the teacher the reason") {
  LessonRig r;
  const auto p = r.play();
  r.press("next");
  r.host.failRecords = "disk I/O error";
  r.finishActiveStep(p);
  CHECK(p->runner.stepIndex() == 1); // the pupil carries on
  CHECK(p->saveMark() == LessonSession::SaveMark::Failed);
  CHECK(r.host.recorder().unsaved().size() == 2); // activity.completed and lesson.progress
  CHECK(r.host.events.empty());
  CHECK(r.host.lastRecordError() == "disk I/O error");
  const std::string shown = r.shown();
  CHECK(shown.find("Not saved yet") != std::string::npos);
  CHECK(shown.find("disk I/O") == std::string::npos);

  r.host.failRecords.clear();
  r.finishActiveStep(p);
  CHECK(p->saveMark() == LessonSession::SaveMark::Saved);
  CHECK(r.host.recorder().allSaved());
  // Everything kept, in the order it happened; the newest progress is at step 2.
  std::vector<EventKind> kinds;
  for (const Event& e : r.host.events) {
    kinds.push_back(e.kind);
  }
  CHECK(kinds == std::vector<EventKind>{EventKind::ActivityCompleted, EventKind::LessonProgress,
                                        EventKind::ActivityCompleted, EventKind::LessonProgress});
  CHECK(r.host.events.front().activityId == corePack().findLesson(kLesson)->steps[0].id);
  CHECK(dataOf(r.host.events.back())["step"] == corePack().findLesson(kLesson)->steps[2].id);
  CHECK(r.host.lastRecordError().empty());
}

TEST_CASE("lesson: a guest plays the whole lesson and nothing is recorded") {
  Rig r([](FakeHost& h) {
    h.signInGuest();
    return makeLessonScreen(
        h, HomeLesson{"core", kLesson, "SMART explorers", "", true, LessonState::NotStarted});
  });
  auto* s = dynamic_cast<LessonScreen*>(r.host.stack.top());
  REQUIRE(s != nullptr);
  const auto p = s->play();
  CHECK(p->band == Band::Lks2); // the band the lesson is written for
  r.press("next");
  playToEnd(p, r.host);
  CHECK(r.host.events.empty());
  CHECK(p->saveMark() == LessonSession::SaveMark::Nothing);
  CHECK(r.host.recorder().allSaved());
}

TEST_CASE("lesson: a pack that is not loaded gives a calm page and no start button") {
  Rig r([](FakeHost& h) {
    h.signIn(*h.rosterData.findPupil(kSian));
    return makeLessonScreen(
        h, HomeLesson{"no-such-pack", "x", "Gone", "", true, LessonState::NotStarted});
  });
  CHECK_FALSE(r.has("next"));
  CHECK(r.has("back"));
  CHECK(r.shown().find("cannot open") != std::string::npos);
}

TEST_CASE("whole-class lesson: behind the PIN, the room plays, the teacher ticks who was there") {
  Rig r([](FakeHost& h) { return makeClassLessonPickScreen(h); });
  CHECK(r.screen() == "class-lesson-pick");
  r.press("class:" + k3B);
  REQUIRE(r.has("lesson:" + kLesson));
  CHECK_FALSE(r.has("lesson:reception-ask-a-grown-up")); // 3B is Years 3 and 4
  r.press("lesson:" + kLesson);
  CHECK(r.screen() == "lesson");
  auto* front = dynamic_cast<LessonScreen*>(r.host.stack.top());
  REQUIRE(front != nullptr);
  const auto p = front->play();
  CHECK(p->wholeClass());
  CHECK(r.shown().find("Teaching the whole class") != std::string::npos);
  r.press("next");
  playToEnd(p, r.host);
  CHECK(r.host.events.empty()); // nothing until the teacher says who was there
  CHECK(r.screen() == "class-lesson");
  // Everyone in 3B is ticked to begin with.
  for (const Pupil& pupil : r.host.rosterData.pupils) {
    if (pupil.classId == k3B) {
      const Widget* w = findWidget(r.host.stack.layout(r.ctx), "present:" + pupil.id);
      REQUIRE(w != nullptr);
      CHECK(w->selected);
    }
  }
  const std::string oliver = "a0000000-0000-4000-8000-000000000002";
  const std::string ffion = "a0000000-0000-4000-8000-000000000006";
  const std::string tomos = "a0000000-0000-4000-8000-000000000007";
  r.press("present:" + oliver); // off sick
  r.press("add-pupils");
  r.press("add:" + kOak);
  REQUIRE(r.has("present:" + ffion));
  CHECK_FALSE(findWidget(r.host.stack.layout(r.ctx), "present:" + ffion)->selected);
  r.press("present:" + ffion); // Ffion joined the lesson

  SUBCASE("saved") {
    r.press("finish");
    std::vector<std::string> recorded;
    for (const Event& e : r.host.events) {
      CHECK(e.kind == EventKind::LessonCompleted);
      CHECK(e.activityId == kLesson);
      CHECK(e.packVersion == corePack().version);
      CHECK(dataOf(e)["wholeClass"] == true);
      CHECK(dataOf(e)["classId"] == k3B);
      recorded.push_back(e.pupilId);
    }
    CHECK(recorded.size() == 5); // four of 3B's five, and Ffion
    CHECK(std::count(recorded.begin(), recorded.end(), oliver) == 0);
    CHECK(std::count(recorded.begin(), recorded.end(), tomos) == 0);
    CHECK(std::count(recorded.begin(), recorded.end(), ffion) == 1);
    CHECK(r.shown().find("Saved for 5 pupils.") != std::string::npos);
    r.press("done");
    CHECK(r.screen() == "class-lesson-pick"); // the front page closed behind it
    CHECK(r.host.shares == 1);
  }
  SUBCASE("not saved: the reason is shown and finish tries again") {
    r.host.failRecords = "the records folder is read-only";
    r.press("finish");
    CHECK(r.screen() == "class-lesson");
    CHECK(r.shown().find("read-only") != std::string::npos);
    r.host.failRecords.clear();
    r.press("finish");
    CHECK(r.host.events.size() == 5);
    r.press("done");
    CHECK(r.screen() == "class-lesson-pick");
  }
}

TEST_CASE(
    "whole-class lesson: a Reception AUP read together is signed by the teacher for each child") {
  Rig r([](FakeHost& h) { return makeClassLessonPickScreen(h); });
  r.press("class:" + kOak);
  r.press("lesson:reception-my-promises");
  auto* front = dynamic_cast<LessonScreen*>(r.host.stack.top());
  REQUIRE(front != nullptr);
  const auto p = front->play();
  r.press("next");
  playToEnd(p, r.host);
  REQUIRE(r.screen() == "class-lesson");
  CHECK(r.shown().find("signed by you") != std::string::npos);
  r.press("present:a0000000-0000-4000-8000-000000000007"); // Tomos was away
  r.press("finish");
  REQUIRE(r.host.events.size() == 2);
  CHECK(r.host.events[0].kind == EventKind::LessonCompleted);
  const Event& signedEvent = r.host.events[1];
  CHECK(signedEvent.kind == EventKind::AupSigned);
  CHECK(signedEvent.pupilId == "a0000000-0000-4000-8000-000000000006");
  CHECK(signedEvent.activityId == "eyfs-aup");
  const auto d = dataOf(signedEvent);
  CHECK(d["signedBy"] == "teacher");
  CHECK(d["phase"] == "eyfs");
  CHECK(d["classId"] == kOak);
  CHECK(d["aupVersion"] == corePack().findAup("eyfs-aup")->version);
}

TEST_CASE("lesson: with narration on its own, each step speaks as it opens; on request, it waits") {
  LessonRig r;
  const auto p = r.play();
  const Lesson& lesson = *corePack().findLesson(kLesson);
  const auto& scenario = std::get<ScenarioActivity>(lesson.steps[1].activity);
  const std::string storyStart = scenario.find(scenario.start)->narration->get();
  const std::string firstSlide =
      std::get<SlidesActivity>(lesson.steps[0].activity).slides.front().narration->get();
  auto played = [&](const std::string& rel) {
    const auto& log = r.host.audio.played;
    return std::any_of(log.begin(), log.end(), [&](const std::string& path) {
      return path.size() >= rel.size() &&
             path.compare(path.size() - rel.size(), rel.size(), rel) == 0;
    });
  };
  SUBCASE("auto") {
    r.host.settings.narration = Narration::Auto;
    r.press("next");
    CHECK(played(firstSlide));
    r.finishActiveStep(p);
    CHECK(played(storyStart));
  }
  SUBCASE("on request") {
    r.host.settings.narration = Narration::OnRequest;
    // The front page reads the lesson's opening words when asked.
    r.press("read-aloud");
    CHECK(played(firstSlide));
    r.host.audio.played.clear();
    r.press("next");
    r.finishActiveStep(p);
    CHECK_FALSE(played(firstSlide));
    CHECK_FALSE(played(storyStart));
    r.press("read-aloud");
    CHECK(played(storyStart));
  }
}

TEST_CASE("teacher settings show why a pupil's work was not saved") {
  Rig r([](FakeHost& h) {
    h.failRecords = "database or disk is full";
    h.recorder().submit(makeHelpAsked("c0000000-0000-4000-8000-000000000001"));
    return makeTeacherSettingsScreen(h);
  });
  CHECK(r.shown().find("could not be saved: database or disk is full") != std::string::npos);
}

// ---- a store that answers later (the browser's IndexedDB) --------------------------

TEST_CASE("lesson: a save still on its way shows no saved mark; it shows once the store answers") {
  LessonRig r;
  const auto p = r.play();
  r.press("next");
  r.host.sink.hold = true; // saves wait until the test finishes them
  r.press("next");         // the next slide: progress worth resuming from
  REQUIRE_FALSE(r.host.sink.held.waiting.empty());
  CHECK(p->saveMark() == LessonSession::SaveMark::Pending);
  std::string shown = r.shown();
  CHECK(shown.find("\xE2\x9C\x93 Saved") == std::string::npos); // no ✓ Saved yet
  CHECK(shown.find("Not saved yet") == std::string::npos);      // and nothing alarming
  CHECK(r.host.events.empty());

  // The store answers on a later frame; the app pumps the recorder each frame.
  while (r.host.sink.finish()) {
    r.host.pump();
  }
  CHECK(p->saveMark() == LessonSession::SaveMark::Saved);
  CHECK(r.shown().find("\xE2\x9C\x93 Saved") != std::string::npos);
  CHECK(r.count(EventKind::LessonProgress) == 1);

  SUBCASE("refused later: the calm word, then saved when tried again") {
    r.host.failRecords = "the quota is used up";
    r.press("next");
    CHECK(r.shown().find("\xE2\x9C\x93 Saved") == std::string::npos);
    REQUIRE(r.host.sink.finish());
    r.host.pump();
    CHECK(p->saveMark() == LessonSession::SaveMark::Failed);
    shown = r.shown();
    CHECK(shown.find("Not saved yet") != std::string::npos);
    CHECK(shown.find("quota") == std::string::npos); // the reason is for the teacher
    CHECK(r.host.lastRecordError() == "the quota is used up");
    r.host.failRecords.clear();
    r.host.recorder().retry(); // as the next save does
    CHECK(p->saveMark() == LessonSession::SaveMark::Pending);
    CHECK(r.shown().find("Not saved yet") == std::string::npos);
    while (r.host.sink.finish()) {
      r.host.pump();
    }
    CHECK(p->saveMark() == LessonSession::SaveMark::Saved);
    CHECK(r.count(EventKind::LessonProgress) == 2);
    CHECK(r.shown().find("\xE2\x9C\x93 Saved") != std::string::npos);
  }
}

TEST_CASE("lesson: finishing a step while its saves are on their way shows no saved mark") {
  LessonRig r;
  const auto p = r.play();
  r.press("next");
  r.host.sink.hold = true;
  r.finishActiveStep(p); // activity.completed, then progress, both waiting
  REQUIRE(p->runner.stepIndex() == 1);
  CHECK(r.shown().find("\xE2\x9C\x93 Saved") == std::string::npos);
  REQUIRE(r.host.sink.finish()); // the first of the two only
  r.host.pump();
  CHECK(p->saveMark() == LessonSession::SaveMark::Pending);
  CHECK(r.shown().find("\xE2\x9C\x93 Saved") == std::string::npos);
  REQUIRE(r.host.sink.finish());
  r.host.pump();
  CHECK(r.shown().find("\xE2\x9C\x93 Saved") != std::string::npos);
  std::vector<EventKind> kinds;
  for (const Event& e : r.host.events) {
    kinds.push_back(e.kind);
  }
  CHECK(kinds == std::vector<EventKind>{EventKind::ActivityCompleted, EventKind::LessonProgress});
}

TEST_CASE("whole-class lesson: attendance on its way is not an error; finish closes once saved") {
  Rig r([](FakeHost& h) { return makeClassLessonPickScreen(h); });
  r.press("class:" + kOak);
  r.press("lesson:reception-my-promises");
  auto* front = dynamic_cast<LessonScreen*>(r.host.stack.top());
  REQUIRE(front != nullptr);
  const auto p = front->play();
  r.press("next");
  playToEnd(p, r.host);
  REQUIRE(r.screen() == "class-lesson");
  r.host.sink.hold = true;
  r.press("finish");
  CHECK(r.screen() == "class-lesson"); // not saved yet: the teacher stays
  CHECK(r.shown().find("were not saved") == std::string::npos);
  CHECK(r.host.events.empty());
  while (r.host.sink.finish()) {
    r.host.pump();
  }
  // Two of Oak (each a lesson and the Reception AUP signed by the teacher).
  CHECK(r.host.events.size() == 4);
  r.press("finish"); // records nobody twice
  CHECK(r.host.events.size() == 4);
  CHECK(r.shown().find("Saved for 2 pupils.") != std::string::npos);
  r.press("done");
  CHECK(r.screen() == "class-lesson-pick");
}
