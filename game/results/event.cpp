#include "results/event.hpp"

#include <array>

namespace sq {

namespace {
constexpr std::array<std::string_view, 9> kIds = {
    "activity.completed", "lesson.completed", "aup.signed", "aup.class_confirmed", "assembly.given",
    "aup.parent_agreed",  "lesson.progress",  "help.asked", "pupil.erased"};
} // namespace

std::string_view eventKindId(EventKind k) {
  return kIds[static_cast<std::size_t>(k)];
}

std::optional<EventKind> parseEventKind(std::string_view s) {
  for (std::size_t i = 0; i < kIds.size(); ++i) {
    if (kIds[i] == s) {
      return static_cast<EventKind>(i);
    }
  }
  return std::nullopt;
}

const std::vector<EventKind>& allEventKinds() {
  static const std::vector<EventKind> kinds = [] {
    std::vector<EventKind> v;
    for (std::size_t i = 0; i < kIds.size(); ++i) {
      v.push_back(static_cast<EventKind>(i));
    }
    return v;
  }();
  return kinds;
}

} // namespace sq
