// The AUP records the register tab keeps beside the grid: a teacher's confirmation
// that their class has read and understood the AUP (aup.class_confirmed), and each
// pupil's parent or carer agreement, agreed or withdrawn (aup.parent_agreed,
// aup.parent_withdrawn). Each is recorded with the store's record(), where
// safequest-cli record and the game's recorder end too, and built by the same
// event_payload builders, so every event carries who, when and which AUP version. Events are only
// ever added: a withdrawal is a newer event, never a deletion, and the newer of an agreement and a
// withdrawal this academic year decides (as computeRegister counts it). Depends on: content,
// results (results_store, register, event_payload, aup_print).
#pragma once

#include "content/pack_model.hpp"
#include "results/event.hpp"
#include "results/event_payload.hpp"
#include "results/register.hpp"
#include "results/roster.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sq {
class ResultsStore;
}

namespace sq::admin {

// The AUP the pupils of a phase sign (the newest pack with one); nullopt when none has.
std::optional<AupRef> aupForPhase(const std::vector<const Pack*>& packs, AupPhase phase);

// The phase whose AUP a class confirms: the phase of most of its pupils on roll,
// the youngest when two are even (as the game's AUP records screen); nullopt for a
// class with no pupils.
std::optional<AupPhase> classAupPhase(const Roster& roster, const std::string& classId);

enum class ParentState { NotReturned, Agreed, Withdrawn };

// "Agreed", "Withdrawn", "Not returned".
std::string_view parentWord(ParentState s);
// ✔ ✗ ○: a shape for each, never colour alone.
std::string_view parentSymbol(ParentState s);

struct ParentAgreement {
  ParentState state = ParentState::NotReturned;
  std::string whenUtc; // the agreement or withdrawal that decides
};

// True when `b` was recorded after `a`: a later time, or the same second on the same
// PC with a later sequence number (an agreement withdrawn at once).
bool recordedAfter(const Event& a, const Event& b);

// A pupil's parent or carer agreement in the register's academic year: the newer of
// their agreements and withdrawals.
ParentAgreement parentAgreementOf(const Register& reg, const std::vector<Event>& events,
                                  const std::string& pupilId);

// What recording one event did: the stored event, or why it was not saved.
struct RecordResult {
  bool saved = false;
  std::string error; // plain words when not saved
  Event event;       // as stored (uuid, time) when saved
};

// "Everyone in my class has read and understood the AUP": aup.class_confirmed for the
// class's AUP (classAupPhase), by `staffId` ("" when the class list names no staff).
// Refused, with nothing written, for an unknown or empty class or a phase with no AUP.
RecordResult confirmClassAup(ResultsStore& store, const Roster& roster,
                             const std::vector<const Pack*>& packs, const std::string& classId,
                             const std::string& staffId);

// A parent or carer's agreement to the pupil's AUP (`agreed`), or its withdrawal.
// Refused for a pupil not on the class list (or archived).
RecordResult recordParentAgreement(ResultsStore& store, const Roster& roster,
                                   const std::vector<const Pack*>& packs,
                                   const std::string& pupilId, bool agreed);

} // namespace sq::admin
