// Sections:
//   1. limits: the formats accepted; checks on size, rate, channels and length
//   2. WAV: the fmt chunk's format and its samples
//   3. Ogg and Vorbis: page checksums, the comment header's tags
//   4. decoding: sniffing the kind, WAV, Ogg Vorbis, whole files
//   5. converting: to the output's rate and channels
#include "audio/audio_decode.hpp"

// Declarations only: the implementation is in libstb (TECH-NOTES: never define
// STB_*_IMPLEMENTATION here, or the library's copy and ours would collide).
#define STB_VORBIS_HEADER_ONLY
#include <stb_vorbis.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <system_error>

namespace sq {

namespace {

// ---- limits -------------------------------------------------------------------------

constexpr std::uint16_t WAVE_FORMAT_PCM = 1;
constexpr std::uint16_t WAVE_FORMAT_IEEE_FLOAT = 3;
constexpr std::uint16_t WAVE_FORMAT_EXTENSIBLE = 0xFFFE;

// stb_vorbis allocates everything (setup tables and per-frame scratch) from an
// arena when given one, so a hostile header asking for huge codebooks fails with
// "out of memory" instead of reaching malloc or the stack (alloca). Files made by
// libvorbis need about 220 KiB; the copies of the comment header's tags come on
// top, and are counted exactly before the arena is made.
constexpr std::size_t VORBIS_ARENA_BYTES = 1024u * 1024u;
// Tags (title, artist, perhaps cover art) beyond this are refused: narration has
// no use for them, and they would all be copied into the arena.
constexpr std::size_t MAX_VORBIS_TAG_BYTES = 4u * 1024u * 1024u;

std::uint16_t le16(std::string_view b, std::size_t at) {
  return static_cast<std::uint16_t>(static_cast<unsigned char>(b[at]) |
                                    (static_cast<unsigned char>(b[at + 1]) << 8));
}

std::uint32_t le32(std::string_view b, std::size_t at) {
  return static_cast<std::uint32_t>(le16(b, at)) |
         (static_cast<std::uint32_t>(le16(b, at + 2)) << 16);
}

std::string mib(std::size_t bytes) {
  const double m = static_cast<double>(bytes) / (1024.0 * 1024.0);
  char text[32];
  std::snprintf(text, sizeof text, "%.1f MiB", m);
  return text;
}

std::string minutes(double seconds) {
  char text[32];
  std::snprintf(text, sizeof text, "%.1f minutes", seconds / 60.0);
  return text;
}

bool checkOutput(const PcmFormat& out, std::string& error) {
  if (out.rate < MIN_SAMPLE_RATE || out.rate > MAX_SAMPLE_RATE ||
      (out.channels != 1 && out.channels != 2)) {
    error = "cannot make PCM at " + std::to_string(out.rate) + " Hz with " +
            std::to_string(out.channels) + " channels";
    return false;
  }
  return true;
}

bool checkFileSize(std::size_t bytes, const AudioLimits& limits, std::string& error) {
  // stb_vorbis takes the length as an int, whatever limit a caller sets.
  const std::size_t most = std::min<std::size_t>(limits.maxFileBytes, 1u << 30);
  if (bytes > most) {
    error = "the file is " + mib(bytes) + "; sound files may be at most " + mib(most);
    return false;
  }
  return true;
}

bool checkRate(std::uint32_t rate, std::string& error) {
  if (rate < static_cast<std::uint32_t>(MIN_SAMPLE_RATE) ||
      rate > static_cast<std::uint32_t>(MAX_SAMPLE_RATE)) {
    error = "the sample rate " + std::to_string(rate) + " Hz is outside " +
            std::to_string(MIN_SAMPLE_RATE) + " to " + std::to_string(MAX_SAMPLE_RATE) + " Hz";
    return false;
  }
  return true;
}

bool checkChannels(unsigned channels, std::string& error) {
  if (channels == 0) {
    error = "the file says it has no channels";
    return false;
  }
  if (channels > 2) {
    error = "the file has " + std::to_string(channels) +
            " channels; only mono and stereo sound is played";
    return false;
  }
  return true;
}

// Frames are counted before any sample is stored, so a long file is refused
// without decoding it.
bool checkDuration(std::uint64_t frames, std::uint32_t rate, const AudioLimits& limits,
                   std::string& error) {
  const double seconds = static_cast<double>(frames) / static_cast<double>(rate);
  if (seconds > limits.maxSeconds) {
    error = "the sound lasts " + minutes(seconds) + "; narration may be at most " +
            minutes(limits.maxSeconds);
    return false;
  }
  return true;
}

// ---- WAV ----------------------------------------------------------------------------

std::string wavFormatName(std::uint16_t tag) {
  switch (tag) {
  case 2:
    return "Microsoft ADPCM";
  case 6:
    return "A-law";
  case 7:
    return "mu-law";
  case 0x11:
    return "IMA ADPCM";
  case 0x55:
    return "MP3";
  default:
    return "format " + std::to_string(tag);
  }
}

struct WavFormat {
  std::uint16_t tag = 0; // PCM or IEEE float once the extensible wrapper is removed
  std::uint16_t channels = 0;
  std::uint32_t rate = 0;
  std::uint16_t blockAlign = 0;
  std::uint16_t bits = 0;
};

bool parseFmt(std::string_view fmt, WavFormat& f, std::string& error) {
  if (fmt.size() < 16) {
    error = "the WAV format chunk is too short (" + std::to_string(fmt.size()) + " bytes)";
    return false;
  }
  f.tag = le16(fmt, 0);
  f.channels = le16(fmt, 2);
  f.rate = le32(fmt, 4);
  f.blockAlign = le16(fmt, 12);
  f.bits = le16(fmt, 14);
  if (f.tag == WAVE_FORMAT_EXTENSIBLE) {
    // The real format is the first two bytes of the sub-format GUID, whose other
    // 14 bytes are fixed by Microsoft's KSDATAFORMAT_SUBTYPE_* family.
    static const char GUID_TAIL[] = "\x00\x00\x00\x00\x10\x00\x80\x00\x00\xAA\x00\x38\x9B\x71";
    if (fmt.size() < 40 || le16(fmt, 16) < 22) {
      error = "the WAV extensible format chunk is too short";
      return false;
    }
    if (fmt.substr(26, 14) != std::string_view(GUID_TAIL, 14)) {
      error = "the WAV file uses an unknown sub-format";
      return false;
    }
    f.tag = le16(fmt, 24);
  }
  if (f.tag != WAVE_FORMAT_PCM && f.tag != WAVE_FORMAT_IEEE_FLOAT) {
    error = "the WAV file is compressed (" + wavFormatName(f.tag) +
            "); save it as 16-bit PCM WAV or as Ogg Vorbis";
    return false;
  }
  if (!checkChannels(f.channels, error) || !checkRate(f.rate, error)) {
    return false;
  }
  const bool intOk =
      f.tag == WAVE_FORMAT_PCM && (f.bits == 8 || f.bits == 16 || f.bits == 24 || f.bits == 32);
  const bool floatOk = f.tag == WAVE_FORMAT_IEEE_FLOAT && f.bits == 32;
  if (!intOk && !floatOk) {
    error = "the WAV file has " + std::to_string(f.bits) + "-bit " +
            (f.tag == WAVE_FORMAT_PCM ? "integer" : "floating-point") +
            " samples; save it as 16-bit PCM";
    return false;
  }
  if (f.blockAlign != f.channels * (f.bits / 8)) {
    error = "the WAV block size " + std::to_string(f.blockAlign) + " does not match " +
            std::to_string(f.channels) + " channels of " + std::to_string(f.bits) + " bits";
    return false;
  }
  return true;
}

std::int16_t floatToSample(float v) {
  if (!(v == v)) { // NaN
    return 0;
  }
  v = std::clamp(v, -1.0f, 1.0f);
  return static_cast<std::int16_t>(std::lround(v * 32767.0f));
}

std::int16_t wavSample(std::string_view data, std::size_t at, const WavFormat& f) {
  switch (f.bits) {
  case 8: // unsigned, centred on 128
    return static_cast<std::int16_t>(
        (static_cast<int>(static_cast<unsigned char>(data[at])) - 128) * 256);
  case 16:
    return static_cast<std::int16_t>(le16(data, at));
  case 24: // keep the top 16 bits
    return static_cast<std::int16_t>(le16(data, at + 1));
  default:
    break;
  }
  if (f.tag == WAVE_FORMAT_PCM) { // 32-bit integer
    return static_cast<std::int16_t>(le16(data, at + 2));
  }
  const std::uint32_t bitsOf = le32(data, at);
  float v = 0.0f;
  std::memcpy(&v, &bitsOf, sizeof v);
  return floatToSample(v);
}

// ---- Ogg and Vorbis -----------------------------------------------------------------

// Ogg's CRC-32: polynomial 0x04C11DB7, not reflected, starting from zero.
std::uint32_t oggCrc(std::string_view page) {
  static const auto table = [] {
    std::array<std::uint32_t, 256> t{};
    for (std::uint32_t i = 0; i < 256; ++i) {
      std::uint32_t r = i << 24;
      for (int k = 0; k < 8; ++k) {
        r = (r & 0x80000000u) != 0 ? (r << 1) ^ 0x04C11DB7u : r << 1;
      }
      t[i] = r;
    }
    return t;
  }();
  std::uint32_t crc = 0;
  for (std::size_t i = 0; i < page.size(); ++i) {
    // The checksum field itself (bytes 22..25) counts as zero.
    const auto byte = (i >= 22 && i < 26) ? 0u : static_cast<unsigned char>(page[i]);
    crc = (crc << 8) ^ table[((crc >> 24) ^ byte) & 0xFFu];
  }
  return crc;
}

// The length of the Ogg page at `pos`, or 0 when it does not fit in `bytes`.
std::size_t oggPageLength(std::string_view bytes, std::size_t pos) {
  if (bytes.size() - pos < 27) {
    return 0;
  }
  const std::size_t segments = static_cast<unsigned char>(bytes[pos + 26]);
  if (bytes.size() - pos < 27 + segments) {
    return 0;
  }
  std::size_t body = 0;
  for (std::size_t i = 0; i < segments; ++i) {
    body += static_cast<unsigned char>(bytes[pos + 27 + i]);
  }
  const std::size_t length = 27 + segments + body;
  return bytes.size() - pos < length ? 0 : length;
}

// Walks every page before stb_vorbis sees the file: one logical stream, pages
// chained exactly to the end of the file, checksums right, and an end-of-stream
// page last. A cut-off, padded or corrupted file is refused here with a clear
// reason, and the decoder only ever reads well-framed pages.
bool checkOggPages(std::string_view bytes, std::string& error) {
  std::size_t pos = 0;
  std::uint32_t serial = 0;
  unsigned lastType = 0;
  for (std::size_t page = 0; pos < bytes.size(); ++page) {
    if (bytes.size() - pos < 4 || bytes.substr(pos, 4) != "OggS") {
      error = "the Ogg file has unexpected bytes at offset " + std::to_string(pos) +
              " (it is damaged or has something appended)";
      return false;
    }
    const std::size_t length = oggPageLength(bytes, pos);
    if (length == 0) {
      error = "the Ogg file is cut off inside page " + std::to_string(page + 1);
      return false;
    }
    const std::string_view p = bytes.substr(pos, length);
    const unsigned type = static_cast<unsigned char>(p[5]);
    if (p[4] != 0 || ((type & 0x02u) != 0) != (page == 0)) {
      error = "the Ogg file holds more than one stream, or its pages are out of order";
      return false;
    }
    if (page == 0) {
      serial = le32(p, 14);
    } else if (le32(p, 14) != serial) {
      error = "the Ogg file mixes several streams; only one Vorbis stream is played";
      return false;
    }
    if (le32(p, 22) != oggCrc(p)) {
      error = "the Ogg file is damaged (page " + std::to_string(page + 1) + " fails its checksum)";
      return false;
    }
    lastType = type;
    pos += length;
  }
  if ((lastType & 0x04u) == 0) {
    error = "the Ogg file is cut off (its last page is missing)";
    return false;
  }
  return true;
}

// The second packet of the stream (the comment header), reassembled from the
// pages after the first; checkOggPages has already proved every page whole.
// Empty when the packet never ends.
std::string secondPacket(std::string_view bytes) {
  std::string packet;
  std::size_t pos = oggPageLength(bytes, 0);
  while (pos < bytes.size()) {
    const std::size_t length = oggPageLength(bytes, pos);
    const std::size_t segments = static_cast<unsigned char>(bytes[pos + 26]);
    std::size_t body = pos + 27 + segments;
    for (std::size_t i = 0; i < segments; ++i) {
      const std::size_t lace = static_cast<unsigned char>(bytes[pos + 27 + i]);
      packet.append(bytes.substr(body, lace));
      body += lace;
      if (lace < 255) {
        return packet;
      }
    }
    pos += length;
  }
  return {};
}

std::size_t roundUp8(std::uint64_t n) {
  return static_cast<std::size_t>((n + 7) & ~7ull);
}

// stb_vorbis 1.22 trusts the comment header's lengths: a vendor or tag length of
// 0xFFFFFFFF writes before its buffer, and a huge tag count makes it free from a
// null list. So every length is checked against the packet here first, and the
// memory stb will take for the copies is returned in `tagBytes`.
bool checkVorbisComments(std::string_view bytes, std::size_t& tagBytes, std::string& error) {
  const std::string packet = secondPacket(bytes);
  error = "the Ogg Vorbis comment header is malformed";
  if (packet.size() < 7 + 4 + 4 + 1 || packet.compare(0, 7, "\x03vorbis", 7) != 0) {
    return false;
  }
  const std::string_view p(packet);
  std::size_t pos = 7;
  const std::uint32_t vendor = le32(p, pos);
  pos += 4;
  if (vendor > p.size() - pos - 4) {
    return false;
  }
  pos += vendor;
  const std::uint32_t count = le32(p, pos);
  pos += 4;
  if (count > (p.size() - pos) / 4) {
    return false;
  }
  std::uint64_t total = roundUp8(vendor + 1ull) + roundUp8(count * 8ull);
  for (std::uint32_t i = 0; i < count; ++i) {
    if (p.size() - pos < 4) {
      return false;
    }
    const std::uint32_t length = le32(p, pos);
    pos += 4;
    if (length > p.size() - pos) {
      return false;
    }
    pos += length;
    total += roundUp8(length + 1ull);
  }
  if (pos >= p.size() || (static_cast<unsigned char>(p[pos]) & 1u) == 0) {
    return false;
  }
  if (total > MAX_VORBIS_TAG_BYTES) {
    error = "the Ogg Vorbis file carries more than " + mib(MAX_VORBIS_TAG_BYTES) +
            " of tags; remove them (or any cover picture) and save it again";
    return false;
  }
  error.clear();
  tagBytes = static_cast<std::size_t>(total);
  return true;
}

} // namespace

namespace detail {

void fixOggChecksums(std::string& bytes) {
  std::size_t pos = 0;
  while (pos < bytes.size() && bytes.size() - pos >= 4 && bytes.compare(pos, 4, "OggS") == 0) {
    const std::size_t length = oggPageLength(bytes, pos);
    if (length == 0) {
      return;
    }
    const std::uint32_t crc = oggCrc(std::string_view(bytes).substr(pos, length));
    for (std::size_t k = 0; k < 4; ++k) {
      bytes[pos + 22 + k] = static_cast<char>((crc >> (8 * k)) & 0xFFu);
    }
    pos += length;
  }
}

} // namespace detail

// ---- decoding -----------------------------------------------------------------------

AudioFileKind sniffAudio(std::string_view bytes) {
  if (bytes.size() >= 12 && bytes.substr(0, 4) == "RIFF" && bytes.substr(8, 4) == "WAVE") {
    return AudioFileKind::Wav;
  }
  if (bytes.size() >= 4 && bytes.substr(0, 4) == "OggS") {
    return AudioFileKind::OggVorbis;
  }
  return AudioFileKind::Unknown;
}

std::optional<Pcm> decodeWav(std::string_view bytes, const PcmFormat& out, std::string& error,
                             const AudioLimits& limits) {
  if (!checkOutput(out, error) || !checkFileSize(bytes.size(), limits, error)) {
    return std::nullopt;
  }
  if (bytes.size() < 12) {
    error = "the WAV file is cut off inside its header";
    return std::nullopt;
  }
  if (sniffAudio(bytes) != AudioFileKind::Wav) {
    error = "this is not a WAV file (it does not start with RIFF...WAVE)";
    return std::nullopt;
  }

  // The RIFF size field is ignored: recorders that stream often leave it wrong,
  // and every chunk below is checked against the bytes actually present.
  std::optional<WavFormat> format;
  std::string_view data;
  bool haveData = false;
  std::size_t pos = 12;
  while (!haveData && bytes.size() - pos >= 8) {
    const std::string_view id = bytes.substr(pos, 4);
    const std::uint32_t size = le32(bytes, pos + 4);
    const std::size_t body = pos + 8;
    const std::size_t available = bytes.size() - body;
    if (size > available) {
      error = "the WAV \"" + std::string(id) + "\" chunk claims " + std::to_string(size) +
              " bytes but only " + std::to_string(available) + " follow (the file is cut off " +
              "or damaged)";
      return std::nullopt;
    }
    const std::string_view chunk = bytes.substr(body, size);
    if (id == "fmt ") {
      if (format) {
        error = "the WAV file has two format chunks";
        return std::nullopt;
      }
      WavFormat f;
      if (!parseFmt(chunk, f, error)) {
        return std::nullopt;
      }
      format = f;
    } else if (id == "data") {
      if (!format) {
        error = "the WAV data chunk comes before its format chunk";
        return std::nullopt;
      }
      data = chunk;
      haveData = true;
    }
    // Chunks are padded to an even length; a missing final pad byte is harmless.
    pos = body + size + (size & 1u);
    if (pos > bytes.size()) {
      pos = bytes.size();
    }
  }
  if (!format) {
    error = "the WAV file has no format chunk";
    return std::nullopt;
  }
  if (!haveData) {
    error = "the WAV file has no data chunk";
    return std::nullopt;
  }

  const WavFormat& f = *format;
  const std::size_t frames = data.size() / f.blockAlign;
  if (frames == 0) {
    error = "the WAV file holds no sound";
    return std::nullopt;
  }
  if (!checkDuration(frames, f.rate, limits, error)) {
    return std::nullopt;
  }
  Pcm source;
  source.rate = static_cast<int>(f.rate);
  source.channels = f.channels;
  source.samples.resize(frames * f.channels);
  const std::size_t bytesPerSample = f.bits / 8u;
  for (std::size_t i = 0; i < source.samples.size(); ++i) {
    source.samples[i] = wavSample(data, i * bytesPerSample, f);
  }
  return convertPcm(source, out);
}

std::optional<Pcm> decodeOggVorbis(std::string_view bytes, const PcmFormat& out, std::string& error,
                                   const AudioLimits& limits) {
  if (!checkOutput(out, error) || !checkFileSize(bytes.size(), limits, error)) {
    return std::nullopt;
  }
  // stb_vorbis is not hardened against hostile files (its README says so), so
  // before it sees a byte: the first page must start a stream with a well-formed
  // 30-byte identification header, every page must be whole with a right
  // checksum, and the comment header's lengths must fit (checkVorbisComments).
  // Its memory then comes only from a bounded arena.
  if (bytes.size() < 28 || bytes.substr(0, 4) != "OggS") {
    error = "this is not an Ogg file (it does not start with OggS)";
    return std::nullopt;
  }
  if (bytes[4] != 0 || (static_cast<unsigned char>(bytes[5]) & 0x02u) == 0) {
    error = "the Ogg file does not start with the first page of a stream";
    return std::nullopt;
  }
  const std::size_t segments = static_cast<unsigned char>(bytes[26]);
  const std::size_t packet = 27 + segments;
  if (bytes.size() < packet + 30) {
    error = "the Ogg file is cut off inside its first page";
    return std::nullopt;
  }
  if (bytes.substr(packet, 7) != std::string_view("\x01vorbis", 7)) {
    error = "the Ogg file holds no Vorbis sound (Opus, FLAC and Speex are not played); "
            "save it as Ogg Vorbis or WAV";
    return std::nullopt;
  }
  const unsigned channels = static_cast<unsigned char>(bytes[packet + 11]);
  const std::uint32_t rate = le32(bytes, packet + 12);
  const unsigned blocks = static_cast<unsigned char>(bytes[packet + 28]);
  const unsigned small = blocks & 0x0Fu;
  const unsigned large = blocks >> 4;
  // The identification header is exactly 30 bytes and alone on the first page.
  if (segments != 1 || static_cast<unsigned char>(bytes[27]) != 30 ||
      le32(bytes, packet + 7) != 0 || small < 6 || large > 13 || small > large ||
      (static_cast<unsigned char>(bytes[packet + 29]) & 1u) == 0) {
    error = "the Ogg Vorbis identification header is malformed";
    return std::nullopt;
  }
  std::size_t tagBytes = 0;
  if (!checkChannels(channels, error) || !checkRate(rate, error) || !checkOggPages(bytes, error) ||
      !checkVorbisComments(bytes, tagBytes, error)) {
    return std::nullopt;
  }

  std::vector<char> arena(VORBIS_ARENA_BYTES + tagBytes);
  stb_vorbis_alloc alloc;
  alloc.alloc_buffer = arena.data();
  alloc.alloc_buffer_length_in_bytes = static_cast<int>(arena.size());
  int openError = 0;
  stb_vorbis* vorbis = stb_vorbis_open_memory(reinterpret_cast<const unsigned char*>(bytes.data()),
                                              static_cast<int>(bytes.size()), &openError, &alloc);
  if (vorbis == nullptr) {
    error =
        openError == VORBIS_outofmem
            ? "the Ogg Vorbis file needs more decoder memory than is allowed"
            : "the Ogg Vorbis file is damaged (stb_vorbis error " + std::to_string(openError) + ")";
    return std::nullopt;
  }
  const stb_vorbis_info info = stb_vorbis_get_info(vorbis);
  if (info.channels != static_cast<int>(channels) || info.sample_rate != rate) {
    stb_vorbis_close(vorbis);
    error = "the Ogg Vorbis headers disagree about the channels or rate";
    return std::nullopt;
  }

  Pcm source;
  source.rate = static_cast<int>(rate);
  source.channels = static_cast<int>(channels);
  const auto maxFrames = static_cast<std::uint64_t>(limits.maxSeconds * rate);
  // Frames come out as floats and are converted here: stb's own float-to-short
  // conversion overflows a signed int (undefined behaviour) on the wild values a
  // damaged stream decodes to.
  bool tooLong = false;
  for (;;) {
    int frameChannels = 0;
    float** output = nullptr;
    const int got = stb_vorbis_get_frame_float(vorbis, &frameChannels, &output);
    if (got <= 0 || output == nullptr || frameChannels != source.channels) {
      break;
    }
    if (source.frames() + static_cast<std::size_t>(got) > maxFrames) {
      tooLong = true;
      break;
    }
    for (int i = 0; i < got; ++i) {
      for (int c = 0; c < source.channels; ++c) {
        source.samples.push_back(floatToSample(output[c][i]));
      }
    }
  }
  const int decodeError = stb_vorbis_get_error(vorbis);
  stb_vorbis_close(vorbis);
  if (tooLong) {
    error =
        "the sound lasts more than " + minutes(limits.maxSeconds) + ", the most narration may run";
    return std::nullopt;
  }
  // stb reports running off the end of memory as unexpected EOF; any decoding
  // error (20 and up) means the stream is damaged rather than merely over.
  if (decodeError >= VORBIS_invalid_setup) {
    error =
        "the Ogg Vorbis sound is damaged (stb_vorbis error " + std::to_string(decodeError) + ")";
    return std::nullopt;
  }
  if (source.samples.empty()) {
    error = "the Ogg Vorbis file holds no sound";
    return std::nullopt;
  }
  return convertPcm(source, out);
}

std::optional<Pcm> decodeAudio(std::string_view bytes, const PcmFormat& out, std::string& error,
                               const AudioLimits& limits) {
  switch (sniffAudio(bytes)) {
  case AudioFileKind::Wav:
    return decodeWav(bytes, out, error, limits);
  case AudioFileKind::OggVorbis:
    return decodeOggVorbis(bytes, out, error, limits);
  case AudioFileKind::Unknown:
    break;
  }
  error = "this is not a WAV or Ogg Vorbis file";
  return std::nullopt;
}

std::optional<Pcm> loadAudioFile(const std::string& path, const PcmFormat& out, std::string& error,
                                 const AudioLimits& limits) {
  std::error_code ec;
  const auto size = std::filesystem::file_size(path, ec);
  if (ec) {
    error = "cannot read " + path + ": " + ec.message();
    return std::nullopt;
  }
  if (!checkFileSize(static_cast<std::size_t>(size), limits, error)) {
    return std::nullopt;
  }
  std::ifstream in(path, std::ios::binary);
  std::string bytes(static_cast<std::size_t>(size), '\0');
  if (!in || !in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()))) {
    error = "cannot read " + path;
    return std::nullopt;
  }
  return decodeAudio(bytes, out, error, limits);
}

