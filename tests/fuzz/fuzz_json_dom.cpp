// libFuzzer target: the pack loader's JSON parser (content/json_dom) against
// nlohmann::json, which it replaced on that path and must agree with:
//   - the same accept/reject decision for every input;
//   - for an accepted document, the same values: types (integer, unsigned and
//     float told apart), numbers, strings byte for byte, and objects' members in
//     the same order (nlohmann's std::map order) with a repeated key's last value;
//   - a rejection message that starts "line N, column M: ";
//   - with a depth limit, a parse stops exactly when findExcessNesting finds
//     excess nesting, which the loader relies on to skip the separate pre-scan.
// Run: build/asan/tests/fuzz/fuzz_json_dom CORPUS_DIR
#include "content/json_dom.hpp"
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
using sq::detail::JsonDocument;
using sq::detail::JsonType;
using sq::detail::JsonValue;

[[noreturn]] void broken(const char* what, std::string_view input) {
  std::fprintf(stderr, "fuzz_json_dom: %s\n  input: %.*s\n", what,
               static_cast<int>(std::min<std::size_t>(input.size(), 200)), input.data());
  std::abort();
}

// Compares without recursion: the input may nest deeply.
bool same(const JsonValue& mine, const json& theirs) {
  std::vector<std::pair<const JsonValue*, const json*>> todo{{&mine, &theirs}};
  while (!todo.empty()) {
    const auto [a, b] = todo.back();
    todo.pop_back();
    switch (a->type()) {
    case JsonType::Null:
      if (!b->is_null()) {
        return false;
      }
      break;
    case JsonType::Boolean:
      if (!b->is_boolean() || b->get<bool>() != a->boolean()) {
        return false;
      }
      break;
    case JsonType::Integer:
      if (b->type() != json::value_t::number_integer || b->get<std::int64_t>() != a->integer()) {
        return false;
      }
      break;
    case JsonType::Unsigned:
      if (b->type() != json::value_t::number_unsigned ||
          b->get<std::uint64_t>() != a->unsignedValue()) {
        return false;
      }
      break;
    case JsonType::Float: {
      if (b->type() != json::value_t::number_float) {
        return false;
      }
      const double x = a->number();
      const double y = b->get<double>();
      if (std::memcmp(&x, &y, sizeof x) != 0) {
        return false;
      }
      break;
    }
    case JsonType::String:
      if (!b->is_string() || b->get_ref<const std::string&>() != a->string()) {
        return false;
      }
      break;
    case JsonType::Array: {
      if (!b->is_array() || b->size() != a->size()) {
        return false;
      }
      std::size_t i = 0;
      for (const JsonValue& e : *a) {
        todo.emplace_back(&e, &(*b)[i++]);
      }
      break;
    }
    case JsonType::Object: {
      if (!b->is_object() || b->size() != a->size()) {
        return false;
      }
      auto it = b->begin();
      for (const JsonValue& m : *a) {
        if (it.key() != m.key()) {
          return false;
        }
        todo.emplace_back(&m, &it.value());
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

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);

  JsonDocument doc;
  const bool mine = doc.parse(text);
  const json theirs = json::parse(text, nullptr, /*allow_exceptions=*/false);
  const bool theirsOk = !theirs.is_discarded();
  if (mine != theirsOk) {
    broken(mine ? "accepted what nlohmann rejects" : "rejected what nlohmann accepts", text);
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
  JsonDocument limited;
  const bool ok = limited.parse(text, kDepth);
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
