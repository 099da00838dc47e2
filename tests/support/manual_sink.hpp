// An EventSink that finishes a save only when the test says so, as the browser's
// IndexedDB answers on a later frame: it makes the "pending" state testable.
// Header only. Depends on: play/event_sink.
#pragma once

#include "play/event_sink.hpp"

#include <deque>
#include <string>
#include <utility>
#include <vector>

namespace sq::test {

class ManualSink : public EventSink {
public:
  struct Begun {
    EventDraft draft;
    SaveTicket ticket = 0;
  };
  void begin(const EventDraft& draft, SaveTicket ticket) override {
    waiting.push_back({draft, ticket});
  }
  std::vector<SaveOutcome> poll() override { return std::exchange(done, {}); }

  // Finishes the oldest save begun: saved, or refused with `error`. false when none.
  bool finish(bool saved, const std::string& error = {}) {
    if (waiting.empty()) {
      return false;
    }
    Begun b = std::move(waiting.front());
    waiting.pop_front();
    done.push_back({b.ticket, saved, saved ? std::string() : error});
    if (saved) {
      kept.push_back(std::move(b.draft));
    }
    return true;
  }

  std::deque<Begun> waiting;     // begun, not finished
  std::vector<SaveOutcome> done; // finished, not yet polled
  std::vector<EventDraft> kept;  // everything saved, in the order it was saved
};

// A sink that answers at once, failing while `failWith` is set: the desktop store's
// shape without the disk.
class InstantSink : public EventSink {
public:
  void begin(const EventDraft& draft, SaveTicket ticket) override {
    ++begun;
    if (!failWith.empty()) {
      done.push_back({ticket, false, failWith});
      return;
    }
    kept.push_back(draft);
    done.push_back({ticket, true, {}});
  }
  std::vector<SaveOutcome> poll() override { return std::exchange(done, {}); }

  std::string failWith;
  int begun = 0;
  std::vector<SaveOutcome> done;
  std::vector<EventDraft> kept;
};

} // namespace sq::test
