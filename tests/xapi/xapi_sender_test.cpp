// The xAPI outbox and sender (results/xapi_*) without a network: a scripted
// transport answers as an LRS would, and the store's clock is pinned.
#include "results/results_store.hpp"
#include "results/uuid.hpp"
#include "results/xapi_backoff.hpp"
#include "results/xapi_config.hpp"
#include "results/xapi_outbox.hpp"
#include "results/xapi_sender.hpp"
#include "support/temp_dir.hpp"
#include "xapi_test_school.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>
#include <sqlite3.h>

#include <cmath>
#include <functional>
#include <limits>
#include <set>

using namespace sq;
using sq::test::config;
using sq::test::School;

namespace {

struct ScriptedLrs : HttpTransport {
  std::function<HttpResponse(const HttpRequest&)> answer;
  std::vector<HttpRequest> requests;
  std::vector<std::string> ids; // every statement id posted, in order
  HttpResponse post(const HttpRequest& request) override {
    requests.push_back(request);
    const auto body = nlohmann::json::parse(request.body, nullptr, false);
    REQUIRE(body.is_array());
    for (const auto& s : body) {
      ids.push_back(s.at("id").get<std::string>());
    }
    return answer ? answer(request) : HttpResponse{200, "[]", ""};
  }
};

std::set<std::string> asSet(const std::vector<std::string>& v) {
  return {v.begin(), v.end()};
}

} // namespace

TEST_CASE("xapi back-off: 30 s doubling to an hour, less up to half at random") {
  CHECK(xapiRetryDelay(1, 0.0) == 15);
  CHECK(xapiRetryDelay(1, 0.9999) == 29);
  CHECK(xapiRetryDelay(2, 0.0) == 30);
  CHECK(xapiRetryDelay(2, 0.5) == 45);
  CHECK(xapiRetryDelay(3, 0.0) == 60);
  CHECK(xapiRetryDelay(7, 0.0) == 960);  // 30 * 2^6 / 2
  CHECK(xapiRetryDelay(8, 0.0) == 1800); // 3840 capped to 3600, halved
  CHECK(xapiRetryDelay(8, 0.9999) == 3599);
  CHECK(xapiRetryDelay(1000000, 0.9999) == 3599);
  // Out-of-range inputs never make a negative or longer wait.
  CHECK(xapiRetryDelay(0, 0.0) == 15);
  CHECK(xapiRetryDelay(-5, 2.0) == 30);
  CHECK(xapiRetryDelay(1, -1.0) == 15);
  CHECK(xapiRetryDelay(1, std::numeric_limits<double>::quiet_NaN()) == 15);
  CHECK(xapiRetryDelay(3, 0.0, XapiBackoff{10, 25}) == 12);
  for (int f = 1; f < 40; ++f) {
    for (double r : {0.0, 0.3, 0.7, 0.99}) {
      const auto d = xapiRetryDelay(f, r);
      CHECK(d >= 15);
      CHECK(d <= 3600);
      CHECK(d >= xapiRetryDelay(f - 1 > 0 ? f - 1 : 1, r)); // never shorter after more failures
    }
  }
}

TEST_CASE("xapi replies: stored, already there, refused, or try later") {
  CHECK(classifyXapiReply(200) == XapiReply::Stored);
  CHECK(classifyXapiReply(204) == XapiReply::Stored);
  CHECK(classifyXapiReply(409) == XapiReply::AlreadyThere);
  CHECK(classifyXapiReply(400) == XapiReply::Refused);
  CHECK(classifyXapiReply(413) == XapiReply::Refused);
  for (int status : {0, 301, 401, 403, 404, 407, 408, 429, 500, 502, 503, 504, 999}) {
    CAPTURE(status);
    CHECK(classifyXapiReply(status) == XapiReply::TryLater);
  }
}

