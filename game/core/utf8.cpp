#include "core/utf8.hpp"

namespace sq {

namespace {

bool isContinuation(unsigned char c) {
  return (c & 0xC0) == 0x80;
}

// Returns the code point and its length, or length 0 for an invalid sequence.
std::pair<char32_t, std::size_t> decodeStrict(std::string_view s, std::size_t pos) {
  const auto b0 = static_cast<unsigned char>(s[pos]);
  if (b0 < 0x80) {
    return {b0, 1};
  }
  std::size_t len = 0;
  char32_t cp = 0;
  char32_t min = 0;
  if ((b0 & 0xE0) == 0xC0) {
    len = 2;
    cp = b0 & 0x1Fu;
    min = 0x80;
  } else if ((b0 & 0xF0) == 0xE0) {
    len = 3;
    cp = b0 & 0x0Fu;
    min = 0x800;
  } else if ((b0 & 0xF8) == 0xF0) {
    len = 4;
    cp = b0 & 0x07u;
    min = 0x10000;
  } else {
    return {0, 0};
  }
  if (pos + len > s.size()) {
    return {0, 0};
  }
  for (std::size_t i = 1; i < len; ++i) {
    const auto b = static_cast<unsigned char>(s[pos + i]);
    if (!isContinuation(b)) {
      return {0, 0};
    }
    cp = (cp << 6) | (b & 0x3Fu);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
    return {0, 0};
  }
  return {cp, len};
}

} // namespace

char32_t decodeUtf8(std::string_view s, std::size_t& pos) {
  if (pos >= s.size()) {
    return kReplacementChar;
  }
  const auto [cp, len] = decodeStrict(s, pos);
  if (len == 0) {
    ++pos;
    return kReplacementChar;
  }
  pos += len;
  return cp;
}

bool isValidUtf8(std::string_view s) {
  std::size_t pos = 0;
  while (pos < s.size()) {
    const auto len = decodeStrict(s, pos).second;
    if (len == 0) {
      return false;
    }
    pos += len;
  }
  return true;
}

std::size_t utf8Length(std::string_view s) {
  std::size_t pos = 0;
  std::size_t n = 0;
  while (pos < s.size()) {
    decodeUtf8(s, pos);
    ++n;
  }
  return n;
}

void appendUtf8(std::string& out, char32_t cp) {
  if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
    cp = kReplacementChar;
  }
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

std::string toValidUtf8(std::string s) {
  if (isValidUtf8(s)) {
    return s;
  }
  std::string out;
  out.reserve(s.size() + 8);
  std::size_t pos = 0;
  while (pos < s.size()) {
    appendUtf8(out, decodeUtf8(s, pos));
  }
  return out;
}

} // namespace sq
