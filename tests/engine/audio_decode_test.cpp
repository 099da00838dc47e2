// game/audio decoding: WAV files generated here in memory, the Ogg Vorbis tones in
// tests/fixtures/audio, resampling, and every kind of bad file refused with a
// message rather than a crash.
#include "audio/audio_decode.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

namespace fs = std::filesystem;

namespace {

constexpr double PI = 3.14159265358979323846;

void put16(std::string& s, unsigned v) {
  s += static_cast<char>(v & 0xFFu);
  s += static_cast<char>((v >> 8) & 0xFFu);
}

void put32(std::string& s, std::uint32_t v) {
  put16(s, v & 0xFFFFu);
  put16(s, v >> 16);
}

struct WavSpec {
  int rate = 22050;
  int channels = 1;
  int bits = 16;
  unsigned tag = 1; // 1 PCM, 3 float, 0xFFFE extensible (PCM inside)
};

// Interleaved samples in -1..1 as a complete WAV file.
std::string makeWav(const WavSpec& w, const std::vector<double>& samples) {
  std::string data;
  for (double v : samples) {
    if (w.tag == 3) {
      const auto f = static_cast<float>(v);
      std::uint32_t bits = 0;
      std::memcpy(&bits, &f, sizeof bits);
      put32(data, bits);
    } else if (w.bits == 8) {
      data += static_cast<char>(static_cast<int>(std::lround(v * 127.0)) + 128);
    } else if (w.bits == 16) {
      put16(data, static_cast<unsigned>(static_cast<int>(std::lround(v * 32767.0))) & 0xFFFFu);
    } else { // 24
      const auto i = static_cast<std::uint32_t>(static_cast<int>(std::lround(v * 8388607.0)));
      data += static_cast<char>(i & 0xFFu);
      data += static_cast<char>((i >> 8) & 0xFFu);
      data += static_cast<char>((i >> 16) & 0xFFu);
    }
  }
  std::string fmt;
  put16(fmt, w.tag);
  put16(fmt, static_cast<unsigned>(w.channels));
  put32(fmt, static_cast<std::uint32_t>(w.rate));
  const int align = w.channels * w.bits / 8;
  put32(fmt, static_cast<std::uint32_t>(w.rate * align));
  put16(fmt, static_cast<unsigned>(align));
  put16(fmt, static_cast<unsigned>(w.bits));
  if (w.tag == 0xFFFE) {
    put16(fmt, 22);
    put16(fmt, static_cast<unsigned>(w.bits));
    put32(fmt, w.channels == 2 ? 3u : 4u);
    fmt += std::string("\x01\x00\x00\x00\x00\x00\x10\x00\x80\x00\x00\xAA\x00\x38\x9B\x71", 16);
  }
  std::string out = "RIFF";
  put32(out, static_cast<std::uint32_t>(4 + 8 + fmt.size() + 8 + data.size()));
  out += "WAVE";
  // An extra chunk first, as many recorders write, to check that it is skipped.
  out += "LIST";
  put32(out, 5);
  out += std::string("INFO\0\0", 6); // 5 bytes and a pad byte
  out += "fmt ";
  put32(out, static_cast<std::uint32_t>(fmt.size()));
  out += fmt;
  out += "data";
  put32(out, static_cast<std::uint32_t>(data.size()));
  out += data;
  return out;
}

// `seconds` of a sine at `freq` (left) and 2 x freq (right, when stereo), level 0.5.
std::vector<double> tone(int rate, int channels, double seconds, double freq) {
  std::vector<double> s;
  const auto frames = static_cast<int>(seconds * rate);
  for (int i = 0; i < frames; ++i) {
    for (int c = 0; c < channels; ++c) {
      s.push_back(0.5 * std::sin(2 * PI * freq * (c + 1) * i / rate));
    }
  }
  return s;
}

// The frequency of channel `c`, from upward zero crossings.
double frequencyOf(const sq::Pcm& pcm, int c) {
  int crossings = 0;
  std::size_t first = 0;
  std::size_t last = 0;
  for (std::size_t i = 1; i < pcm.frames(); ++i) {
    const int a = pcm.samples[(i - 1) * pcm.channels + c];
    const int b = pcm.samples[i * pcm.channels + c];
    if (a < 0 && b >= 0) {
      if (crossings == 0) {
        first = i;
      }
      last = i;
      ++crossings;
    }
  }
  if (crossings < 2) {
    return 0;
  }
  return (crossings - 1) * static_cast<double>(pcm.rate) / static_cast<double>(last - first);
}

std::string fixture(const std::string& name) {
  const fs::path path = fs::path(SQ_SOURCE_DIR) / "tests/fixtures/audio" / name;
  std::ifstream in(path, std::ios::binary);
  REQUIRE_MESSAGE(in, path.string());
  return std::string(std::istreambuf_iterator<char>(in), {});
}

// Decodes `bytes` expecting refusal, and returns the message.
std::string refusal(const std::string& bytes, const sq::AudioLimits& limits = {}) {
  std::string error;
  const auto pcm = sq::decodeAudio(bytes, sq::PcmFormat{22050, 1}, error, limits);
  CHECK_FALSE(pcm.has_value());
  CHECK_FALSE(error.empty());
  return error;
}

// Byte offset of a chunk's id in a WAV made by makeWav.
std::size_t chunkAt(const std::string& wav, const char* id) {
  return wav.find(id);
}

} // namespace

