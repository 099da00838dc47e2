#include "results/text_encoding.hpp"

#include "core/utf8.hpp"

#include <array>

namespace sq {

namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

// 0x80-0x9F are where Windows-1252 differs from Latin-1; curly quotes (O’Brien is
// 0x92) and the euro sign live here, so they must not be read as C1 controls.
constexpr std::array<char32_t, 32> kHigh = {
    0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, // 80-87
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD, // 88-8F
    0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, // 90-97
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178, // 98-9F
};

} // namespace

std::string_view encodingName(DetectedEncoding e) {
  switch (e) {
  case DetectedEncoding::Utf8:
    return "utf-8";
  case DetectedEncoding::Utf8Bom:
    return "utf-8 with BOM";
  case DetectedEncoding::Windows1252:
    return "windows-1252";
  }
  return "utf-8";
}

char32_t windows1252ToUnicode(unsigned char byte) {
  if (byte >= 0x80 && byte <= 0x9F) {
    return kHigh[byte - 0x80u];
  }
  return byte;
}

std::string decodeToUtf8(std::string_view bytes, DetectedEncoding* out) {
  DetectedEncoding found = DetectedEncoding::Utf8;
  std::string result;
  if (bytes.substr(0, kBom.size()) == kBom) {
    found = DetectedEncoding::Utf8Bom;
    bytes.remove_prefix(kBom.size());
    // A BOM is a clear statement of intent, so a stray bad byte after it is a
    // damaged UTF-8 file rather than a Windows-1252 one: replace, don't reinterpret.
    result.reserve(bytes.size());
    for (std::size_t pos = 0; pos < bytes.size();) {
      appendUtf8(result, decodeUtf8(bytes, pos));
    }
  } else if (isValidUtf8(bytes)) {
    result.assign(bytes);
  } else {
    found = DetectedEncoding::Windows1252;
    result.reserve(bytes.size() + bytes.size() / 4);
    for (char c : bytes) {
      appendUtf8(result, windows1252ToUnicode(static_cast<unsigned char>(c)));
    }
  }
  if (out != nullptr) {
    *out = found;
  }
  return result;
}

} // namespace sq
