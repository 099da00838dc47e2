// The AUP records of the register tab (see aup_agreements.hpp).
#include "records_admin/aup_agreements.hpp"

#include "results/aup_print.hpp"
#include "results/civil_time.hpp"
#include "results/results_store.hpp"

#include <map>

namespace sq::admin {

namespace {

bool inYear(const Register& reg, const std::string& timeUtc) {
  const std::string next = academicYearStart(reg.academicYear + 1);
  return timeUtc.size() >= 10 && timeUtc.compare(0, 10, reg.firstDay) >= 0 &&
         timeUtc.compare(0, 10, next) < 0;
}

// Saves one draft with the store's own record(), which every recorder sink ends in
// (the store gives the uuid, this PC's id and sequence number, and the time).
RecordResult save(ResultsStore& store, const EventDraft& draft) {
  RecordResult result;
  std::string error;
  if (auto e = store.record(draft, error)) {
    result.saved = true;
    result.event = std::move(*e);
  } else {
    result.error = "not saved: " + error;
  }
  return result;
}

RecordResult refused(std::string why) {
  RecordResult r;
  r.error = std::move(why);
  return r;
}

} // namespace

std::optional<AupRef> aupForPhase(const std::vector<const Pack*>& packs, AupPhase phase) {
  const Pack* pack = nullptr;
  const Aup* aup = findAupForPhase(packs, phase, &pack);
  if (aup == nullptr || pack == nullptr) {
    return std::nullopt;
  }
  return aupRef(*pack, *aup);
}

std::optional<AupPhase> classAupPhase(const Roster& roster, const std::string& classId) {
  std::map<AupPhase, int> inPhase;
  for (const Pupil& p : roster.pupils) {
    if (p.classId == classId && p.archivedOn.empty()) {
      ++inPhase[aupPhaseOf(p.yearGroup)];
    }
  }
  std::optional<AupPhase> best;
  int most = 0;
  for (const auto& [phase, n] : inPhase) { // youngest first: ties go to the youngest
    if (n > most) {
      most = n;
      best = phase;
    }
  }
  return best;
}

std::string_view parentWord(ParentState s) {
  switch (s) {
  case ParentState::Agreed:
    return "Agreed";
  case ParentState::Withdrawn:
    return "Withdrawn";
  case ParentState::NotReturned:
    return "Not returned";
  }
  return "";
}

std::string_view parentSymbol(ParentState s) {
  switch (s) {
  case ParentState::Agreed:
    return "\u2714"; // ✔
  case ParentState::Withdrawn:
    return "\u2717"; // ✗
  case ParentState::NotReturned:
    return "\u25CB"; // ○
  }
  return "";
}

bool recordedAfter(const Event& a, const Event& b) {
  if (b.timeUtc != a.timeUtc) {
    return b.timeUtc > a.timeUtc;
  }
  return b.deviceId == a.deviceId && b.seq > a.seq;
}

ParentAgreement parentAgreementOf(const Register& reg, const std::vector<Event>& events,
                                  const std::string& pupilId) {
  const Event* newest = nullptr;
  for (const Event& e : events) {
    if (e.pupilId != pupilId || !inYear(reg, e.timeUtc) ||
        (e.kind != EventKind::AupParentAgreed && e.kind != EventKind::AupParentWithdrawn)) {
      continue;
    }
    if (newest == nullptr || recordedAfter(*newest, e)) {
      newest = &e;
    }
  }
  ParentAgreement out;
  if (newest != nullptr) {
    out.state =
        newest->kind == EventKind::AupParentAgreed ? ParentState::Agreed : ParentState::Withdrawn;
    out.whenUtc = newest->timeUtc;
  }
  return out;
}

RecordResult confirmClassAup(ResultsStore& store, const Roster& roster,
                             const std::vector<const Pack*>& packs, const std::string& classId,
                             const std::string& staffId) {
  if (classId.empty() || roster.findClass(classId) == nullptr) {
    return refused("that class is not on the class list");
  }
  const auto phase = classAupPhase(roster, classId);
  if (!phase) {
    return refused("the class has no pupils on its list yet");
  }
  const auto aup = aupForPhase(packs, *phase);
  if (!aup) {
    return refused("no lesson pack has an AUP for " + std::string(aupPhaseName(*phase)));
  }
  return save(store, makeAupClassConfirmed(*aup, classId, staffId));
}

RecordResult recordParentAgreement(ResultsStore& store, const Roster& roster,
                                   const std::vector<const Pack*>& packs,
                                   const std::string& pupilId, bool agreed) {
  const Pupil* pupil = roster.findPupil(pupilId);
  if (pupil == nullptr || !pupil->archivedOn.empty()) {
    return refused("that pupil is not on the class list");
  }
  // Recorded even when no pack has an AUP for the phase, as the game does: the
  // agreement on paper is real either way.
  const auto aup = aupForPhase(packs, aupPhaseOf(pupil->yearGroup));
  const AupRef* ref = aup ? &*aup : nullptr;
  return save(store, agreed ? makeAupParentAgreed(pupilId, pupil->classId, ref)
                            : makeAupParentWithdrawn(pupilId, pupil->classId, ref));
}

} // namespace sq::admin
