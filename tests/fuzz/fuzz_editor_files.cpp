// libFuzzer target: the files the teachers' editor reads and writes itself.
//   - Any bytes as an editor recovery file: parseRecovery refuses or accepts, never
//     crashes, and an accepted file's every path passes the pack path rules.
//   - Any bytes as a pack's JSON file: when they parse, the span scanner agrees
//     they are JSON, an unchanged rewrite gives back the very same bytes, and a
//     rewrite with a value changed, a member added and an array item removed
//     parses back to exactly the intended value (the splice, or its fallback).
// Run: build/asan/tests/fuzz/fuzz_editor_files CORPUS_DIR
#include "authoring/json_rewrite.hpp"
#include "authoring/json_spans.hpp"
#include "authoring/recovery.hpp"

#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

namespace {

using namespace sq::authoring;

void require(bool ok) {
  if (!ok) {
    std::abort();
  }
}

// Changes `v` somewhere deterministic: the first scalar gets a new value, objects
// gain a member, arrays lose their first item.
void change(Json& v, int depth) {
  if (depth > 40) {
    return;
  }
  if (v.is_object()) {
    for (auto it = v.begin(); it != v.end(); ++it) {
      change(it.value(), depth + 1);
      break;
    }
    if (!v.contains("x-added")) {
      v["x-added"] = Json::array({1, "two"});
    }
  } else if (v.is_array()) {
    if (!v.empty()) {
      v.erase(v.begin());
    }
    if (!v.empty()) {
      change(v[0], depth + 1);
    }
  } else {
    v = "changed";
  }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);

  const PackDocument doc = PackDocument::inMemory("/srv/pack");
  std::string error;
  if (const auto recovery = parseRecovery(bytes, doc, error)) {
    for (const RecoveredFile& f : recovery->files) {
      require(!jsonPathProblem(f.path).has_value());
    }
  } else {
    require(!error.empty());
  }

  Json before;
  if (!parseJsonText(bytes, before, error)) {
    require(error.rfind("line ", 0) == 0);
    return 0;
  }
  require(scanJsonSpans(bytes, kMaxJsonDepth).has_value());
  require(rewriteJsonText(bytes, before, before) == bytes);
  Json after = before;
  change(after, 0);
  const std::string out = rewriteJsonText(bytes, before, after);
  Json check;
  require(parseJsonText(out, check, error));
  // A number too big for a double (1e400) has no JSON spelling once read, so
  // only values that survive their own round trip are compared.
  Json roundTrip;
  if (parseJsonText(after.dump(), roundTrip, error) && roundTrip == after) {
    require(check == after);
  }
  return 0;
}
