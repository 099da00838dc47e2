// The web game's way out to a school's learning record store: the browser's
// fetch(), as the AsyncHttpTransport results/xapi_pump steps once a frame. One
// POST at a time; the page answers through sq_xapi_answer when it is done (or
// failed, or timed out after 30 s), and the pump reads it on the next frame.
// No cookies or referrer go with it; only the first 4 KB of the LRS's answer is
// kept (it is outside data, and only a parked statement's reason quotes it).
// A page whose Content-Security-Policy does not list the LRS (connect-src) gets
// no answer: the teacher's screen then says to check it (web/README.md).
// Depends on: results/xapi_pump, nlohmann_json, Emscripten.
#include "xapi_fetch.hpp"

#include <emscripten/emscripten.h>
#include <nlohmann/json.hpp>

#include <string>
#include <utility>

// clang-format off
EM_JS(void, sqXapiFetch, (double id, const char* url, const char* headers, const char* body), {
  const target = UTF8ToString(url);
  const answer = (status, text, problem) => {
    Module["ccall"]("sq_xapi_answer", null, ["number", "number", "string", "string"],
                    [id, status, text.slice(0, 4096), problem]);
  };
  // Given up after 30 s (AbortController, which every browser the game runs in has).
  const controller = typeof AbortController !== "undefined" ? new AbortController() : null;
  const timer = controller ? setTimeout(() => controller.abort(), 30000) : 0;
  let origin = target;
  try { origin = new URL(target).origin; } catch (e) {}
  fetch(target, {
    method: "POST",
    headers: JSON.parse(UTF8ToString(headers)),
    body: UTF8ToString(body),
    credentials: "omit",
    cache: "no-store",
    referrerPolicy: "no-referrer",
    signal: controller ? controller.signal : undefined,
  }).then((response) => response.text().then((text) => {
      clearTimeout(timer);
      answer(response.status, text, "");
    }))
    .catch((error) => {
      clearTimeout(timer);
      const why = error && error.name === "AbortError" ? "nothing came back within 30 s"
                : String((error && (error.message || error.name)) || error);
      answer(0, "", "no answer from " + origin + " (" + why + "): check the address, and " +
                    "that index.html's Content-Security-Policy lists it in connect-src");
    });
});
// clang-format on

namespace sq {

namespace {
FetchTransport* gTransport = nullptr;
} // namespace

FetchTransport::FetchTransport() {
  gTransport = this;
}

FetchTransport::~FetchTransport() {
  if (gTransport == this) {
    gTransport = nullptr;
  }
}

void FetchTransport::start(const HttpRequest& request) {
  nlohmann::json headers = nlohmann::json::object();
  for (const auto& [name, value] : request.headers) {
    headers[name] = value;
  }
  ++mId;
  mAnswer.reset();
  sqXapiFetch(static_cast<double>(mId), request.url.c_str(), headers.dump().c_str(),
              request.body.c_str());
}

std::optional<HttpResponse> FetchTransport::poll() {
  return std::exchange(mAnswer, std::nullopt);
}

void FetchTransport::answered(double id, int status, std::string body, std::string problem) {
  if (id != static_cast<double>(mId)) {
    return; // an answer to a request given up on
  }
  mAnswer = HttpResponse{status, std::move(body), std::move(problem)};
}

} // namespace sq

extern "C" {

// The page's answer to sqXapiFetch: the HTTP status, or 0 with why no answer came.
EMSCRIPTEN_KEEPALIVE void sq_xapi_answer(double id, int status, const char* body,
                                         const char* problem) {
  if (sq::gTransport != nullptr) {
    sq::gTransport->answered(id, status, body != nullptr ? body : "",
                             problem != nullptr ? problem : "");
  }
}
}
