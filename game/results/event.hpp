// One recorded fact about a pupil, a class or the school. Events are append-only:
// nothing is updated in place, and every status (unit complete, AUP signed) is
// computed from them. Names never appear here: a pupil is their random id.
// Depends on: std only.
#pragma once

#include "results/event_kinds.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sq {

enum class EventKind {
#define SQ_X(name, id, payload, what) name,
  SQ_EVENT_KINDS(SQ_X)
#undef SQ_X
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
  // Kind-specific fields as a JSON object; results/event_payload.hpp defines them
  // per kind and is the only code that writes or reads this text.
  std::string data;
};

} // namespace sq
