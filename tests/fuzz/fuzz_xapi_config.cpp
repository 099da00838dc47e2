// libFuzzer target for what the xAPI sender reads from outside: the LRS settings
// (parseXapiConfig), the web build's safequest-config.json (parseWebConfig) and
// the auth text (xapiAuthorization) get the same bytes. Neither
// may throw, crash or hit undefined behaviour, and whatever is accepted must keep
// the readers' promises: an endpoint that isXapiEndpoint accepts, a batch size in
// range, an Authorization header that is "Basic " and base64 on one line, and a
// refusal that changes nothing and says why.
#include "results/xapi_config.hpp"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>

namespace {

[[noreturn]] void broken(const char* what, const std::string& detail = "") {
  std::fprintf(stderr, "fuzz_xapi_config: %s\n  %s\n", what, detail.c_str());
  std::abort();
}

bool basicHeader(const std::string& h) {
  if (h.rfind("Basic ", 0) != 0 || h.size() == 6) {
    return false;
  }
  for (char c : h.substr(6)) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x20 || u == 0x7F) {
      return false;
    }
  }
  return true;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);

  sq::XapiConfig config;
  config.batchSize = -7; // a value no reader may leave behind when it accepts
  std::string error;
  if (sq::parseXapiConfig(text, config, error)) {
    std::string why;
    if (!sq::isXapiEndpoint(config.endpoint, why)) {
      broken("an endpoint was accepted that isXapiEndpoint refuses", config.endpoint);
    }
    if (config.batchSize < 1 || config.batchSize > sq::kMaxXapiBatch) {
      broken("batchSize out of range", std::to_string(config.batchSize));
    }
    if (!config.authorization.empty() && !basicHeader(config.authorization)) {
      broken("an Authorization header that is not Basic on one line", config.authorization);
    }
    if (sq::xapiStatementsUrl(config.endpoint).find("/statements") == std::string::npos) {
      broken("the statements URL lost its path");
    }
  } else if (error.empty() || config.batchSize != -7) {
    broken("a refusal without a reason, or one that changed the settings", error);
  }

  // The web build's settings file: what it accepts keeps the same promises.
  std::optional<sq::XapiConfig> web = sq::XapiConfig{};
  web->batchSize = -7;
  error.clear();
  if (sq::parseWebConfig(text, web, error)) {
    std::string why;
    if (web && (!sq::isXapiEndpoint(web->endpoint, why) || web->batchSize < 1 ||
                web->batchSize > sq::kMaxXapiBatch)) {
      broken("the web settings file gave settings the xAPI reader would refuse", web->endpoint);
    }
  } else if (error.empty() || !web || web->batchSize != -7) {
    broken("a web settings refusal without a reason, or one that changed the settings", error);
  }

  std::string header = "unchanged";
  error.clear();
  if (sq::xapiAuthorization(text, header, error)) {
    if (!basicHeader(header)) {
      broken("an Authorization header that is not Basic on one line", header);
    }
  } else if (error.empty() || header != "unchanged") {
    broken("an auth refusal without a reason, or one that changed the header", error);
  }
  return 0;
}
