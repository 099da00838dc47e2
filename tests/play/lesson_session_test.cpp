// A lesson session without a window: what a pupil's lesson records and when it
// counts as saved, resuming (also after the pack changed), guests recording
// nothing, and whole-class lessons recorded for the pupils present.
#include "play/lesson_session.hpp"
#include "play_fixture.hpp"
#include "support/manual_sink.hpp"
#include "support/play_through.hpp"
#include "support/temp_dir.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <memory>

using namespace sq;
using namespace sq::test;

namespace {

const std::string kLesson = "y3-smart-explorers";
const std::string kSian = kFixturePupil;
const std::string k3B = kFixture3B;

// Plays the active step to its end and finishes it through the session.
void finishActiveStep(LessonSession& s) {
  if (s.runner().phase() == LessonRunner::Phase::Step) {
    REQUIRE(playStepThrough(s.runner()));
  }
  REQUIRE(s.finishStep());
}

std::vector<EventKind> kindsOf(const std::vector<EventDraft>& drafts) {
  std::vector<EventKind> out;
  for (const EventDraft& d : drafts) {
    out.push_back(d.kind);
  }
  return out;
}

// The drafts as the store would give them back, in order, a second apart.
std::vector<Event> asEvents(const std::vector<EventDraft>& drafts) {
  std::vector<Event> out;
  int second = 0;
  for (const EventDraft& d : drafts) {
    Event e;
    e.kind = d.kind;
    e.pupilId = d.pupilId;
    e.packId = d.packId;
    e.packVersion = d.packVersion;
    e.contentHash = d.contentHash;
    e.activityId = d.activityId;
    e.data = d.data;
    char t[32];
    std::snprintf(t, sizeof t, "2026-10-01T09:%02d:%02dZ", second / 60, second % 60);
    e.timeUtc = t;
    ++second;
    out.push_back(std::move(e));
  }
  return out;
}

} // namespace

TEST_CASE("session: a pupil's step records activity.completed and progress, saved only when "
          "the sink says") {
  ManualSink sink;
  Recorder rec(sink);
  LessonSession s(corePack(), coreLesson(kLesson), Band::Lks2, Player::pupil(kSian, k3B), rec);
  CHECK(s.saveMark() == LessonSession::SaveMark::Nothing);
  CHECK_FALSE(s.finishStep()); // the step is not finished yet
  CHECK(s.recorded().empty());
  finishActiveStep(s);
  CHECK(s.runner().stepIndex() == 1);
  REQUIRE(s.recorded().size() == 2);
  CHECK(s.saveMark() == LessonSession::SaveMark::Pending);
  REQUIRE(sink.finish(true));
  rec.pump();
  CHECK(s.saveMark() == LessonSession::SaveMark::Pending); // progress still on its way
  REQUIRE(sink.finish(true));
  rec.pump();
  CHECK(s.saveMark() == LessonSession::SaveMark::Saved);
  REQUIRE(sink.kept.size() == 2);
  const EventDraft& step = sink.kept[0];
  CHECK(step.kind == EventKind::ActivityCompleted);
  CHECK(step.pupilId == kSian);
  CHECK(step.activityId == coreLesson(kLesson).steps[0].id);
  CHECK(step.packVersion == corePack().version);
  CHECK(step.contentHash == corePack().contentHash);
  const auto stepData = decodeDraft(step);
  REQUIRE(stepData.has_value());
  CHECK(std::get<ActivityCompletedData>(*stepData).lesson == kLesson);
  const EventDraft& progress = sink.kept[1];
  CHECK(progress.kind == EventKind::LessonProgress);
  CHECK(progress.activityId == kLesson);
  // One JSON object: the snapshot and its step runner's snapshot are nested objects.
  const auto data = nlohmann::json::parse(progress.data);
  CHECK(data["step"] == coreLesson(kLesson).steps[1].id);
  REQUIRE(data["snapshot"].is_object());
  CHECK(data["snapshot"]["inner"].is_object());
}

