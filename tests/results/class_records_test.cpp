// What the teacher's screens read back about a class: how an AUP was signed and
// when, the lessons taught to the whole class, and the butterfly presses with their
// quick-close marks.
#include "results/class_records.hpp"
#include "results/event_payload.hpp"

#include <doctest/doctest.h>

using namespace sq;

namespace {

const std::string kPupil = "a1000000-0000-4000-8000-000000000001";
const std::string k3B = "c0000000-0000-4000-8000-000000000001";
const std::string kOak = "c0000000-0000-4000-8000-000000000002";

Event fromDraft(const EventDraft& d, const std::string& time) {
  Event e;
  e.kind = d.kind;
  e.pupilId = d.pupilId;
  e.packId = d.packId;
  e.activityId = d.activityId;
  e.data = d.data;
  e.timeUtc = time;
  return e;
}

AupRef ks1Aup() {
  return AupRef{PackRef{"core", "1.0.0", "h"}, "aup-ks1", "2026.1", AupPhase::Ks1};
}

} // namespace

TEST_CASE("an AUP signing says who signed it (pupil, or teacher in class) and when") {
  const std::vector<Event> none;
  CHECK_FALSE(latestAupSigning(none, "2026.1", "ks1", "2026-09-01", "2027-09-01"));

  std::vector<Event> events = {
      fromDraft(makeAupSigned(kPupil, ks1Aup(), SignedBy::Pupil, k3B), "2026-10-01T09:00:00Z")};
  auto s = latestAupSigning(events, "2026.1", "ks1", "2026-09-01", "2027-09-01");
  REQUIRE(s);
  CHECK(s->by == AupSigner::Pupil);
  CHECK(s->timeUtc == "2026-10-01T09:00:00Z");

  // The teacher for the class in a whole-class lesson, later: that is the newest.
  events.push_back(fromDraft(makeAupSigned(kPupil, ks1Aup(), SignedBy::Teacher, k3B, true),
                             "2026-11-02T10:00:00Z"));
  s = latestAupSigning(events, "2026.1", "ks1", "2026-09-01", "2027-09-01");
  REQUIRE(s);
  CHECK(s->by == AupSigner::TeacherInClass);
  CHECK(s->timeUtc == "2026-11-02T10:00:00Z");

  // The teacher for one pupil, not in class.
  events.push_back(fromDraft(makeAupSigned(kPupil, ks1Aup(), SignedBy::Teacher, k3B, false),
                             "2026-11-03T10:00:00Z"));
  CHECK(latestAupSigning(events, "2026.1", "ks1", "2026-09-01", "2027-09-01")->by ==
        AupSigner::Teacher);

  // Another version, another phase, or another year is not this signing.
  CHECK_FALSE(latestAupSigning(events, "2027.1", "ks1", "2026-09-01", "2027-09-01"));
  CHECK_FALSE(latestAupSigning(events, "2026.1", "ks2", "2026-09-01", "2027-09-01"));
  CHECK_FALSE(latestAupSigning(events, "2026.1", "ks1", "2027-09-01", "2028-09-01"));

  // A signing written before the game said who signed is the pupil's.
  Event old = events.front();
  old.data = R"({"aupVersion":"2026.1"})";
  const auto o = latestAupSigning({old}, "2026.1", "ks1", "2026-09-01", "2027-09-01");
  REQUIRE(o);
  CHECK(o->by == AupSigner::Pupil);
}

TEST_CASE("the lessons taught to a class as a whole class, with the newest date") {
  const PackRef core{"core", "1.0.0", "h"};
  const std::vector<Event> events = {
      fromDraft(makeClassLessonCompleted(kPupil, core, "y1-share", k3B), "2026-10-01T09:00:00Z"),
      fromDraft(makeClassLessonCompleted(kPupil, core, "y1-share", k3B), "2026-10-08T09:00:00Z"),
      fromDraft(makeClassLessonCompleted(kPupil, core, "y1-other", kOak), "2026-10-02T09:00:00Z"),
      fromDraft(makeLessonCompleted(kPupil, core, "y1-alone"), "2026-10-03T09:00:00Z"),
  };
  const auto taught = lessonsTaughtToClass(events, k3B);
  REQUIRE(taught.size() == 1);
  CHECK(taught.at({"core", "y1-share"}) == "2026-10-08T09:00:00Z");
  CHECK(lessonsTaughtToClass(events, kOak).count({"core", "y1-other"}) == 1);
  CHECK(lessonsTaughtToClass(events, "").empty());
}

TEST_CASE("butterfly presses: a quick close is folded into the press it marks") {
  std::vector<Event> events = {
      fromDraft(makeHelpAsked(k3B), "2026-11-18T10:00:00Z"),
      fromDraft(makeHelpClosedQuickly(k3B, "2026-11-18T10:00:00Z"), "2026-11-18T10:00:02Z"),
      fromDraft(makeHelpAsked(k3B), "2026-11-18T11:00:00Z"),  // a real request: stayed
      fromDraft(makeHelpAsked(kOak), "2026-11-18T10:00:00Z"), // same time, other class
  };
  const auto presses = helpPresses(events);
  REQUIRE(presses.size() == 3); // the mark is not a press of its own
  CHECK(presses[0].timeUtc == "2026-11-18T10:00:00Z");
  CHECK(presses[0].classId == k3B);
  CHECK(presses[0].closedQuickly);
  CHECK(presses[0].closedAt == "2026-11-18T10:00:02Z");
  CHECK(presses[1].classId == kOak);
  CHECK_FALSE(presses[1].closedQuickly);
  CHECK_FALSE(presses[2].closedQuickly);

  // A mark whose press is not here still shows, never hidden.
  const auto alone = helpPresses(
      {fromDraft(makeHelpClosedQuickly(k3B, "2026-11-18T09:00:00Z"), "2026-11-18T09:00:01Z")});
  REQUIRE(alone.size() == 1);
  CHECK(alone[0].timeUtc == "2026-11-18T09:00:00Z");
  CHECK(alone[0].closedQuickly);

  // Rows written before the mark existed read as real requests.
  Event old = fromDraft(makeHelpAsked(k3B), "2026-10-01T09:00:00Z");
  old.data = R"({"classId":")" + k3B + R"("})";
  const auto d = payloadAs<HelpAskedData>(old);
  REQUIRE(d);
  CHECK(d->classId == k3B);
  CHECK_FALSE(d->closedQuickly);
  CHECK(d->askedAt.empty());
  CHECK_FALSE(helpPresses({old}).front().closedQuickly);
}

TEST_CASE("a date on a small tile is its day and month") {
  CHECK(dayAndMonth("2026-10-08T09:00:00Z") == "8 Oct");
  CHECK(dayAndMonth("2027-01-31") == "31 Jan");
  CHECK(dayAndMonth("not a date") == "not a date");
  CHECK(dayAndMonth("") == "");
}
