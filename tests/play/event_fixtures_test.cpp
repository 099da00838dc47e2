// Records written before typed events (tests/fixtures/events-v1, never edited) still
// decode, keep their meaning through the store, restore their lesson snapshots and
// count in the register.
#include "play/lesson_session.hpp"
#include "play_fixture.hpp"
#include "results/completion_rules.hpp"
#include "results/event_payload.hpp"
#include "results/register.hpp"
#include "support/manual_sink.hpp"
#include "support/temp_dir.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <sstream>

using namespace sq;
using namespace sq::test;

namespace {

struct Fixture {
  std::string writer;
  Event event;
};

std::vector<Fixture> loadFixtures() {
  std::ifstream in(std::string(SQ_SOURCE_DIR) + "/tests/fixtures/events-v1/events.json");
  REQUIRE(in.good());
  std::stringstream text;
  text << in.rdbuf();
  const auto doc = nlohmann::json::parse(text.str(), nullptr, false);
  REQUIRE(doc.is_object());
  std::vector<Fixture> out;
  for (const auto& f : doc["events"]) {
    const auto& j = f["event"];
    Event e;
    e.uuid = j["uuid"];
    e.deviceId = j["deviceId"];
    e.seq = j["seq"];
    e.pupilId = j["pupilId"];
    const auto kind = parseEventKind(j["kind"].get<std::string>());
    REQUIRE(kind.has_value());
    e.kind = *kind;
    e.packId = j["packId"];
    e.packVersion = j["packVersion"];
    e.contentHash = j["contentHash"];
    e.activityId = j["activityId"];
    if (j.contains("score")) {
      e.score = j["score"].get<std::int64_t>();
    }
    if (j.contains("maxScore")) {
      e.maxScore = j["maxScore"].get<std::int64_t>();
    }
    e.choices = j["choices"];
    e.timeUtc = j["timeUtc"];
    e.data = j["data"];
    out.push_back({f["writer"].get<std::string>(), std::move(e)});
  }
  REQUIRE(out.size() == 27);
  return out;
}

std::vector<Event> eventsOf(const std::vector<Fixture>& fixtures) {
  std::vector<Event> out;
  for (const Fixture& f : fixtures) {
    out.push_back(f.event);
  }
  return out;
}

Roster fixtureRoster() {
  Roster r;
  r.classes = {{kFixture3B, "3B"}, {kFixtureOak, "Oak"}};
  r.pupils = {{kFixturePupil, "Siân", "K", kFixture3B, YearGroup::Y3, "", ""},
              {kFixtureReception, "Ffion", "D", kFixtureOak, YearGroup::Reception, "", ""}};
  r.staff = {{"b0000000-0000-4000-8000-000000000001", "Mrs Jones"}};
  return r;
}

const PupilStatus& statusOf(const Register& reg, const std::string& id) {
  for (const PupilStatus& p : reg.pupils) {
    if (p.id == id) {
      return p;
    }
  }
  FAIL("pupil not in the register");
  throw 0;
}

} // namespace

TEST_CASE("events-v1: every event decodes, and the screens' ones re-encode to the same text") {
  for (const Fixture& f : loadFixtures()) {
    CAPTURE(f.writer);
    CAPTURE(f.event.data);
    std::string error;
    const auto p = decodeEvent(f.event, &error);
    REQUIRE_MESSAGE(p.has_value(), error);
    CHECK(payloadKind(*p) == f.event.kind);
    // The screens wrote sorted keys, as the encoder does; the command line wrote
    // them in its own order, and the progress snapshot is now nested as an object.
    if (f.writer.rfind("cli/", 0) != 0 && f.event.kind != EventKind::LessonProgress) {
      CHECK(encodePayload(*p) == f.event.data);
    }
  }
}

