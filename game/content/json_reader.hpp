// Typed reading of one JSON document with a diagnostic for every problem, each
// at its exact JSON pointer. Internal to content/: the parser is written in terms
// of these readers, so every field is type-checked, length-checked and, when it
// is a text, checked in every language of the pack.
// Depends on: core, content model, nlohmann_json.
#pragma once

#include "content/pack_loader.hpp"
#include "content/pack_model.hpp"
#include "core/diagnostics.hpp"

#include <nlohmann/json.hpp>

#include <functional>
#include <initializer_list>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace sq::detail {

using Json = nlohmann::json;

enum class Need { Required, Optional };

// An array with no format maximum: only the general limit applies.
inline constexpr std::size_t kUnbounded = static_cast<std::size_t>(-1);

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
};

std::string_view jsonTypeName(const Json& j);
bool isValidId(std::string_view id);

// Reads one JSON object's fields. Unknown fields are reported (as warnings) when
// the reader is destroyed, after every field the format knows has been asked for.
class ObjectReader {
public:
  // Reports schema.type when `value` is not an object; every getter then returns nothing.
  ObjectReader(DocContext& ctx, const Json& value, std::string pointer, std::string_view what);
  ~ObjectReader();
  ObjectReader(const ObjectReader&) = delete;
  ObjectReader& operator=(const ObjectReader&) = delete;

  bool isObject() const { return mObject != nullptr; }
  const std::string& pointer() const { return mPointer; }
  std::string at(std::string_view key) const;

  // The raw value, after a type check; nullptr when absent or mistyped.
  const Json* value(std::string_view key, Need need, Json::value_t type);
  bool has(std::string_view key) const;
  // Marks fields as known without reading them: used when a "kind" or "type" is
  // invalid, so its fields are not also reported as unknown.
  void ignore(std::initializer_list<std::string_view> keys);

  std::optional<std::string> string(std::string_view key, Need need);
  std::optional<std::string> id(std::string_view key, Need need);
  std::optional<bool> boolean(std::string_view key, Need need);
  std::optional<std::int64_t> integer(std::string_view key, Need need);
  std::optional<Text> text(std::string_view key, Need need);
  std::optional<Picture> picture(std::string_view key, Need need);
  std::optional<AssetRef> narration(std::string_view key);
  // A string from a fixed list; `allowed` is shown in the message.
  std::optional<std::string> oneOf(std::string_view key, Need need,
                                   const std::vector<std::string_view>& allowed);
  // An array with between minItems and maxItems entries (schema.range), within the
  // hard limit (json.too-many-items). Calls `each(element, pointer, index)`.
  bool array(std::string_view key, Need need, std::size_t minItems, std::size_t maxItems,
             const std::function<void(const Json&, const std::string&, std::size_t)>& each);

  DocContext& ctx() { return mCtx; }

private:
  void remember(std::string_view key);

  DocContext& mCtx;
  const Json* mObject = nullptr;
  std::string mPointer;
  std::string mWhat;
  std::vector<std::string_view> mKnown;
};

// Standalone readers for values that are not object fields (array elements).
std::optional<std::string> readString(DocContext& ctx, const Json& j, const std::string& pointer);
std::optional<Text> readText(DocContext& ctx, const Json& j, const std::string& pointer);

// Reports id.duplicate for the second use of an id among siblings.
class IdSet {
public:
  explicit IdSet(std::string_view what) : mWhat(what) {}
  void check(DocContext& ctx, const std::string& id, const std::string& pointer);
  bool contains(const std::string& id) const { return mIds.count(id) > 0; }

private:
  std::string mWhat;
  std::set<std::string> mIds;
};

} // namespace sq::detail
