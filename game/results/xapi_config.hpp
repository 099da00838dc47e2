// Where a school's xAPI learning record store (LRS) is and how to sign in to it,
// read from outside data (a configuration file, an auth file): every problem is an
// error message, never an exception. Off unless configured: no endpoint, no network.
//   { "endpoint": "https://lrs.example.org/xapi/", "auth": "Basic ..." | "key:secret",
//     "homePage": "https://school.example.org/pupils", "batchSize": 50 }
// Depends on: results/report_xapi (isXapiHomePage), nlohmann_json, libsodium (base64).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace sq {

inline constexpr std::size_t kMaxXapiConfigBytes = 16 * 1024;
inline constexpr std::size_t kMaxXapiAuthBytes = 4096;
inline constexpr int kMaxXapiBatch = 100;

struct XapiConfig {
  std::string endpoint;      // the LRS's base URL: statements go to <endpoint>/statements
  std::string authorization; // the whole Authorization header value ("Basic ..."), or ""
  std::string homePage;      // the pupils' account home page; "" for the default
  int batchSize = 25;        // statements per POST, 1 to kMaxXapiBatch
};

// True for https://HOST..., or http:// to this machine (127.0.0.1, [::1], localhost)
// only, so a statement never crosses a network unencrypted. Sets `error` when false.
bool isXapiEndpoint(std::string_view url, std::string& error);

// <endpoint>/statements, with exactly one slash between.
std::string xapiStatementsUrl(std::string_view endpoint);

// The Authorization header for an auth text: "Basic <base64>" as it is, or
// "key:secret", encoded. Surrounding white space and one trailing newline are
// ignored. False, with `error`, for anything else.
bool xapiAuthorization(std::string_view authText, std::string& header, std::string& error);

// Reads the configuration object above (the "xapi" member of the web build's
// safequest-config.json). False, with `error` naming the field, for text that is
// too long, not JSON, not an object, an unknown field, or a field of the wrong kind.
bool parseXapiConfig(std::string_view json, XapiConfig& config, std::string& error);

// Reads the web build's safequest-config.json, which a school puts beside
// index.html: an object whose one setting so far is "xapi" (above). `xapi` is
// left empty when the file has none (nothing is sent). False, with `error` naming
// the field ("\"xapi\": \"endpoint\" is missing"), for anything else.
bool parseWebConfig(std::string_view json, std::optional<XapiConfig>& xapi, std::string& error);

} // namespace sq
