// The xAPI sender's way out to the network on the desktop: one HTTPS POST with
// libcurl. Certificates and host names are always verified, only http and https are
// spoken, redirects are not followed, and the answer is bounded (time and size),
// since the LRS and everything between are outside our control. Only the command
// line links it: the game itself never opens a connection.
// Depends on: results/xapi_sender, libcurl.
#pragma once

#include "results/xapi_sender.hpp"

#include <cstddef>

namespace sq::cli {

struct CurlLimits {
  long connectSeconds = 10;
  long totalSeconds = 60;
  std::size_t maxAnswerBytes = 1024 * 1024; // more than this and the answer is dropped
};

class CurlTransport : public HttpTransport {
public:
  explicit CurlTransport(CurlLimits limits = {});
  HttpResponse post(const HttpRequest& request) override;

private:
  CurlLimits mLimits;
};

} // namespace sq::cli
