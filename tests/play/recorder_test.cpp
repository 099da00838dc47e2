// The recorder: one save at a time, in order; pending until the sink says saved;
// a failure keeps its place and is retried first; nothing is dropped. Over a sink
// that answers later (ManualSink), one that answers at once, and the real store.
#include "play/recorder.hpp"
#include "results/event_payload.hpp"
#include "support/manual_sink.hpp"
#include "support/temp_dir.hpp"

#include <doctest/doctest.h>

using namespace sq;
using namespace sq::test;

namespace {

EventDraft help(const std::string& cls) {
  return makeHelpAsked(cls);
}

std::vector<std::string> classesOf(const std::vector<EventDraft>& drafts) {
  std::vector<std::string> out;
  for (const EventDraft& d : drafts) {
    auto p = decodeDraft(d);
    REQUIRE(p.has_value());
    out.push_back(std::get<HelpAskedData>(*p).classId);
  }
  return out;
}

} // namespace

TEST_CASE("recorder: an event is pending until the sink says it is saved, and saves go in order") {
  ManualSink sink;
  Recorder rec(sink);
  const Recorder::Id a = rec.submit(help("a"));
  const Recorder::Id b = rec.submit(help("b"));
  const Recorder::Id c = rec.submit(help("c"));
  CHECK(a < b);
  CHECK(b < c);
  // Only the oldest is being saved; the others wait their turn.
  REQUIRE(sink.waiting.size() == 1);
  CHECK(rec.state(a) == Recorder::State::Pending);
  CHECK(rec.state(b) == Recorder::State::Pending);
  CHECK_FALSE(rec.allSaved());
  rec.pump(); // nothing has answered yet: still pending
  CHECK(rec.state(a) == Recorder::State::Pending);

  REQUIRE(sink.finish(true));
  rec.pump();
  CHECK(rec.state(a) == Recorder::State::Saved);
  CHECK(rec.state(b) == Recorder::State::Pending);
  REQUIRE(sink.waiting.size() == 1); // b has begun
  REQUIRE(sink.finish(true));
  rec.pump();
  REQUIRE(sink.finish(true));
  rec.pump();
  CHECK(rec.state(c) == Recorder::State::Saved);
  CHECK(rec.allSaved());
  CHECK(rec.savedCount() == 3);
  CHECK(classesOf(sink.kept) == std::vector<std::string>{"a", "b", "c"});
}

TEST_CASE("recorder: a failed event keeps its place, is retried first, and nothing is dropped") {
  ManualSink sink;
  Recorder rec(sink);
  const Recorder::Id a = rec.submit(help("a"));
  const Recorder::Id b = rec.submit(help("b"));
  REQUIRE(sink.finish(false, "disk I/O error"));
  rec.pump();
  CHECK(rec.state(a) == Recorder::State::Failed);
  CHECK(rec.error(a) == "disk I/O error");
  CHECK(rec.state(b) == Recorder::State::Pending); // not tried: it must not overtake a
  CHECK(rec.stalled());
  CHECK(rec.lastError() == "disk I/O error");
  CHECK(sink.waiting.empty());
  rec.pump(); // pumping alone does not retry
  CHECK(sink.waiting.empty());

  SUBCASE("retried by the next submit") {
    const Recorder::Id c = rec.submit(help("c"));
    CHECK(rec.state(a) == Recorder::State::Pending);
    REQUIRE(sink.waiting.size() == 1);
    CHECK(sink.waiting.front().ticket == a);
    while (sink.finish(true)) {
      rec.pump();
    }
    CHECK(rec.state(c) == Recorder::State::Saved);
    CHECK(classesOf(sink.kept) == std::vector<std::string>{"a", "b", "c"});
  }
  SUBCASE("retried on request") {
    rec.retry();
    REQUIRE(sink.waiting.size() == 1);
    CHECK(sink.waiting.front().ticket == a);
    REQUIRE(sink.finish(false, "still full"));
    rec.pump();
    CHECK(rec.state(a) == Recorder::State::Failed);
    CHECK(rec.lastError() == "still full");
    rec.retry();
    while (sink.finish(true)) {
      rec.pump();
    }
    CHECK(rec.allSaved());
    CHECK(rec.lastError().empty());
    CHECK(classesOf(sink.kept) == std::vector<std::string>{"a", "b"});
  }
}

TEST_CASE("recorder: a sink that answers at once saves on submit, and fails without losing order") {
  InstantSink sink;
  Recorder rec(sink);
  const Recorder::Id a = rec.submit(help("a"));
  CHECK(rec.state(a) == Recorder::State::Saved);
  sink.failWith = "the records folder is read-only";
  const Recorder::Id b = rec.submit(help("b"));
  const Recorder::Id c = rec.submit(help("c"));
  CHECK(rec.state(b) == Recorder::State::Failed);
  CHECK(rec.state(c) == Recorder::State::Pending);
  CHECK(rec.unsaved().size() == 2);
  sink.failWith.clear();
  const Recorder::Id d = rec.submit(help("d"));
  CHECK(rec.state(d) == Recorder::State::Saved);
  CHECK(classesOf(sink.kept) == std::vector<std::string>{"a", "b", "c", "d"});
  CHECK(rec.state(0) == Recorder::State::Pending);     // never an event
  CHECK(rec.state(d + 1) == Recorder::State::Pending); // not issued yet
}

TEST_CASE("recorder: over the real store, saved means in the store, in order") {
  TempDir dir;
  std::string error;
  auto store = ResultsStore::open(dir.str(), error);
  REQUIRE(store);
  StoreSink sink(*store);
  std::vector<std::string> uuids;
  sink.onSaved = [&](const Event& e) { uuids.push_back(e.uuid); };
  Recorder rec(sink);
  for (const char* cls : {"a", "b", "c"}) {
    CHECK(rec.state(rec.submit(help(cls))) == Recorder::State::Saved);
  }
  const std::vector<Event> events = store->events();
  REQUIRE(events.size() == 3);
  CHECK(uuids == std::vector<std::string>{events[0].uuid, events[1].uuid, events[2].uuid});
  std::vector<std::string> classes;
  for (const Event& e : events) {
    classes.push_back(payloadOrEmpty<HelpAskedData>(e).classId);
  }
  CHECK(classes == std::vector<std::string>{"a", "b", "c"});
}

TEST_CASE("recorder: a function sink reports the function's refusal") {
  bool fail = true;
  FunctionSink sink([&](const EventDraft&, std::string& error) {
    if (fail) {
      error = "no space left";
    }
    return !fail;
  });
  Recorder rec(sink);
  const Recorder::Id a = rec.submit(help("a"));
  CHECK(rec.state(a) == Recorder::State::Failed);
  CHECK(rec.error(a) == "no space left");
  fail = false;
  rec.retry();
  CHECK(rec.state(a) == Recorder::State::Saved);
}
