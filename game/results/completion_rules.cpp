#include "results/completion_rules.hpp"

#include <algorithm>

namespace sq {

bool countsAsLessonCompletion(const Event& e) {
  return e.kind == EventKind::LessonCompleted && !e.packId.empty() && !e.activityId.empty();
}

bool completesLesson(const Event& e, std::string_view packId, std::string_view lessonId) {
  return countsAsLessonCompletion(e) && e.packId == packId && e.activityId == lessonId;
}

AupSignature judgeAupSignature(const Event& e, AupPhase pupilPhase,
                               const std::vector<std::string>& currentVersions,
                               const std::vector<const Pack*>& packs) {
  if (e.kind != EventKind::AupSigned) {
    return AupSignature::NotThisPhase;
  }
  const AupSignedData data = payloadOrEmpty<AupSignedData>(e);
  std::optional<AupPhase> phase = data.phase;
  if (!phase) {
    // An older event may not name the phase: the AUP it signed does.
    for (const Pack* p : packs) {
      if (p != nullptr && p->id == e.packId) {
        if (const Aup* a = p->findAup(e.activityId)) {
          phase = a->phase;
        }
      }
    }
  }
  if (!phase || *phase != pupilPhase) {
    return AupSignature::NotThisPhase;
  }
  const bool current = std::find(currentVersions.begin(), currentVersions.end(), data.aupVersion) !=
                       currentVersions.end();
  return current ? AupSignature::Current : AupSignature::OutOfDate;
}

} // namespace sq
