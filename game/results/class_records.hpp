// What the teacher's screens and the records command read back about a class from
// its events, so the rules live in one place and are tested without a window:
//   - how a pupil's AUP was signed (by the pupil, or by the teacher in a whole-class
//     lesson) and when;
//   - the lessons taught to a class as a whole class, and when last;
//   - the butterfly button's presses, each with its quick-close mark folded in.
// Depends on: results/event, results/event_payload.
#pragma once

#include "results/event.hpp"

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace sq {

// Who signed an AUP (aup.signed): the pupil on the screen, their teacher for them in a
// whole-class lesson, or their teacher for them otherwise.
enum class AupSigner { Pupil, TeacherInClass, Teacher };

struct AupSigning {
  AupSigner by = AupSigner::Pupil;
  std::string timeUtc; // when it was signed
};

// The newest aup.signed among `pupilEvents` for `aupVersion` (and `phase`, when the
// event says one: "eyfs", "ks1", "ks2") with its time in [fromUtc, toUtc); nullopt when
// none is. An aup.signed that does not say who signed is the pupil's, as the game
// wrote it before it said.
std::optional<AupSigning> latestAupSigning(const std::vector<Event>& pupilEvents,
                                           const std::string& aupVersion, const std::string& phase,
                                           const std::string& fromUtc, const std::string& toUtc);

// The lessons taught to `classId` as a whole class (lesson.completed with wholeClass,
// one per pupil present), keyed by (pack id, lesson id), with the newest time each was.
std::map<std::pair<std::string, std::string>, std::string>
lessonsTaughtToClass(const std::vector<Event>& events, const std::string& classId);

// One press of the butterfly button as the teacher reads it.
struct HelpPress {
  std::string timeUtc; // when it was pressed
  std::string classId;
  bool closedQuickly = false; // left within kQuickCloseSeconds, nothing chosen
  std::string closedAt;       // the quick-close mark's time, when there is one
};

// Every help.asked press in time order, each quick-close mark folded into the press it
// names (same class, askedAt its time). A mark whose press is not among `events` (kept
// on another PC, say) still shows, as a press at its askedAt time that closed quickly:
// nothing is hidden. Events of other kinds are ignored.
std::vector<HelpPress> helpPresses(const std::vector<Event>& events);

// "8 Oct" from "2026-10-08" or a UTC timestamp, for a date within the school year
// on a small tile; the input when malformed.
std::string dayAndMonth(std::string_view isoDate);

} // namespace sq
