// The browser's sink: an event committed to the store stays pending until a flush
// started after its commit has finished (FS.syncfs in the browser); a failed flush
// fails the event, and the retry flushes again without recording it twice.
#include "play/flushed_sink.hpp"
#include "play/recorder.hpp"
#include "results/event_payload.hpp"
#include "support/manual_sink.hpp"
#include "support/temp_dir.hpp"

#include <doctest/doctest.h>

#include <deque>

using namespace sq;
using namespace sq::test;

namespace {

// A flush that finishes only when the test says so.
class ManualFlush : public FileFlush {
public:
  void start(std::uint64_t generation) override { started.push_back(generation); }
  std::vector<Done> poll() override { return std::exchange(done, {}); }
  // Finishes the oldest flush started. false when none is running.
  bool finish(bool ok, const std::string& error = {}) {
    if (started.empty()) {
      return false;
    }
    done.push_back({started.front(), ok, error});
    started.pop_front();
    return true;
  }
  std::deque<std::uint64_t> started;
  std::vector<Done> done;
};

} // namespace

TEST_CASE("flushed sink: committed is pending; saved only once a flush after it finished") {
  InstantSink store;
  ManualFlush flush;
  FlushedSink sink(store, flush);
  Recorder rec(sink);
  const Recorder::Id a = rec.submit(makeHelpAsked("3B"));
  CHECK(store.kept.size() == 1); // committed at once
  CHECK(rec.state(a) == Recorder::State::Pending);
  REQUIRE(flush.started.size() == 1);
  rec.pump();
  CHECK(rec.state(a) == Recorder::State::Pending); // the flush is still running
  CHECK(sink.waiting() == 1);

  REQUIRE(flush.finish(true));
  rec.pump();
  CHECK(rec.state(a) == Recorder::State::Saved);
  CHECK(rec.allSaved());
  CHECK(sink.waiting() == 0);

  // The next event needs a flush of its own: the first one's does not cover it.
  const Recorder::Id b = rec.submit(makeHelpAsked("3B"));
  rec.pump();
  CHECK(rec.state(b) == Recorder::State::Pending);
  REQUIRE(flush.started.size() == 1);
  REQUIRE(flush.finish(true));
  rec.pump();
  CHECK(rec.state(b) == Recorder::State::Saved);
  CHECK(rec.savedCount() == 2);
}

TEST_CASE("flushed sink: a later flush covers every commit before it") {
  InstantSink store;
  ManualFlush flush;
  FlushedSink sink(store, flush);
  Recorder rec(sink);
  const Recorder::Id a = rec.submit(makeHelpAsked("a"));
  const Recorder::Id b = rec.submit(makeHelpAsked("b")); // waits behind a
  REQUIRE(flush.started.size() == 1);
  REQUIRE(flush.finish(true));
  rec.pump(); // a saved; b begins, commits and starts its flush
  CHECK(rec.state(a) == Recorder::State::Saved);
  CHECK(rec.state(b) == Recorder::State::Pending);
  REQUIRE(flush.started.size() == 1);
  // Only the newest flush's answer arrives (the page ran one sync for both).
  flush.done.push_back({flush.started.back(), true, {}});
  flush.started.clear();
  rec.pump();
  CHECK(rec.state(b) == Recorder::State::Saved);
}

TEST_CASE("flushed sink: a failed flush fails the event; the retry flushes, never records twice") {
  TempDir dir;
  std::string error;
  auto store = ResultsStore::open(dir.str(), error);
  REQUIRE(store);
  StoreSink committed(*store);
  ManualFlush flush;
  FlushedSink sink(committed, flush);
  Recorder rec(sink);
  const Recorder::Id a = rec.submit(makeHelpAsked("3B"));
  const Recorder::Id b = rec.submit(makeHelpAsked("4C"));
  REQUIRE(flush.finish(false, "QuotaExceededError"));
  rec.pump();
  CHECK(rec.state(a) == Recorder::State::Failed);
  CHECK(rec.error(a).find("QuotaExceededError") != std::string::npos);
  CHECK(rec.state(b) == Recorder::State::Pending); // never overtakes a
  CHECK(store->events().size() == 1);

  rec.retry();
  CHECK(rec.state(a) == Recorder::State::Pending);
  REQUIRE(flush.started.size() == 1); // flushing again ...
  CHECK(store->events().size() == 1); // ... without a second copy
  REQUIRE(flush.finish(true));
  rec.pump();
  CHECK(rec.state(a) == Recorder::State::Saved);
  REQUIRE(flush.finish(true));
  rec.pump();
  CHECK(rec.state(b) == Recorder::State::Saved);
  CHECK(store->events().size() == 2);
}

TEST_CASE("flushed sink: a save the store refuses fails at once, with no flush") {
  InstantSink store;
  store.failWith = "disk I/O error";
  ManualFlush flush;
  FlushedSink sink(store, flush);
  Recorder rec(sink);
  const Recorder::Id a = rec.submit(makeHelpAsked("3B"));
  CHECK(rec.state(a) == Recorder::State::Failed);
  CHECK(rec.error(a) == "disk I/O error");
  CHECK(flush.started.empty());
  store.failWith.clear();
  rec.retry();
  CHECK(store.kept.size() == 1);                   // now committed ...
  CHECK(rec.state(a) == Recorder::State::Pending); // ... and flushing
  REQUIRE(flush.finish(true));
  rec.pump();
  CHECK(rec.state(a) == Recorder::State::Saved);
}
