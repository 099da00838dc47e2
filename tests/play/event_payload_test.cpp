// Typed events: each kind's payload encodes to the stored form the game has always
// written, decodes back to the same struct, and bad stored data decodes to an
// error rather than a crash.
#include "results/completion_rules.hpp"
#include "results/event_payload.hpp"

#include <doctest/doctest.h>

using namespace sq;

namespace {

const std::string kPupil = "a0000000-0000-4000-8000-000000000001";
const std::string k3B = "c0000000-0000-4000-8000-000000000001";

PackRef core() {
  return {"core", "1.0.0", "6c2ce9b779f10516"};
}

AupRef ks2Aup() {
  return {core(), "ks2-aup", "2026.1", AupPhase::Ks2};
}

template <typename P> P decoded(const EventDraft& d) {
  auto p = decodeDraft(d);
  REQUIRE(p.has_value());
  REQUIRE(std::holds_alternative<P>(*p));
  return std::get<P>(*p);
}

} // namespace

TEST_CASE("event kinds: one table gives every kind its stored id and its payload") {
  for (EventKind k : allEventKinds()) {
    CHECK(parseEventKind(eventKindId(k)) == k);
    CHECK(payloadKind(emptyPayload(k)) == k);
    // An empty data field is an empty payload of the kind.
    auto p = decodePayload(k, "");
    REQUIRE(p.has_value());
    CHECK(payloadKind(*p) == k);
  }
  CHECK(allEventKinds().size() == std::variant_size_v<EventPayload>);
  CHECK_FALSE(parseEventKind("lesson.done").has_value());
}

TEST_CASE("builders write exactly what the screens wrote before typed events") {
  // The strings on the right are what nlohmann::json::dump() of the screens' own
  // objects produced (sorted keys), as kept in tests/fixtures/events-v1.
  const EventDraft step = makeActivityCompleted(kPupil, core(), "y3-smart-explorers", "smart-quiz",
                                                "quiz", 4, 5, {"a", "b"});
  CHECK(step.kind == EventKind::ActivityCompleted);
  CHECK(step.activityId == "smart-quiz");
  CHECK(step.packVersion == "1.0.0");
  CHECK(step.contentHash == "6c2ce9b779f10516");
  CHECK(step.score == 4);
  CHECK(step.maxScore == 5);
  CHECK(step.choices == R"(["a","b"])");
  CHECK(step.data == R"({"kind":"quiz","lesson":"y3-smart-explorers"})");
  CHECK(makeActivityCompleted(kPupil, core(), "l", "s", "slides", std::nullopt, std::nullopt, {})
            .choices.empty());

  const EventDraft done = makeLessonCompleted(kPupil, core(), "y3-smart-explorers");
  CHECK(done.kind == EventKind::LessonCompleted);
  CHECK(done.data.empty());
  CHECK(makeClassLessonCompleted(kPupil, core(), "y3-smart-explorers", k3B).data ==
        R"({"classId":")" + k3B + R"(","wholeClass":true})");

  const EventDraft signedAup = makeAupSigned(kPupil, ks2Aup(), SignedBy::Pupil, k3B);
  CHECK(signedAup.activityId == "ks2-aup");
  CHECK(signedAup.data ==
        R"({"aupVersion":"2026.1","classId":")" + k3B + R"(","phase":"ks2","signedBy":"pupil"})");
  CHECK(makeAupSigned(kPupil, ks2Aup(), SignedBy::Teacher, k3B, true).data ==
        R"({"aupVersion":"2026.1","classId":")" + k3B +
            R"(","phase":"ks2","signedBy":"teacher","wholeClass":true})");

  const EventDraft confirmed = makeAupClassConfirmed(ks2Aup(), k3B, "staff-1");
  CHECK(confirmed.pupilId.empty());
  CHECK(confirmed.data ==
        R"({"aupVersion":"2026.1","classId":")" + k3B + R"(","phase":"ks2","staffId":"staff-1"})");
  CHECK(makeAupClassConfirmed(ks2Aup(), k3B, "").data.find("staffId") == std::string::npos);

  const AupRef aup = ks2Aup();
  CHECK(makeAupParentAgreed(kPupil, k3B, &aup).data ==
        R"({"aupVersion":"2026.1","classId":")" + k3B + R"(","phase":"ks2"})");
  const EventDraft noAup = makeAupParentAgreed(kPupil, k3B, nullptr);
  CHECK(noAup.packId.empty());
  CHECK(noAup.data == R"({"classId":")" + k3B + R"("})");

  CHECK(makeHelpAsked(k3B).data == R"({"classId":")" + k3B + R"("})");
  CHECK(makeHelpAsked(k3B).pupilId.empty());

  const EventDraft assembly = makeAssemblyGiven(core(), "termly-smart", "2026-10-07",
                                                {YearGroup::Y4, YearGroup::Y3}, "Mrs Jones");
  CHECK(assembly.data ==
        R"({"date":"2026-10-07","presenter":"Mrs Jones","yearGroups":["y3","y4"]})");
}

