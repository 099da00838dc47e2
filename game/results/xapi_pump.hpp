// Sends the xAPI outbox from a frame loop that must never wait: the web game's,
// where the only way out is the browser's fetch(), which answers later. One POST
// is in flight at a time. Each step() (once a frame) settles the answer that came
// back, then, when the back-off allows and something waits, starts the next POST.
// It is results/xapi_sender's nextBatch() and apply() with the waiting in between
// taken out, so the rules (what is sent, retried, parked; id = the event's uuid)
// are the same as `safequest-cli xapi send`.
// The outbox is looked at once a second at most: a completed lesson goes within a
// second or so, and an idle game does one small query a second.
// Depends on: results/xapi_sender, results/xapi_outbox, results/xapi_config,
// results/results_store.
#pragma once

#include "results/xapi_config.hpp"
#include "results/xapi_outbox.hpp"
#include "results/xapi_sender.hpp"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>

namespace sq {

// A transport whose answer comes later: start() one request, then poll() each
// frame until it gives the answer (status 0 with a problem when none came).
class AsyncHttpTransport {
public:
  virtual ~AsyncHttpTransport() = default;
  virtual void start(const HttpRequest& request) = 0;
  virtual std::optional<HttpResponse> poll() = 0;
};

// What the teacher sees of the sending.
struct XapiSendingStatus {
  std::string lrs;            // the LRS's host, e.g. "lrs.example.org"
  std::int64_t sent = 0;      // sent, or already there
  std::int64_t waiting = 0;   // not sent yet
  std::int64_t parked = 0;    // refused by the LRS
  bool sending = false;       // a POST is on its way
  std::string lastProblem;    // why the last try failed, "" after a success
  std::int64_t nextTryIn = 0; // seconds until it tries again by itself, when it failed
  std::string storeProblem;   // the records could not be read or written
};

// The host part of an http(s) address ("lrs.example.org:8443"), for showing.
std::string xapiHostOf(const std::string& url);

class XapiPump {
public:
  // `random` gives numbers in [0, 1) for the back-off's jitter.
  XapiPump(ResultsStore& store, XapiConfig config, AsyncHttpTransport& transport,
           std::function<double()> random);

  // Once a frame. True when the records changed (statements settled, a failure
  // noted): the caller makes them durable and redraws.
  bool step();
  // The teacher's "Send now": the next step tries at once, back-off or not.
  void sendNow();
  bool busy() const { return mInFlight.has_value(); }
  XapiSendingStatus status() const;

private:
  ResultsStore& mStore;
  XapiConfig mConfig;
  AsyncHttpTransport& mTransport;
  XapiSender mSender;
  XapiOutbox mOutbox;
  std::optional<XapiBatch> mInFlight;
  std::int64_t mNextLook = 0; // store seconds: when to look at the outbox again
  bool mForce = false;
  std::string mStoreProblem;
};

} // namespace sq
