#include "play/flushed_sink.hpp"

#include <algorithm>
#include <utility>

namespace sq {

void FlushedSink::startFlushFor(SaveTicket ticket) {
  const std::uint64_t generation = mNextGeneration++;
  mWaiting.push_back({ticket, generation});
  mFlush->start(generation);
}

void FlushedSink::begin(const EventDraft& draft, SaveTicket ticket) {
  // Committed before, and only its flush failed: flushing again is the retry;
  // committing again would record the event twice.
  if (mCommitted.count(ticket) != 0) {
    startFlushFor(ticket);
    return;
  }
  mInner->begin(draft, ticket);
}

std::vector<SaveOutcome> FlushedSink::poll() {
  for (SaveOutcome& o : mInner->poll()) {
    if (o.saved) {
      mCommitted.insert(o.ticket);
      startFlushFor(o.ticket);
    } else {
      mReady.push_back(std::move(o)); // refused by the store: nothing to flush
    }
  }
  for (const FileFlush::Done& done : mFlush->poll()) {
    // A flush covers every commit made before it started: every save waiting for
    // this generation or an earlier one is now durable (or failed with it).
    while (!mWaiting.empty() && mWaiting.front().generation <= done.generation) {
      const SaveTicket ticket = mWaiting.front().ticket;
      mWaiting.pop_front();
      SaveOutcome o;
      o.ticket = ticket;
      o.saved = done.ok;
      if (done.ok) {
        mCommitted.erase(ticket);
      } else {
        o.error = "the browser did not keep the records" +
                  (done.error.empty() ? std::string() : ": " + done.error);
      }
      mReady.push_back(std::move(o));
    }
  }
  return std::exchange(mReady, {});
}

} // namespace sq
