#include "content/json_reader.hpp"

#include "content/pack_files.hpp"

#include <algorithm>

namespace sq::detail {

std::string_view jsonTypeName(const Json& j) {
  switch (j.type()) {
  case JsonType::NULL_VALUE:
    return "null";
  case JsonType::OBJECT:
    return "an object";
  case JsonType::ARRAY:
    return "a list";
  case JsonType::STRING:
    return "a string";
  case JsonType::BOOL:
    return "true/false";
  case JsonType::INT64:
  case JsonType::UINT64:
  case JsonType::DOUBLE:
    return "a number";
  }
  return "an unknown value";
}

void JsonPointer::appendTo(std::string& out) const {
  if (mKind == Kind::Root) {
    return;
  }
  mParent->appendTo(out);
  out += '/';
  if (mKind == Kind::Index) {
    out += std::to_string(mIndex);
  } else {
    out += pointerToken(mKey);
  }
}

std::string JsonPointer::str() const {
  // Pointers are only a few tokens deep (the depth limit bounds them), so the
  // recursion in appendTo is shallow.
  std::string out;
  appendTo(out);
  return out;
}

namespace {

std::string_view expectedName(Want type) {
  switch (type) {
  case Want::Object:
    return "an object";
  case Want::Array:
    return "a list";
  case Want::String:
    return "a string";
  case Want::Boolean:
    return "true or false";
  case Want::Integer:
    return "a whole number";
  }
  return "a value";
}

bool typeMatches(const Json& j, Want type) {
  switch (type) {
  case Want::Object:
    return j.type() == JsonType::OBJECT;
  case Want::Array:
    return j.type() == JsonType::ARRAY;
  case Want::String:
    return j.type() == JsonType::STRING;
  case Want::Boolean:
    return j.type() == JsonType::BOOL;
  case Want::Integer:
    return isInteger(j);
  }
  return false;
}

bool checkLength(DocContext& ctx, std::string_view s, const JsonPointer& pointer) {
  if (s.size() > ctx.limits.maxStringBytes) {
    ctx.report(Code::JsonStringTooLong, pointer,
               "this text is " + std::to_string(s.size()) + " bytes; the limit is " +
                   std::to_string(ctx.limits.maxStringBytes));
    return false;
  }
  return true;
}

bool isBlank(std::string_view s) {
  return std::all_of(s.begin(), s.end(),
                     [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; });
}

template <typename It> std::string joinLanguages(It first, It last) {
  std::string out;
  for (; first != last; ++first) {
    out += out.empty() ? "" : ", ";
    out += *first;
  }
  return out;
}

bool isLanguage(const std::vector<std::string>& langs, std::string_view key) {
  return std::find(langs.begin(), langs.end(), key) != langs.end();
}

std::string quoted(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 2);
  out += '"';
  out += s;
  out += '"';
  return out;
}

} // namespace

bool isValidId(std::string_view id) {
  if (id.empty() || id.size() > 64) {
    return false;
  }
  for (std::size_t i = 0; i < id.size(); ++i) {
    const char c = id[i];
    const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c == '-' && i > 0);
    if (!ok) {
      return false;
    }
  }
  return true;
}

ObjectReader::ObjectReader(DocContext& ctx, const Json& value, const JsonPointer& pointer,
                           std::string_view what)
    : mCtx(ctx), mPointer(pointer), mWhat(what) {
  if (value.type() == JsonType::OBJECT) {
    mIsObject = true;
    mMembers.assign(value);
    if (mMembers.size() > 64) {
      mMoreKnown.assign(mMembers.size() - 64, false);
    }
  } else {
    mCtx.report(Code::SchemaType, mPointer,
                std::string(what) + " must be an object, not " + std::string(jsonTypeName(value)));
  }
}

ObjectReader::~ObjectReader() {
  if (!mIsObject) {
    return;
  }
  // Members are in key order (as nlohmann's std::map kept them), so unknown
  // fields are reported in the same order as before.
  std::size_t i = 0;
  for (const JsonMember& m : mMembers) {
    const bool known = i < 64 ? ((mKnown >> i) & 1u) != 0 : mMoreKnown[i - 64];
    // "editor" holds the teachers' editor's own data (node positions, the text a
    // narration was made from); the game has no use for it, so it is not a misspelling.
    if (!known && m.key != "editor") {
      mCtx.report(Code::SchemaUnknownField, at(m.key),
                  quoted(m.key) + " is not a field of " + std::string(mWhat) + "; is it misspelt?");
    }
    ++i;
  }
}

const Json* ObjectReader::member(std::string_view key) {
  const JsonMember* m = mMembers.find(key);
  if (m == nullptr) {
    return nullptr;
  }
  const auto i = static_cast<std::size_t>(m - mMembers.begin());
  if (i < 64) {
    mKnown |= std::uint64_t{1} << i;
  } else {
    mMoreKnown[i - 64] = true;
  }
  return &m->value;
}

void ObjectReader::ignore(std::initializer_list<std::string_view> keys) {
  for (auto k : keys) {
    member(k);
  }
}