TEST_CASE("events-v1: the payloads mean what their writers meant") {
  const auto fixtures = loadFixtures();
  int signedByPupil = 0, signedByTeacher = 0, wholeClass = 0, withSnapshot = 0;
  for (const Fixture& f : fixtures) {
    const Event& e = f.event;
    if (auto s = payloadAs<AupSignedData>(e)) {
      CHECK(s->aupVersion == "2026.1");
      REQUIRE(s->phase.has_value());
      CHECK((s->phase == AupPhase::Ks2) == (e.activityId == "ks2-aup"));
      signedByPupil += s->signedBy == SignedBy::Pupil ? 1 : 0;
      signedByTeacher += s->signedBy == SignedBy::Teacher && s->wholeClass ? 1 : 0;
    } else if (auto l = payloadAs<LessonCompletedData>(e)) {
      wholeClass += l->wholeClass && !l->classId.empty() ? 1 : 0;
    } else if (auto pr = payloadAs<LessonProgressData>(e)) {
      withSnapshot += pr->snapshot.empty() ? 0 : 1;
      if (!pr->snapshot.empty()) {
        CHECK(pr->snapshot.front() == '{');
      }
    } else if (auto a = payloadAs<AssemblyGivenData>(e)) {
      CHECK(a->yearGroups == std::vector<YearGroup>{YearGroup::Y3, YearGroup::Y4});
      CHECK(a->presenter == "Mrs Jones");
      CHECK(a->date == "2026-10-07");
    } else if (auto c = payloadAs<AupClassConfirmedData>(e)) {
      CHECK(c->classId == kFixture3B);
      CHECK_FALSE(c->staffId.empty());
    } else if (auto h = payloadAs<HelpAskedData>(e)) {
      CHECK(h->classId == kFixture3B);
      CHECK(e.pupilId.empty());
    } else if (auto ac = payloadAs<ActivityCompletedData>(e)) {
      const StepOfLesson where = stepOfLesson(e, *ac);
      CHECK_FALSE(where.lesson.empty());
    }
  }
  CHECK(signedByPupil == 2);   // the AUP step and the command line
  CHECK(signedByTeacher == 1); // the Reception AUP in a whole-class lesson
  CHECK(wholeClass == 3);      // two whole-class lessons and the command line's
  CHECK(withSnapshot == 4);
}

TEST_CASE("events-v1: the register counts them, through a store and back") {
  TempDir dir;
  std::string error;
  auto store = ResultsStore::open(dir.str(), error);
  REQUIRE(store);
  // The fixtures' pupil.erased was written before erasures were signed: it still
  // decodes, but a merge no longer takes an unsigned tombstone from another device.
  ForeignCounts counts;
  REQUIRE(store->insertForeign(eventsOf(loadFixtures()), error, "", &counts) == 26);
  CHECK(counts.tombstonesRefused == 1);
  const std::vector<Event> events = store->events();
  // Counted against the core pack as it was when these events were written: Year 3's
  // unit then had these two required lessons, and every phase's promises were 2026.1.
  Pack asWritten = corePack();
  for (Unit& u : asWritten.units) {
    if (u.yearGroup == YearGroup::Y3) {
      u.lessons = {{"y3-smart-explorers", true}, {"y3-passwords-and-promises", true}};
    }
  }
  for (Aup& a : asWritten.aups) {
    a.version = "2026.1";
  }
  const std::vector<const Pack*> packs = {&asWritten};
  const Register reg = computeRegister(events, fixtureRoster(), packs, 2026, {});

  const PupilStatus& sian = statusOf(reg, kFixturePupil);
  CHECK(sian.requiredTotal == 2);
  CHECK(sian.unitComplete); // her own lesson and the whole-class one
  CHECK(sian.aupSigned);
  CHECK(sian.aupVersion == "2026.1");
  CHECK(sian.parentAgreed);
  const PupilStatus& ffion = statusOf(reg, kFixtureReception);
  CHECK(ffion.requiredDone == 1); // reception-my-promises, with the class
  CHECK(ffion.aupSigned);         // signed by the teacher for her
  CHECK(ffion.parentAgreed);

  bool confirmed = false;
  for (const ClassRow& row : reg.classes) {
    if (row.classId == kFixture3B) {
      confirmed = row.confirmation.confirmed;
      // The latest confirmation counts: the command line's, by staff not on the list.
      CHECK(row.confirmation.staffId == "s0000000-0000-4000-8000-000000000001");
      CHECK(row.confirmation.timeUtc == "2026-10-04T09:00:00Z");
      CHECK(row.confirmation.aupVersion == "2026.1");
    }
  }
  CHECK(confirmed);
  REQUIRE(reg.assemblies.size() == 1);
  CHECK(reg.assemblies[0].yearGroups == std::vector<YearGroup>{YearGroup::Y3, YearGroup::Y4});
  CHECK(reg.assemblies[0].presenter == "Mrs Jones");
}

