#include "play/recorder.hpp"

#include <utility>

namespace sq {

Recorder::Id Recorder::submit(EventDraft draft) {
  Entry e;
  e.id = mNext++;
  e.draft = std::move(draft);
  mQueue.push_back(std::move(e));
  const Id id = mQueue.back().id;
  retry();
  return id;
}

void Recorder::retry() {
  if (stalled()) {
    Entry& head = mQueue.front();
    head.state = State::Pending;
    head.error.clear();
  }
  pump();
}

void Recorder::pump() {
  // One save at a time, so the records keep the order things happened in. A sink
  // that answers at once drains the queue in this one call.
  for (;;) {
    for (const SaveOutcome& o : mSink->poll()) {
      apply(o);
    }
    if (mQueue.empty()) {
      return;
    }
    Entry& head = mQueue.front();
    if (head.inFlight || head.state == State::Failed) {
      return;
    }
    head.inFlight = true;
    mSink->begin(head.draft, head.id);
  }
}

void Recorder::apply(const SaveOutcome& o) {
  // Only the head is ever in flight; an outcome for anything else is stale.
  if (mQueue.empty() || mQueue.front().id != o.ticket || !mQueue.front().inFlight) {
    return;
  }
  Entry& head = mQueue.front();
  head.inFlight = false;
  if (o.saved) {
    mQueue.pop_front();
    ++mSaved;
    mLastError.clear();
    return;
  }
  head.state = State::Failed;
  head.error = o.error.empty() ? std::string("the records store refused the event") : o.error;
  mLastError = head.error;
}

Recorder::State Recorder::state(Id id) const {
  if (id == 0 || id >= mNext) {
    return State::Pending;
  }
  // Saved in order: anything issued and no longer queued was saved.
  if (mQueue.empty() || id < mQueue.front().id) {
    return State::Saved;
  }
  const std::size_t at = static_cast<std::size_t>(id - mQueue.front().id);
  return at < mQueue.size() ? mQueue[at].state : State::Saved;
}

std::string Recorder::error(Id id) const {
  if (!mQueue.empty() && id >= mQueue.front().id) {
    const std::size_t at = static_cast<std::size_t>(id - mQueue.front().id);
    if (at < mQueue.size()) {
      return mQueue[at].error;
    }
  }
  return {};
}

} // namespace sq
