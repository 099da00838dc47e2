#include "content/json_document.hpp"

#include "content/json_limits.hpp"
#include "content/pack_files.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <charconv>
#include <cstring>

namespace sq::detail {

static_assert(kReadPadding >= simdjson::SIMDJSON_PADDING,
              "PackSource::read must leave simdjson's padding");

std::string_view stringOf(const Json& j) {
  std::string_view s;
  return j.get_string().get(s) == simdjson::SUCCESS ? s : std::string_view();
}

bool booleanOf(const Json& j) {
  bool b = false;
  return j.get_bool().get(b) == simdjson::SUCCESS && b;
}

std::int64_t integerOf(const Json& j) {
  if (j.type() == JsonType::UINT64) {
    std::uint64_t u = 0;
    return j.get_uint64().get(u) == simdjson::SUCCESS ? static_cast<std::int64_t>(u) : 0;
  }
  std::int64_t i = 0;
  return j.get_int64().get(i) == simdjson::SUCCESS ? i : 0;
}

std::size_t arraySize(const Json& j) {
  simdjson::dom::array a;
  if (j.get_array().get(a) != simdjson::SUCCESS) {
    return 0;
  }
  // simdjson's count saturates at 2^24 - 1 (a 1 MiB file cannot get there); count
  // past that rather than trust it.
  constexpr std::size_t kSaturated = 0xFFFFFF;
  if (a.size() < kSaturated) {
    return a.size();
  }
  std::size_t n = 0;
  for (auto it = a.begin(); it != a.end(); ++it) {
    ++n;
  }
  return n;
}

void JsonMembers::assign(const Json& object) {
  mSize = 0;
  mMore.clear();
  simdjson::dom::object o;
  if (object.get_object().get(o) != simdjson::SUCCESS) {
    return;
  }
  for (const auto& field : o) {
    if (mSize == kInline) {
      mMore.assign(mInline.begin(), mInline.end());
    }
    if (mSize < kInline) {
      mInline[mSize] = {field.key, field.value};
    } else {
      mMore.push_back({field.key, field.value});
    }
    ++mSize;
  }
  JsonMember* first = mMore.empty() ? mInline.data() : mMore.data();
  auto less = [](const JsonMember& a, const JsonMember& b) { return a.key < b.key; };
  if (mSize <= kInline) {
    // Insertion sort (stable) is quickest for a handful of fields.
    for (std::size_t i = 1; i < mSize; ++i) {
      const JsonMember m = first[i];
      std::size_t j = i;
      while (j > 0 && less(m, first[j - 1])) {
        first[j] = first[j - 1];
        --j;
      }
      first[j] = m;
    }
  } else {
    std::stable_sort(first, first + mSize, less);
  }
  // A repeated key keeps its last value, as inserting into a std::map one by one did.
  std::size_t kept = 0;
  for (std::size_t i = 0; i < mSize; ++i) {
    if (kept > 0 && first[kept - 1].key == first[i].key) {
      first[kept - 1] = first[i];
    } else {
      first[kept++] = first[i];
    }
  }
  mSize = kept;
  if (!mMore.empty()) {
    mMore.resize(mSize);
  }
}

const JsonMember* JsonMembers::find(std::string_view key) const {
  const JsonMember* it = std::lower_bound(
      begin(), end(), key, [](const JsonMember& m, std::string_view k) { return m.key < k; });
  return it != end() && it->key == key ? it : nullptr;
}

namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

bool isNumberChar(char c) {
  return (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.' || c == 'e' || c == 'E';
}

// Reads the whole text and keeps nlohmann's first error message.
class ErrorLocator : public nlohmann::json_sax<nlohmann::json> {
public:
  bool null() override { return true; }
  bool boolean(bool) override { return true; }
  bool number_integer(number_integer_t) override { return true; }
  bool number_unsigned(number_unsigned_t) override { return true; }
  bool number_float(number_float_t, const string_t&) override { return true; }
  bool string(string_t&) override { return true; }
  bool binary(binary_t&) override { return true; }
  bool start_object(std::size_t) override { return true; }
  bool key(string_t&) override { return true; }
  bool end_object() override { return true; }
  bool start_array(std::size_t) override { return true; }
  bool end_array() override { return true; }
  bool parse_error(std::size_t position, const std::string&,
                   const nlohmann::detail::exception& ex) override {
    if (message.empty()) {
      message = ex.what();
      offset = position;
    }
    return false;
  }
  std::string message;
  std::size_t offset = 0; // bytes read when it stopped
};

// "[json.exception.parse_error.101] parse error at line 4, column 3: syntax error while
// parsing object - unexpected '}'; expected string literal" -> "object - unexpected '}'; ..."
std::string withoutPlace(std::string message) {
  const std::string marker = "parse error at ";
  const std::size_t at = message.find(marker);
  const std::size_t colon = at == std::string::npos ? at : message.find(": ", at);
  if (colon != std::string::npos) {
    message.erase(0, colon + 2);
  }
  const std::string noise = "syntax error while parsing ";
  const std::size_t n = message.find(noise);
  if (n != std::string::npos) {
    message.erase(n, noise.size());
  }
  return message;
}

std::string lineAndColumn(std::string_view text, std::size_t offset) {
  std::size_t line = 1;
  std::size_t lineStart = 0;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      lineStart = i + 1;
    }
  }
  return "line " + std::to_string(line) + ", column " + std::to_string(offset - lineStart + 1);
}