TEST_CASE("xapi settings: endpoint, auth and batch read, every bad file named") {
  XapiConfig c;
  std::string error;
  REQUIRE(parseXapiConfig(R"({"endpoint": "https://lrs.example.org/xapi/", "auth": "key:secret",
                              "homePage": "https://school.example.org/pupils", "batchSize": 7})",
                          c, error));
  CHECK(c.endpoint == "https://lrs.example.org/xapi/");
  CHECK(c.authorization == "Basic a2V5OnNlY3JldA==");
  CHECK(c.homePage == "https://school.example.org/pupils");
  CHECK(c.batchSize == 7);
  CHECK(xapiStatementsUrl(c.endpoint) == "https://lrs.example.org/xapi/statements");
  CHECK(xapiStatementsUrl("http://127.0.0.1:8080/x") == "http://127.0.0.1:8080/x/statements");

  std::string header;
  REQUIRE(xapiAuthorization("Basic a2V5OnNlY3JldA==\n", header, error));
  CHECK(header == "Basic a2V5OnNlY3JldA==");
  CHECK(isXapiEndpoint("http://127.0.0.1:9/xapi", error));
  CHECK(isXapiEndpoint("http://localhost/xapi", error));
  CHECK(isXapiEndpoint("http://[::1]:80/xapi", error));
  CHECK_FALSE(isXapiEndpoint("http://127.0.0.1.example.org/xapi", error));

  // tests/xapi/bad-config: each NAME.json must be refused with NAME.expect's text.
  const int files =
      test::forEachBadFile("bad-config", [](const std::string& text, const std::string& expected) {
        XapiConfig unchanged;
        unchanged.batchSize = 3;
        std::string why;
        CHECK_FALSE(parseXapiConfig(text, unchanged, why));
        CHECK(why.find(expected) == 0);
        CHECK(unchanged.batchSize == 3);
      });
  CHECK(files >= 15);
}

TEST_CASE("xapi send: completed lessons and signed AUPs in batches, each once, id = uuid") {
  School school;
  school.fill();
  XapiOutbox outbox(*school.store);
  CHECK(outbox.waitingCount() == 5);

  ScriptedLrs lrs;
  XapiSender sender(*school.store, config(2), [] { return 0.0; });
  const XapiSendSummary s = sender.sendWaiting(lrs, false);
  CHECK(s.posts == 3);
  CHECK(s.sent == 5);
  CHECK(s.left == 0);
  CHECK(s.problem.empty());
  CHECK(asSet(lrs.ids) == asSet(school.queued));
  CHECK(lrs.ids.size() == 5);
  const HttpRequest& first = lrs.requests.front();
  CHECK(first.url == "https://lrs.example.org/xapi/statements");
  const auto has = [&](const char* name, const char* value) {
    for (const auto& h : first.headers) {
      if (h.first == name && h.second == value) {
        return true;
      }
    }
    return false;
  };
  CHECK(has("X-Experience-API-Version", "1.0.3"));
  CHECK(has("Authorization", "Basic a2V5OnNlY3JldA=="));
  CHECK(has("Content-Type", "application/json"));
  // Oldest first; no name is ever sent.
  CHECK(lrs.ids.front() == school.queued[1]);
  for (const auto& r : lrs.requests) {
    CHECK(r.body.find("Amelia") == std::string::npos);
  }

  // A second send has nothing to say, and posts nothing.
  const XapiSendSummary again = sender.sendWaiting(lrs, false);
  CHECK(again.posts == 0);
  CHECK(again.sent == 0);
  CHECK(outbox.count(XapiOutcome::Sent) == 5);

  // A new lesson completed is sent on its own next time.
  school.record(EventKind::LessonCompleted, "b0000000-0000-4000-8000-000000000002",
                "2026-09-20T10:00:00Z");
  const XapiSendSummary more = sender.sendWaiting(lrs, false);
  CHECK(more.sent == 1);
  CHECK(lrs.ids.back() == school.queued.back());
}

TEST_CASE("xapi send: no answer or a server error waits with back-off, then sends") {
  School school;
  school.fill();
  ScriptedLrs lrs;
  int failures = 2;
  lrs.answer = [&](const HttpRequest&) {
    if (failures > 0) {
      --failures;
      return failures == 1 ? HttpResponse{503, "busy", ""}
                           : HttpResponse{0, "", "Connection refused"};
    }
    return HttpResponse{204, "", ""};
  };
  XapiSender sender(*school.store, config(10), [] { return 0.0; });
  XapiSendSummary s = sender.sendWaiting(lrs, false);
  CHECK(s.posts == 1);
  CHECK(s.sent == 0);
  CHECK(s.left == 5);
  CHECK(s.nextTryIn == 15);
  CHECK(s.problem == "HTTP 503: busy");
  CHECK_FALSE(sender.due());

  // Not due: nothing is tried.
  s = sender.sendWaiting(lrs, false);
  CHECK(s.notDue);
  CHECK(s.posts == 0);
  CHECK(s.nextTryIn == 15);
  CHECK(lrs.requests.size() == 1);

  school.clock += 15;
  CHECK(sender.due());
  s = sender.sendWaiting(lrs, false);
  CHECK(s.posts == 1);
  CHECK(s.nextTryIn == 30); // the second failure in a row waits twice as long
  CHECK(s.problem == "Connection refused");
  XapiOutbox outbox(*school.store);
  CHECK(outbox.retryState().failures == 2);

  // `now` tries at once; success resets the schedule.
  s = sender.sendWaiting(lrs, true);
  CHECK(s.sent == 5);
  CHECK(s.left == 0);
  CHECK(outbox.retryState().failures == 0);
  CHECK(outbox.retryState().lastProblem.empty());
  // Each statement went once in the successful POST; the failed ones were the same ids.
  CHECK(asSet(lrs.ids) == asSet(school.queued));
}

