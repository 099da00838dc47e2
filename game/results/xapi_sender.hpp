// Sends the xAPI outbox (results/xapi_outbox) to a school's learning record store:
// waiting events become statements (results/report_xapi, so the statement id is
// the event's uuid and a resend never counts twice), POSTed in batches to
// <endpoint>/statements through an HttpTransport, and the LRS's answer settles them:
//   200, 204          sent
//   409               already there (a batch is split and sent one at a time first)
//   401 403 404 407 408 429, 5xx, no answer
//                     try later: the whole queue waits, with back-off (xapi_backoff)
//   any other 4xx     refused: a batch is split, then the one statement is parked
//                     with the LRS's reason, and the others go on
// The transport is the only way out to the network, so the logic is tested without
// one; the command line gives it libcurl (cli/xapi_curl), the web build fetch().
// Depends on: results/xapi_outbox, results/xapi_config, results/xapi_backoff,
// results/report_xapi, results/results_store.
#pragma once

#include "results/xapi_config.hpp"
#include "results/xapi_outbox.hpp"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace sq {

class ResultsStore;

struct HttpRequest {
  std::string url;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
};

struct HttpResponse {
  int status = 0;      // 0: no answer (the problem says why)
  std::string body;    // at most what the transport's limit let through
  std::string problem; // "" when an answer came
};

class HttpTransport {
public:
  virtual ~HttpTransport() = default;
  virtual HttpResponse post(const HttpRequest& request) = 0;
};

enum class XapiReply { Stored, AlreadyThere, Refused, TryLater };
XapiReply classifyXapiReply(int status);

struct XapiBatch {
  std::vector<std::string> ids; // event uuids = statement ids, in the body's order
  HttpRequest request;
};

struct XapiSendSummary {
  int posts = 0;
  int sent = 0;
  int alreadyThere = 0;
  int parked = 0;
  std::int64_t left = 0;      // still waiting afterwards
  std::int64_t nextTryIn = 0; // seconds until the next try when a send failed, else 0
  bool notDue = false;        // nothing was tried: the back-off has not run out
  bool storeError = false;    // the records store could not be read or written
  std::string problem;        // why the last try failed, or the store's error
};

class XapiSender {
public:
  // `random` gives numbers in [0, 1) for the back-off's jitter; the clock is the store's.
  XapiSender(ResultsStore& store, XapiConfig config, std::function<double()> random);

  // True when the back-off allows a try now.
  bool due() const;
  // The next POST, or nullopt when nothing waits (or the store failed: `error` set).
  // Events that make no valid statement are parked here, never sent.
  std::optional<XapiBatch> nextBatch(std::string& error);
  // Settles the batch by the LRS's answer; false when it was a "try later".
  bool apply(const XapiBatch& batch, const HttpResponse& response, XapiSendSummary& summary);
  // Posts batches until nothing waits or one must be tried later. Unless `now`,
  // nothing is tried before the back-off runs out.
  XapiSendSummary sendWaiting(HttpTransport& transport, bool now, int maxPosts = 10000);

private:
  ResultsStore& mStore;
  XapiConfig mConfig;
  XapiOutbox mOutbox;
  std::function<double()> mRandom;
  std::size_t mOneAtATime = 0; // statements left to send alone after a batch was refused
};

} // namespace sq
