// Typed events: the payload struct of each event kind (the table is
// results/event_kinds.hpp) and the one encode/decode between it and the `data`
// text an EventDraft or Event carries, plus the draft builders every writer uses.
// Nothing else in the code reads or writes `data` by hand.
//
// The stored form is the one the game has always written (see
// tests/fixtures/events-v1): a JSON object with these keys, sorted, absent when
// empty. Decoding is forgiving the way every reader was before: a missing field,
// or one of the wrong type, reads as empty; a version written as a number reads as
// its text. Only a `data` that is not a JSON object at all (or is too large or
// too deeply nested to read safely) fails to decode. Nothing here throws.
// Depends on: results/event, results/results_store (EventDraft), content/pack_model,
// content/json_limits, nlohmann_json (inside the .cpp only).
#pragma once

#include "content/pack_model.hpp"
#include "results/event.hpp"
#include "results/results_store.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace sq {

// Who signed an AUP: the pupil on the screen, or their teacher for them (Reception,
// or a pupil who cannot sign alone). Stored as "pupil" / "teacher".
enum class SignedBy { Pupil, Teacher };
std::string_view signedById(SignedBy s);
std::optional<SignedBy> parseSignedBy(std::string_view s);

// data keys: "lesson", "kind", "step". Score, maximum and choices are the event's own
// columns. The game records the step id as the activity and names its lesson here;
// `safequest-cli record --step` records the lesson as the activity and the step here.
struct ActivityCompletedData {
  std::string lesson;   // the lesson the step belongs to
  std::string stepKind; // "slides", "scenario", "quiz", "butterfly-practice", "aup"
  std::string step;     // the step, when the activity column names the lesson
};
// data keys: "wholeClass", "classId" (the class taught). Empty for a pupil's own lesson.
struct LessonCompletedData {
  bool wholeClass = false;
  std::string classId;
};
// data keys: "aupVersion", "phase", "classId" (the pupil's), "signedBy", "wholeClass".
struct AupSignedData {
  std::string aupVersion;
  std::optional<AupPhase> phase; // older events may not say: the AUP's own phase applies
  std::string classId;
  std::optional<SignedBy> signedBy;
  bool wholeClass = false;
};
// data keys: "classId", "aupVersion", "phase", "staffId", "staffName".
struct AupClassConfirmedData {
  std::string classId;
  std::string aupVersion;
  std::optional<AupPhase> phase;
  std::string staffId;
  std::string staffName; // only when the staff member is not on the class list
};
// data keys: "date" ("2026-10-14"), "yearGroups" (["y3","y4"]; none: the whole
// school), "presenter".
struct AssemblyGivenData {
  std::string date;
  std::vector<YearGroup> yearGroups; // ascending, no repeats
  std::string presenter;
};
// data keys: "classId", "aupVersion", "phase" (absent when the phase has no AUP).
struct AupParentAgreedData {
  std::string classId;
  std::string aupVersion;
  std::optional<AupPhase> phase;
};
// data keys: as aup.parent_agreed. The newer of an agreement and a withdrawal in the
// academic year decides; events are append-only, so withdrawing never deletes.
struct AupParentWithdrawnData {
  std::string classId;
  std::string aupVersion;
  std::optional<AupPhase> phase;
};
// data keys: "step" (the step id, "" past the steps), "snapshot".
struct LessonProgressData {
  std::string step;
  // LessonRunner::snapshot() text. Stored as one JSON object nested in the data;
  // events written before that hold it as JSON text in a string, and decode the same.
  std::string snapshot;
};
// data keys: "classId", "closedQuickly", "askedAt". Never the pupil.
// The butterfly button records a help.asked at once, when pressed, so a real request
// is never lost or delayed (even if the game then quits or crashes). When the pupil
// leaves the butterfly screen within kQuickCloseSeconds having chosen nothing, a
// second help.asked follows with closedQuickly set and askedAt naming the first
// one's time: a mark on that press, so the teacher can tell a slip from a real
// request. The first is never changed or hidden (events are append-only).
struct HelpAskedData {
  std::string classId;
  bool closedQuickly = false;
  std::string askedAt; // the press this marks ("2026-11-18T10:00:01Z"), with closedQuickly
};
// How soon leaving the butterfly screen with nothing chosen counts as a quick close.
constexpr std::int64_t kQuickCloseSeconds = 3;
// data keys: "signature", "teacherKey": the teacher's Ed25519 signature over the
// tombstone (results/teacher_key: tombstoneSignedBytes) and the public key it was
// made with, both lowercase hex. Tombstones written before signing have no data and
// decode with both empty; a merge never applies those (results/teacher_trust).
struct PupilErasedData {
  std::string signature;
  std::string teacherKey;
};