// In text nlohmann accepted: the first whole number outside 64 bits, which simdjson
// refuses; npos when there is none.
std::size_t findHugeInteger(std::string_view text, std::size_t& length) {
  const std::size_t end = std::min(text.find('\0'), text.size());
  for (std::size_t i = 0; i < end; ++i) {
    const char c = text[i];
    if (c == '"') {
      for (++i; i < end && text[i] != '"'; ++i) {
        i += text[i] == '\\' ? 1 : 0;
      }
      continue;
    }
    if (c != '-' && (c < '0' || c > '9')) {
      continue;
    }
    std::size_t j = i;
    bool whole = true;
    while (j < end && isNumberChar(text[j])) {
      whole = whole && text[j] != '.' && text[j] != 'e' && text[j] != 'E';
      ++j;
    }
    if (whole) {
      const char* first = text.data() + i;
      const char* last = text.data() + j;
      std::errc ec{};
      if (c == '-') {
        std::int64_t v = 0;
        ec = std::from_chars(first, last, v).ec;
      } else {
        std::uint64_t v = 0;
        ec = std::from_chars(first, last, v).ec;
      }
      if (ec == std::errc::result_out_of_range) {
        length = j - i;
        return i;
      }
    }
    i = j - 1;
  }
  return std::string_view::npos;
}

} // namespace

std::string describeJsonError(std::string_view text, simdjson::error_code error) {
  ErrorLocator locator;
  // nlohmann's SAX parser keeps its own stack (no recursion) and builds nothing.
  nlohmann::json::sax_parse(text.begin(), text.end(), &locator,
                            nlohmann::json::input_format_t::json, true);
  if (!locator.message.empty()) {
    // The place is worked out from the bytes read, not taken from nlohmann's message:
    // at a raw line break inside a string it says "line N+1, column 0".
    std::size_t at = locator.offset > 0 ? locator.offset - 1 : 0; // the byte it stopped at
    if (locator.message.find("parse error at ") == std::string::npos) {
      // "[json.exception.out_of_range.406] number overflow parsing '1e999'": the
      // number just read, so say where that starts.
      at = std::min(locator.offset, text.size());
      while (at > 0 && isNumberChar(text[at - 1])) {
        --at;
      }
      const std::size_t close = locator.message.find("] ");
      locator.message.erase(0, close == std::string::npos ? 0 : close + 2);
      return lineAndColumn(text, at) + ": " + locator.message;
    }
    return lineAndColumn(text, at) + ": " + withoutPlace(std::move(locator.message));
  }
  std::size_t length = 0;
  const std::size_t at = findHugeInteger(text, length);
  if (at != std::string_view::npos) {
    constexpr std::size_t kShown = 24;
    std::string shown(text.substr(at, std::min(length, kShown)));
    shown += length > kShown ? "..." : "";
    return lineAndColumn(text, at) + ": number " + shown +
           " is too large; a whole number must be between -9223372036854775808 and "
           "18446744073709551615";
  }
  return lineAndColumn(text, 0) + ": " + simdjson::error_message(error);
}

bool JsonDocument::setDepth(std::size_t depth) {
  if (depth == mDepth) {
    return true;
  }
  if (mParser.allocate(std::max<std::size_t>(mParser.capacity(), 64), depth) != simdjson::SUCCESS) {
    mDepth = 0;
    return false;
  }
  mDepth = depth;
  return true;
}

bool JsonDocument::parse(std::string text, int maxDepth) {
  mText = std::move(text);
  mRoot = Json();
  mError.clear();
  mTooDeep = false;
  mStoppedAtNul = false;
  // nlohmann takes a NUL byte between tokens for the end of the input; inside a
  // token it is an error either way, so parsing up to the first NUL decides alike.
  std::size_t end = mText.size();
  if (const void* nul = std::memchr(mText.data(), '\0', mText.size())) {
    end = static_cast<std::size_t>(static_cast<const char*>(nul) - mText.data());
  }
  const std::string_view parsed = std::string_view(mText).substr(0, end);
  const std::size_t begin = parsed.substr(0, kBom.size()) == kBom ? kBom.size() : 0;
  // Bytes after `end` up to the capacity are the padding simdjson may read.
  const bool copy = mText.capacity() - end < simdjson::SIMDJSON_PADDING;
  auto run = [&](std::size_t depth) {
    if (!setDepth(depth)) {
      return simdjson::MEMALLOC;
    }
    return mParser.parse(mText.data() + begin, end - begin, copy).get(mRoot);
  };
  // simdjson counts the depth of values, so "[[1]]" is 3 deep to it and 2 to the
  // pre-scan (containers). Parsing with the limit itself never lets excess through;
  // only when that stops on depth does the pre-scan judge, and a document that is
  // not too deep after all (its innermost containers hold values) is parsed with one
  // level more. Pack files nest far less than the limit, so that is rare.
  const auto depth = static_cast<std::size_t>(std::max(1, maxDepth));
  simdjson::error_code error = run(depth);
  if (error == simdjson::DEPTH_ERROR) {
    if (findExcessNesting(parsed, maxDepth)) {
      mTooDeep = true;
    } else {
      error = run(depth + 1);
    }
  }
  if (error == simdjson::SUCCESS) {
    mStoppedAtNul = end < mText.size();
    return true;
  }
  mRoot = Json();
  mError = error == simdjson::MEMALLOC
               ? "line 1, column 1: there is not enough memory to read this file"
               : describeJsonError(mText, error);
  return false;
}

} // namespace sq::detail