TEST_CASE("session: a failed save marks failed with the reason, and the next step retries it "
          "in order") {
  InstantSink sink;
  Recorder rec(sink);
  LessonSession s(corePack(), coreLesson(kLesson), Band::Lks2, Player::pupil(kSian, k3B), rec);
  sink.failWith = "disk I/O error";
  finishActiveStep(s);
  CHECK(s.runner().stepIndex() == 1); // the pupil carries on
  CHECK(s.saveMark() == LessonSession::SaveMark::Failed);
  CHECK(s.saveError() == "disk I/O error");
  CHECK(rec.unsaved().size() == 2);
  CHECK(sink.kept.empty());
  sink.failWith.clear();
  finishActiveStep(s);
  CHECK(s.saveMark() == LessonSession::SaveMark::Saved);
  CHECK(s.saveError().empty());
  CHECK(kindsOf(sink.kept) ==
        std::vector<EventKind>{EventKind::ActivityCompleted, EventKind::LessonProgress,
                               EventKind::ActivityCompleted, EventKind::LessonProgress});
}

TEST_CASE("session: the badge records lesson.completed once, after every step") {
  InstantSink sink;
  Recorder rec(sink);
  LessonSession s(corePack(), coreLesson(kLesson), Band::Lks2, Player::pupil(kSian, k3B), rec);
  while (s.runner().phase() == LessonRunner::Phase::Step) {
    finishActiveStep(s);
  }
  const auto count = [&](EventKind k) {
    return std::count_if(sink.kept.begin(), sink.kept.end(),
                         [&](const EventDraft& d) { return d.kind == k; });
  };
  CHECK(count(EventKind::LessonCompleted) == 0);
  CHECK(count(EventKind::ActivityCompleted) == static_cast<long>(coreLesson(kLesson).steps.size()));
  REQUIRE(s.finishStep()); // the reflection: on to the badge
  CHECK(s.runner().phase() == LessonRunner::Phase::Badge);
  CHECK(count(EventKind::LessonCompleted) == 1);
  CHECK(sink.kept.back().kind == EventKind::LessonCompleted);
  CHECK(sink.kept.back().activityId == kLesson);
  CHECK(sink.kept.back().data.empty());
  CHECK(s.saveMark() == LessonSession::SaveMark::Saved);
  const std::size_t before = sink.kept.size();
  REQUIRE(s.finishStep()); // the badge: finished, nothing more to record
  CHECK(s.runner().isFinished());
  CHECK(sink.kept.size() == before);
  CHECK_FALSE(s.finishStep());
}

TEST_CASE("session: signing an AUP step records aup.signed for the pupil's class, then progress") {
  InstantSink sink;
  Recorder rec(sink);
  LessonSession s(corePack(), coreLesson("y3-passwords-and-promises"), Band::Lks2,
                  Player::pupil(kSian, k3B), rec);
  while (s.runner().runnerAs<AupRunner>() == nullptr) {
    REQUIRE(s.runner().phase() == LessonRunner::Phase::Step);
    finishActiveStep(s);
  }
  AupRunner& aup = *s.runner().runnerAs<AupRunner>();
  CHECK_FALSE(s.signAup(SignedBy::Pupil)); // not every promise ticked yet
  for (std::size_t i = 0; i < aup.aup().promises.size(); ++i) {
    aup.tick(i);
  }
  const std::size_t before = sink.kept.size();
  REQUIRE(s.signAup(SignedBy::Pupil));
  REQUIRE(sink.kept.size() == before + 2);
  const EventDraft& signedAup = sink.kept[before];
  CHECK(signedAup.kind == EventKind::AupSigned);
  CHECK(signedAup.activityId == aup.aup().id);
  const auto d = decodeDraft(signedAup);
  REQUIRE(d.has_value());
  const auto& data = std::get<AupSignedData>(*d);
  CHECK(data.aupVersion == aup.aup().version);
  CHECK(data.phase == aup.aup().phase);
  CHECK(data.classId == k3B);
  CHECK(data.signedBy == SignedBy::Pupil);
  CHECK_FALSE(data.wholeClass);
  CHECK(sink.kept[before + 1].kind == EventKind::LessonProgress);
}

