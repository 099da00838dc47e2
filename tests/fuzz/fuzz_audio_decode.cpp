// libFuzzer target: bytes -> decodeWav, decodeOggVorbis (as they are, and again
// with every Ogg page checksum recomputed so that mutations get past the checksum
// check and reach stb_vorbis) and decodeAudio. The output format is picked from
// the input's length, so the resampler and channel mixing are fuzzed too and the
// seed corpus can hold plain .wav and .ogg files.
//
// stb_vorbis is not hardened against hostile files, so this target compiles its
// implementation in (from Debian's libstb-dev header) instead of linking libstb:
// that way libFuzzer sees coverage inside the decoder and ASan/UBSan see its
// memory accesses. The game links libstb, which is built from the same source.
// Nothing else in this program links libstb or ImGui, so the copies cannot clash.
//
// The decoders promise never to crash, hang or misbehave whatever the bytes; the
// checks below catch results that break their contract:
//   - a refusal always has a message, and a success never does;
//   - a decoded sound is in the format asked for, not empty, within the limits.
// Run: build/asan/fuzz_audio_decode -max_len=65536 CORPUS_DIR
#include "audio/audio_decode.hpp"

// The full decoder, as a system header so its own warnings stay out of ours.
// stb_vorbis relies on wrapping integer arithmetic and float-to-int casts of
// out-of-range values while it decodes damaged streams (e.g. lookup1_values, its
// FAST_SCALED_FLOAT_TO_INT): undefined behaviour on paper, plain wrapping in the
// gcc-built libstb the game links, and never a memory access. Those three checks
// are switched off for stb's functions only; ASan and every other UBSan check
// still watch it, and our own code keeps them all.
#pragma clang attribute push(                                                                      \
    __attribute__((no_sanitize("signed-integer-overflow", "float-cast-overflow", "shift"))),       \
    apply_to = function)
#include <stb_vorbis.h>
#pragma clang attribute pop

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>

namespace {

[[noreturn]] void broken(const char* what, const std::string& detail = "") {
  std::fprintf(stderr, "fuzz_audio_decode: %s\n", what);
  if (!detail.empty()) {
    std::fprintf(stderr, "  %s\n", detail.c_str());
  }
  std::abort();
}

void check(const std::optional<sq::Pcm>& pcm, const std::string& error, const sq::PcmFormat& out,
           const sq::AudioLimits& limits) {
  if (!pcm) {
    if (error.empty()) {
      broken("refused without a message");
    }
    return;
  }
  if (pcm->rate != out.rate || pcm->channels != out.channels) {
    broken("decoded into the wrong format");
  }
  if (pcm->samples.empty() || pcm->samples.size() % static_cast<std::size_t>(out.channels) != 0) {
    broken("decoded an empty or ragged sound");
  }
  // One frame of rounding from the resampler is allowed.
  if (pcm->seconds() > limits.maxSeconds + 1.0 / out.rate) {
    broken("decoded past the length limit", std::to_string(pcm->seconds()));
  }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const int RATES[] = {8000, 11025, 22050, 44100, 48000, 96000};
  const sq::PcmFormat out{RATES[size % 6], (size / 6) % 2 == 0 ? 1 : 2};
  sq::AudioLimits limits;
  // Small enough that one input stays fast, large enough for every seed.
  limits.maxFileBytes = 1u << 20;
  limits.maxSeconds = 20.0;

  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  std::string error;
  auto wav = sq::decodeWav(bytes, out, error, limits);
  check(wav, error, out, limits);

  error.clear();
  auto ogg = sq::decodeOggVorbis(bytes, out, error, limits);
  check(ogg, error, out, limits);

  std::string fixed(bytes);
  sq::detail::fixOggChecksums(fixed);
  error.clear();
  auto oggFixed = sq::decodeOggVorbis(fixed, out, error, limits);
  check(oggFixed, error, out, limits);

  error.clear();
  auto any = sq::decodeAudio(bytes, out, error, limits);
  check(any, error, out, limits);
  if (any.has_value() != (wav.has_value() || ogg.has_value())) {
    broken("decodeAudio disagrees with the decoder it picked");
  }
  return 0;
}
