#include "results/xapi_config.hpp"

#include "content/json_limits.hpp"
#include "results/report_xapi.hpp"

#include <nlohmann/json.hpp>
#include <sodium.h>

#include <vector>

namespace sq {

namespace {

std::string_view trimmed(std::string_view s) {
  const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  while (!s.empty() && space(s.front())) {
    s.remove_prefix(1);
  }
  while (!s.empty() && space(s.back())) {
    s.remove_suffix(1);
  }
  return s;
}

bool plainText(std::string_view s) {
  for (char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x20 || u == 0x7F) {
      return false;
    }
  }
  return true;
}

bool isBase64(std::string_view s) {
  if (s.empty()) {
    return false;
  }
  for (char c : s) {
    if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' ||
          c == '/' || c == '=')) {
      return false;
    }
  }
  return true;
}

} // namespace

bool isXapiEndpoint(std::string_view url, std::string& error) {
  if (!isXapiHomePage(url)) {
    error = "the endpoint is not an http(s) address";
    return false;
  }
  if (url.substr(0, 8) == "https://") {
    return true;
  }
  // http:// only to this machine: a test LRS, or a local proxy that adds TLS.
  std::string_view host = url.substr(7);
  host = host.substr(0, host.find('/'));
  if (host.rfind('@') != std::string_view::npos) {
    error = "the endpoint must not carry a user name: use the auth file";
    return false;
  }
  if (host.substr(0, 5) == "[::1]") {
    return true;
  }
  host = host.substr(0, host.find(':'));
  if (host == "127.0.0.1" || host == "localhost") {
    return true;
  }
  error = "the endpoint must be https:// (http:// is only for this machine, 127.0.0.1)";
  return false;
}

std::string xapiStatementsUrl(std::string_view endpoint) {
  std::string url(endpoint);
  while (!url.empty() && url.back() == '/') {
    url.pop_back();
  }
  url += "/statements";
  return url;
}

bool xapiAuthorization(std::string_view authText, std::string& header, std::string& error) {
  if (authText.size() > kMaxXapiAuthBytes) {
    error = "the auth text is longer than " + std::to_string(kMaxXapiAuthBytes) + " bytes";
    return false;
  }
  const std::string_view text = trimmed(authText);
  if (text.empty()) {
    error = "the auth text is empty";
    return false;
  }
  if (!plainText(text)) {
    error = "the auth text has more than one line, or control characters";
    return false;
  }
  if (text.substr(0, 6) == "Basic ") {
    if (!isBase64(trimmed(text.substr(6)))) {
      error = "the auth text starts \"Basic \" but what follows is not base64";
      return false;
    }
    header = std::string(text);
    return true;
  }
  const std::size_t colon = text.find(':');
  if (colon == std::string_view::npos || colon == 0 || colon + 1 == text.size() ||
      text.find(' ') != std::string_view::npos) {
    error = "the auth text is neither \"Basic <base64>\" nor \"key:secret\"";
    return false;
  }
  std::vector<char> b64(sodium_base64_ENCODED_LEN(text.size(), sodium_base64_VARIANT_ORIGINAL));
  sodium_bin2base64(b64.data(), b64.size(), reinterpret_cast<const unsigned char*>(text.data()),
                    text.size(), sodium_base64_VARIANT_ORIGINAL);
  header = "Basic ";
  header += b64.data();
  return true;
}

bool parseXapiConfig(std::string_view json, XapiConfig& config, std::string& error) {
  if (json.size() > kMaxXapiConfigBytes) {
    error = "the xAPI settings are longer than " + std::to_string(kMaxXapiConfigBytes) + " bytes";
    return false;
  }
  if (findExcessNesting(json, 4)) {
    error = "the xAPI settings nest too deeply";
    return false;
  }
  const nlohmann::json doc = nlohmann::json::parse(json.begin(), json.end(), nullptr, false);
  if (doc.is_discarded()) {
    error = "the xAPI settings are not JSON";
    return false;
  }
  if (!doc.is_object()) {
    error = "the xAPI settings are not an object";
    return false;
  }
  XapiConfig out;
  bool haveEndpoint = false;
  for (const auto& [key, value] : doc.items()) {
    if (key == "endpoint" || key == "auth" || key == "homePage") {
      if (!value.is_string()) {
        error = "\"" + key + "\" is not text";
        return false;
      }
      const std::string& text = value.get_ref<const std::string&>();
      if (key == "endpoint") {
        std::string why;
        if (!isXapiEndpoint(text, why)) {
          error = "\"endpoint\": " + why;
          return false;
        }
        out.endpoint = text;
        haveEndpoint = true;
      } else if (key == "auth") {
        std::string why;
        if (!xapiAuthorization(text, out.authorization, why)) {
          error = "\"auth\": " + why;
          return false;
        }
      } else {
        if (!isXapiHomePage(text)) {
          error = "\"homePage\" is not an http(s) address";
          return false;
        }
        out.homePage = text;
      }
    } else if (key == "batchSize") {
      if (!value.is_number_integer() || value.get<std::int64_t>() < 1 ||
          value.get<std::int64_t>() > kMaxXapiBatch) {
        error = "\"batchSize\" is not a whole number from 1 to " + std::to_string(kMaxXapiBatch);
        return false;
      }
      out.batchSize = value.get<int>();
    } else {
      error = "unknown setting \"" + key.substr(0, 64) + "\"";
      return false;
    }
  }
  if (!haveEndpoint) {
    error = "\"endpoint\" is missing";
    return false;
  }
  config = std::move(out);
  return true;
}

bool parseWebConfig(std::string_view json, std::optional<XapiConfig>& xapi, std::string& error) {
  if (json.size() > kMaxXapiConfigBytes) {
    error = "the file is longer than " + std::to_string(kMaxXapiConfigBytes) + " bytes";
    return false;
  }
  if (findExcessNesting(json, 5)) {
    error = "the settings nest too deeply";
    return false;
  }
  const nlohmann::json doc = nlohmann::json::parse(json.begin(), json.end(), nullptr, false);
  if (doc.is_discarded()) {
    error = "the file is not JSON";
    return false;
  }
  if (!doc.is_object()) {
    error = "the file is not a JSON object { ... }";
    return false;
  }
  std::optional<XapiConfig> out;
  for (const auto& [key, value] : doc.items()) {
    if (key != "xapi") {
      error = "unknown setting \"" + key.substr(0, 64) + "\"";
      return false;
    }
    XapiConfig c;
    std::string why;
    if (!parseXapiConfig(value.dump(), c, why)) {
      error = "\"xapi\": " + why;
      return false;
    }
    out = std::move(c);
  }
  xapi = std::move(out);
  return true;
}

} // namespace sq