TEST_CASE("session: a guest plays the whole lesson and nothing is recorded") {
  InstantSink sink;
  Recorder rec(sink);
  LessonSession s(corePack(), coreLesson(kLesson), sessionBand(corePack(), kLesson, std::nullopt),
                  Player::guest(), rec);
  CHECK(s.band() == Band::Lks2); // the band the lesson is written for
  while (!s.runner().isFinished()) {
    finishActiveStep(s);
  }
  CHECK(sink.begun == 0);
  CHECK(s.saveMark() == LessonSession::SaveMark::Nothing);
  CHECK_FALSE(s.resume(asEvents({})).has_value());
  CHECK_FALSE(s.recordAttendance({{kSian, k3B}}));
  CHECK(sink.begun == 0);
}

TEST_CASE("session: a whole class records nothing until the teacher says who was present") {
  InstantSink sink;
  Recorder rec(sink);
  const std::string oak = kFixtureOak;
  LessonSession s(corePack(), coreLesson("reception-my-promises"), Band::Eyfs,
                  Player::wholeClass(oak), rec);
  CHECK_FALSE(s.recordAttendance({{kFixtureReception, oak}})); // not played yet
  while (s.runner().phase() == LessonRunner::Phase::Step ||
         s.runner().phase() == LessonRunner::Phase::Reflection) {
    finishActiveStep(s);
  }
  CHECK(sink.begun == 0);
  CHECK(s.saveMark() == LessonSession::SaveMark::Nothing);

  const std::string joined = "a0000000-0000-4000-8000-000000000010"; // from another class
  sink.failWith = "the records folder is read-only";
  REQUIRE(s.recordAttendance({{kFixtureReception, oak}, {joined, k3B}}));
  CHECK(s.saveMark() == LessonSession::SaveMark::Failed);
  CHECK(s.attendanceState(kFixtureReception) == Recorder::State::Failed);
  CHECK(s.attendanceState(joined) == Recorder::State::Pending);
  sink.failWith.clear();
  // Finish again: retried, and nobody is recorded twice.
  REQUIRE(s.recordAttendance({{kFixtureReception, oak}, {joined, k3B}}));
  CHECK(s.saveMark() == LessonSession::SaveMark::Saved);
  CHECK(s.attendanceState(joined) == Recorder::State::Saved);
  REQUIRE(sink.kept.size() == 4); // per pupil: the lesson, and the Reception AUP
  for (std::size_t i = 0; i < 4; i += 2) {
    const EventDraft& lesson = sink.kept[i];
    CHECK(lesson.kind == EventKind::LessonCompleted);
    CHECK(lesson.activityId == "reception-my-promises");
    const auto ld = decodeDraft(lesson);
    REQUIRE(ld.has_value());
    CHECK(std::get<LessonCompletedData>(*ld).wholeClass);
    CHECK(std::get<LessonCompletedData>(*ld).classId == oak); // the class taught
    const EventDraft& signedAup = sink.kept[i + 1];
    CHECK(signedAup.kind == EventKind::AupSigned);
    CHECK(signedAup.pupilId == lesson.pupilId);
    CHECK(signedAup.activityId == "eyfs-aup");
    const auto ad = decodeDraft(signedAup);
    REQUIRE(ad.has_value());
    const auto& a = std::get<AupSignedData>(*ad);
    CHECK(a.signedBy == SignedBy::Teacher);
    CHECK(a.wholeClass);
    CHECK(a.phase == AupPhase::Eyfs);
    CHECK(a.classId == (lesson.pupilId == joined ? k3B : oak)); // the pupil's own class
  }
}

