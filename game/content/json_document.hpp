// The pack loader's JSON parsing: simdjson's DOM, read through its error-code API
// only (nothing here throws; the web build aborts on a throw).
//
// It accepts what nlohmann::json::parse accepts (strict RFC 8259, a leading UTF-8
// BOM, and anything after a NUL byte that follows the value, which nlohmann takes
// for the end of the input) with one exception: a whole number that does not fit
// in 64 bits, which nlohmann read as a fraction, is refused (see content/README.md).
// JsonMembers gives an object's members as nlohmann's std::map-backed objects did:
// sorted by key (bytewise), a repeated key keeping its last value, so diagnostics
// come in the same order as always.
// simdjson reports a syntax error without a place; only when a parse fails is the
// text read again, by nlohmann's SAX parser with no DOM, to say "line N, column M".
// Internal to content/. Depends on: simdjson, nlohmann_json (failure path only).
#pragma once

#include <simdjson.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace sq::detail {

// One value; a handle into its JsonDocument, valid until the next parse.
using Json = simdjson::dom::element;
using JsonType = simdjson::dom::element_type;

// nlohmann's is_number_integer: a whole number written without fraction or exponent.
inline bool isInteger(const Json& j) {
  return j.type() == JsonType::INT64 || j.type() == JsonType::UINT64;
}
// The value of a checked string, boolean or whole number ({} / false / 0 for anything else).
std::string_view stringOf(const Json& j);
bool booleanOf(const Json& j);
// As nlohmann's get<std::int64_t>(): an unsigned value above INT64_MAX wraps.
std::int64_t integerOf(const Json& j);
// An array's element count (0 for anything else).
std::size_t arraySize(const Json& j);

struct JsonMember {
  std::string_view key;
  Json value;
};

// An object's members in key order, a repeated key keeping its last value (empty
// for anything but an object). Views and handles are valid while the document is.
class JsonMembers {
public:
  JsonMembers() = default;
  explicit JsonMembers(const Json& object) { assign(object); }
  void assign(const Json& object);

  std::size_t size() const { return mSize; }
  const JsonMember* begin() const { return data(); }
  const JsonMember* end() const { return data() + mSize; }
  // The member with this key, or nullptr.
  const JsonMember* find(std::string_view key) const;

private:
  // Objects in a pack have a handful of fields: those stay on the stack.
  static constexpr std::size_t kInline = 16;
  const JsonMember* data() const { return mMore.empty() ? mInline.data() : mMore.data(); }

  std::array<JsonMember, kInline> mInline{};
  std::vector<JsonMember> mMore;
  std::size_t mSize = 0;
};

class JsonDocument {
public:
  JsonDocument() = default;
  JsonDocument(const JsonDocument&) = delete;
  JsonDocument& operator=(const JsonDocument&) = delete;

  // Replaces the document with `text` parsed. simdjson reads in blocks past the
  // end of the text: when `text` has at least SIMDJSON_PADDING bytes of spare
  // capacity (PackSource::read leaves kReadPadding) it is parsed in place, else
  // copied once. Containers nested more than maxDepth deep stop the parse
  // (tooDeep()). On failure returns false and error() says why, starting
  // "line N, column M: ". Reuses its buffers from parse to parse.
  bool parse(std::string text, int maxDepth);
  const Json& root() const { return mRoot; }
  const std::string& error() const { return mError; }
  bool tooDeep() const { return mTooDeep; }
  // Whether a parse that succeeded stopped at a NUL byte after the value, as
  // nlohmann does, leaving the rest of the text unread.
  bool stoppedAtNul() const { return mStoppedAtNul; }
  // The text last given to parse().
  std::string_view text() const { return mText; }

private:
  bool setDepth(std::size_t depth);

  simdjson::dom::parser mParser;
  std::size_t mDepth = 0; // the parser's max_depth, once allocated
  std::string mText;
  Json mRoot;
  std::string mError;
  bool mTooDeep = false;
  bool mStoppedAtNul = false;
};

// The message for text that simdjson refused: nlohmann's, as "line N, column M: ...".
std::string describeJsonError(std::string_view text, simdjson::error_code error);

} // namespace sq::detail