// ---- converting ---------------------------------------------------------------------

Pcm convertPcm(const Pcm& in, const PcmFormat& out) {
  Pcm result;
  result.rate = out.rate;
  result.channels = out.channels;
  const std::size_t inFrames = in.frames();
  if (inFrames == 0 || in.rate <= 0 || out.rate <= 0 || (in.channels != 1 && in.channels != 2) ||
      (out.channels != 1 && out.channels != 2)) {
    return result;
  }
  const auto inRate = static_cast<std::uint64_t>(in.rate);
  const auto outRate = static_cast<std::uint64_t>(out.rate);
  // At least one frame, so a sound never vanishes when the rate drops.
  const std::uint64_t outFrames =
      std::max<std::uint64_t>(1, (inFrames * outRate + inRate / 2) / inRate);
  result.samples.resize(static_cast<std::size_t>(outFrames) * out.channels);

  // One sample of input frame `i` on output channel `c`: a copy when the channel
  // counts match, the left/right average for stereo to mono, mono duplicated.
  const std::int16_t* s = in.samples.data();
  auto sampleAt = [&](std::size_t i, int c) -> int {
    if (in.channels == out.channels) {
      return s[i * in.channels + c];
    }
    if (in.channels == 2) {
      return (s[i * 2] + s[i * 2 + 1]) / 2;
    }
    return s[i];
  };
  for (std::uint64_t o = 0; o < outFrames; ++o) {
    // Exact integer position: input frame `at`, plus `rem / outRate` of the way
    // to the next one, so equal rates copy and doubling repeats exactly.
    const std::uint64_t num = o * inRate;
    const auto at = static_cast<std::size_t>(num / outRate);
    const std::uint64_t rem = num % outRate;
    const std::size_t a = std::min(at, inFrames - 1);
    const std::size_t b = std::min(at + 1, inFrames - 1);
    for (int c = 0; c < out.channels; ++c) {
      const int va = sampleAt(a, c);
      int v = va;
      if (rem != 0) {
        const int vb = sampleAt(b, c);
        const double t = static_cast<double>(rem) / static_cast<double>(outRate);
        v = static_cast<int>(std::lround(va + (vb - va) * t));
      }
      result.samples[static_cast<std::size_t>(o) * out.channels + c] = static_cast<std::int16_t>(v);
    }
  }
  return result;
}

} // namespace sq
