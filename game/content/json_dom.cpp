#include "content/json_dom.hpp"

#include "core/utf8.hpp"

#include <algorithm>
#include <charconv>
#include <clocale>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <limits>

namespace sq::detail {

namespace {

// Where an empty container's children "are": never dereferenced, but keeps
// begin()/end() off null pointer arithmetic.
const JsonValue kNoChildren{};

bool isSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

int hexDigit(char c) {
  if (c >= '0' && c <= '9') {
    return c - '0';
  }
  if (c >= 'a' && c <= 'f') {
    return c - 'a' + 10;
  }
  if (c >= 'A' && c <= 'F') {
    return c - 'A' + 10;
  }
  return -1;
}

// The length of the well-formed UTF-8 sequence at s[0..n) (RFC 3629: no overlong
// forms, no surrogates, nothing past U+10FFFF), or 0 with `bad` set to the offset
// of the first byte that breaks it (where nlohmann reports the error).
std::size_t utf8Length(const unsigned char* s, std::size_t n, std::size_t& bad) {
  const unsigned char c = s[0];
  std::size_t len = 0;
  unsigned char lo = 0x80;
  unsigned char hi = 0xBF;
  if (c >= 0xC2 && c <= 0xDF) {
    len = 2;
  } else if (c >= 0xE0 && c <= 0xEF) {
    len = 3;
    lo = c == 0xE0 ? 0xA0 : 0x80;
    hi = c == 0xED ? 0x9F : 0xBF;
  } else if (c >= 0xF0 && c <= 0xF4) {
    len = 4;
    lo = c == 0xF0 ? 0x90 : 0x80;
    hi = c == 0xF4 ? 0x8F : 0xBF;
  } else {
    bad = 0;
    return 0;
  }
  for (std::size_t i = 1; i < len; ++i) {
    if (i >= n || s[i] < lo || s[i] > hi) {
      bad = i;
      return 0;
    }
    lo = 0x80;
    hi = 0xBF;
  }
  return len;
}

// Whether any of the 8 bytes at p is '"', '\\', below 0x20 or above 0x7F. Classic
// SWAR tests: exact for "none", which is all the fast path relies on.
bool needsAttention(const unsigned char* p) {
  std::uint64_t x = 0;
  std::memcpy(&x, p, sizeof x);
  constexpr std::uint64_t kOnes = 0x0101010101010101ull;
  constexpr std::uint64_t kHigh = 0x8080808080808080ull;
  auto hasZero = [](std::uint64_t v) { return (v - kOnes) & ~v & kHigh; };
  const std::uint64_t quote = hasZero(x ^ (kOnes * '"'));
  const std::uint64_t slash = hasZero(x ^ (kOnes * '\\'));
  const std::uint64_t control = (x - kOnes * 0x20) & ~x & kHigh;
  return ((quote | slash | control) | (x & kHigh)) != 0;
}

// How a byte is shown in a message: printable ASCII as itself, anything else as
// <U+XX>, as nlohmann does, so a message never carries a broken byte.
std::string shown(char c) {
  const auto u = static_cast<unsigned char>(c);
  if (u >= 0x20 && u < 0x7F) {
    return std::string("'") + c + "'";
  }
  static const char* const kHex = "0123456789ABCDEF";
  return std::string("'<U+00") + kHex[u >> 4] + kHex[u & 0xF] + ">'";
}

// Members in key order, a repeated key keeping its last value: what inserting
// them one by one into nlohmann's std::map-backed object gives.
void sortMembers(JsonValue* first, std::size_t& count) {
  auto less = [](const JsonValue& a, const JsonValue& b) { return a.key() < b.key(); };
  if (count <= 16) {
    // Objects in a pack have a handful of fields: insertion sort (stable) is quickest.
    for (std::size_t i = 1; i < count; ++i) {
      const JsonValue v = first[i];
      std::size_t j = i;
      while (j > 0 && less(v, first[j - 1])) {
        first[j] = first[j - 1];
        --j;
      }
      first[j] = v;
    }
  } else {
    std::stable_sort(first, first + count, less);
  }
  std::size_t kept = 0;
  for (std::size_t i = 0; i < count; ++i) {
    if (kept > 0 && first[kept - 1].key() == first[i].key()) {
      first[kept - 1] = first[i];
    } else {
      first[kept++] = first[i];
    }
  }
  count = kept;
}

} // namespace

const JsonValue* JsonValue::find(std::string_view key) const {
  if (mType != JsonType::Object) {
    return nullptr;
  }
  for (const JsonValue& m : *this) {
    if (m.key() == key) {
      return &m;
    }
  }
  return nullptr;
}

bool JsonDocument::fail(std::size_t offset, std::string_view what) {
  // Lines and columns are counted only here, so parsing a good file pays nothing
  // for them. Columns count bytes, as nlohmann's did.
  std::size_t line = 1;
  std::size_t lineStart = 0;
  offset = std::min(offset, mText.size());
  for (std::size_t i = 0; i < offset; ++i) {
    if (mText[i] == '\n') {
      ++line;
      lineStart = i + 1;
    }
  }
  mError = "line " + std::to_string(line) + ", column " + std::to_string(offset - lineStart + 1) +
           ": " + std::string(what);
  return false;
}

bool JsonDocument::parseString(std::size_t& pos, const char*& out, std::uint32_t& size) {
  const char* const text = mText.data();
  const std::size_t n = mText.size();
  const auto* const bytes = reinterpret_cast<const unsigned char*>(text);
  const std::size_t start = pos + 1;
  std::size_t i = start;
  // Most strings have no escapes: they stay where they are in the input.
  for (;;) {
    // Eight plain bytes at a time: ASCII, not a quote, backslash or control character.
    // A chunk with anything else (or a false alarm) goes through the byte loop.
    while (i + 8 <= n && !needsAttention(bytes + i)) {
      i += 8;
    }
    if (i >= n) {
      return fail(n, "value - invalid string: unexpected end of input; missing closing quote");
    }
    const unsigned char c = bytes[i];
    if (c == '"') {
      out = text + start;
      size = static_cast<std::uint32_t>(i - start);
      pos = i + 1;
      return true;
    }
    if (c == '\\') {
      break;
    }
    if (c < 0x20) {
      return fail(i, "value - invalid string: control character " + shown(static_cast<char>(c)) +
                         " must be escaped");
    }
    if (c < 0x80) {
      ++i;
      continue;
    }
    std::size_t bad = 0;
    const std::size_t len = utf8Length(bytes + i, n - i, bad);
    if (len == 0) {
      return fail(i + bad, "value - invalid string: ill-formed UTF-8 byte");
    }
    i += len;
  }
  // An escape: decode the whole string into the arena. A decoded string is never
  // longer than its source, so the arena, reserved at the input's size, never
  // reallocates and earlier views into it stay valid.
  if (mArena.empty() && mArena.capacity() < n) {
    mArena.reserve(n);
  }
  const std::size_t arenaStart = mArena.size();
  mArena.append(text + start, i - start);
  while (true) {
    if (i >= n) {
      return fail(n, "value - invalid string: unexpected end of input; missing closing quote");
    }
    const unsigned char c = bytes[i];
    if (c == '"') {
      break;
    }
    if (c < 0x20) {
      return fail(i, "value - invalid string: control character " + shown(static_cast<char>(c)) +
                         " must be escaped");
    }
    if (c >= 0x80) {
      std::size_t bad = 0;
      const std::size_t len = utf8Length(bytes + i, n - i, bad);
      if (len == 0) {
        return fail(i + bad, "value - invalid string: ill-formed UTF-8 byte");
      }
      mArena.append(text + i, len);
      i += len;
      continue;
    }
    if (c != '\\') {
      mArena += static_cast<char>(c);
      ++i;
      continue;
    }
    if (i + 1 >= n) {
      return fail(n, "value - invalid string: unexpected end of input; missing closing quote");
    }
    const char e = text[i + 1];
    i += 2;
    switch (e) {
    case '"':
    case '\\':
    case '/':
      mArena += e;
      continue;
    case 'b':
      mArena += '\b';
      continue;
    case 'f':
      mArena += '\f';
      continue;
    case 'n':
      mArena += '\n';
      continue;
    case 'r':
      mArena += '\r';
      continue;
    case 't':
      mArena += '\t';
      continue;
    case 'u':
      break;
    default:
      return fail(i - 1, "value - invalid string: forbidden character after backslash");
    }
    auto hex4 = [&](std::size_t at, std::uint32_t& cp) {
      if (at + 4 > n) {
        return false;
      }
      cp = 0;
      for (std::size_t k = 0; k < 4; ++k) {
        const int d = hexDigit(text[at + k]);
        if (d < 0) {
          return false;
        }
        cp = cp * 16 + static_cast<std::uint32_t>(d);
      }
      return true;
    };
    std::uint32_t cp = 0;
    if (!hex4(i, cp)) {
      return fail(i, "value - invalid string: '\\u' must be followed by 4 hex digits");
    }
    i += 4;
    if (cp >= 0xDC00 && cp <= 0xDFFF) {
      return fail(i - 1,
                  "value - invalid string: surrogate U+DC00..U+DFFF must follow U+D800..U+DBFF");
    }
    if (cp >= 0xD800 && cp <= 0xDBFF) {
      std::uint32_t low = 0;
      if (i + 2 > n || text[i] != '\\' || text[i + 1] != 'u' || !hex4(i + 2, low) || low < 0xDC00 ||
          low > 0xDFFF) {
        return fail(
            i,
            "value - invalid string: surrogate U+D800..U+DBFF must be followed by U+DC00..U+DFFF");
      }
      i += 6;
      cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
    }
    appendUtf8(mArena, static_cast<char32_t>(cp)); // a valid scalar value by now
  }
  const std::size_t decoded = mArena.size() - arenaStart;
  out = mArena.data() + arenaStart;
  size = static_cast<std::uint32_t>(decoded);
  pos = i + 1;
  return true;
}

bool JsonDocument::parseNumber(std::size_t& pos, JsonValue& v) {
  const char* const text = mText.data();
  const std::size_t n = mText.size();
  const std::size_t start = pos;
  std::size_t i = pos;
  auto digit = [&](std::size_t at) { return at < n && text[at] >= '0' && text[at] <= '9'; };
  const bool negative = text[i] == '-';
  if (negative) {
    ++i;
  }
  if (!digit(i)) {
    return fail(i, "value - invalid number; expected digit after '-'");
  }
  // Whole numbers are accumulated as they are scanned; overflow sends them to strtod,
  // as nlohmann does.
  std::uint64_t magnitude = 0;
  bool overflow = false;
  if (text[i] == '0') {
    ++i;
  } else {
    while (digit(i)) {
      const auto d = static_cast<std::uint64_t>(text[i] - '0');
      if (magnitude > (std::numeric_limits<std::uint64_t>::max() - d) / 10) {
        overflow = true;
      }
      magnitude = magnitude * 10 + d;
      ++i;
    }
  }
  bool whole = true;
  if (i < n && text[i] == '.') {
    whole = false;
    ++i;
    if (!digit(i)) {
      return fail(i, "value - invalid number; expected digit after '.'");
    }
    while (digit(i)) {
      ++i;
    }
  }
  if (i < n && (text[i] == 'e' || text[i] == 'E')) {
    whole = false;
    ++i;
    if (i < n && (text[i] == '+' || text[i] == '-')) {
      ++i;
    }
    if (!digit(i)) {
      return fail(i, "value - invalid number; expected digit after exponent sign");
    }
    while (digit(i)) {
      ++i;
    }
  }
  pos = i;
  if (whole && !overflow) {
    if (!negative) {
      v.mType = JsonType::Unsigned;
      v.mU.u = magnitude;
      return true;
    }
    if (magnitude <= static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()) + 1) {
      v.mType = JsonType::Integer;
      // Two's complement negation, defined for unsigned types; INT64_MIN included.
      v.mU.u = ~magnitude + 1;
      return true;
    }
  }
  double d = 0;
  const auto [end, ec] = std::from_chars(text + start, text + i, d);
  if (ec != std::errc() || end != text + i) {
    // Out of range, one way or the other: strtod says which. Underflow gives a
    // finite value (accepted, as nlohmann accepts it); overflow gives infinity.
    std::string copy(text + start, i - start);
    const char point = *std::localeconv()->decimal_point;
    std::replace(copy.begin(), copy.end(), '.', point);
    d = std::strtod(copy.c_str(), nullptr);
  }
  if (!std::isfinite(d)) {
    return fail(i == 0 ? 0 : i - 1,
                "number overflow parsing '" + std::string(text + start, i - start) + "'");
  }
  v.mType = JsonType::Float;
  v.mU.d = d;
  return true;
}

