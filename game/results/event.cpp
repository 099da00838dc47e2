#include "results/event.hpp"

#include <cstddef>

namespace sq {

namespace {
constexpr std::string_view kIds[] = {
#define SQ_X(name, id, payload, what) id,
    SQ_EVENT_KINDS(SQ_X)
#undef SQ_X
};
constexpr std::size_t kCount = sizeof(kIds) / sizeof(kIds[0]);
} // namespace

std::string_view eventKindId(EventKind k) {
  return kIds[static_cast<std::size_t>(k)];
}

std::optional<EventKind> parseEventKind(std::string_view s) {
  for (std::size_t i = 0; i < kCount; ++i) {
    if (kIds[i] == s) {
      return static_cast<EventKind>(i);
    }
  }
  return std::nullopt;
}

const std::vector<EventKind>& allEventKinds() {
  static const std::vector<EventKind> kinds = [] {
    std::vector<EventKind> v;
    for (std::size_t i = 0; i < kCount; ++i) {
      v.push_back(static_cast<EventKind>(i));
    }
    return v;
  }();
  return kinds;
}

} // namespace sq