namespace detail {
template <typename Skip, typename... Payloads> struct PayloadVariant {
  using type = std::variant<Payloads...>;
};
} // namespace detail

// One alternative per kind, in the table's order, so index() is the EventKind.
#define SQ_X(name, id, payload, what) , payload
using EventPayload = detail::PayloadVariant<void SQ_EVENT_KINDS(SQ_X)>::type;
#undef SQ_X

EventKind payloadKind(const EventPayload& payload);

// The payload of a kind with every field empty.
EventPayload emptyPayload(EventKind kind);

// The `data` text for a payload: sorted keys, empty fields left out, "" when nothing
// is set.
std::string encodePayload(const EventPayload& payload);

// Reads `data` as the payload of `kind`. nullopt (with the reason in `error`, when
// given) when it cannot be read at all; "" reads as an empty payload.
std::optional<EventPayload> decodePayload(EventKind kind, std::string_view data,
                                          std::string* error = nullptr);

// An event's or draft's payload.
std::optional<EventPayload> decodeEvent(const Event& e, std::string* error = nullptr);
std::optional<EventPayload> decodeDraft(const EventDraft& d, std::string* error = nullptr);

// The payload as its struct when the event is of that kind and decodes; nullopt
// otherwise. payloadOrEmpty reads an undecodable payload as an empty one instead,
// for readers that count an event by its columns whatever its data says.
template <typename P> std::optional<P> payloadAs(const Event& e) {
  auto p = decodeEvent(e);
  if (!p || !std::holds_alternative<P>(*p)) {
    return std::nullopt;
  }
  return std::get<P>(std::move(*p));
}
template <typename P> P payloadOrEmpty(const Event& e) {
  if (auto p = payloadAs<P>(e)) {
    return std::move(*p);
  }
  return P{};
}

// Sets the draft's kind and data from the payload.
void setPayload(EventDraft& draft, const EventPayload& payload);

// ---- draft builders: every kind the game writes --------------------------------

// The pack an event was recorded against.
struct PackRef {
  std::string id;
  std::string version;
  std::string contentHash;
};
PackRef packRef(const Pack& pack);

// An AUP and the pack it came from.
struct AupRef {
  PackRef pack;
  std::string id;
  std::string version;
  AupPhase phase = AupPhase::Ks2;
};
AupRef aupRef(const Pack& pack, const Aup& aup);

// The lesson and step an activity.completed is about, whichever form it was written in.
struct StepOfLesson {
  std::string lesson;
  std::string step; // "" when the event does not say
};
StepOfLesson stepOfLesson(const Event& e, const ActivityCompletedData& data);

EventDraft makeActivityCompleted(const std::string& pupilId, const PackRef& pack,
                                 const std::string& lessonId, const std::string& stepId,
                                 const std::string& stepKind, std::optional<std::int64_t> score,
                                 std::optional<std::int64_t> maxScore,
                                 const std::vector<std::string>& choices);
// A pupil's own lesson, at the badge.
EventDraft makeLessonCompleted(const std::string& pupilId, const PackRef& pack,
                               const std::string& lessonId);
// A whole-class lesson, for one pupil the teacher ticked as present.
EventDraft makeClassLessonCompleted(const std::string& pupilId, const PackRef& pack,
                                    const std::string& lessonId, const std::string& classId);
// `snapshot` is LessonRunner::snapshot() text.
EventDraft makeLessonProgress(const std::string& pupilId, const PackRef& pack,
                              const std::string& lessonId, const std::string& stepId,
                              const std::string& snapshot);
// `classId` is the pupil's own class; `wholeClass` when the teacher signed for the
// pupil in a whole-class lesson.
EventDraft makeAupSigned(const std::string& pupilId, const AupRef& aup, SignedBy by,
                         const std::string& classId, bool wholeClass = false);
EventDraft makeAupClassConfirmed(const AupRef& aup, const std::string& classId,
                                 const std::string& staffId);
// `aup` is null when no loaded pack has an AUP for the pupil's phase.
EventDraft makeAupParentWithdrawn(const std::string& pupilId, const std::string& classId,
                                  const AupRef* aup);
EventDraft makeAupParentAgreed(const std::string& pupilId, const std::string& classId,
                               const AupRef* aup);
EventDraft makeHelpAsked(const std::string& classId);
// The mark that the butterfly screen opened by the help.asked recorded at `askedAt`
// was left quickly with nothing chosen (HelpAskedData).
EventDraft makeHelpClosedQuickly(const std::string& classId, const std::string& askedAt);
EventDraft makeAssemblyGiven(const PackRef& pack, const std::string& assemblyId,
                             const std::string& date, std::vector<YearGroup> yearGroups,
                             const std::string& presenter);

} // namespace sq
