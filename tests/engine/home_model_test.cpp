// What home shows: the pupil's own unit, lesson states from the records of this
// academic year, unlocked bands, and everything for a guest.
#include "screens/home_model.hpp"
#include "ui_fixtures.hpp"

#include <doctest/doctest.h>

using namespace sq;
using namespace sq::test;

TEST_CASE("done, in progress and not started come from this academic year's events") {
  std::vector<Event> events = {
      lessonEvent(EventKind::LessonProgress, kSian, "a", "2026-09-10T09:00:00Z"),
      lessonEvent(EventKind::LessonCompleted, kSian, "a", "2026-09-11T09:00:00Z"),
      lessonEvent(EventKind::LessonProgress, kSian, "b", "2026-10-01T09:00:00Z"),
      lessonEvent(EventKind::LessonCompleted, kSian, "c", "2026-07-20T09:00:00Z"), // last year
      lessonEvent(EventKind::LessonCompleted, "someone-else", "d", "2026-10-01T09:00:00Z"),
  };
  // A completion before progress (recorded on another PC, merged later) still counts.
  events.push_back(lessonEvent(EventKind::LessonCompleted, kSian, "e", "2026-10-01T09:00:00Z"));
  events.push_back(lessonEvent(EventKind::LessonProgress, kSian, "e", "2026-10-02T09:00:00Z"));
  const LessonStates s = lessonStates(events, kSian, 2026);
  CHECK(stateOf(s, "core", "a") == LessonState::Done);
  CHECK(stateOf(s, "core", "b") == LessonState::InProgress);
  CHECK(stateOf(s, "core", "c") == LessonState::NotStarted);
  CHECK(stateOf(s, "core", "d") == LessonState::NotStarted);
  CHECK(stateOf(s, "core", "e") == LessonState::Done);
  CHECK(stateOf(s, "other-pack", "a") == LessonState::NotStarted);
  // An event without a pack id completes no lesson, as in the register
  // (results/completion_rules).
  Event bare = lessonEvent(EventKind::LessonCompleted, kSian, "f", "2026-10-01T09:00:00Z");
  bare.packId.clear();
  CHECK(stateOf(lessonStates({bare}, kSian, 2026), "core", "f") == LessonState::NotStarted);
  CHECK(stateOf(lessonStates({bare}, kSian, 2026), "", "f") == LessonState::NotStarted);
}

TEST_CASE("the academic year starts on 1 September") {
  CHECK(academicYearAt(1788220800) == 2026); // 2026-09-01T00:00:00Z
  CHECK(academicYearAt(1788220799) == 2025); // a second earlier
}

TEST_CASE("a pupil sees their own year group's unit, with their progress") {
  FakeHost h;
  h.signIn(*h.rosterData.findPupil(kSian));
  const std::vector<Event> events = {
      lessonEvent(EventKind::LessonCompleted, kSian, "y3-smart-explorers", "2026-10-02T10:00:00Z")};
  const HomeModel m = buildHomeModel(&coreCatalog(), h.who, events, 2026, GameConfig{});
  CHECK_FALSE(m.loading);
  CHECK(m.name == "Siân K");
  REQUIRE(m.units.size() == 1);
  CHECK(m.units[0].own);
  CHECK(m.units[0].yearGroup == YearGroup::Y3);
  REQUIRE(m.units[0].lessons.size() == 4); // the core pack's Year 3 unit
  CHECK(m.units[0].lessons[0].lessonId == "y3-smart-explorers");
  CHECK(m.units[0].lessons[0].state == LessonState::Done);
  CHECK(m.units[0].lessons[1].state == LessonState::NotStarted);
  CHECK(m.units[0].lessons[0].picture.find("assets/pictures/") != std::string::npos);
}

TEST_CASE("other bands appear only when the teacher unlocks them: guests see all") {
  FakeHost h;
  h.signIn(*h.rosterData.findPupil(kSian));
  GameConfig cfg;
  cfg.unlockedBands = {Band::Uks2};
  HomeModel m = buildHomeModel(&coreCatalog(), h.who, {}, 2026, cfg);
  REQUIRE(m.units.size() == 3); // own Y3, then Y5 and Y6
  CHECK(m.units[0].yearGroup == YearGroup::Y3);
  CHECK(m.units[1].yearGroup == YearGroup::Y5);
  CHECK(m.units[2].yearGroup == YearGroup::Y6);
  cfg.unlockedBands = {Band::Lks2}; // the pupil's own band: Y4 as well
  m = buildHomeModel(&coreCatalog(), h.who, {}, 2026, cfg);
  CHECK(m.units.size() == 2);

  h.signInGuest();
  m = buildHomeModel(&coreCatalog(), h.who, {}, 2026, GameConfig{});
  CHECK(m.guest);
  CHECK(m.units.size() == 7);
  CHECK(buildHomeModel(nullptr, h.who, {}, 2026, GameConfig{}).loading);
}
