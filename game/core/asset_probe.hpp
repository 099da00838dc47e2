// Identifies an asset by its first bytes and reads a picture's size from its
// header, without decoding anything: the validator refuses a 100,000 x 100,000
// PNG before any decoder allocates for it.
// Depends on: std only.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace sq {

enum class AssetType { Unknown, Png, Jpeg, Wav, OggVorbis };

std::string_view assetTypeName(AssetType t); // "PNG", "JPEG", "WAV", "Ogg Vorbis", "unknown"
bool isPictureType(AssetType t);
bool isAudioType(AssetType t);

// The type the bytes say, judged by magic numbers only.
AssetType sniffAssetType(std::string_view head);

// The type a file name suggests (by extension, case-insensitive).
AssetType typeFromExtension(std::string_view path);

struct ImageSize {
  std::uint32_t width = 0;
  std::uint32_t height = 0;
};

// Width and height from a PNG's IHDR or a JPEG's SOF marker. `head` is the start
// of the file (PNG needs 24 bytes; a JPEG's SOF may follow large metadata).
// nullopt when the header is cut off or malformed, with the reason in `why`.
std::optional<ImageSize> readImageSize(std::string_view head, AssetType type, std::string& why);

// Whether Debian's stb_image may be given these whole bytes: it has faults that a
// header check does not catch, found by fuzzing. A JPEG Huffman table with more than
// 256 codes makes it write past the table; a PNG whose image data starts with an
// empty IDAT chunk makes it copy from a null pointer. false, with `why`, refuses them.
bool safeForStbImage(std::string_view bytes, AssetType type, std::string& why);

} // namespace sq
