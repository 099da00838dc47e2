// The xAPI sender as the web game runs it (results/xapi_pump): one POST at a time
// through a transport that answers on a later frame, stepped as a frame loop
// would, with the store's clock pinned. The web build's settings file
// (parseWebConfig); how the game's records side takes it is in
// tests/engine/records_service_test.cpp.
#include "results/results_store.hpp"
#include "results/xapi_config.hpp"
#include "results/xapi_outbox.hpp"
#include "results/xapi_pump.hpp"
#include "support/temp_dir.hpp"
#include "xapi_test_school.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <deque>
#include <set>

using namespace sq;
using sq::test::config;
using sq::test::School;

namespace {

// An LRS behind a transport that answers only when the test says: start() keeps
// the request, poll() gives the answer once one is queued. It keeps statements by
// id, as an LRS must, so a resend is seen and never counted twice.
struct LaterLrs : AsyncHttpTransport {
  std::vector<HttpRequest> started;
  std::deque<HttpResponse> answers; // the next answers, in order
  std::set<std::string> stored;
  std::vector<std::string> posted; // every statement id posted, in order
  bool storeEvenIfFailing = false; // the answer is lost after the LRS stored them
  bool inFlight = false;

  void start(const HttpRequest& request) override {
    REQUIRE_FALSE(inFlight); // one at a time
    inFlight = true;
    started.push_back(request);
  }
  std::optional<HttpResponse> poll() override {
    if (answers.empty() || !inFlight) {
      return std::nullopt;
    }
    inFlight = false;
    HttpResponse r = answers.front();
    answers.pop_front();
    const auto body = nlohmann::json::parse(started.back().body, nullptr, false);
    REQUIRE(body.is_array());
    if (r.status == 200 || storeEvenIfFailing) {
      for (const auto& s : body) {
        posted.push_back(s.at("id").get<std::string>());
        stored.insert(s.at("id").get<std::string>());
      }
    }
    return r;
  }
};

HttpResponse ok() {
  return {200, "[]", ""};
}

} // namespace

TEST_CASE("xapi pump: one POST at a time, each settled by its answer on a later frame") {
  School school;
  school.fill(); // five to send
  LaterLrs lrs;
  XapiPump pump(*school.store, config(2), lrs, [] { return 0.0; });

  CHECK(pump.status().waiting == 5);
  CHECK(pump.status().lrs == "lrs.example.org");
  CHECK(pump.step()); // the first POST starts
  CHECK(pump.busy());
  CHECK(lrs.started.size() == 1);
  // No answer yet: frames go by and nothing more is started.
  for (int i = 0; i < 5; ++i) {
    CHECK_FALSE(pump.step());
  }
  CHECK(lrs.started.size() == 1);
  CHECK(pump.status().sending);

  lrs.answers.push_back(ok());
  CHECK(pump.step()); // settled
  CHECK_FALSE(pump.busy());
  CHECK(pump.status().sent == 2);
  CHECK(pump.status().waiting == 3);
  // The next batch follows on the next frame, without waiting for the clock.
  CHECK(pump.step());
  CHECK(lrs.started.size() == 2);
  lrs.answers.push_back(ok());
  pump.step();
  pump.step();
  lrs.answers.push_back(ok());
  pump.step();
  CHECK(lrs.started.size() == 3);
  CHECK(pump.status().sent == 5);
  CHECK(pump.status().waiting == 0);
  CHECK(pump.status().lastProblem.empty());
  CHECK(lrs.stored == std::set<std::string>(school.queued.begin(), school.queued.end()));
  CHECK(lrs.posted.size() == 5);
  const HttpRequest& first = lrs.started.front();
  CHECK(first.url == "https://lrs.example.org/xapi/statements");

  // Nothing waits: the outbox is looked at once a second, not every frame.
  CHECK_FALSE(pump.step());
  school.record(EventKind::LessonCompleted, "b0000000-0000-4000-8000-000000000002",
                "2026-09-20T10:00:00Z");
  CHECK_FALSE(pump.step()); // the same second
  CHECK(lrs.started.size() == 3);
  school.clock += 1;
  CHECK(pump.step());
  CHECK(lrs.started.size() == 4);
  lrs.answers.push_back(ok());
  pump.step();
  CHECK(pump.status().sent == 6);
}

