// One recorded fact about a pupil, a class or the school. Events are append-only:
// nothing is updated in place, and every status (unit complete, AUP signed) is
// computed from them. Names never appear here: a pupil is their random id.
// Depends on: std only.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sq {

enum class EventKind {
  ActivityCompleted, // activity.completed
  LessonCompleted,   // lesson.completed
  AupSigned,         // aup.signed
  AupClassConfirmed, // aup.class_confirmed
  AssemblyGiven,     // assembly.given
  AupParentAgreed,   // aup.parent_agreed
  LessonProgress,    // lesson.progress
  HelpAsked,         // help.asked: class and time only, never the pupil
  PupilErased,       // pupil.erased: the tombstone that stops a merge bringing data back
};

std::string_view eventKindId(EventKind k);
std::optional<EventKind> parseEventKind(std::string_view s);
const std::vector<EventKind>& allEventKinds();

struct Event {
  std::string uuid;     // lowercase RFC 4122 v4; the merge key and the xAPI statement id
  std::string deviceId; // lowercase uuid of the device that recorded it
  std::int64_t seq = 0; // per-device sequence number, from 1
  std::string pupilId;  // empty for class-level and help events
  EventKind kind = EventKind::ActivityCompleted;
  std::string packId;
  std::string packVersion;
  std::string contentHash;
  std::string activityId; // lesson id, activity id, AUP id or assembly id
  std::optional<std::int64_t> score;
  std::optional<std::int64_t> maxScore;
  std::string choices; // JSON array of choice ids, "" when none
  std::string timeUtc; // "2026-11-22T21:47:10Z"
  // Kind-specific fields as a JSON object: aupVersion, phase, classId, signedBy,
  // wholeClass, yearGroups, presenter, date, step, snapshot, staffId.
  std::string data;
};

} // namespace sq
