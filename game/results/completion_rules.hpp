// The two rules that say what counts: "this lesson is done" and "this AUP is
// signed". The register (the governors' report), the home screen and anything
// else that shows completion ask here, so they can never disagree.
//
// A lesson is done by a lesson.completed event for the pupil whose pack id and
// lesson id both match. An event with no pack id completes nothing: the game
// always records the pack (a pupil's own lesson, a whole-class lesson), and only
// `safequest-cli record` without --pack could leave it out, which the tool warns
// about. Any version of the pack counts. The academic year and the pupil are the
// caller's to check.
//
// An AUP signature counts for a pupil when it is for the AUP of the pupil's phase
// (the phase the event names; an older event that does not name one, the phase of
// the AUP it names in the packs given) and its version is one of the current ones.
// Depends on: results/event, results/event_payload, content/pack_model.
#pragma once

#include "content/pack_model.hpp"
#include "results/event.hpp"
#include "results/event_payload.hpp"

#include <string_view>
#include <vector>

namespace sq {

// True when `e` completes lesson `lessonId` of pack `packId`.
bool completesLesson(const Event& e, std::string_view packId, std::string_view lessonId);

// True when `e` is a lesson.completed that can complete any lesson at all (it
// names its pack and lesson). Indexes keyed by (pack, lesson) use it.
bool countsAsLessonCompletion(const Event& e);

enum class AupSignature {
  NotThisPhase, // not an aup.signed, or for another phase's AUP: ignore it
  Current,      // signs the pupil's AUP in a current version
  OutOfDate,    // signed the pupil's phase's AUP, but a version no longer current
};

// Judges an aup.signed event for a pupil in phase `pupilPhase`. `currentVersions`
// are the current AUP versions for that phase; `packs` name the AUPs an event
// without a phase is read against. An undecodable payload reads as empty.
AupSignature judgeAupSignature(const Event& e, AupPhase pupilPhase,
                               const std::vector<std::string>& currentVersions,
                               const std::vector<const Pack*>& packs);

} // namespace sq