bool ObjectReader::has(std::string_view key) const {
  return mMembers.find(key) != nullptr;
}

const Json* ObjectReader::value(std::string_view key, Need need, Want type) {
  const Json* j = member(key);
  if (!mIsObject) {
    return nullptr;
  }
  if (j == nullptr) {
    if (need == Need::Required) {
      mCtx.report(Code::SchemaRequired, mPointer,
                  std::string(mWhat) + " needs a \"" + std::string(key) + "\" field");
    }
    return nullptr;
  }
  if (!typeMatches(*j, type)) {
    mCtx.report(Code::SchemaType, at(key),
                "\"" + std::string(key) + "\" must be " + std::string(expectedName(type)) +
                    ", not " + std::string(jsonTypeName(*j)));
    return nullptr;
  }
  return j;
}

std::optional<std::string_view> ObjectReader::string(std::string_view key, Need need) {
  const Json* j = value(key, need, Want::String);
  if (j == nullptr) {
    return std::nullopt;
  }
  const std::string_view s = stringOf(*j);
  if (!checkLength(mCtx, s, at(key))) {
    return std::nullopt;
  }
  return s;
}

std::optional<std::string_view> ObjectReader::id(std::string_view key, Need need) {
  auto s = string(key, need);
  if (!s) {
    return std::nullopt;
  }
  if (!isValidId(*s)) {
    mCtx.report(Code::IdInvalid, at(key),
                quoted(*s) +
                    " is not a valid id: use 1 to 64 of a-z, 0-9 and -, not starting with -");
    return std::nullopt;
  }
  return s;
}

std::optional<bool> ObjectReader::boolean(std::string_view key, Need need) {
  const Json* j = value(key, need, Want::Boolean);
  if (j == nullptr) {
    return std::nullopt;
  }
  return booleanOf(*j);
}

std::optional<std::int64_t> ObjectReader::integer(std::string_view key, Need need) {
  const Json* j = value(key, need, Want::Integer);
  if (j == nullptr) {
    return std::nullopt;
  }
  return integerOf(*j);
}

std::optional<std::string_view> readString(DocContext& ctx, const Json& j,
                                           const JsonPointer& pointer) {
  if (j.type() != JsonType::STRING) {
    ctx.report(Code::SchemaType, pointer,
               "this must be a string, not " + std::string(jsonTypeName(j)));
    return std::nullopt;
  }
  const std::string_view s = stringOf(j);
  if (!checkLength(ctx, s, pointer)) {
    return std::nullopt;
  }
  return s;
}

std::optional<Text> readText(DocContext& ctx, const Json& j, const JsonPointer& pointer) {
  Text text;
  const auto& langs = ctx.languages;
  if (j.type() == JsonType::STRING) {
    auto s = readString(ctx, j, pointer);
    if (!s) {
      return std::nullopt;
    }
    if (isBlank(*s)) {
      ctx.report(Code::TextEmpty, pointer, "this text is empty");
      return std::nullopt;
    }
    if (langs.size() > 1) {
      ctx.report(Code::TextMissingLanguage, pointer,
                 "this text is only in " + langs.front() + "; the pack also lists " +
                     joinLanguages(langs.begin() + 1, langs.end()) + ", so give it as {\"" +
                     langs.front() + "\": \"...\", \"" + langs[1] + "\": \"...\"}");
    }
    text.byLang.emplace_back(langs.front(), std::string(*s));
    return text;
  }
  if (j.type() != JsonType::OBJECT) {
    ctx.report(Code::SchemaType, pointer,
               "a text must be a string or an object keyed by language, not " +
                   std::string(jsonTypeName(j)));
    return std::nullopt;
  }
  bool ok = true;
  const JsonMembers members(j);
  for (const JsonMember& item : members) {
    const JsonPointer p(pointer, item.key);
    auto s = readString(ctx, item.value, p);
    if (!s) {
      ok = false;
      continue;
    }
    if (!isLanguage(langs, item.key)) {
      ctx.report(Code::TextUnknownLanguage, p,
                 quoted(item.key) + " is not one of the pack's languages (" +
                     joinLanguages(langs.begin(), langs.end()) + ")");
      continue;
    }
    if (isBlank(*s)) {
      ctx.report(Code::TextEmpty, p, "the " + std::string(item.key) + " text is empty");
      ok = false;
      continue;
    }
    text.byLang.emplace_back(std::string(item.key), std::string(*s));
  }
  for (const auto& lang : langs) {
    if (members.find(lang) == nullptr) {
      ctx.report(Code::TextMissingLanguage, pointer, "this text has no " + lang + " version");
      ok = false;
    }
  }
  // Keep the pack's language order, so Text::get falls back to the main language.
  if (text.byLang.size() > 1) {
    std::stable_sort(text.byLang.begin(), text.byLang.end(), [&](const auto& a, const auto& b) {
      return std::find(langs.begin(), langs.end(), a.first) <
             std::find(langs.begin(), langs.end(), b.first);
    });
  }
  if (!ok) {
    return std::nullopt;
  }
  return text;
}

