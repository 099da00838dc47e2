// The browser's fetch() as the xAPI sender's transport (web/xapi_fetch.cpp).
// Depends on: results/xapi_pump.
#pragma once

#include "results/xapi_pump.hpp"

#include <cstdint>
#include <optional>
#include <string>

namespace sq {

class FetchTransport final : public AsyncHttpTransport {
public:
  FetchTransport();
  ~FetchTransport() override;
  FetchTransport(const FetchTransport&) = delete;
  FetchTransport& operator=(const FetchTransport&) = delete;

  void start(const HttpRequest& request) override;
  std::optional<HttpResponse> poll() override;
  // From the page (sq_xapi_answer).
  void answered(double id, int status, std::string body, std::string problem);

private:
  std::uint64_t mId = 0;
  std::optional<HttpResponse> mAnswer;
};

} // namespace sq