TEST_CASE("every payload decodes back to what was encoded") {
  const std::vector<EventPayload> payloads = {
      ActivityCompletedData{"y3-a", "quiz", ""},
      ActivityCompletedData{"", "", "check"},
      LessonCompletedData{true, k3B},
      LessonCompletedData{},
      AupSignedData{"2026.1", AupPhase::Eyfs, "oak", SignedBy::Teacher, true},
      AupSignedData{"2026.1", std::nullopt, "", std::nullopt, false},
      AupClassConfirmedData{k3B, "2026.1", AupPhase::Ks1, "staff-1", "Mrs Jones"},
      AssemblyGivenData{"2026-10-07", {YearGroup::Reception, YearGroup::Y6}, "Mr Owen"},
      AssemblyGivenData{"2026-10-07", {}, ""},
      AupParentAgreedData{k3B, "2026.1", AupPhase::Ks2},
      LessonProgressData{"check", R"({"inner":{"item":1,"v":1},"lesson":"l1","v":2})"},
      LessonProgressData{"", ""},
      HelpAskedData{k3B, false, {}},
      HelpAskedData{k3B, true, "2026-11-18T10:00:01Z"},
      PupilErasedData{},
      PupilErasedData{std::string(128, 'a'), std::string(64, 'b')},
  };
  for (const EventPayload& p : payloads) {
    const std::string data = encodePayload(p);
    CAPTURE(data);
    const auto back = decodePayload(payloadKind(p), data);
    REQUIRE(back.has_value());
    CHECK(encodePayload(*back) == data);
    CHECK(back->index() == p.index());
  }
  const auto progress = decodePayload(EventKind::LessonProgress, encodePayload(payloads[10]));
  REQUIRE(progress.has_value());
  CHECK(std::get<LessonProgressData>(*progress).snapshot ==
        std::get<LessonProgressData>(payloads[10]).snapshot);
}

TEST_CASE("a lesson snapshot is stored as an object and read back from either form") {
  const std::string snap = R"({"inner":{"slide":"s2","v":1},"lesson":"l1","v":2})";
  const EventDraft d = makeLessonProgress(kPupil, core(), "l1", "intro", snap);
  // One JSON object: the snapshot is nested, not text inside text.
  CHECK(d.data == R"({"snapshot":)" + snap + R"(,"step":"intro"})");
  CHECK(decoded<LessonProgressData>(d).snapshot == snap);
  // The older form: the snapshot as a JSON string.
  const auto old = decodePayload(EventKind::LessonProgress,
                                 R"({"snapshot":"{\"lesson\":\"l1\",\"v\":1}","step":"intro"})");
  REQUIRE(old.has_value());
  CHECK(std::get<LessonProgressData>(*old).snapshot == R"({"lesson":"l1","v":1})");
  CHECK(std::get<LessonProgressData>(*old).step == "intro");
  // Text that is not an object is kept as the string it was.
  const EventDraft odd = makeLessonProgress(kPupil, core(), "l1", "intro", "{{{ not json");
  CHECK(decoded<LessonProgressData>(odd).snapshot == "{{{ not json");
}

TEST_CASE("stored data that cannot be read decodes to an error, never a crash") {
  std::string error;
  for (const std::string bad : {"{{{", "[1,2]", "\"text\"", "42", "null", "{\"a\":"}) {
    CAPTURE(bad);
    for (EventKind k : allEventKinds()) {
      error.clear();
      CHECK_FALSE(decodePayload(k, bad, &error).has_value());
      CHECK_FALSE(error.empty());
    }
  }
  CHECK_FALSE(decodePayload(EventKind::HelpAsked, std::string(100000, '[')).has_value());
  CHECK_FALSE(decodePayload(EventKind::HelpAsked, "{\"classId\":\"\xff\xfe\"}").has_value());
  Event e;
  e.kind = EventKind::AupSigned;
  e.data = "not json";
  CHECK_FALSE(payloadAs<AupSignedData>(e).has_value());
  CHECK(payloadOrEmpty<AupSignedData>(e).aupVersion.empty());
  e.kind = EventKind::HelpAsked;
  e.data = R"({"classId":"3B"})";
  CHECK_FALSE(payloadAs<AupSignedData>(e).has_value()); // another kind's payload
}

