#include "core/asset_probe.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace sq;

namespace {

std::string be32(std::uint32_t v) {
  return {static_cast<char>(v >> 24), static_cast<char>(v >> 16), static_cast<char>(v >> 8),
          static_cast<char>(v)};
}

std::string pngHeader(std::uint32_t w, std::uint32_t h) {
  return std::string("\x89PNG\r\n\x1a\n", 8) + be32(13) + "IHDR" + be32(w) + be32(h) +
         std::string("\x08\x06\x00\x00\x00", 5);
}

std::string jpegHeader(std::uint16_t w, std::uint16_t h, std::size_t appBytes) {
  std::string s("\xFF\xD8", 2);
  // An APP1 segment of metadata before the frame header.
  const auto len = static_cast<std::uint16_t>(appBytes + 2);
  s += std::string("\xFF\xE1", 2) + static_cast<char>(len >> 8) + static_cast<char>(len & 0xFF);
  s += std::string(appBytes, 'x');
  s += std::string("\xFF\xC0\x00\x11\x08", 5) + static_cast<char>(h >> 8) +
       static_cast<char>(h & 0xFF) + static_cast<char>(w >> 8) + static_cast<char>(w & 0xFF);
  s += std::string(12, '\0');
  return s;
}

} // namespace

TEST_CASE("file types are judged by their bytes, not their names") {
  CHECK(sniffAssetType(pngHeader(1, 1)) == AssetType::Png);
  CHECK(sniffAssetType(jpegHeader(1, 1, 4)) == AssetType::Jpeg);
  CHECK(sniffAssetType(std::string("RIFF\x24\x00\x00\x00WAVEfmt ", 16)) == AssetType::Wav);
  CHECK(sniffAssetType("GIF89a........") == AssetType::Unknown);
  CHECK(sniffAssetType("") == AssetType::Unknown);
  CHECK(typeFromExtension("assets/A.PNG") == AssetType::Png);
  CHECK(typeFromExtension("x.jpeg") == AssetType::Jpeg);
  CHECK(typeFromExtension("noext") == AssetType::Unknown);
}

TEST_CASE("an Ogg file counts only when it carries Vorbis") {
  std::string page = "OggS";
  page += std::string(22, '\0');
  page += '\x01';       // one segment
  page += '\x1e';       // of 30 bytes
  page += "\x01vorbis"; // identification header
  page += std::string(23, '\0');
  CHECK(sniffAssetType(page) == AssetType::OggVorbis);
  std::string opus = page;
  opus.replace(28, 7, "OpusHea");
  CHECK(sniffAssetType(opus) == AssetType::Unknown);
}

TEST_CASE("a PNG's size comes from its header, even a hostile one") {
  std::string why;
  const auto size = readImageSize(pngHeader(100000, 100000), AssetType::Png, why);
  REQUIRE(size.has_value());
  CHECK(size->width == 100000);
  CHECK(size->height == 100000);
  CHECK_FALSE(readImageSize(pngHeader(0, 5), AssetType::Png, why).has_value());
  CHECK_FALSE(readImageSize(pngHeader(5, 5).substr(0, 20), AssetType::Png, why).has_value());
  CHECK(why.find("cut off") != std::string::npos);
}

TEST_CASE("a JPEG's size is found after its metadata segments") {
  std::string why;
  const auto size = readImageSize(jpegHeader(640, 480, 3000), AssetType::Jpeg, why);
  REQUIRE(size.has_value());
  CHECK(size->width == 640);
  CHECK(size->height == 480);
  // Cut off before the frame header: reported, not read past the end.
  CHECK_FALSE(readImageSize(jpegHeader(640, 480, 3000).substr(0, 1000), AssetType::Jpeg, why));
  // A segment length of 0 would loop forever if trusted.
  CHECK_FALSE(readImageSize(std::string("\xFF\xD8\xFF\xE1\x00\x00", 6), AssetType::Jpeg, why));
}
