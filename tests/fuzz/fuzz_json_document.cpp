// libFuzzer target: the pack loader's JSON layer (content/json_document, simdjson's
// DOM) against nlohmann::json, which the loader used before and must agree with:
//   - the same accept/reject decision for every input, but for one documented
//     case: a whole number outside 64 bits, which nlohmann reads as a fraction and
//     simdjson refuses (checked here to be what nlohmann saw, and named in the message);
//   - for an accepted document, the same values: whole numbers and fractions told
//     apart, numbers, strings byte for byte, and objects' members (JsonMembers) in
//     the same order (nlohmann's std::map order) with a repeated key's last value;
//   - a rejection message that starts "line N, column M: ";
//   - with a depth limit, a parse stops exactly when findExcessNesting finds
//     excess nesting, which the loader relies on to skip the separate pre-scan.
// Text is parsed both with and without the padding simdjson reads past the end.
// Run: build/asan/tests/fuzz/fuzz_json_document CORPUS_DIR
#include "content/json_document.hpp"
#include "content/json_limits.hpp"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace {

using nlohmann::json;
using sq::detail::Json;
using sq::detail::JsonDocument;
using sq::detail::JsonMember;
using sq::detail::JsonMembers;
using sq::detail::JsonType;

// Deeper than any input libFuzzer is given here (-max_len=65536): no limit.
constexpr int kNoLimit = 1 << 17;

[[noreturn]] void broken(const char* what, std::string_view input) {
  std::fprintf(stderr, "fuzz_json_document: %s\n  input: %.*s\n", what,
               static_cast<int>(std::min<std::size_t>(input.size(), 200)), input.data());
  std::abort();
}

// Compares without recursion: the input may nest deeply.
bool same(const Json& mine, const json& theirs) {
  std::vector<std::pair<Json, const json*>> todo{{mine, &theirs}};
  while (!todo.empty()) {
    const auto [a, b] = todo.back();
    todo.pop_back();
    switch (a.type()) {
    case JsonType::NULL_VALUE:
      if (!b->is_null()) {
        return false;
      }
      break;
    case JsonType::BOOL:
      if (!b->is_boolean() || b->get<bool>() != sq::detail::booleanOf(a)) {
        return false;
      }
      break;
    case JsonType::INT64: {
      std::int64_t v = 0;
      // nlohmann calls a whole number unsigned when it has no minus sign, so "-0"
      // is its one signed zero; simdjson keeps every value up to INT64_MAX signed.
      if (!b->is_number_integer() || a.get_int64().get(v) != simdjson::SUCCESS ||
          b->get<std::int64_t>() != v || (v > 0 && !b->is_number_unsigned()) ||
          (v < 0 && b->is_number_unsigned())) {
        return false;
      }
      break;
    }
    case JsonType::UINT64: {
      std::uint64_t v = 0;
      if (!b->is_number_unsigned() || a.get_uint64().get(v) != simdjson::SUCCESS ||
          b->get<std::uint64_t>() != v) {
        return false;
      }
      break;
    }
    case JsonType::DOUBLE: {
      double x = 0;
      if (!b->is_number_float() || a.get_double().get(x) != simdjson::SUCCESS) {
        return false;
      }
      const double y = b->get<double>();
      if (std::memcmp(&x, &y, sizeof x) != 0) {
        return false;
      }
      break;
    }
    case JsonType::STRING:
      if (!b->is_string() || b->get_ref<const std::string&>() != sq::detail::stringOf(a)) {
        return false;
      }
      break;
    case JsonType::ARRAY: {
      simdjson::dom::array elements;
      if (!b->is_array() || a.get_array().get(elements) != simdjson::SUCCESS ||
          b->size() != sq::detail::arraySize(a)) {
        return false;
      }
      std::size_t i = 0;
      for (const Json e : elements) {
        todo.emplace_back(e, &(*b)[i++]);
      }
      break;
    }
    case JsonType::OBJECT: {
      const JsonMembers members(a);
      if (!b->is_object() || b->size() != members.size()) {
        return false;
      }
      auto it = b->begin();
      for (const JsonMember& m : members) {
        if (it.key() != m.key) {
          return false;
        }
        todo.emplace_back(m.value, &it.value());
        ++it;
      }
      break;
    }
    }
  }
  return true;
}

bool hasLinePrefix(const std::string& message) {
  unsigned long line = 0;
  unsigned long column = 0;
  return std::sscanf(message.c_str(), "line %lu, column %lu: ", &line, &column) == 2 && line >= 1 &&
         column >= 1;
}

// Whether nlohmann read a whole number (no fraction, no exponent) as a fraction
// because it did not fit in 64 bits.
bool hasHugeInteger(const std::string& text) {
  struct Sax : nlohmann::json_sax<json> {
    bool null() override { return true; }
    bool boolean(bool) override { return true; }
    bool number_integer(number_integer_t) override { return true; }
    bool number_unsigned(number_unsigned_t) override { return true; }
    bool number_float(number_float_t, const string_t& s) override {
      found = found || s.find_first_of(".eE") == std::string::npos;
      return true;
    }
    bool string(string_t&) override { return true; }
    bool binary(binary_t&) override { return true; }
    bool start_object(std::size_t) override { return true; }
    bool key(string_t&) override { return true; }
    bool end_object() override { return true; }
    bool start_array(std::size_t) override { return true; }
    bool end_array() override { return true; }
    bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override {
      return false;
    }
    bool found = false;
  } sax;
  json::sax_parse(text, &sax);
  return sax.found;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  std::string padded;
  padded.reserve(size + simdjson::SIMDJSON_PADDING);
  padded = text;

  static JsonDocument doc; // reused, as the loader reuses its document
  const bool mine = doc.parse(size % 2 == 0 ? padded : text, kNoLimit);
  const json theirs = json::parse(text, nullptr, /*allow_exceptions=*/false);
  const bool theirsOk = !theirs.is_discarded();
  if (mine && !theirsOk) {
    broken("accepted what nlohmann rejects", text);
  }
  if (!mine && theirsOk) {
    if (!hasHugeInteger(text) ||
        doc.error().find(" is too large; a whole number must be between") == std::string::npos) {
      broken("rejected what nlohmann accepts", text);
    }
  }
  if (mine && !same(doc.root(), theirs)) {
    broken("a value differs from nlohmann's", text);
  }
  if (!mine && !hasLinePrefix(doc.error())) {
    broken("the error does not start \"line N, column M: \"", text);
  }

  // The loader's use: a depth limit inside the parse instead of a pre-scan.
  constexpr int kDepth = 8;
  const bool deep = sq::findExcessNesting(text, kDepth).has_value();
  static JsonDocument limited;
  const bool ok = limited.parse(size % 2 == 0 ? text : padded, kDepth);
  if (limited.tooDeep() && !deep) {
    broken("stopped as too deep where findExcessNesting finds no excess", text);
  }
  if (mine && !ok && !limited.tooDeep()) {
    broken("the depth limit rejected a document for another reason", text);
  }
  // Past a NUL byte after the value nothing is read (as in nlohmann), but the
  // pre-scan still looks there; the loader runs it in that case.
  if (!limited.stoppedAtNul()) {
    if (ok && deep) {
      broken("accepted a document findExcessNesting finds too deep", text);
    }
    if (ok != (mine && !deep)) {
      broken("the depth limit changed the decision on a shallow document", text);
    }
  }
  return 0;
}