TEST_CASE("events-v1: a lesson.completed without a pack id completes nothing, anywhere") {
  for (const Fixture& f : loadFixtures()) {
    if (f.event.kind == EventKind::LessonCompleted && f.event.packId.empty()) {
      CHECK_FALSE(countsAsLessonCompletion(f.event));
      const Register reg = computeRegister({f.event}, fixtureRoster(), {&corePack()}, 2026, {});
      CHECK(statusOf(reg, kFixturePupil).requiredDone == 0);
      return;
    }
  }
  FAIL("the fixtures hold a lesson.completed the command line wrote without --pack");
}

TEST_CASE("events-v1: the old nested-text snapshots restore where the pupil was") {
  const Lesson& lesson = coreLesson("y3-smart-explorers");
  std::vector<Event> progress;
  for (const Fixture& f : loadFixtures()) {
    if (f.event.kind == EventKind::LessonProgress && f.writer.rfind("ui/", 0) == 0) {
      progress.push_back(f.event);
    }
  }
  REQUIRE(progress.size() == 4);
  const bool sameContent = progress[0].contentHash == corePack().contentHash;
  const LessonRunner::Resume expected =
      sameContent ? LessonRunner::Resume::Exact : LessonRunner::Resume::SameStep;
  const std::size_t steps[] = {1, 1, 2};
  for (std::size_t i = 0; i < 3; ++i) {
    const auto data = payloadAs<LessonProgressData>(progress[i]);
    REQUIRE(data.has_value());
    LessonRunner run(corePack(), lesson, Band::Lks2, 1);
    CHECK(run.restore(data->snapshot) == expected);
    CHECK(run.stepIndex() == steps[i]);
    REQUIRE(run.step() != nullptr);
    CHECK(run.step()->id == data->step);
  }
  if (sameContent) {
    // Inside the scenario: the choice made before is still made.
    LessonRunner run(corePack(), lesson, Band::Lks2, 1);
    REQUIRE(run.restore(payloadAs<LessonProgressData>(progress[1])->snapshot) ==
            LessonRunner::Resume::Exact);
    REQUIRE(run.runnerAs<ScenarioRunner>() != nullptr);
    CHECK(run.runnerAs<ScenarioRunner>()->outcome().choices ==
          std::vector<std::string>{"share-both"});
    LessonRunner atEnd(corePack(), lesson, Band::Lks2, 1);
    CHECK(atEnd.restore(payloadAs<LessonProgressData>(progress[3])->snapshot) ==
          LessonRunner::Resume::Exact);
    CHECK(atEnd.phase() == LessonRunner::Phase::Reflection);
  }

  // A session resumes from the newest of the lesson's own, unless the lesson was
  // completed after it. (The command line's later progress has no snapshot.)
  ManualSink sink;
  Recorder rec(sink);
  std::vector<Event> all;
  for (const Fixture& f : loadFixtures()) {
    if (f.writer.rfind("ui/", 0) == 0) {
      all.push_back(f.event);
    }
  }
  LessonSession done(corePack(), lesson, Band::Lks2, Player::pupil(kFixturePupil, kFixture3B), rec);
  CHECK_FALSE(done.resume(all).has_value()); // the badge came after the last progress
  all.erase(std::remove_if(all.begin(), all.end(),
                           [](const Event& e) {
                             return e.kind == EventKind::LessonCompleted &&
                                    e.activityId == "y3-smart-explorers";
                           }),
            all.end());
  LessonSession again(corePack(), lesson, Band::Lks2, Player::pupil(kFixturePupil, kFixture3B),
                      rec);
  const auto how = again.resume(all);
  REQUIRE(how.has_value());
  if (sameContent) {
    CHECK(*how == LessonRunner::Resume::Exact);
    CHECK(again.runner().phase() == LessonRunner::Phase::Reflection);
  } else {
    CHECK(*how == LessonRunner::Resume::Restarted); // the reflection is not a step
  }
}
