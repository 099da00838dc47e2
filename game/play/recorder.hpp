// The one path every recorded action takes: lesson steps, whole-class attendance,
// AUP signing and class confirmation, parents' agreements, the butterfly button and
// the command line. It keeps the events not yet saved, in the order they happened,
// and saves them one at a time through an EventSink, oldest first, so the records
// keep that order. Each is pending (waiting or being saved), saved, or failed
// (with the store's reason). A failed event stays at the head of the queue and is
// tried again, still first, on the next submit() or retry(): nothing is dropped,
// and nothing behind it is saved before it.
// Depends on: play/event_sink, results/results_store (EventDraft).
#pragma once

#include "play/event_sink.hpp"

#include <cstddef>
#include <cstdint>
#include <deque>
#include <string>

namespace sq {

class Recorder {
public:
  using Id = SaveTicket; // 1, 2, 3 ... in submit order; 0 is never an event
  enum class State { Pending, Saved, Failed };
  struct Entry {
    Id id = 0;
    EventDraft draft;
    State state = State::Pending;
    std::string error; // the store's reason, when failed
    bool inFlight = false;
  };

  // `sink` must outlive the recorder.
  explicit Recorder(EventSink& sink) : mSink(&sink) {}
  Recorder(const Recorder&) = delete;
  Recorder& operator=(const Recorder&) = delete;

  // Queues the draft and saves what it can (a failed head is tried again first).
  // With a sink that answers at once, the event is saved or failed on return.
  Id submit(EventDraft draft);
  // Tries a failed head again, then the rest.
  void retry();
  // Collects finished saves from the sink and starts the next. Call it each frame
  // while anything is pending on a sink that answers later.
  void pump();

  // An id not yet issued reads as Pending.
  State state(Id id) const;
  std::string error(Id id) const;
  // Everything not yet saved, oldest first.
  const std::deque<Entry>& unsaved() const { return mQueue; }
  bool allSaved() const { return mQueue.empty(); }
  // The head failed and waits for the next submit() or retry().
  bool stalled() const { return !mQueue.empty() && mQueue.front().state == State::Failed; }
  // The store's reason for the latest failure; "" once a save has succeeded since.
  const std::string& lastError() const { return mLastError; }
  // How many events this recorder has saved.
  std::size_t savedCount() const { return mSaved; }

private:
  void apply(const SaveOutcome& o);

  EventSink* mSink;
  std::deque<Entry> mQueue;
  Id mNext = 1;
  std::size_t mSaved = 0;
  std::string mLastError;
};

} // namespace sq