TEST_CASE("xapi send: a refused batch is sent one at a time and only the bad one parked") {
  School school;
  school.fill();
  const std::string bad = school.queued[2];
  ScriptedLrs lrs;
  lrs.answer = [&](const HttpRequest& r) {
    if (r.body.find(bad) != std::string::npos) {
      return HttpResponse{400, "{\"message\":\"bad\x01 statement\"}", ""};
    }
    return HttpResponse{200, "[]", ""};
  };
  XapiSender sender(*school.store, config(25), [] { return 0.0; });
  const XapiSendSummary s = sender.sendWaiting(lrs, false);
  CHECK(s.sent == 4);
  CHECK(s.parked == 1);
  CHECK(s.left == 0);
  CHECK(s.posts == 1 + 5);
  XapiOutbox outbox(*school.store);
  const auto parked = outbox.parked();
  REQUIRE(parked.size() == 1);
  CHECK(parked[0].uuid == bad);
  CHECK(parked[0].reason == "HTTP 400: {\"message\":\"bad  statement\"}");
  CHECK(outbox.retryState().failures == 0); // a refusal is not the LRS being away

  // Unparked, it waits again.
  std::string error;
  REQUIRE(outbox.unpark(error));
  CHECK(outbox.waitingCount() == 1);
}

TEST_CASE("xapi send: 409 means the LRS has it already; sign-in trouble parks nothing") {
  School school;
  school.fill();
  ScriptedLrs lrs;
  lrs.answer = [&](const HttpRequest&) { return HttpResponse{409, "conflict", ""}; };
  XapiSender sender(*school.store, config(3), [] { return 0.0; });
  XapiSendSummary s = sender.sendWaiting(lrs, false);
  CHECK(s.alreadyThere == 5);
  CHECK(s.sent == 0);
  CHECK(s.left == 0);

  School other;
  other.fill();
  ScriptedLrs locked;
  locked.answer = [&](const HttpRequest&) { return HttpResponse{401, "", ""}; };
  XapiSender signIn(*other.store, config(3), [] { return 0.5; });
  s = signIn.sendWaiting(locked, false);
  CHECK(s.posts == 1);
  CHECK(s.parked == 0);
  CHECK(s.left == 5);
  CHECK(s.nextTryIn == 22);
  CHECK(s.problem == "HTTP 401");
}

TEST_CASE("xapi outbox: an event that makes no valid statement is parked, never sent") {
  School school;
  school.fill();
  // An event whose time cannot make a statement (written by an older or broken
  // device) is parked with why, not sent and not retried forever.
  std::string error;
  REQUIRE(sqlite3_exec(school.store->handle(),
                       "UPDATE events SET time_utc = 'yesterday' WHERE kind = 'aup.signed'",
                       nullptr, nullptr, nullptr) == SQLITE_OK);
  ScriptedLrs lrs;
  XapiSender sender(*school.store, config(25), [] { return 0.0; });
  const XapiSendSummary s = sender.sendWaiting(lrs, false);
  CHECK(s.sent == 4);
  CHECK(s.parked == 0); // parked before sending: counted in the outbox, not the reply
  XapiOutbox outbox(*school.store);
  REQUIRE(outbox.parked().size() == 1);
  CHECK(outbox.parked()[0].uuid == school.queued[1]);
  CHECK(outbox.parked()[0].reason.find("makes no valid statement") == 0);
  CHECK(lrs.ids.size() == 4);
}
