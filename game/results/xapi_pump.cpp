#include "results/xapi_pump.hpp"

#include "results/results_store.hpp"

#include <algorithm>
#include <utility>

namespace sq {

std::string xapiHostOf(const std::string& url) {
  const std::size_t scheme = url.find("://");
  const std::size_t from = scheme == std::string::npos ? 0 : scheme + 3;
  const std::size_t to = url.find_first_of("/?#", from);
  return url.substr(from, to == std::string::npos ? std::string::npos : to - from);
}

XapiPump::XapiPump(ResultsStore& store, XapiConfig config, AsyncHttpTransport& transport,
                   std::function<double()> random)
    : mStore(store), mConfig(config), mTransport(transport),
      mSender(store, std::move(config), std::move(random)), mOutbox(store) {}

bool XapiPump::step() {
  if (mInFlight) {
    std::optional<HttpResponse> answer = mTransport.poll();
    if (!answer) {
      return false;
    }
    XapiSendSummary summary;
    const bool carryOn = mSender.apply(*mInFlight, *answer, summary);
    mInFlight.reset();
    mStoreProblem = summary.storeError ? summary.problem : std::string();
    // A batch that went (or was split to go one at a time) is followed at once by
    // the next; after a failure the back-off decides.
    mNextLook = carryOn ? 0 : mStore.nowSeconds() + 1;
    return true;
  }
  const std::int64_t now = mStore.nowSeconds();
  if (!mForce && (now < mNextLook || !mSender.due())) {
    return false;
  }
  mForce = false;
  mNextLook = now + 1;
  std::string error;
  std::optional<XapiBatch> batch = mSender.nextBatch(error);
  const bool changed = mStoreProblem != error;
  mStoreProblem = error;
  if (!batch) {
    return changed; // nothing waits (or the store could not say)
  }
  mInFlight = std::move(batch);
  mTransport.start(mInFlight->request);
  return true;
}

void XapiPump::sendNow() {
  mForce = true;
}

XapiSendingStatus XapiPump::status() const {
  XapiSendingStatus s;
  s.lrs = xapiHostOf(mConfig.endpoint);
  if (!mOutbox.ready()) {
    s.storeProblem = mOutbox.problem();
    return s;
  }
  s.sent = mOutbox.count(XapiOutcome::Sent) + mOutbox.count(XapiOutcome::AlreadyThere);
  s.parked = mOutbox.count(XapiOutcome::Parked);
  s.waiting = mOutbox.waitingCount();
  s.sending = mInFlight.has_value();
  const XapiRetryState retry = mOutbox.retryState();
  s.lastProblem = retry.lastProblem;
  if (retry.failures > 0) {
    s.nextTryIn = std::max<std::int64_t>(retry.nextTry - mStore.nowSeconds(), 0);
  }
  s.storeProblem = mStoreProblem;
  return s;
}

} // namespace sq
