// Typed reading of one JSON document with a diagnostic for every problem, each
// at its exact JSON pointer. Internal to content/: the parser is written in terms
// of these readers, so every field is type-checked, length-checked and, when it
// is a text, checked in every language of the pack.
// Pointers are chains of tokens on the stack (JsonPointer), spelt out only when
// a diagnostic needs one, and readers take callbacks as templates: a large
// scenario is read without building a string per field.
// Depends on: core, content model, content/json_document.
#pragma once

#include "content/json_document.hpp"
#include "content/pack_loader.hpp"
#include "content/pack_model.hpp"
#include "core/diagnostics.hpp"

#include <algorithm> // not needed here, but code that includes this has long had it through nlohmann
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace sq::detail {

enum class Need { Required, Optional };

// An array with no format maximum: only the general limit applies.
inline constexpr std::size_t kUnbounded = static_cast<std::size_t>(-1);

// An RFC 6901 JSON pointer as a chain: a token and the pointer it extends. The
// parent must outlive the child, which holds when children are made in the
// parent's scope, as the readers do. Keys are views into the document or literals.
class JsonPointer {
public:
  JsonPointer() = default; // "": the whole document
  JsonPointer(const JsonPointer& parent, std::string_view key)
      : mParent(&parent), mKey(key), mKind(Kind::Key) {}
  JsonPointer(const JsonPointer& parent, std::size_t index)
      : mParent(&parent), mIndex(index), mKind(Kind::Index) {}

  std::string str() const;

private:
  enum class Kind : std::uint8_t { Root, Key, Index };
  void appendTo(std::string& out) const;

  const JsonPointer* mParent = nullptr;
  std::string_view mKey;
  std::size_t mIndex = 0;
  Kind mKind = Kind::Root;
};

// A reference from a document to an asset file, checked once every document is read.
struct AssetUse {
  std::string file;
  std::string pointer;
  std::string path;
  bool picture = true; // false: narration audio
};

// What every reader of one file shares.
struct DocContext {
  Diagnostics& diags;
  std::string file;
  const PackLimits& limits;
  const std::vector<std::string>& languages; // the pack's; never empty
  std::vector<AssetUse>& assets;

  void report(Code code, const std::string& pointer, std::string message) {
    diags.add(code, file, pointer, std::move(message));
  }
  void report(Code code, const JsonPointer& pointer, std::string message) {
    diags.add(code, file, pointer.str(), std::move(message));
  }
};

std::string_view jsonTypeName(const Json& j);
bool isValidId(std::string_view id);

// The types value() can ask for. Integer accepts any whole number, as nlohmann's
// is_number_integer() did.
enum class Want : std::uint8_t { Object, Array, String, Boolean, Integer };

// Reads one JSON object's fields. Unknown fields are reported (as warnings) when
// the reader is destroyed, after every field the format knows has been asked for.
class ObjectReader {
public:
  // Reports schema.type when `value` is not an object; every getter then returns nothing.
  // The members are gathered (in key order) once, here.
  ObjectReader(DocContext& ctx, const Json& value, const JsonPointer& pointer,
               std::string_view what);
  ~ObjectReader();
  ObjectReader(const ObjectReader&) = delete;
  ObjectReader& operator=(const ObjectReader&) = delete;

  bool isObject() const { return mIsObject; }
  const JsonPointer& pointer() const { return mPointer; }
  // The pointer to one field: valid while this reader is.
  JsonPointer at(std::string_view key) const { return JsonPointer(mPointer, key); }

  // The raw value, after a type check; nullptr when absent or mistyped. Valid while
  // this reader is.
  const Json* value(std::string_view key, Need need, Want type);
  bool has(std::string_view key) const;
  // Marks fields as known without reading them: used when a "kind" or "type" is
  // invalid, so its fields are not also reported as unknown.
  void ignore(std::initializer_list<std::string_view> keys);

  // Views into the document, valid while it is.
  std::optional<std::string_view> string(std::string_view key, Need need);
  std::optional<std::string_view> id(std::string_view key, Need need);
  std::optional<bool> boolean(std::string_view key, Need need);
  std::optional<std::int64_t> integer(std::string_view key, Need need);
  std::optional<Text> text(std::string_view key, Need need);
  std::optional<Picture> picture(std::string_view key, Need need);
  std::optional<AssetRef> narration(std::string_view key);
  // A string from a fixed list; `allowed` is shown in the message.
  std::optional<std::string_view> oneOf(std::string_view key, Need need,
                                        const std::vector<std::string_view>& allowed);
  // An array with between minItems and maxItems entries (schema.range), within the
  // hard limit (json.too-many-items). Calls `each(element, pointer, index)` with a
  // JsonPointer valid for the call.
  template <typename Each>
  bool array(std::string_view key, Need need, std::size_t minItems, std::size_t maxItems,
             Each&& each) {
    const Json* j = value(key, need, Want::Array);
    if (j == nullptr || !checkArray(key, *j, minItems, maxItems)) {
      return false;
    }
    simdjson::dom::array elements;
    if (j->get_array().get(elements) != simdjson::SUCCESS) {
      return false;
    }
    const JsonPointer p = at(key);
    std::size_t index = 0;
    for (const Json element : elements) {
      each(element, JsonPointer(p, index), index);
      ++index;
    }
    return true;
  }

  DocContext& ctx() { return mCtx; }

private:
  // The member with this key, marked as known; nullptr when absent.
  const Json* member(std::string_view key);
  bool checkArray(std::string_view key, const Json& j, std::size_t minItems, std::size_t maxItems);

  DocContext& mCtx;
  JsonMembers mMembers;
  bool mIsObject = false;
  JsonPointer mPointer;
  std::string_view mWhat;
  // Which members the format knows, by position: a bit each for the first 64,
  // which is every object a pack has; a hostile object with more uses mMoreKnown.
  std::uint64_t mKnown = 0;
  std::vector<bool> mMoreKnown;
};

// Standalone readers for values that are not object fields (array elements).
std::optional<std::string_view> readString(DocContext& ctx, const Json& j,
                                           const JsonPointer& pointer);
std::optional<Text> readText(DocContext& ctx, const Json& j, const JsonPointer& pointer);

// Reports id.duplicate for the second use of an id among siblings.
class IdSet {
public:
  explicit IdSet(std::string_view what) : mWhat(what) {}
  void check(DocContext& ctx, std::string_view id, const JsonPointer& pointer);
  bool contains(std::string_view id) const { return mIds.count(std::string(id)) > 0; }

private:
  std::string mWhat;
  std::unordered_set<std::string> mIds;
};

} // namespace sq::detail
