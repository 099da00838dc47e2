#include "cli/xapi_curl.hpp"

#include <curl/curl.h>

#include <memory>
#include <string>

namespace sq::cli {

namespace {

struct Answer {
  std::string body;
  std::size_t limit = 0;
  bool tooLong = false;
};

std::size_t collect(char* data, std::size_t size, std::size_t count, void* user) {
  auto* answer = static_cast<Answer*>(user);
  const std::size_t n = size * count;
  if (answer->body.size() + n > answer->limit) {
    answer->tooLong = true;
    return 0; // stops the transfer
  }
  answer->body.append(data, n);
  return n;
}

struct EasyDeleter {
  void operator()(CURL* c) const { curl_easy_cleanup(c); }
};
struct ListDeleter {
  void operator()(curl_slist* l) const { curl_slist_free_all(l); }
};

} // namespace

CurlTransport::CurlTransport(CurlLimits limits) : mLimits(limits) {
  static const bool initialised = curl_global_init(CURL_GLOBAL_DEFAULT) == CURLE_OK;
  (void)initialised;
}

HttpResponse CurlTransport::post(const HttpRequest& request) {
  HttpResponse response;
  std::unique_ptr<CURL, EasyDeleter> curl(curl_easy_init());
  if (!curl) {
    response.problem = "cannot start an HTTP connection";
    return response;
  }
  curl_slist* raw = nullptr;
  for (const auto& [name, value] : request.headers) {
    curl_slist* next = curl_slist_append(raw, (name + ": " + value).c_str());
    if (next == nullptr) {
      curl_slist_free_all(raw);
      response.problem = "out of memory";
      return response;
    }
    raw = next;
  }
  std::unique_ptr<curl_slist, ListDeleter> headers(raw);
  Answer answer;
  answer.limit = mLimits.maxAnswerBytes;
  char errorText[CURL_ERROR_SIZE] = {};
  CURL* c = curl.get();
  curl_easy_setopt(c, CURLOPT_URL, request.url.c_str());
  curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 0L);
  curl_easy_setopt(c, CURLOPT_SSL_VERIFYPEER, 1L);
  curl_easy_setopt(c, CURLOPT_SSL_VERIFYHOST, 2L);
  curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, mLimits.connectSeconds);
  curl_easy_setopt(c, CURLOPT_TIMEOUT, mLimits.totalSeconds);
  curl_easy_setopt(c, CURLOPT_POST, 1L);
  curl_easy_setopt(c, CURLOPT_POSTFIELDS, request.body.data());
  curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(request.body.size()));
  curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers.get());
  curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, collect);
  curl_easy_setopt(c, CURLOPT_WRITEDATA, &answer);
  curl_easy_setopt(c, CURLOPT_ERRORBUFFER, errorText);
  curl_easy_setopt(c, CURLOPT_USERAGENT, "SafeQuest");
  const CURLcode rc = curl_easy_perform(c);
  if (answer.tooLong) {
    response.problem =
        "the LRS's answer was longer than " + std::to_string(mLimits.maxAnswerBytes) + " bytes";
    return response;
  }
  if (rc != CURLE_OK) {
    response.problem = errorText[0] != '\0' ? errorText : curl_easy_strerror(rc);
    return response;
  }
  long status = 0;
  curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
  response.status = static_cast<int>(status);
  response.body = std::move(answer.body);
  return response;
}

} // namespace sq::cli