TEST_CASE("audio: WAV 8 and 16-bit, mono and stereo, 22050 and 44100 Hz decode") {
  for (int bits : {8, 16}) {
    for (int channels : {1, 2}) {
      for (int rate : {22050, 44100}) {
        CAPTURE(bits);
        CAPTURE(channels);
        CAPTURE(rate);
        const auto samples = tone(rate, channels, 0.25, 440.0);
        const std::string wav = makeWav({rate, channels, bits, 1}, samples);
        std::string error;

        // Same format out: the samples come back as written.
        const auto same = sq::decodeWav(wav, {rate, channels}, error);
        REQUIRE_MESSAGE(same, error);
        CHECK(same->rate == rate);
        CHECK(same->channels == channels);
        REQUIRE(same->samples.size() == samples.size());
        const int tolerance = bits == 8 ? 300 : 1;
        int worst = 0;
        for (std::size_t i = 0; i < samples.size(); ++i) {
          const int expected = static_cast<int>(std::lround(samples[i] * 32767.0));
          worst = std::max(worst, std::abs(expected - same->samples[i]));
        }
        CHECK(worst <= tolerance);

        // The player's format: mono at 44100 Hz, still a 440 Hz tone.
        const auto mono = sq::decodeWav(wav, {44100, 1}, error);
        REQUIRE_MESSAGE(mono, error);
        CHECK(mono->channels == 1);
        const std::size_t inFrames = samples.size() / static_cast<std::size_t>(channels);
        CHECK(mono->frames() == (inFrames * 44100 + static_cast<std::size_t>(rate) / 2) /
                                    static_cast<std::size_t>(rate));
        if (channels == 1) {
          CHECK(frequencyOf(*mono, 0) == doctest::Approx(440.0).epsilon(0.01));
        }
        CHECK(mono->seconds() == doctest::Approx(0.25).epsilon(0.002));
      }
    }
  }
}

TEST_CASE("audio: WAV 24-bit, 32-bit float and WAVE_FORMAT_EXTENSIBLE decode") {
  const auto samples = tone(48000, 2, 0.1, 440.0);
  for (const WavSpec spec :
       {WavSpec{48000, 2, 24, 1}, WavSpec{48000, 2, 32, 3}, WavSpec{48000, 2, 16, 0xFFFE}}) {
    CAPTURE(spec.bits);
    CAPTURE(spec.tag);
    std::string error;
    const auto pcm = sq::decodeWav(makeWav(spec, samples), {48000, 2}, error);
    REQUIRE_MESSAGE(pcm, error);
    REQUIRE(pcm->samples.size() == samples.size());
    CHECK(frequencyOf(*pcm, 0) == doctest::Approx(440.0).epsilon(0.01));
    CHECK(frequencyOf(*pcm, 1) == doctest::Approx(880.0).epsilon(0.01));
  }
}

