// UTF-8 decoding shared by the validator and text layout. Invalid sequences
// decode to U+FFFD and never read past the end of the input.
// Depends on: std only.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace sq {

inline constexpr char32_t kReplacementChar = 0xFFFD;

// Decodes the code point starting at `pos` and advances `pos` past it (by at least one byte).
char32_t decodeUtf8(std::string_view s, std::size_t& pos);

// True when `s` is well-formed UTF-8 (no overlongs, surrogates or values past U+10FFFF).
bool isValidUtf8(std::string_view s);

// Number of code points (invalid bytes count one each).
std::size_t utf8Length(std::string_view s);

void appendUtf8(std::string& out, char32_t cp);

// `s` with every invalid sequence replaced by U+FFFD, so it is safe to print or
// put in JSON. Returns `s` unchanged (no copy work) when it is already valid.
std::string toValidUtf8(std::string s);

} // namespace sq
