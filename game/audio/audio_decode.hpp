// Decodes narration files (WAV and Ogg Vorbis) into 16-bit PCM at the rate and
// channel count the player wants, refusing bad or hostile files with a message
// instead of crashing. Packs come from teachers and the internet, so every size
// is checked before anything is allocated or handed to a decoder.
// Depends on: std only in this header; the .cpp uses stb_vorbis (libstb) and no
// SDL, so the fuzzer (built without SDL) compiles it as it is.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sq {

// The shape of PCM wanted: samples per second and interleaved channels (1 or 2).
struct PcmFormat {
  int rate = 44100;
  int channels = 1;
};

// Interleaved signed 16-bit samples.
struct Pcm {
  int rate = 0;
  int channels = 0;
  std::vector<std::int16_t> samples;

  std::size_t frames() const {
    return channels > 0 ? samples.size() / static_cast<std::size_t>(channels) : 0;
  }
  double seconds() const {
    return rate > 0 ? static_cast<double>(frames()) / static_cast<double>(rate) : 0.0;
  }
};

// Refusal limits. The defaults match the pack format: an asset is at most 16 MiB,
// and nothing a pupil listens to should run for more than ten minutes. Files over
// 1 GiB are refused whatever maxFileBytes says (stb_vorbis counts bytes in an int).
struct AudioLimits {
  std::size_t maxFileBytes = 16u * 1024u * 1024u;
  double maxSeconds = 600.0;
};

// Lowest and highest sample rates accepted, in files and as an output rate.
constexpr int MIN_SAMPLE_RATE = 8000;
constexpr int MAX_SAMPLE_RATE = 192000;

enum class AudioFileKind { Unknown, Wav, OggVorbis };

// Judged by the first bytes only (RIFF....WAVE, or an Ogg page starting "OggS").
AudioFileKind sniffAudio(std::string_view bytes);

// Each returns nullopt and sets `error` to a sentence a teacher can act on when
// the bytes are not a playable file within `limits`, or `out` is not a format
// this module makes (rate outside 8000..192000, channels not 1 or 2).
//
// WAV: PCM 8, 16 or 24-bit, or 32-bit float; mono or stereo; any rate in range.
std::optional<Pcm> decodeWav(std::string_view bytes, const PcmFormat& out, std::string& error,
                             const AudioLimits& limits = {});
// Ogg Vorbis, mono or stereo: one stream, every page whole and its checksum
// right, ending with an end-of-stream page (so a cut-off file is refused too).
std::optional<Pcm> decodeOggVorbis(std::string_view bytes, const PcmFormat& out, std::string& error,
                                   const AudioLimits& limits = {});
// Either of the above, chosen by sniffAudio.
std::optional<Pcm> decodeAudio(std::string_view bytes, const PcmFormat& out, std::string& error,
                               const AudioLimits& limits = {});
// Reads a file (refused above limits.maxFileBytes before it is read) and decodes it.
std::optional<Pcm> loadAudioFile(const std::string& path, const PcmFormat& out, std::string& error,
                                 const AudioLimits& limits = {});

// Converts channels (mono <-> stereo by copying or averaging) and resamples by
// linear interpolation. The result has round(frames * out.rate / in.rate) frames,
// and at least one.
// An input with no frames or a bad format gives an empty Pcm in `out`'s format.
Pcm convertPcm(const Pcm& in, const PcmFormat& out);

namespace detail {
// Recomputes the checksum of every whole Ogg page in place. For the fuzzer and
// tests: mutated files then reach the Vorbis decoder instead of stopping at the
// checksum check.
void fixOggChecksums(std::string& bytes);
} // namespace detail

} // namespace sq