TEST_CASE(
    "audio: resampling gives round(frames x out / in) frames (at least 1) and keeps the samples") {
  struct Case {
    int inRate;
    int outRate;
    std::size_t inFrames;
    std::size_t outFrames;
  };
  for (const Case c :
       {Case{22050, 44100, 1000, 2000}, Case{44100, 22050, 1001, 501},
        Case{48000, 44100, 48000, 44100}, Case{8000, 48000, 3, 18}, Case{44100, 44100, 777, 777},
        Case{22050, 44100, 1, 2}, Case{192000, 8000, 100, 4}, Case{48000, 8000, 1, 1}}) {
    CAPTURE(c.inRate);
    CAPTURE(c.outRate);
    sq::Pcm in;
    in.rate = c.inRate;
    in.channels = 1;
    for (std::size_t i = 0; i < c.inFrames; ++i) {
      in.samples.push_back(static_cast<std::int16_t>(i * 7 % 2000));
    }
    const sq::Pcm out = sq::convertPcm(in, {c.outRate, 1});
    CHECK(out.rate == c.outRate);
    CHECK(out.frames() == c.outFrames);
  }

  // Doubling the rate: even frames are the originals, odd ones the midpoints.
  sq::Pcm ramp;
  ramp.rate = 22050;
  ramp.channels = 1;
  ramp.samples = {0, 100, 200, -300};
  const sq::Pcm doubled = sq::convertPcm(ramp, {44100, 1});
  CHECK(doubled.samples == std::vector<std::int16_t>{0, 50, 100, 150, 200, -50, -300, -300});

  // Stereo to mono averages; mono to stereo copies.
  sq::Pcm stereo;
  stereo.rate = 44100;
  stereo.channels = 2;
  stereo.samples = {100, 300, -1000, 1000, 32767, 32767};
  CHECK(sq::convertPcm(stereo, {44100, 1}).samples == std::vector<std::int16_t>{200, 0, 32767});
  CHECK(sq::convertPcm(ramp, {22050, 2}).samples ==
        std::vector<std::int16_t>{0, 0, 100, 100, 200, 200, -300, -300});

  // Nothing in, nothing out, in the format asked for.
  sq::Pcm empty;
  empty.rate = 22050;
  empty.channels = 1;
  const sq::Pcm none = sq::convertPcm(empty, {44100, 2});
  CHECK(none.samples.empty());
  CHECK(none.rate == 44100);
  CHECK(none.channels == 2);
}

TEST_CASE("audio: Ogg Vorbis fixtures decode to the tones they hold") {
  std::string error;
  const auto mono = sq::decodeOggVorbis(fixture("tone-440hz-mono-22050.ogg"), {22050, 1}, error);
  REQUIRE_MESSAGE(mono, error);
  CHECK(mono->frames() == 11025);
  CHECK(frequencyOf(*mono, 0) == doctest::Approx(440.0).epsilon(0.01));

  const std::string stereoOgg = fixture("tone-440-880hz-stereo-44100.ogg");
  const auto stereo = sq::decodeAudio(stereoOgg, {44100, 2}, error);
  REQUIRE_MESSAGE(stereo, error);
  CHECK(stereo->frames() == 22050);
  CHECK(frequencyOf(*stereo, 0) == doctest::Approx(440.0).epsilon(0.01));
  CHECK(frequencyOf(*stereo, 1) == doctest::Approx(880.0).epsilon(0.01));

  // Resampled to the player's format on the way.
  const auto player = sq::decodeAudio(stereoOgg, {48000, 1}, error);
  REQUIRE_MESSAGE(player, error);
  CHECK(player->frames() == 24000);
  CHECK(player->seconds() == doctest::Approx(0.5));
}

