#include "results/event_payload.hpp"

#include "content/json_limits.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <type_traits>

namespace sq {

namespace {

using nlohmann::json;

// Larger than any payload the game writes (a lesson snapshot is a few KiB); the
// school folder refuses events with more data than this too.
constexpr std::size_t kMaxData = 1024 * 1024;
constexpr int kMaxDepth = 32;

#define SQ_X(name, id, payload, what) +1
constexpr std::size_t kKinds = 0 SQ_EVENT_KINDS(SQ_X);
#undef SQ_X
static_assert(std::variant_size_v<EventPayload> == kKinds, "one payload per event kind");

std::string dump(const json& j) {
  // Replace rather than throw on text that is not UTF-8.
  return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

// A string field; a number reads as its text (a version written as 2026.1).
std::string str(const json& obj, const char* key) {
  const auto it = obj.find(key);
  if (it == obj.end()) {
    return {};
  }
  if (it->is_string()) {
    return it->get<std::string>();
  }
  if (it->is_number()) {
    return dump(*it);
  }
  return {};
}

bool flag(const json& obj, const char* key) {
  const auto it = obj.find(key);
  return it != obj.end() && it->is_boolean() && it->get<bool>();
}

std::optional<AupPhase> phase(const json& obj) {
  return parseAupPhase(str(obj, "phase"));
}

void put(json& obj, const char* key, const std::string& value) {
  if (!value.empty()) {
    obj[key] = value;
  }
}

void putPhase(json& obj, const std::optional<AupPhase>& p) {
  if (p) {
    obj["phase"] = std::string(aupPhaseId(*p));
  }
}

json encodeFields(const ActivityCompletedData& d) {
  json j = json::object();
  put(j, "lesson", d.lesson);
  put(j, "kind", d.stepKind);
  put(j, "step", d.step);
  return j;
}
json encodeFields(const LessonCompletedData& d) {
  json j = json::object();
  if (d.wholeClass) {
    j["wholeClass"] = true;
  }
  put(j, "classId", d.classId);
  return j;
}
json encodeFields(const AupSignedData& d) {
  json j = json::object();
  put(j, "aupVersion", d.aupVersion);
  putPhase(j, d.phase);
  put(j, "classId", d.classId);
  if (d.signedBy) {
    j["signedBy"] = std::string(signedById(*d.signedBy));
  }
  if (d.wholeClass) {
    j["wholeClass"] = true;
  }
  return j;
}
json encodeFields(const AupClassConfirmedData& d) {
  json j = json::object();
  put(j, "classId", d.classId);
  put(j, "aupVersion", d.aupVersion);
  putPhase(j, d.phase);
  put(j, "staffId", d.staffId);
  put(j, "staffName", d.staffName);
  return j;
}
json encodeFields(const AssemblyGivenData& d) {
  json j = json::object();
  put(j, "date", d.date);
  if (!d.yearGroups.empty()) {
    json ys = json::array();
    for (YearGroup y : d.yearGroups) {
      ys.push_back(std::string(yearGroupId(y)));
    }
    j["yearGroups"] = std::move(ys);
  }
  put(j, "presenter", d.presenter);
  return j;
}
json encodeFields(const AupParentAgreedData& d) {
  json j = json::object();
  put(j, "classId", d.classId);
  put(j, "aupVersion", d.aupVersion);
  putPhase(j, d.phase);
  return j;
}
json encodeFields(const AupParentWithdrawnData& d) {
  json j = json::object();
  put(j, "classId", d.classId);
  put(j, "aupVersion", d.aupVersion);
  putPhase(j, d.phase);
  return j;
}
json encodeFields(const LessonProgressData& d) {
  json j = json::object();
  j["step"] = d.step; // "" past the steps, as always written
  if (!d.snapshot.empty()) {
    json snap = findExcessNesting(d.snapshot, kMaxDepth) ? json(nullptr)
                                                         : json::parse(d.snapshot, nullptr, false);
    // One object nested in the data; anything else is kept as the text it was.
    j["snapshot"] = snap.is_object() ? std::move(snap) : json(d.snapshot);
  }
  return j;
}
json encodeFields(const HelpAskedData& d) {
  json j = json::object();
  put(j, "classId", d.classId);
  if (d.closedQuickly) {
    j["closedQuickly"] = true;
  }
  put(j, "askedAt", d.askedAt);
  return j;
}
json encodeFields(const PupilErasedData& d) {
  json j = json::object();
  put(j, "signature", d.signature);
  put(j, "teacherKey", d.teacherKey);
  return j;
}

void decodeFields(const json& j, ActivityCompletedData& d) {
  d.lesson = str(j, "lesson");
  d.stepKind = str(j, "kind");
  d.step = str(j, "step");
}
void decodeFields(const json& j, LessonCompletedData& d) {
  d.wholeClass = flag(j, "wholeClass");
  d.classId = str(j, "classId");
}
void decodeFields(const json& j, AupSignedData& d) {
  d.aupVersion = str(j, "aupVersion");
  d.phase = phase(j);
  d.classId = str(j, "classId");
  d.signedBy = parseSignedBy(str(j, "signedBy"));
  d.wholeClass = flag(j, "wholeClass");
}
void decodeFields(const json& j, AupClassConfirmedData& d) {
  d.classId = str(j, "classId");
  d.aupVersion = str(j, "aupVersion");
  d.phase = phase(j);
  d.staffId = str(j, "staffId");
  d.staffName = str(j, "staffName");
}
void decodeFields(const json& j, AssemblyGivenData& d) {
  d.date = str(j, "date");
  d.presenter = str(j, "presenter");
  const auto it = j.find("yearGroups");
  if (it != j.end() && it->is_array()) {
    for (const json& v : *it) {
      if (v.is_string()) {
        if (auto y = parseYearGroup(v.get<std::string>())) {
          d.yearGroups.push_back(*y);
        }
      }
    }
  }
  std::sort(d.yearGroups.begin(), d.yearGroups.end());
  d.yearGroups.erase(std::unique(d.yearGroups.begin(), d.yearGroups.end()), d.yearGroups.end());
}
void decodeFields(const json& j, AupParentAgreedData& d) {
  d.classId = str(j, "classId");
  d.aupVersion = str(j, "aupVersion");
  d.phase = phase(j);
}
void decodeFields(const json& j, AupParentWithdrawnData& d) {
  d.classId = str(j, "classId");
  d.aupVersion = str(j, "aupVersion");
  d.phase = phase(j);
}
void decodeFields(const json& j, LessonProgressData& d) {
  d.step = str(j, "step");
  const auto it = j.find("snapshot");
  if (it == j.end()) {
    return;
  }
  if (it->is_string()) {
    d.snapshot = it->get<std::string>(); // the older form: JSON text in a string
  } else if (it->is_object()) {
    d.snapshot = dump(*it);
  }
}
void decodeFields(const json& j, HelpAskedData& d) {
  // Rows written before the quick-close mark have only the class: a real request.
  d.classId = str(j, "classId");
  d.closedQuickly = flag(j, "closedQuickly");
  d.askedAt = str(j, "askedAt");
}
void decodeFields(const json& j, PupilErasedData& d) {
  d.signature = str(j, "signature");
  d.teacherKey = str(j, "teacherKey");
}

// Builds the payload alternative at index `i` (the kind) by unrolling the variant.
template <std::size_t I = 0> EventPayload emptyAt(std::size_t i) {
  if constexpr (I + 1 < std::variant_size_v<EventPayload>) {
    if (i != I) {
      return emptyAt<I + 1>(i);
    }
  }
  return EventPayload(std::in_place_index<I>);
}

EventDraft draftOf(const std::string& pupilId, const PackRef& pack, const std::string& activityId,
                   const EventPayload& payload) {
  EventDraft d;
  d.pupilId = pupilId;
  d.packId = pack.id;
  d.packVersion = pack.version;
  d.contentHash = pack.contentHash;
  d.activityId = activityId;
  setPayload(d, payload);
  return d;
}

} // namespace

std::string_view signedById(SignedBy s) {
  return s == SignedBy::Teacher ? "teacher" : "pupil";
}

std::optional<SignedBy> parseSignedBy(std::string_view s) {
  if (s == "pupil") {
    return SignedBy::Pupil;
  }
  if (s == "teacher") {
    return SignedBy::Teacher;
  }
  return std::nullopt;
}

EventKind payloadKind(const EventPayload& payload) {
  return static_cast<EventKind>(payload.index());
}

EventPayload emptyPayload(EventKind kind) {
  return emptyAt(static_cast<std::size_t>(kind));
}

std::string encodePayload(const EventPayload& payload) {
  const json j = std::visit([](const auto& p) { return encodeFields(p); }, payload);
  return j.empty() ? std::string() : dump(j);
}

std::optional<EventPayload> decodePayload(EventKind kind, std::string_view data,
                                          std::string* error) {
  const auto fail = [&](const char* why) -> std::optional<EventPayload> {
    if (error != nullptr) {
      *error = why;
    }
    return std::nullopt;
  };
  EventPayload out = emptyPayload(kind);
  if (data.empty()) {
    return out;
  }
  if (data.size() > kMaxData) {
    return fail("the event's data is too large");
  }
  if (findExcessNesting(data, kMaxDepth)) {
    return fail("the event's data is nested too deeply");
  }
  const json j = json::parse(data.begin(), data.end(), nullptr, false);
  if (!j.is_object()) {
    return fail("the event's data is not a JSON object");
  }
  std::visit([&](auto& p) { decodeFields(j, p); }, out);
  return out;
}

std::optional<EventPayload> decodeEvent(const Event& e, std::string* error) {
  return decodePayload(e.kind, e.data, error);
}

std::optional<EventPayload> decodeDraft(const EventDraft& d, std::string* error) {
  return decodePayload(d.kind, d.data, error);
}

void setPayload(EventDraft& draft, const EventPayload& payload) {
  draft.kind = payloadKind(payload);
  draft.data = encodePayload(payload);
}

PackRef packRef(const Pack& pack) {
  return {pack.id, pack.version, pack.contentHash};
}

AupRef aupRef(const Pack& pack, const Aup& aup) {
  return {packRef(pack), aup.id, aup.version, aup.phase};
}

StepOfLesson stepOfLesson(const Event& e, const ActivityCompletedData& data) {
  if (!data.lesson.empty()) {
    return {data.lesson, e.activityId};
  }
  return {e.activityId, data.step};
}

EventDraft makeActivityCompleted(const std::string& pupilId, const PackRef& pack,
                                 const std::string& lessonId, const std::string& stepId,
                                 const std::string& stepKind, std::optional<std::int64_t> score,
                                 std::optional<std::int64_t> maxScore,
                                 const std::vector<std::string>& choices) {
  EventDraft d = draftOf(pupilId, pack, stepId, ActivityCompletedData{lessonId, stepKind, {}});
  d.score = score;
  d.maxScore = maxScore;
  d.choices = choices.empty() ? std::string() : dump(json(choices));
  return d;
}

EventDraft makeLessonCompleted(const std::string& pupilId, const PackRef& pack,
                               const std::string& lessonId) {
  return draftOf(pupilId, pack, lessonId, LessonCompletedData{});
}

EventDraft makeClassLessonCompleted(const std::string& pupilId, const PackRef& pack,
                                    const std::string& lessonId, const std::string& classId) {
  return draftOf(pupilId, pack, lessonId, LessonCompletedData{true, classId});
}

EventDraft makeLessonProgress(const std::string& pupilId, const PackRef& pack,
                              const std::string& lessonId, const std::string& stepId,
                              const std::string& snapshot) {
  return draftOf(pupilId, pack, lessonId, LessonProgressData{stepId, snapshot});
}

EventDraft makeAupSigned(const std::string& pupilId, const AupRef& aup, SignedBy by,
                         const std::string& classId, bool wholeClass) {
  return draftOf(pupilId, aup.pack, aup.id,
                 AupSignedData{aup.version, aup.phase, classId, by, wholeClass});
}

EventDraft makeAupClassConfirmed(const AupRef& aup, const std::string& classId,
                                 const std::string& staffId) {
  return draftOf({}, aup.pack, aup.id,
                 AupClassConfirmedData{classId, aup.version, aup.phase, staffId, {}});
}

EventDraft makeAupParentAgreed(const std::string& pupilId, const std::string& classId,
                               const AupRef* aup) {
  if (aup == nullptr) {
    return draftOf(pupilId, {}, {}, AupParentAgreedData{classId, {}, std::nullopt});
  }
  return draftOf(pupilId, aup->pack, aup->id,
                 AupParentAgreedData{classId, aup->version, aup->phase});
}

EventDraft makeAupParentWithdrawn(const std::string& pupilId, const std::string& classId,
                                  const AupRef* aup) {
  if (aup == nullptr) {
    return draftOf(pupilId, {}, {}, AupParentWithdrawnData{classId, {}, std::nullopt});
  }
  return draftOf(pupilId, aup->pack, aup->id,
                 AupParentWithdrawnData{classId, aup->version, aup->phase});
}

EventDraft makeHelpAsked(const std::string& classId) {
  return draftOf({}, {}, {}, HelpAskedData{classId, false, {}});
}

EventDraft makeHelpClosedQuickly(const std::string& classId, const std::string& askedAt) {
  return draftOf({}, {}, {}, HelpAskedData{classId, true, askedAt});
}

EventDraft makeAssemblyGiven(const PackRef& pack, const std::string& assemblyId,
                             const std::string& date, std::vector<YearGroup> yearGroups,
                             const std::string& presenter) {
  std::sort(yearGroups.begin(), yearGroups.end());
  yearGroups.erase(std::unique(yearGroups.begin(), yearGroups.end()), yearGroups.end());
  return draftOf({}, pack, assemblyId, AssemblyGivenData{date, std::move(yearGroups), presenter});
}

} // namespace sq
