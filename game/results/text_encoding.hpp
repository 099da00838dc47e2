// Text encodings of files that come from outside: class lists exported by school
// MIS systems arrive as UTF-8 (with or without a byte-order mark) or, from older
// Windows tools and Excel's plain "CSV" format, as Windows-1252. Everything inside
// SafeQuest is UTF-8, so this turns either into UTF-8 and says which it found.
// Depends on: core/utf8, std.
#pragma once

#include <string>
#include <string_view>

namespace sq {

enum class DetectedEncoding {
  Utf8,        // valid UTF-8 with no byte-order mark (plain ASCII counts as this)
  Utf8Bom,     // a UTF-8 byte-order mark, which is removed
  Windows1252, // not valid UTF-8: read as Windows-1252
};

// "utf-8", "utf-8 with BOM", "windows-1252".
std::string_view encodingName(DetectedEncoding e);

// Decodes `bytes` to UTF-8. A UTF-8 BOM is stripped; valid UTF-8 passes through
// unchanged; anything else is read as Windows-1252, with its five undefined bytes
// (0x81, 0x8D, 0x8F, 0x90, 0x9D) becoming U+FFFD. After a BOM, invalid sequences
// also become U+FFFD. The result is always valid UTF-8. `out` may be null.
std::string decodeToUtf8(std::string_view bytes, DetectedEncoding* out = nullptr);

// The code point Windows-1252 maps `byte` to (U+FFFD for the undefined ones).
char32_t windows1252ToUnicode(unsigned char byte);

} // namespace sq