TEST_CASE("audio: bad WAV files are refused with a reason") {
  const std::string good = makeWav({22050, 1, 16, 1}, tone(22050, 1, 0.1, 440.0));
  std::string error;
  REQUIRE(sq::decodeWav(good, {22050, 1}, error));
  const std::size_t fmt = chunkAt(good, "fmt ");
  const std::size_t data = chunkAt(good, "data");

  SUBCASE("truncated header") {
    CHECK(refusal(good.substr(0, 8)).find("not a WAV or Ogg") != std::string::npos);
    std::string e2;
    CHECK_FALSE(sq::decodeWav(good.substr(0, 10), {22050, 1}, e2));
    CHECK(e2.find("cut off") != std::string::npos);
    CHECK(refusal(good.substr(0, fmt + 20)).find("cut off") != std::string::npos);
  }
  SUBCASE("data cut short") {
    CHECK(refusal(good.substr(0, good.size() - 100)).find("claims") != std::string::npos);
  }
  SUBCASE("huge claimed data size") {
    std::string bad = good;
    bad.replace(data + 4, 4, std::string("\xF0\xFF\xFF\x7F", 4));
    CHECK(refusal(bad).find("claims 2147483632 bytes") != std::string::npos);
    bad.replace(data + 4, 4, std::string("\xFF\xFF\xFF\xFF", 4));
    refusal(bad);
  }
  SUBCASE("zero channels") {
    std::string bad = good;
    bad.replace(fmt + 10, 2, std::string("\0\0", 2));
    CHECK(refusal(bad).find("no channels") != std::string::npos);
  }
  SUBCASE("more than two channels") {
    CHECK(refusal(makeWav({22050, 6, 16, 1}, tone(22050, 6, 0.01, 440.0))).find("6 channels") !=
          std::string::npos);
  }
  SUBCASE("non-PCM format") {
    std::string bad = good;
    bad.replace(fmt + 8, 2, std::string("\x02\0", 2)); // Microsoft ADPCM
    CHECK(refusal(bad).find("compressed") != std::string::npos);
    bad.replace(fmt + 8, 2, std::string("\x55\0", 2)); // MP3
    CHECK(refusal(bad).find("MP3") != std::string::npos);
  }
  SUBCASE("odd sample sizes and block sizes") {
    std::string bad = good;
    bad.replace(fmt + 22, 2, std::string("\x0C\0", 2)); // 12-bit
    CHECK(refusal(bad).find("12-bit") != std::string::npos);
    bad = good;
    bad.replace(fmt + 20, 2, std::string("\x03\0", 2)); // block align 3 for mono 16-bit
    CHECK(refusal(bad).find("block size") != std::string::npos);
  }
  SUBCASE("sample rates out of range") {
    std::string bad = good;
    bad.replace(fmt + 12, 4, std::string("\0\0\0\0", 4));
    CHECK(refusal(bad).find("0 Hz") != std::string::npos);
    bad.replace(fmt + 12, 4, std::string("\x40\x42\x0F\0", 4)); // 1,000,000
    CHECK(refusal(bad).find("1000000 Hz") != std::string::npos);
  }
  SUBCASE("chunks missing, doubled or out of order") {
    CHECK(refusal(good.substr(0, data)).find("no data chunk") != std::string::npos);
    std::string noFmt = good;
    noFmt.replace(fmt, 4, "junk");
    CHECK(refusal(noFmt).find("before its format") != std::string::npos);
    std::string twoFmt = good.substr(0, data) + good.substr(fmt, 8 + 16) + good.substr(data);
    CHECK(refusal(twoFmt).find("two format") != std::string::npos);
    std::string shortFmt = good;
    shortFmt.replace(fmt + 4, 4, std::string("\x0E\0\0\0", 4)); // 14 bytes
    refusal(shortFmt);
  }
  SUBCASE("no sound at all") {
    CHECK(refusal(makeWav({22050, 1, 16, 1}, {})).find("no sound") != std::string::npos);
  }
  SUBCASE("limits on size and length") {
    sq::AudioLimits limits;
    limits.maxSeconds = 0.05;
    CHECK(refusal(good, limits).find("lasts") != std::string::npos);
    limits = {};
    limits.maxFileBytes = 1000;
    CHECK(refusal(good, limits).find("MiB") != std::string::npos);
  }
  SUBCASE("output formats this module does not make") {
    std::string e2;
    CHECK_FALSE(sq::decodeWav(good, {22050, 3}, e2));
    CHECK_FALSE(sq::decodeWav(good, {1000, 1}, e2));
    CHECK(e2.find("cannot make PCM") != std::string::npos);
  }
}