TEST_CASE("fields of the wrong type read as empty, and a version written as a number as text") {
  const auto p = decodePayload(
      EventKind::AupSigned,
      R"({"aupVersion":2026.1,"phase":"ks9","classId":7,"signedBy":"parent","wholeClass":"yes"})");
  REQUIRE(p.has_value());
  const auto& d = std::get<AupSignedData>(*p);
  CHECK(d.aupVersion == "2026.1");
  CHECK_FALSE(d.phase.has_value());
  CHECK(d.classId == "7");
  CHECK_FALSE(d.signedBy.has_value());
  CHECK_FALSE(d.wholeClass);
  const auto a = decodePayload(EventKind::AssemblyGiven,
                               R"({"yearGroups":["y4","y3","nonsense",3,"y3"],"date":false})");
  REQUIRE(a.has_value());
  CHECK(std::get<AssemblyGivenData>(*a).yearGroups ==
        std::vector<YearGroup>{YearGroup::Y3, YearGroup::Y4});
  CHECK(std::get<AssemblyGivenData>(*a).date.empty());
}

TEST_CASE("an activity.completed names its lesson and step in either written form") {
  Event game;
  game.kind = EventKind::ActivityCompleted;
  game.activityId = "check";
  game.data = R"({"kind":"quiz","lesson":"y3-a"})";
  const StepOfLesson g = stepOfLesson(game, payloadOrEmpty<ActivityCompletedData>(game));
  CHECK(g.lesson == "y3-a");
  CHECK(g.step == "check");
  Event cli;
  cli.kind = EventKind::ActivityCompleted;
  cli.activityId = "y3-a";
  cli.data = R"({"step":"check"})";
  const StepOfLesson c = stepOfLesson(cli, payloadOrEmpty<ActivityCompletedData>(cli));
  CHECK(c.lesson == "y3-a");
  CHECK(c.step == "check");
}

TEST_CASE("completion rules: a lesson is done only by its own pack and lesson") {
  Event e;
  e.kind = EventKind::LessonCompleted;
  e.pupilId = kPupil;
  e.packId = "core";
  e.activityId = "y3-a";
  CHECK(completesLesson(e, "core", "y3-a"));
  CHECK_FALSE(completesLesson(e, "other", "y3-a"));
  CHECK_FALSE(completesLesson(e, "core", "y3-b"));
  e.packId.clear(); // what `record` without --pack wrote
  CHECK_FALSE(countsAsLessonCompletion(e));
  CHECK_FALSE(completesLesson(e, "", "y3-a"));
  e.packId = "core";
  e.kind = EventKind::LessonProgress;
  CHECK_FALSE(completesLesson(e, "core", "y3-a"));
}

TEST_CASE("completion rules: an AUP signature counts for the pupil's phase and a current version") {
  Pack pack;
  pack.id = "core";
  Aup eyfs;
  eyfs.id = "eyfs-aup";
  eyfs.phase = AupPhase::Eyfs;
  eyfs.version = "2026.1";
  pack.aups.push_back(eyfs);
  const std::vector<const Pack*> packs = {&pack};
  const std::vector<std::string> current = {"2026.1"};
  Event e;
  e.kind = EventKind::AupSigned;
  e.packId = "core";
  e.activityId = "eyfs-aup";
  e.data = encodePayload(AupSignedData{"2026.1", AupPhase::Eyfs, "", SignedBy::Teacher, true});
  CHECK(judgeAupSignature(e, AupPhase::Eyfs, current, packs) == AupSignature::Current);
  CHECK(judgeAupSignature(e, AupPhase::Ks2, current, packs) == AupSignature::NotThisPhase);
  CHECK(judgeAupSignature(e, AupPhase::Eyfs, {"2027.1"}, packs) == AupSignature::OutOfDate);
  // An older event without a phase: the AUP it names decides.
  e.data = R"({"aupVersion":"2026.1"})";
  CHECK(judgeAupSignature(e, AupPhase::Eyfs, current, packs) == AupSignature::Current);
  CHECK(judgeAupSignature(e, AupPhase::Eyfs, current, {}) == AupSignature::NotThisPhase);
  e.data = "garbage";
  CHECK(judgeAupSignature(e, AupPhase::Eyfs, current, packs) == AupSignature::OutOfDate);
  e.kind = EventKind::AupParentAgreed;
  CHECK(judgeAupSignature(e, AupPhase::Eyfs, current, packs) == AupSignature::NotThisPhase);
}
