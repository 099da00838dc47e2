#include "results/privacy.hpp"

#include <nlohmann/json.hpp>

namespace sq {

std::optional<std::string> exportPupilJson(const ResultsStore& store, const std::string& pupilId,
                                           const PupilFilesHeld& files) {
  const Roster roster = store.loadRoster();
  const Pupil* p = roster.findPupil(pupilId);
  if (p == nullptr) {
    return std::nullopt;
  }
  using J = nlohmann::ordered_json;
  J out;
  out["format"] = "safequest-subject-access/1";
  const SchoolClass* c = roster.findClass(p->classId);
  out["pupil"] = {{"id", p->id},
                  {"firstName", p->firstName},
                  {"initial", p->initial},
                  {"class", c ? c->name : ""},
                  {"yearGroup", yearGroupId(p->yearGroup)},
                  {"archivedOn", p->archivedOn},
                  {"admissionNumberKept", false}};
  // A damaged preferences file is still held, so it is given as the text it is.
  if (files.preferences) {
    auto parsed = J::parse(*files.preferences, nullptr, false);
    out["preferences"] = parsed.is_discarded() ? J(*files.preferences) : std::move(parsed);
  } else {
    out["preferences"] = nullptr;
  }
  out["events"] = J::array();
  EventFilter f;
  f.pupilId = pupilId;
  for (const Event& e : store.events(f)) {
    J ev = {{"id", e.uuid},     {"kind", eventKindId(e.kind)},  {"time", e.timeUtc},
            {"pack", e.packId}, {"packVersion", e.packVersion}, {"activity", e.activityId}};
    if (e.score) {
      ev["score"] = *e.score;
    }
    if (e.maxScore) {
      ev["max"] = *e.maxScore;
    }
    // Stored JSON fields are included as JSON, or as text if they do not parse.
    for (const auto& [key, raw] : {std::pair<const char*, const std::string&>{"choices", e.choices},
                                   std::pair<const char*, const std::string&>{"data", e.data}}) {
      if (raw.empty()) {
        continue;
      }
      auto parsed = J::parse(raw, nullptr, false);
      ev[key] = parsed.is_discarded() ? J(raw) : parsed;
    }
    out["events"].push_back(std::move(ev));
  }
  return out.dump(2);
}

} // namespace sq