TEST_CASE("audio: bad Ogg files are refused with a reason") {
  const std::string good = fixture("tone-440hz-mono-22050.ogg");
  std::string error;
  REQUIRE(sq::decodeOggVorbis(good, {22050, 1}, error));

  SUBCASE("garbage after OggS") {
    std::string bad = "OggS";
    for (int i = 0; i < 200; ++i) {
      bad += static_cast<char>((i * 73 + 11) & 0xFF);
    }
    refusal(bad);
    bad = "OggS";
    refusal(bad);
  }
  SUBCASE("garbage after the first page header") {
    std::string bad = good.substr(0, 28 + 30);
    bad += std::string(500, '\x5A');
    refusal(bad);
  }
  SUBCASE("cut off") {
    CHECK(refusal(good.substr(0, good.size() / 2)).find("cut off") != std::string::npos);
    CHECK(refusal(good.substr(0, 40)).find("cut off") != std::string::npos);
  }
  SUBCASE("something appended") {
    CHECK(refusal(good + "extra bytes").find("appended") != std::string::npos);
  }
  SUBCASE("damaged bytes fail the checksum") {
    std::string bad = good;
    bad[bad.size() / 2] = static_cast<char>(bad[bad.size() / 2] ^ 0x40);
    CHECK(refusal(bad).find("checksum") != std::string::npos);
    // With the checksum made right again the damage reaches stb_vorbis, which
    // must still not crash; whether it decodes noise or refuses is its choice.
    sq::detail::fixOggChecksums(bad);
    std::string e2;
    (void)sq::decodeOggVorbis(bad, {22050, 1}, e2);
  }
  SUBCASE("not Vorbis inside") {
    std::string opus = good;
    opus.replace(28, 7, "OpusHea");
    sq::detail::fixOggChecksums(opus);
    CHECK(refusal(opus).find("no Vorbis") != std::string::npos);
  }
  SUBCASE("zero channels and a wild sample rate in the Vorbis header") {
    std::string bad = good;
    bad[28 + 11] = 0;
    sq::detail::fixOggChecksums(bad);
    CHECK(refusal(bad).find("no channels") != std::string::npos);
    bad = good;
    bad.replace(28 + 12, 4, std::string("\xFF\xFF\xFF\x7F", 4));
    sq::detail::fixOggChecksums(bad);
    CHECK(refusal(bad).find("outside") != std::string::npos);
  }
  SUBCASE("comment header lengths that stb_vorbis would trust") {
    // Found by fuzz_audio_decode: stb_vorbis 1.22 writes before its buffer for a
    // vendor length of 0xFFFFFFFF and reads a null list for a huge tag count.
    const std::size_t comments = good.find(std::string("\x03vorbis", 7));
    REQUIRE(comments != std::string::npos);
    const auto vendor = static_cast<std::size_t>(static_cast<unsigned char>(good[comments + 7]));
    std::string bad = good;
    bad.replace(comments + 7, 4, std::string("\xFF\xFF\xFF\xFF", 4));
    sq::detail::fixOggChecksums(bad);
    CHECK(refusal(bad).find("comment header") != std::string::npos);
    bad = good;
    bad.replace(comments + 11 + vendor, 4, std::string("\x00\x00\x00\x10", 4));
    sq::detail::fixOggChecksums(bad);
    CHECK(refusal(bad).find("comment header") != std::string::npos);
  }
  SUBCASE("too long") {
    sq::AudioLimits limits;
    limits.maxSeconds = 0.1;
    CHECK(refusal(good, limits).find("more than") != std::string::npos);
  }
}

TEST_CASE("audio: loadAudioFile reads within limits and sniffs by content") {
  const fs::path dir = fs::temp_directory_path() / "sq-audio-load-test";
  fs::create_directories(dir);
  const fs::path named = dir / "really-a-wav.ogg"; // the name lies; the bytes decide
  {
    std::ofstream out(named, std::ios::binary);
    out << makeWav({44100, 2, 16, 1}, tone(44100, 2, 0.05, 440.0));
  }
  std::string error;
  const auto pcm = sq::loadAudioFile(named.string(), {44100, 1}, error);
  REQUIRE_MESSAGE(pcm, error);
  CHECK(pcm->frames() == 2205);

  sq::AudioLimits tiny;
  tiny.maxFileBytes = 100;
  CHECK_FALSE(sq::loadAudioFile(named.string(), {44100, 1}, error, tiny));
  CHECK(error.find("MiB") != std::string::npos);
  CHECK_FALSE(sq::loadAudioFile((dir / "missing.wav").string(), {44100, 1}, error));
  CHECK(error.find("cannot read") != std::string::npos);
  fs::remove_all(dir);

  CHECK(sq::sniffAudio(std::string_view("RIFF\0\0\0\0WAVE", 12)) == sq::AudioFileKind::Wav);
  CHECK(sq::sniffAudio(std::string_view("RIFF\0\0\0\0WAV", 11)) == sq::AudioFileKind::Unknown);
  CHECK(sq::sniffAudio("OggS") == sq::AudioFileKind::OggVorbis);
  CHECK(sq::sniffAudio("\x89PNG\r\n\x1a\n") == sq::AudioFileKind::Unknown);
}

TEST_CASE("audio: decoding, effects and the mixer stay free of SDL") {
  // They are compiled into the SDL-free fuzzer, and only the player talks to SDL.
  const fs::path dir = fs::path(SQ_SOURCE_DIR) / "game/audio";
  std::string bad;
  for (const auto& entry : fs::directory_iterator(dir)) {
    const std::string name = entry.path().filename().string();
    if (name == "audio_player.cpp") {
      continue;
    }
    std::ifstream in(entry.path());
    std::string line;
    for (int n = 1; std::getline(in, line); ++n) {
      if (line.rfind("#include", 0) == 0 &&
          (line.find("SDL") != std::string::npos ||
           (entry.path().extension() == ".hpp" && line.find("stb_") != std::string::npos))) {
        bad += name + ":" + std::to_string(n) + ": " + line + "\n";
      }
    }
  }
  INFO(bad);
  CHECK(bad.empty());
}