TEST_CASE("xapi pump: a failed POST waits for the back-off, or Send now, and nothing doubles") {
  School school;
  school.fill();
  LaterLrs lrs;
  lrs.storeEvenIfFailing = true; // the LRS stored them; its answer was lost
  XapiPump pump(*school.store, config(10), lrs, [] { return 0.0; });

  pump.step();
  lrs.answers.push_back({503, "busy", ""});
  CHECK(pump.step());
  XapiSendingStatus s = pump.status();
  CHECK(s.sent == 0);
  CHECK(s.waiting == 5);
  CHECK(s.lastProblem == "HTTP 503: busy");
  CHECK(s.nextTryIn >= 15);
  CHECK(s.nextTryIn <= 30);
  // Frames and seconds go by, short of the back-off: nothing is tried.
  for (int i = 0; i < 10; ++i) {
    school.clock += 1;
    pump.step();
  }
  CHECK(lrs.started.size() == 1);
  school.clock += 30;
  CHECK(pump.step()); // tried again by itself
  CHECK(lrs.started.size() == 2);
  // This time no answer at all (the network is down).
  lrs.answers.push_back({0, "", "Failed to fetch"});
  pump.step();
  CHECK(pump.status().lastProblem == "Failed to fetch");
  CHECK(pump.status().nextTryIn >= 30); // the second failure in a row waits longer
  pump.step();
  CHECK(lrs.started.size() == 2);

  // The teacher presses Send now: the next frame tries at once.
  pump.sendNow();
  CHECK(pump.step());
  CHECK(lrs.started.size() == 3);
  lrs.answers.push_back(ok());
  pump.step();
  s = pump.status();
  CHECK(s.sent == 5);
  CHECK(s.waiting == 0);
  CHECK(s.lastProblem.empty());
  CHECK(s.nextTryIn == 0);
  // Sent three times in all, kept once: the ids are the events' uuids.
  CHECK(lrs.posted.size() == 15);
  CHECK(lrs.stored.size() == 5);
}

TEST_CASE("xapi pump: the settled state is in the store, so a reload sends nothing again") {
  School school;
  school.fill();
  {
    LaterLrs lrs;
    XapiPump pump(*school.store, config(25), lrs, [] { return 0.0; });
    pump.step();
    lrs.answers.push_back(ok());
    pump.step();
    CHECK(pump.status().sent == 5);
  }
  LaterLrs again;
  XapiPump reloaded(*school.store, config(25), again, [] { return 0.0; });
  CHECK(reloaded.status().sent == 5);
  for (int i = 0; i < 3; ++i) {
    school.clock += 2;
    CHECK_FALSE(reloaded.step());
  }
  CHECK(again.started.empty());
}

TEST_CASE("xapi pump: the host an address shows") {
  CHECK(xapiHostOf("https://lrs.example.org/xapi/") == "lrs.example.org");
  CHECK(xapiHostOf("http://127.0.0.1:8080/x?y") == "127.0.0.1:8080");
  CHECK(xapiHostOf("https://lrs.example.org") == "lrs.example.org");
}

TEST_CASE("web settings file: \"xapi\" read, absent is off, every problem named") {
  std::optional<XapiConfig> xapi;
  std::string error;
  REQUIRE(parseWebConfig(R"({"xapi": {"endpoint": "https://lrs.example.org/xapi/",
                                      "auth": "key:secret", "batchSize": 5}})",
                         xapi, error));
  REQUIRE(xapi);
  CHECK(xapi->endpoint == "https://lrs.example.org/xapi/");
  CHECK(xapi->batchSize == 5);
  CHECK(parseWebConfig("{}", xapi, error));
  CHECK_FALSE(xapi);

  // tests/xapi/bad-web-config: each NAME.json refused with NAME.expect's text,
  // the settings left as they were.
  const int files = test::forEachBadFile("bad-web-config",
                                         [](const std::string& text, const std::string& expected) {
                                           std::optional<XapiConfig> unchanged = XapiConfig{};
                                           unchanged->batchSize = 3;
                                           std::string why;
                                           CHECK_FALSE(parseWebConfig(text, unchanged, why));
                                           CHECK(why.rfind(expected, 0) == 0);
                                           REQUIRE(unchanged);
                                           CHECK(unchanged->batchSize == 3);
                                         });
  CHECK(files >= 10);
}
