// libFuzzer target: a pack bundle (tests/support/pack_bundle.hpp) -> MemoryPackSource
// -> loadPack. The loader promises never to throw, abort or misbehave whatever the
// input; ASan and UBSan catch memory errors and undefined behaviour, and the checks
// below catch results that break the loader's own contract:
//   - errors/warnings count the diagnostics, each at its code's severity;
//   - a pack is returned exactly when there are no errors;
//   - every diagnostic has a message, a pointer that is empty or starts with '/',
//     and only valid UTF-8 (the CLI's --json output and the game's UI need it).
// Run: build/asan/tests/fuzz/fuzz_pack_loader -dict=tests/fuzz/pack_loader.dict CORPUS_DIR
#include "content/pack_loader.hpp"
#include "core/diagnostics.hpp"
#include "core/utf8.hpp"
#include "support/pack_bundle.hpp"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

namespace {

[[noreturn]] void broken(const char* what, const sq::Diagnostic* d) {
  std::fprintf(stderr, "fuzz_pack_loader: %s\n", what);
  if (d != nullptr) {
    std::fprintf(stderr, "  %s\n", sq::formatDiagnostic(*d).c_str());
  }
  std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  sq::test::BundleLimits bundleLimits;
  bundleLimits.maxInputBytes = 1u << 20;
  bundleLimits.maxPathBytes = 256; // real pack paths are short; long ones only cost time
  const sq::test::BundleParse parsed = sq::test::parseBundle(text, bundleLimits);
  // A bundle with mistakes still yields the entries it could read: load those too.
  const sq::MemoryPackSource source = sq::test::toMemorySource(parsed.bundle);
  const sq::LoadResult result = sq::loadPack(source);

  int errors = 0;
  for (const sq::Diagnostic& d : result.diagnostics) {
    if (d.severity != sq::codeInfo(d.code).severity) {
      broken("a diagnostic's severity is not its code's", &d);
    }
    errors += d.severity == sq::Severity::Error ? 1 : 0;
    if (d.message.empty()) {
      broken("a diagnostic has no message", &d);
    }
    if (!d.pointer.empty() && d.pointer.front() != '/') {
      broken("a JSON pointer does not start with '/'", &d);
    }
    if (!sq::isValidUtf8(d.file) || !sq::isValidUtf8(d.pointer) || !sq::isValidUtf8(d.message)) {
      broken("a diagnostic is not valid UTF-8", &d);
    }
  }
  if (errors != result.errors ||
      static_cast<int>(result.diagnostics.size()) - errors != result.warnings) {
    broken("errors/warnings do not count the diagnostics", nullptr);
  }
  if ((result.errors == 0) != result.pack.has_value() || result.valid() != (result.errors == 0)) {
    broken("a pack must be returned exactly when there are no errors", nullptr);
  }
  if (!sq::isValidUtf8(result.packId) || !sq::isValidUtf8(result.title)) {
    broken("the pack id or title is not valid UTF-8", nullptr);
  }
  return 0;
}
