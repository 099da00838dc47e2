// A small, strict, read-only JSON document for the pack loader. nlohmann's DOM cost
// half of a pack load (a std::map per object, a std::string per string, and as
// long again to free it all); this one parses in one pass into two flat vectors,
// keeps unescaped strings as views into the input, and frees in one go.
//
// It accepts exactly what nlohmann::json::parse accepts (strict RFC 8259 plus a
// leading UTF-8 BOM, and, like nlohmann, anything after a NUL byte that follows
// the value) and builds the same values: an object's members are sorted
// by key (bytewise, as std::map<std::string> orders them) and a repeated key
// keeps its last value. So code ported from nlohmann sees the same fields in the
// same order. Parsing never recurses, never throws, and uses memory linear in the
// input; the loader still bounds depth first with findExcessNesting.
// Internal to content/. Depends on: core/utf8.
#pragma once

#include <cstddef>
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

namespace sq::detail {

enum class JsonType : std::uint8_t {
  Null,
  Boolean,
  Integer,  // negative, fits std::int64_t (nlohmann's number_integer)
  Unsigned, // non-negative, fits std::uint64_t (nlohmann's number_unsigned)
  Float,    // anything else, finite
  String,
  Array,
  Object,
};

// One value. Containers' children are contiguous; an object's children carry
// their keys. Views stay valid while the JsonDocument is alive and unchanged.
class JsonValue {
public:
  JsonType type() const { return mType; }
  bool isNull() const { return mType == JsonType::Null; }
  bool isBoolean() const { return mType == JsonType::Boolean; }
  bool isString() const { return mType == JsonType::String; }
  bool isArray() const { return mType == JsonType::Array; }
  bool isObject() const { return mType == JsonType::Object; }
  // nlohmann's is_number_integer: a whole number written without fraction or exponent.
  bool isInteger() const { return mType == JsonType::Integer || mType == JsonType::Unsigned; }
  bool isNumber() const { return isInteger() || mType == JsonType::Float; }

  bool boolean() const { return mBool; }
  // As nlohmann's get<std::int64_t>(): an unsigned value above INT64_MAX wraps.
  std::int64_t integer() const {
    return mType == JsonType::Unsigned ? static_cast<std::int64_t>(mU.u) : mU.i;
  }
  std::uint64_t unsignedValue() const { return mU.u; }
  double number() const { return mU.d; }
  std::string_view string() const { return {mU.s, mSize}; }

  // Element or member count of a container.
  std::size_t size() const { return isArray() || isObject() ? mSize : 0; }
  const JsonValue* begin() const { return isArray() || isObject() ? mU.kids : nullptr; }
  const JsonValue* end() const { return begin() + size(); }
  // An object member's key (empty for anything else).
  std::string_view key() const { return {mKey, mKeySize}; }
  // The member with this key, or nullptr (also when this is not an object).
  const JsonValue* find(std::string_view key) const;
  bool contains(std::string_view key) const { return find(key) != nullptr; }

private:
  friend class JsonDocument;
  const char* mKey = nullptr;
  union {
    std::int64_t i;
    std::uint64_t u;
    double d;
    const char* s;
    const JsonValue* kids;
    std::size_t first; // while parsing: index of the first child in the node store
  } mU{};
  std::uint32_t mSize = 0;
  std::uint32_t mKeySize = 0;
  JsonType mType = JsonType::Null;
  bool mBool = false;
};

class JsonDocument {
public:
  JsonDocument() = default;
  // Views point into this object's own buffers: it must not move once parsed.
  JsonDocument(const JsonDocument&) = delete;
  JsonDocument& operator=(const JsonDocument&) = delete;

  // Replaces the document with `text` parsed. On failure returns false and
  // error() says why, starting "line N, column M: " as nlohmann's messages did.
  // Containers nested more than maxDepth deep stop the parse (tooDeep()), which
  // bounds the work and memory a hostile file can cost.
  // Reuses its buffers, so a loader parsing many files allocates little.
  bool parse(std::string text, int maxDepth = std::numeric_limits<int>::max());
  const JsonValue& root() const { return mRoot; }
  const std::string& error() const { return mError; }
  bool tooDeep() const { return mTooDeep; }
  // Whether a parse that succeeded stopped at a NUL byte after the value, as
  // nlohmann does, leaving the rest of the text unread.
  bool stoppedAtNul() const { return mStoppedAtNul; }
  // The text last given to parse().
  std::string_view text() const { return mText; }

private:
  struct Frame {
    std::size_t mark;     // where this container's children start in mPending
    std::string_view key; // the container's own key, when it is an object member
    bool object;
  };

  bool fail(std::size_t offset, std::string_view what);
  bool parseString(std::size_t& pos, const char*& out, std::uint32_t& size);
  bool parseNumber(std::size_t& pos, JsonValue& v);
  JsonValue close();

  std::string mText;
  std::string mArena;              // decoded escaped strings; never reallocated while parsing
  std::vector<JsonValue> mNodes;   // every container's children, contiguous per container
  std::vector<JsonValue> mPending; // children of the containers still open
  std::vector<Frame> mFrames;      // the containers still open, outermost first
  std::string_view mPendingKey;    // the key read for the next member
  JsonValue mRoot;
  std::string mError;
  bool mTooDeep = false;
  bool mStoppedAtNul = false;
};

} // namespace sq::detail