TEST_CASE("session: a pupil resumes from their newest progress, also after the pack changed") {
  InstantSink sink;
  Recorder rec(sink);
  const Player sian = Player::pupil(kSian, k3B);
  LessonSession first(corePack(), coreLesson(kLesson), Band::Lks2, sian, rec);
  finishActiveStep(first);
  finishActiveStep(first);
  REQUIRE(first.runner().stepIndex() == 2);
  std::vector<Event> events = asEvents(sink.kept);
  REQUIRE(events.back().kind == EventKind::LessonProgress);

  const auto resumed = [&](const std::vector<Event>& evs) {
    auto s =
        std::make_unique<LessonSession>(corePack(), coreLesson(kLesson), Band::Lks2, sian, rec);
    const auto how = s->resume(evs);
    return std::make_pair(std::move(s), how);
  };
  const auto withSnapshot = [&](const std::function<void(nlohmann::json&)>& edit) {
    std::vector<Event> evs = events;
    auto data = nlohmann::json::parse(evs.back().data);
    edit(data["snapshot"]);
    evs.back().data = data.dump();
    return evs;
  };

  SUBCASE("the same content: the same place") {
    auto [s, how] = resumed(events);
    CHECK(how == LessonRunner::Resume::Exact);
    CHECK(s->runner().stepIndex() == 2);
    CHECK(s->resumeNote().empty());
  }
  SUBCASE("another pupil's records are not theirs") {
    for (Event& e : events) {
      e.pupilId = "someone-else";
    }
    auto [s, how] = resumed(events);
    CHECK_FALSE(how.has_value());
    CHECK(s->runner().stepIndex() == 0);
  }
  SUBCASE("the pack changed and the step is still there: that step") {
    auto [s, how] =
        resumed(withSnapshot([](nlohmann::json& j) { j["contentHash"] = "0123456789abcdef"; }));
    CHECK(how == LessonRunner::Resume::SameStep);
    CHECK(s->runner().stepIndex() == 2);
    CHECK(s->resumeNote().empty());
  }
  SUBCASE("the step is gone: the start, with a kind word") {
    auto [s, how] = resumed(withSnapshot([](nlohmann::json& j) {
      j["contentHash"] = "0123456789abcdef";
      j["step"] = "a-step-that-was-deleted";
    }));
    CHECK(how == LessonRunner::Resume::Restarted);
    CHECK(s->runner().stepIndex() == 0);
    CHECK(s->resumeNote() == "lesson.restarted");
  }
  SUBCASE("a snapshot that cannot be read: the start, without a crash") {
    auto [s, how] = resumed(withSnapshot([](nlohmann::json& j) { j = "{{{ not json"; }));
    CHECK(how == LessonRunner::Resume::Invalid);
    CHECK(s->runner().stepIndex() == 0);
    std::vector<Event> broken = events;
    broken.back().data = "not even an object";
    auto [t, how2] = resumed(broken);
    CHECK_FALSE(how2.has_value());
    CHECK(t->runner().stepIndex() == 0);
  }
  SUBCASE("the old form, the snapshot as text with its step runner's as text again") {
    auto evs = withSnapshot([](nlohmann::json& j) {
      j["v"] = 1;
      j["inner"] = j["inner"].dump();
      j = j.dump();
    });
    CHECK(nlohmann::json::parse(evs.back().data)["snapshot"].is_string());
    auto [s, how] = resumed(evs);
    CHECK(how == LessonRunner::Resume::Exact);
    CHECK(s->runner().stepIndex() == 2);
  }
  SUBCASE("completed after the last progress: a new attempt from the start") {
    Event done = events.back();
    done.kind = EventKind::LessonCompleted;
    done.data.clear();
    done.timeUtc = "2026-10-01T10:00:00Z";
    events.push_back(done);
    auto [s, how] = resumed(events);
    CHECK_FALSE(how.has_value());
    CHECK(s->runner().stepIndex() == 0);
  }
}

TEST_CASE("session: over the real store, a resumed lesson carries on from the records") {
  TempDir dir;
  std::string error;
  auto store = ResultsStore::open(dir.str(), error);
  REQUIRE(store);
  StoreSink sink(*store);
  Recorder rec(sink);
  const Player sian = Player::pupil(kSian, k3B);
  LessonSession first(corePack(), coreLesson(kLesson), Band::Lks2, sian, rec);
  finishActiveStep(first);
  CHECK(first.saveMark() == LessonSession::SaveMark::Saved);
  EventFilter f;
  f.pupilId = kSian;
  LessonSession again(corePack(), coreLesson(kLesson), Band::Lks2, sian, rec);
  const auto how = again.resume(store->events(f));
  REQUIRE(how.has_value());
  CHECK(*how == LessonRunner::Resume::Exact);
  CHECK(again.runner().stepIndex() == 1);
}

TEST_CASE("session: the band is the pupil's year group's, else the lesson's unit's") {
  CHECK(sessionBand(corePack(), kLesson, YearGroup::Y5) == Band::Uks2);
  CHECK(sessionBand(corePack(), kLesson, std::nullopt) == Band::Lks2);
  CHECK(sessionBand(corePack(), "no-such-lesson", std::nullopt) == Band::Ks1);
}
