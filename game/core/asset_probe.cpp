#include "core/asset_probe.hpp"

#include <algorithm>
#include <cctype>

namespace sq {

std::string_view assetTypeName(AssetType t) {
  switch (t) {
  case AssetType::Png:
    return "PNG";
  case AssetType::Jpeg:
    return "JPEG";
  case AssetType::Wav:
    return "WAV";
  case AssetType::OggVorbis:
    return "Ogg Vorbis";
  case AssetType::Unknown:
    break;
  }
  return "unknown";
}

bool isPictureType(AssetType t) {
  return t == AssetType::Png || t == AssetType::Jpeg;
}
bool isAudioType(AssetType t) {
  return t == AssetType::Wav || t == AssetType::OggVorbis;
}

namespace {

bool startsWith(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && s.substr(0, prefix.size()) == prefix;
}

std::uint32_t be32(std::string_view s, std::size_t at) {
  auto b = [&](std::size_t i) {
    return static_cast<std::uint32_t>(static_cast<unsigned char>(s[at + i]));
  };
  return (b(0) << 24) | (b(1) << 16) | (b(2) << 8) | b(3);
}

std::uint32_t be16(std::string_view s, std::size_t at) {
  auto b = [&](std::size_t i) {
    return static_cast<std::uint32_t>(static_cast<unsigned char>(s[at + i]));
  };
  return (b(0) << 8) | b(1);
}

constexpr std::string_view kPngSignature{"\x89PNG\r\n\x1a\n", 8};

} // namespace

AssetType sniffAssetType(std::string_view head) {
  if (startsWith(head, kPngSignature)) {
    return AssetType::Png;
  }
  if (head.size() >= 3 && static_cast<unsigned char>(head[0]) == 0xFF &&
      static_cast<unsigned char>(head[1]) == 0xD8 && static_cast<unsigned char>(head[2]) == 0xFF) {
    return AssetType::Jpeg;
  }
  if (head.size() >= 12 && startsWith(head, "RIFF") && head.substr(8, 4) == "WAVE") {
    return AssetType::Wav;
  }
  // An Ogg page whose first packet is a Vorbis identification header. Other Ogg
  // codecs (Opus, Theora) are refused: the game's decoder plays Vorbis only.
  if (startsWith(head, "OggS") && head.size() >= 27) {
    const auto segments = static_cast<unsigned char>(head[26]);
    const std::size_t packet = 27 + static_cast<std::size_t>(segments);
    if (head.size() >= packet + 7 && head[packet] == '\x01' &&
        head.substr(packet + 1, 6) == "vorbis") {
      return AssetType::OggVorbis;
    }
  }
  return AssetType::Unknown;
}

AssetType typeFromExtension(std::string_view path) {
  const std::size_t dot = path.rfind('.');
  if (dot == std::string_view::npos) {
    return AssetType::Unknown;
  }
  std::string ext;
  for (char c : path.substr(dot + 1)) {
    ext += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  if (ext == "png") {
    return AssetType::Png;
  }
  if (ext == "jpg" || ext == "jpeg") {
    return AssetType::Jpeg;
  }
  if (ext == "wav") {
    return AssetType::Wav;
  }
  if (ext == "ogg" || ext == "oga") {
    return AssetType::OggVorbis;
  }
  return AssetType::Unknown;
}

std::optional<ImageSize> readImageSize(std::string_view head, AssetType type, std::string& why) {
  if (type == AssetType::Png) {
    // Signature (8), then the IHDR chunk: length (4) = 13, "IHDR", width, height.
    if (head.size() < 24) {
      why = "the PNG header is cut off";
      return std::nullopt;
    }
    if (be32(head, 8) != 13 || head.substr(12, 4) != "IHDR") {
      why = "the PNG does not start with an IHDR chunk";
      return std::nullopt;
    }
    ImageSize size{be32(head, 16), be32(head, 20)};
    if (size.width == 0 || size.height == 0) {
      why = "the PNG header gives a zero width or height";
      return std::nullopt;
    }
    return size;
  }
  if (type == AssetType::Jpeg) {
    std::size_t pos = 2;
    while (pos + 4 <= head.size()) {
      if (static_cast<unsigned char>(head[pos]) != 0xFF) {
        why = "the JPEG's markers are malformed";
        return std::nullopt;
      }
      const auto marker = static_cast<unsigned char>(head[pos + 1]);
      if (marker == 0xFF) { // fill byte
        ++pos;
        continue;
      }
      if (marker == 0xD8 || marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
        pos += 2; // markers without a length
        continue;
      }
      if (marker == 0xD9 || marker == 0xDA) {
        why = "the JPEG has no frame header before its image data";
        return std::nullopt;
      }
      const std::uint32_t length = be16(head, pos + 2);
      if (length < 2) {
        why = "the JPEG has a segment with an impossible length";
        return std::nullopt;
      }
      const bool isFrame =
          marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
      if (isFrame) {
        if (pos + 9 > head.size() || length < 7) {
          why = "the JPEG frame header is cut off";
          return std::nullopt;
        }
        ImageSize size{be16(head, pos + 7), be16(head, pos + 5)};
        if (size.width == 0 || size.height == 0) {
          why = "the JPEG header gives a zero width or height";
          return std::nullopt;
        }
        return size;
      }
      pos += 2 + length;
    }
    why = "no JPEG frame header was found in the first bytes of the file";
    return std::nullopt;
  }
  why = "not a picture";
  return std::nullopt;
}

namespace {

// stb_image (Debian's copy) writes one entry past a Huffman table when a JPEG's DHT
// segment declares more than 256 codes (later stb refuses it). fuzz_picture_import
// found it; every table is checked here before stb sees the file. The walk follows
// the marker segments, skipping the entropy-coded data after each scan, since a
// progressive JPEG defines tables between its scans.
bool jpegTablesSane(std::string_view b) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(b[i]); };
  std::size_t pos = 2; // after SOI
  while (pos + 1 < b.size()) {
    if (byte(pos) != 0xFF) {
      return false;
    }
    const unsigned marker = byte(pos + 1);
    pos += 2;
    if (marker == 0xFF || marker == 0x01 || (marker >= 0xD0 && marker <= 0xD8)) {
      if (marker == 0xFF) {
        --pos; // fill byte: the marker follows
      }
      continue;
    }
    if (marker == 0xD9) {
      return true; // EOI
    }
    if (pos + 2 > b.size()) {
      return true; // cut off: stb refuses it on its own
    }
    const std::size_t length = (std::size_t{byte(pos)} << 8) | byte(pos + 1);
    if (length < 2) {
      return false;
    }
    const std::size_t end = std::min(pos + length, b.size());
    if (marker == 0xC4) {
      std::size_t t = pos + 2;
      while (t < end) {
        if (t + 17 > b.size()) {
          return false; // a table cut off
        }
        std::size_t codes = 0;
        for (std::size_t i = 1; i <= 16; ++i) {
          codes += byte(t + i);
        }
        if (codes > 256) {
          return false;
        }
        t += 17 + codes;
      }
    }
    pos = end;
    if (marker == 0xDA) {
      // Entropy-coded data: up to the next marker that is not a stuffed 0xFF00 or a restart.
      while (pos + 1 < b.size() && !(byte(pos) == 0xFF && byte(pos + 1) != 0 &&
                                     !(byte(pos + 1) >= 0xD0 && byte(pos + 1) <= 0xD7))) {
        ++pos;
      }
    }
  }
  return true;
}

// The chunks after the signature, up to IEND: an IDAT of length 0 before any data
// would have stb copy zero bytes from a null pointer (undefined behaviour).
bool pngChunksSane(std::string_view b) {
  std::size_t pos = 8;
  bool data = false;
  while (pos + 8 <= b.size()) {
    const auto at = [&](std::size_t i) { return static_cast<unsigned char>(b[i]); };
    const std::size_t length = (std::size_t{at(pos)} << 24) | (std::size_t{at(pos + 1)} << 16) |
                               (std::size_t{at(pos + 2)} << 8) | at(pos + 3);
    const std::string_view type = b.substr(pos + 4, 4);
    if (type == "IDAT") {
      if (length == 0 && !data) {
        return false;
      }
      data = true;
    } else if (type == "IEND") {
      return true;
    }
    if (length > b.size() - pos - 8) {
      return true; // cut off: stb refuses it on its own
    }
    pos += 8 + length + 4; // length and type, data, CRC
  }
  return true;
}

} // namespace

bool safeForStbImage(std::string_view bytes, AssetType type, std::string& why) {
  if (type == AssetType::Jpeg && !jpegTablesSane(bytes)) {
    why = "the JPEG's Huffman tables are malformed";
    return false;
  }
  if (type == AssetType::Png && !pngChunksSane(bytes)) {
    why = "the PNG's image data starts with an empty chunk";
    return false;
  }
  return true;
}

} // namespace sq