std::optional<Text> ObjectReader::text(std::string_view key, Need need) {
  const Json* j = member(key);
  if (!mIsObject) {
    return std::nullopt;
  }
  if (j == nullptr) {
    if (need == Need::Required) {
      mCtx.report(Code::SchemaRequired, mPointer,
                  std::string(mWhat) + " needs a \"" + std::string(key) + "\" field");
    }
    return std::nullopt;
  }
  return readText(mCtx, *j, at(key));
}

namespace {

std::optional<std::string_view> readAssetPath(DocContext& ctx, const Json& j,
                                              const JsonPointer& pointer, bool picture) {
  auto path = readString(ctx, j, pointer);
  if (!path) {
    return std::nullopt;
  }
  const std::string copy(*path);
  if (auto problem = assetPathProblem(copy)) {
    ctx.report(Code::AssetBadPath, pointer, quoted(*path) + ": " + *problem);
    return std::nullopt;
  }
  ctx.assets.push_back({ctx.file, pointer.str(), copy, picture});
  return path;
}

} // namespace

std::optional<Picture> ObjectReader::picture(std::string_view key, Need need) {
  const Json* j = value(key, need, Want::Object);
  if (j == nullptr) {
    return std::nullopt;
  }
  ObjectReader r(mCtx, *j, at(key), "a picture");
  Picture pic;
  const Json* src = r.value("src", Need::Required, Want::String);
  auto path = src ? readAssetPath(mCtx, *src, r.at("src"), true) : std::nullopt;
  auto alt = r.text("alt", Need::Required);
  if (!path || !alt) {
    return std::nullopt;
  }
  pic.src = std::string(*path);
  pic.alt = std::move(*alt);
  return pic;
}

std::optional<AssetRef> ObjectReader::narration(std::string_view key) {
  const Json* j = member(key);
  if (j == nullptr) {
    return std::nullopt;
  }
  const JsonPointer p = at(key);
  AssetRef ref;
  if (j->type() == JsonType::STRING) {
    auto path = readAssetPath(mCtx, *j, p, false);
    if (!path) {
      return std::nullopt;
    }
    ref.byLang.emplace_back(mCtx.languages.front(), std::string(*path));
    return ref;
  }
  if (j->type() != JsonType::OBJECT) {
    mCtx.report(Code::SchemaType, p,
                "narration must be a file path or an object keyed by language, not " +
                    std::string(jsonTypeName(*j)));
    return std::nullopt;
  }
  for (const JsonMember& item : JsonMembers(*j)) {
    const JsonPointer ip(p, item.key);
    if (!isLanguage(mCtx.languages, item.key)) {
      mCtx.report(Code::TextUnknownLanguage, ip,
                  quoted(item.key) + " is not one of the pack's languages");
      continue;
    }
    if (auto path = readAssetPath(mCtx, item.value, ip, false)) {
      ref.byLang.emplace_back(std::string(item.key), std::string(*path));
    }
  }
  return ref;
}

std::optional<std::string_view> ObjectReader::oneOf(std::string_view key, Need need,
                                                    const std::vector<std::string_view>& allowed) {
  auto s = string(key, need);
  if (!s) {
    return std::nullopt;
  }
  if (std::find(allowed.begin(), allowed.end(), *s) == allowed.end()) {
    std::string list;
    for (auto a : allowed) {
      list += list.empty() ? "" : ", ";
      list += a;
    }
    mCtx.report(Code::SchemaEnum, at(key),
                quoted(*s) + " is not allowed here; use one of: " + list);
    return std::nullopt;
  }
  return s;
}

bool ObjectReader::checkArray(std::string_view key, const Json& j, std::size_t minItems,
                              std::size_t maxItems) {
  // A list is bounded by the general limit, or by its own format maximum when that is larger.
  std::size_t limit = mCtx.limits.maxArrayItems;
  if (maxItems != kUnbounded && maxItems > limit) {
    limit = maxItems;
  }
  const std::size_t size = arraySize(j);
  if (size > limit) {
    mCtx.report(Code::JsonTooManyItems, at(key),
                "this list has " + std::to_string(size) + " entries; the limit is " +
                    std::to_string(limit));
    return false;
  }
  if (size < minItems || (maxItems != kUnbounded && size > maxItems)) {
    const std::string range = maxItems == kUnbounded ? "at least " + std::to_string(minItems)
                              : minItems == maxItems
                                  ? std::to_string(minItems)
                                  : std::to_string(minItems) + " to " + std::to_string(maxItems);
    mCtx.report(Code::SchemaRange, at(key),
                "\"" + std::string(key) + "\" has " + std::to_string(size) +
                    (size == 1 ? " entry" : " entries") + "; it needs " + range);
    if (maxItems != kUnbounded && size > maxItems) {
      return false;
    }
  }
  return true;
}

void IdSet::check(DocContext& ctx, std::string_view id, const JsonPointer& pointer) {
  if (!mIds.emplace(id).second) {
    ctx.report(Code::IdDuplicate, pointer,
               "another " + mWhat + " already has the id " + quoted(id));
  }
}

} // namespace sq::detail
