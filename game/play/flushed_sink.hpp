// A sink for a store whose commit is not yet durable: in the browser, SQLite writes
// into a file system held in memory, and only copying it to IndexedDB
// (FS.syncfs) keeps it across a reload. FlushedSink wraps the sink that commits
// (the store's StoreSink) and reports a save as saved only once a flush started
// after its commit has finished; until then the event stays pending. A flush that
// fails makes the event fail with the reason; the recorder's retry (same ticket)
// then flushes again without committing the event a second time.
// The flush itself is the platform's (FileFlush): web/main_web.cpp's calls
// FS.syncfs(false) and hears back from the page.
// Depends on: play/event_sink.
#pragma once

#include "play/event_sink.hpp"

#include <cstdint>
#include <deque>
#include <set>
#include <string>
#include <vector>

namespace sq {

// Makes everything written to the data folder so far durable, in the background.
class FileFlush {
public:
  struct Done {
    std::uint64_t generation = 0; // as given to start()
    bool ok = false;
    std::string error; // why not, when !ok
  };
  virtual ~FileFlush() = default;
  // Starts a flush covering every write made before this call. Generations grow.
  virtual void start(std::uint64_t generation) = 0;
  // The flushes finished since the last call, in any order.
  virtual std::vector<Done> poll() = 0;
  // Something not waited on changed (what the LRS was sent): copy it soon, nobody
  // waits for the answer.
  virtual void filesChanged() {}
};

class FlushedSink final : public EventSink {
public:
  // `inner` commits (and must answer at once or later, as any sink); `flush` makes
  // the commits durable. Both must outlive the sink.
  FlushedSink(EventSink& inner, FileFlush& flush) : mInner(&inner), mFlush(&flush) {}

  void begin(const EventDraft& draft, SaveTicket ticket) override;
  std::vector<SaveOutcome> poll() override;

  // Saves committed but waiting for their flush.
  std::size_t waiting() const { return mWaiting.size(); }

private:
  struct Waiting {
    SaveTicket ticket = 0;
    std::uint64_t generation = 0; // the flush it waits for
  };
  void startFlushFor(SaveTicket ticket);

  EventSink* mInner;
  FileFlush* mFlush;
  std::uint64_t mNextGeneration = 1;
  std::deque<Waiting> mWaiting;    // committed, flush running; in commit order
  std::set<SaveTicket> mCommitted; // committed and not yet reported saved
  std::vector<SaveOutcome> mReady; // outcomes to hand out at the next poll()
};

} // namespace sq