JsonValue JsonDocument::close() {
  const Frame frame = mFrames.back();
  mFrames.pop_back();
  std::size_t count = mPending.size() - frame.mark;
  if (frame.object && count > 1) {
    sortMembers(mPending.data() + frame.mark, count);
  }
  JsonValue container;
  container.mType = frame.object ? JsonType::Object : JsonType::Array;
  container.mU.first = mNodes.size();
  container.mSize = static_cast<std::uint32_t>(count);
  container.mKey = frame.key.data();
  container.mKeySize = static_cast<std::uint32_t>(frame.key.size());
  mNodes.insert(mNodes.end(), mPending.begin() + static_cast<std::ptrdiff_t>(frame.mark),
                mPending.begin() + static_cast<std::ptrdiff_t>(frame.mark + count));
  mPending.resize(frame.mark);
  return container;
}

bool JsonDocument::parse(std::string text, int maxDepth) {
  mText = std::move(text);
  mTooDeep = false;
  mStoppedAtNul = false;
  const std::size_t depthLimit = static_cast<std::size_t>(std::max(maxDepth, 0));
  mArena.clear();
  mNodes.clear();
  mPending.clear();
  mFrames.clear();
  mPendingKey = {};
  mRoot = JsonValue{};
  mError.clear();
  const std::size_t n = mText.size();
  if (n > std::numeric_limits<std::uint32_t>::max()) {
    return fail(0, "the document is too large");
  }
  const char* const s = mText.data();
  std::size_t pos = 0;
  // A UTF-8 byte order mark is skipped, as nlohmann skips it.
  if (n > 0 && static_cast<unsigned char>(s[0]) == 0xEF) {
    if (n < 3 || static_cast<unsigned char>(s[1]) != 0xBB ||
        static_cast<unsigned char>(s[2]) != 0xBF) {
      return fail(0, "value - invalid BOM; must be 0xEF 0xBB 0xBF if given");
    }
    pos = 3;
  }
  auto skipSpace = [&] {
    while (pos < n && isSpace(s[pos])) {
      ++pos;
    }
  };
  auto unexpected = [&](std::string_view context, std::string_view expected) {
    if (pos >= n || s[pos] == '\0') {
      return fail(n, std::string(context) + " - unexpected end of input; expected " +
                         std::string(expected));
    }
    return fail(pos, std::string(context) + " - unexpected " + shown(s[pos]) + "; expected " +
                         std::string(expected));
  };
  auto literal = [&](std::string_view word) {
    if (n - pos < word.size() || std::string_view(s + pos, word.size()) != word) {
      return false;
    }
    pos += word.size();
    return true;
  };

  // An explicit stack of open containers instead of recursion: depth costs heap,
  // never the call stack.
  JsonValue v;
  for (;;) {
    // ---- a value is expected at pos
    skipSpace();
    if (pos >= n) {
      return unexpected("value", "'[', '{', or a literal");
    }
    v = JsonValue{};
    const char c = s[pos];
    bool haveValue = true;
    if (c == '{' || c == '[') {
      const bool object = c == '{';
      const bool member = !mFrames.empty() && mFrames.back().object;
      mFrames.push_back({mPending.size(), member ? mPendingKey : std::string_view{}, object});
      if (mFrames.size() > depthLimit) {
        mTooDeep = true;
        return fail(pos,
                    "the data is nested more than " + std::to_string(maxDepth) + " levels deep");
      }
      ++pos;
      skipSpace();
      if (pos < n && s[pos] == (object ? '}' : ']')) {
        ++pos;
        v = close();
      } else {
        haveValue = false;
      }
    } else if (c == '"') {
      const char* str = nullptr;
      std::uint32_t size = 0;
      if (!parseString(pos, str, size)) {
        return false;
      }
      v.mType = JsonType::String;
      v.mU.s = str;
      v.mSize = size;
    } else if (c == '-' || (c >= '0' && c <= '9')) {
      if (!parseNumber(pos, v)) {
        return false;
      }
    } else if (literal("true")) {
      v.mType = JsonType::Boolean;
      v.mBool = true;
    } else if (literal("false")) {
      v.mType = JsonType::Boolean;
    } else if (literal("null")) {
      v.mType = JsonType::Null;
    } else {
      return fail(pos, "value - invalid literal; unexpected " + shown(c));
    }

    // ---- then, until a value is expected again: complete values and close containers
    while (haveValue) {
      if (mFrames.empty()) {
        mRoot = v;
        skipSpace();
        // nlohmann's lexer takes a NUL byte between tokens for the end of the input
        // (for C strings), so the old loader ignored whatever followed one. Kept, and
        // flagged: the loader's depth pre-scan still looks past it.
        if (pos < n && s[pos] != '\0') {
          return unexpected("value", "end of input");
        }
        mStoppedAtNul = pos < n;
        // The node store is final: turn child indices into pointers.
        auto link = [&](JsonValue& node) {
          if (node.mType == JsonType::Array || node.mType == JsonType::Object) {
            node.mU.kids = node.mSize == 0 ? &kNoChildren : mNodes.data() + node.mU.first;
          }
        };
        for (JsonValue& node : mNodes) {
          link(node);
        }
        link(mRoot);
        return true;
      }
      const bool inObject = mFrames.back().object;
      if (inObject && v.mType != JsonType::Array && v.mType != JsonType::Object) {
        v.mKey = mPendingKey.data();
        v.mKeySize = static_cast<std::uint32_t>(mPendingKey.size());
      }
      mPending.push_back(v);
      skipSpace();
      if (pos < n && s[pos] == ',') {
        ++pos;
        haveValue = false;
      } else if (pos < n && s[pos] == (inObject ? '}' : ']')) {
        ++pos;
        v = close();
        continue;
      } else {
        return unexpected(inObject ? "object" : "array", inObject ? "'}'" : "']'");
      }
    }

    // ---- inside an object, a value comes after its key
    if (mFrames.back().object) {
      skipSpace();
      if (pos >= n || s[pos] != '"') {
        return unexpected("object key", "string literal");
      }
      const char* key = nullptr;
      std::uint32_t size = 0;
      if (!parseString(pos, key, size)) {
        return false;
      }
      mPendingKey = std::string_view(key, size);
      skipSpace();
      if (pos >= n || s[pos] != ':') {
        return unexpected("object separator", "':'");
      }
      ++pos;
    }
  }
}

} // namespace sq::detail
