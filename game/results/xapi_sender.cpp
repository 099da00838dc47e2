#include "results/xapi_sender.hpp"

#include "results/report_xapi.hpp"
#include "results/results_store.hpp"
#include "results/xapi_backoff.hpp"

#include <algorithm>

namespace sq {

namespace {

// What of an LRS's answer goes into a parked statement's reason: one line of
// printable ASCII, at most 200 bytes (the body is outside data).
std::string reasonText(const HttpResponse& r) {
  std::string out = "HTTP " + std::to_string(r.status);
  std::string body;
  for (char c : r.body) {
    if (body.size() >= 200) {
      body += "...";
      break;
    }
    const auto u = static_cast<unsigned char>(c);
    body += (u >= 0x20 && u < 0x7F) ? c : ' ';
  }
  if (!body.empty()) {
    out += ": " + body;
  }
  return out;
}

} // namespace

XapiReply classifyXapiReply(int status) {
  if (status == 200 || status == 204) {
    return XapiReply::Stored;
  }
  if (status == 409) {
    return XapiReply::AlreadyThere;
  }
  // The LRS is not reachable as configured (sign-in, address, proxy) or asks us
  // to slow down: no statement is to blame, so none is parked.
  if (status == 401 || status == 403 || status == 404 || status == 407 || status == 408 ||
      status == 429) {
    return XapiReply::TryLater;
  }
  if (status >= 400 && status < 500) {
    return XapiReply::Refused;
  }
  return XapiReply::TryLater; // 5xx, no answer, or anything unexpected
}

XapiSender::XapiSender(ResultsStore& store, XapiConfig config, std::function<double()> random)
    : mStore(store), mConfig(std::move(config)), mOutbox(store), mRandom(std::move(random)) {}

bool XapiSender::due() const {
  return mOutbox.retryState().nextTry <= mStore.nowSeconds();
}

std::optional<XapiBatch> XapiSender::nextBatch(std::string& error) {
  if (!mOutbox.ready()) {
    error = mOutbox.problem();
    return std::nullopt;
  }
  XapiOptions options;
  if (!mConfig.homePage.empty()) {
    options.homePage = mConfig.homePage;
  }
  const std::size_t size =
      mOneAtATime > 0 ? 1
                      : static_cast<std::size_t>(std::clamp(mConfig.batchSize, 1, kMaxXapiBatch));
  for (;;) {
    const std::vector<Event> events = mOutbox.waiting(size);
    if (events.empty()) {
      return std::nullopt;
    }
    XapiBatch batch;
    std::vector<std::string> unsendable;
    std::string body = "[";
    for (const Event& e : events) {
      std::string statement = xapiStatement(e, options);
      if (statement.empty()) {
        unsendable.push_back(e.uuid);
        continue;
      }
      if (!batch.ids.empty()) {
        body += ',';
      }
      body += statement;
      batch.ids.push_back(e.uuid);
    }
    body += ']';
    if (!unsendable.empty() &&
        !mOutbox.settle(unsendable, XapiOutcome::Parked,
                        "makes no valid statement (malformed id or time)", error)) {
      return std::nullopt;
    }
    if (batch.ids.empty()) {
      continue; // all of these were unsendable: look further
    }
    batch.request.url = xapiStatementsUrl(mConfig.endpoint);
    batch.request.headers = {{"Content-Type", "application/json"},
                             {"X-Experience-API-Version", "1.0.3"}};
    if (!mConfig.authorization.empty()) {
      batch.request.headers.emplace_back("Authorization", mConfig.authorization);
    }
    batch.request.body = std::move(body);
    return batch;
  }
}

bool XapiSender::apply(const XapiBatch& batch, const HttpResponse& response,
                       XapiSendSummary& summary) {
  const XapiReply reply =
      response.status == 0 ? XapiReply::TryLater : classifyXapiReply(response.status);
  const int n = static_cast<int>(batch.ids.size());
  std::string error;
  if (reply == XapiReply::TryLater) {
    XapiRetryState state = mOutbox.retryState();
    state.failures = std::min(state.failures + 1, 1000);
    const std::int64_t delay = xapiRetryDelay(state.failures, mRandom ? mRandom() : 0.0);
    state.nextTry = mStore.nowSeconds() + delay;
    state.lastProblem = response.status != 0        ? reasonText(response)
                        : !response.problem.empty() ? response.problem
                                                    : std::string("no answer");
    summary.nextTryIn = delay;
    summary.problem = state.lastProblem;
    if (!mOutbox.setRetryState(state, error)) {
      summary.storeError = true;
      summary.problem = error;
    }
    return false;
  }
  if ((reply == XapiReply::AlreadyThere || reply == XapiReply::Refused) && n > 1) {
    // Which statement the LRS objects to is not said: send them one at a time.
    mOneAtATime = batch.ids.size();
    return true;
  }
  XapiOutcome outcome = XapiOutcome::Sent;
  if (reply == XapiReply::AlreadyThere) {
    outcome = XapiOutcome::AlreadyThere;
  } else if (reply == XapiReply::Refused) {
    outcome = XapiOutcome::Parked;
  }
  if (!mOutbox.settle(batch.ids, outcome,
                      outcome == XapiOutcome::Parked ? reasonText(response) : "", error)) {
    summary.storeError = true;
    summary.problem = error;
    return false;
  }
  (outcome == XapiOutcome::Sent           ? summary.sent
   : outcome == XapiOutcome::AlreadyThere ? summary.alreadyThere
                                          : summary.parked) += n;
  if (mOneAtATime > 0) {
    mOneAtATime -= std::min(mOneAtATime, batch.ids.size());
  }
  // The LRS answered: the next failure starts the back-off afresh.
  const XapiRetryState state = mOutbox.retryState();
  if (state.failures != 0 || state.nextTry != 0 || !state.lastProblem.empty()) {
    if (!mOutbox.setRetryState({}, error)) {
      summary.storeError = true;
      summary.problem = error;
      return false;
    }
  }
  return true;
}

XapiSendSummary XapiSender::sendWaiting(HttpTransport& transport, bool now, int maxPosts) {
  XapiSendSummary summary;
  if (!mOutbox.ready()) {
    summary.storeError = true;
    summary.problem = mOutbox.problem();
    return summary;
  }
  if (!now && !due()) {
    summary.notDue = true;
    summary.nextTryIn =
        std::max<std::int64_t>(mOutbox.retryState().nextTry - mStore.nowSeconds(), 0);
    summary.problem = mOutbox.retryState().lastProblem;
    summary.left = mOutbox.waitingCount();
    return summary;
  }
  while (summary.posts < maxPosts) {
    std::string error;
    std::optional<XapiBatch> batch = nextBatch(error);
    if (!error.empty()) {
      summary.storeError = true;
      summary.problem = error;
      break;
    }
    if (!batch) {
      break;
    }
    const HttpResponse response = transport.post(batch->request);
    ++summary.posts;
    if (!apply(*batch, response, summary)) {
      break;
    }
  }
  summary.left = mOutbox.waitingCount();
  return summary;
}

} // namespace sq
