#include "content/json_reader.hpp"

#include "content/pack_files.hpp"

#include <algorithm>

namespace sq::detail {

std::string_view jsonTypeName(const Json& j) {
  switch (j.type()) {
  case Json::value_t::null:
    return "null";
  case Json::value_t::object:
    return "an object";
  case Json::value_t::array:
    return "a list";
  case Json::value_t::string:
    return "a string";
  case Json::value_t::boolean:
    return "true/false";
  case Json::value_t::number_integer:
  case Json::value_t::number_unsigned:
  case Json::value_t::number_float:
    return "a number";
  default:
    return "an unknown value";
  }
}

namespace {

std::string_view expectedName(Json::value_t type) {
  switch (type) {
  case Json::value_t::object:
    return "an object";
  case Json::value_t::array:
    return "a list";
  case Json::value_t::string:
    return "a string";
  case Json::value_t::boolean:
    return "true or false";
  case Json::value_t::number_integer:
    return "a whole number";
  default:
    return "a value";
  }
}

bool typeMatches(const Json& j, Json::value_t type) {
  if (type == Json::value_t::number_integer) {
    return j.is_number_integer();
  }
  return j.type() == type;
}

bool checkLength(DocContext& ctx, const std::string& s, const std::string& pointer) {
  if (s.size() > ctx.limits.maxStringBytes) {
    ctx.report(Code::JsonStringTooLong, pointer,
               "this text is " + std::to_string(s.size()) + " bytes; the limit is " +
                   std::to_string(ctx.limits.maxStringBytes));
    return false;
  }
  return true;
}

bool isBlank(const std::string& s) {
  return std::all_of(s.begin(), s.end(),
                     [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; });
}

std::string joinLanguages(const std::vector<std::string>& langs) {
  std::string out;
  for (const auto& l : langs) {
    out += out.empty() ? "" : ", ";
    out += l;
  }
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

ObjectReader::ObjectReader(DocContext& ctx, const Json& value, std::string pointer,
                           std::string_view what)
    : mCtx(ctx), mPointer(std::move(pointer)), mWhat(what) {
  if (value.is_object()) {
    mObject = &value;
  } else {
    mCtx.report(Code::SchemaType, mPointer,
                std::string(what) + " must be an object, not " + std::string(jsonTypeName(value)));
  }
}

ObjectReader::~ObjectReader() {
  if (mObject == nullptr) {
    return;
  }
  for (const auto& item : mObject->items()) {
    const std::string& key = item.key();
    if (std::find(mKnown.begin(), mKnown.end(), key) == mKnown.end()) {
      mCtx.report(Code::SchemaUnknownField, at(key),
                  "\"" + key + "\" is not a field of " + mWhat + "; is it misspelt?");
    }
  }
}

std::string ObjectReader::at(std::string_view key) const {
  return mPointer + "/" + pointerToken(key);
}

void ObjectReader::remember(std::string_view key) {
  if (std::find(mKnown.begin(), mKnown.end(), key) == mKnown.end()) {
    mKnown.push_back(key);
  }
}

void ObjectReader::ignore(std::initializer_list<std::string_view> keys) {
  for (auto k : keys) {
    remember(k);
  }
}

bool ObjectReader::has(std::string_view key) const {
  return mObject != nullptr && mObject->contains(key);
}

const Json* ObjectReader::value(std::string_view key, Need need, Json::value_t type) {
  remember(key);
  if (mObject == nullptr) {
    return nullptr;
  }
  auto it = mObject->find(key);
  if (it == mObject->end()) {
    if (need == Need::Required) {
      mCtx.report(Code::SchemaRequired, mPointer,
                  mWhat + " needs a \"" + std::string(key) + "\" field");
    }
    return nullptr;
  }
  if (!typeMatches(*it, type)) {
    mCtx.report(Code::SchemaType, at(key),
                "\"" + std::string(key) + "\" must be " + std::string(expectedName(type)) +
                    ", not " + std::string(jsonTypeName(*it)));
    return nullptr;
  }
  return &*it;
}

std::optional<std::string> ObjectReader::string(std::string_view key, Need need) {
  const Json* j = value(key, need, Json::value_t::string);
  if (j == nullptr) {
    return std::nullopt;
  }
  std::string s = j->get<std::string>();
  if (!checkLength(mCtx, s, at(key))) {
    return std::nullopt;
  }
  return s;
}

std::optional<std::string> ObjectReader::id(std::string_view key, Need need) {
  auto s = string(key, need);
  if (!s) {
    return std::nullopt;
  }
  if (!isValidId(*s)) {
    mCtx.report(Code::IdInvalid, at(key),
                "\"" + *s +
                    "\" is not a valid id: use 1 to 64 of a-z, 0-9 and -, not starting with -");
    return std::nullopt;
  }
  return s;
}

std::optional<bool> ObjectReader::boolean(std::string_view key, Need need) {
  const Json* j = value(key, need, Json::value_t::boolean);
  if (j == nullptr) {
    return std::nullopt;
  }
  return j->get<bool>();
}

std::optional<std::int64_t> ObjectReader::integer(std::string_view key, Need need) {
  const Json* j = value(key, need, Json::value_t::number_integer);
  if (j == nullptr) {
    return std::nullopt;
  }
  return j->get<std::int64_t>();
}

std::optional<std::string> readString(DocContext& ctx, const Json& j, const std::string& pointer) {
  if (!j.is_string()) {
    ctx.report(Code::SchemaType, pointer,
               "this must be a string, not " + std::string(jsonTypeName(j)));
    return std::nullopt;
  }
  std::string s = j.get<std::string>();
  if (!checkLength(ctx, s, pointer)) {
    return std::nullopt;
  }
  return s;
}

std::optional<Text> readText(DocContext& ctx, const Json& j, const std::string& pointer) {
  Text text;
  const auto& langs = ctx.languages;
  if (j.is_string()) {
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
                     joinLanguages(std::vector<std::string>(langs.begin() + 1, langs.end())) +
                     ", so give it as {\"" + langs.front() + "\": \"...\", \"" + langs[1] +
                     "\": \"...\"}");
    }
    text.byLang.emplace_back(langs.front(), std::move(*s));
    return text;
  }
  if (!j.is_object()) {
    ctx.report(Code::SchemaType, pointer,
               "a text must be a string or an object keyed by language, not " +
                   std::string(jsonTypeName(j)));
    return std::nullopt;
  }
  bool ok = true;
  for (const auto& item : j.items()) {
    const std::string p = pointer + "/" + pointerToken(item.key());
    auto s = readString(ctx, item.value(), p);
    if (!s) {
      ok = false;
      continue;
    }
    if (std::find(langs.begin(), langs.end(), item.key()) == langs.end()) {
      ctx.report(Code::TextUnknownLanguage, p,
                 "\"" + item.key() + "\" is not one of the pack's languages (" +
                     joinLanguages(langs) + ")");
      continue;
    }
    if (isBlank(*s)) {
      ctx.report(Code::TextEmpty, p, "the " + item.key() + " text is empty");
      ok = false;
      continue;
    }
    text.byLang.emplace_back(item.key(), std::move(*s));
  }
  for (const auto& lang : langs) {
    if (!j.contains(lang)) {
      ctx.report(Code::TextMissingLanguage, pointer, "this text has no " + lang + " version");
      ok = false;
    }
  }
  // Keep the pack's language order, so Text::get falls back to the main language.
  std::stable_sort(text.byLang.begin(), text.byLang.end(), [&](const auto& a, const auto& b) {
    return std::find(langs.begin(), langs.end(), a.first) <
           std::find(langs.begin(), langs.end(), b.first);
  });
  if (!ok) {
    return std::nullopt;
  }
  return text;
}

std::optional<Text> ObjectReader::text(std::string_view key, Need need) {
  remember(key);
  if (mObject == nullptr) {
    return std::nullopt;
  }
  auto it = mObject->find(key);
  if (it == mObject->end()) {
    if (need == Need::Required) {
      mCtx.report(Code::SchemaRequired, mPointer,
                  mWhat + " needs a \"" + std::string(key) + "\" field");
    }
    return std::nullopt;
  }
  return readText(mCtx, *it, at(key));
}

namespace {

std::optional<std::string> readAssetPath(DocContext& ctx, const Json& j, const std::string& pointer,
                                         bool picture) {
  auto path = readString(ctx, j, pointer);
  if (!path) {
    return std::nullopt;
  }
  if (auto problem = assetPathProblem(*path)) {
    ctx.report(Code::AssetBadPath, pointer, "\"" + *path + "\": " + *problem);
    return std::nullopt;
  }
  ctx.assets.push_back({ctx.file, pointer, *path, picture});
  return path;
}

} // namespace

std::optional<Picture> ObjectReader::picture(std::string_view key, Need need) {
  const Json* j = value(key, need, Json::value_t::object);
  if (j == nullptr) {
    return std::nullopt;
  }
  ObjectReader r(mCtx, *j, at(key), "a picture");
  Picture pic;
  const Json* src = r.value("src", Need::Required, Json::value_t::string);
  auto path = src ? readAssetPath(mCtx, *src, r.at("src"), true) : std::nullopt;
  auto alt = r.text("alt", Need::Required);
  if (!path || !alt) {
    return std::nullopt;
  }
  pic.src = std::move(*path);
  pic.alt = std::move(*alt);
  return pic;
}

std::optional<AssetRef> ObjectReader::narration(std::string_view key) {
  remember(key);
  if (mObject == nullptr) {
    return std::nullopt;
  }
  auto it = mObject->find(key);
  if (it == mObject->end()) {
    return std::nullopt;
  }
  const std::string p = at(key);
  AssetRef ref;
  if (it->is_string()) {
    auto path = readAssetPath(mCtx, *it, p, false);
    if (!path) {
      return std::nullopt;
    }
    ref.byLang.emplace_back(mCtx.languages.front(), std::move(*path));
    return ref;
  }
  if (!it->is_object()) {
    mCtx.report(Code::SchemaType, p,
                "narration must be a file path or an object keyed by language, not " +
                    std::string(jsonTypeName(*it)));
    return std::nullopt;
  }
  for (const auto& item : it->items()) {
    const std::string ip = p + "/" + pointerToken(item.key());
    const auto& langs = mCtx.languages;
    if (std::find(langs.begin(), langs.end(), item.key()) == langs.end()) {
      mCtx.report(Code::TextUnknownLanguage, ip,
                  "\"" + item.key() + "\" is not one of the pack's languages");
      continue;
    }
    if (auto path = readAssetPath(mCtx, item.value(), ip, false)) {
      ref.byLang.emplace_back(item.key(), std::move(*path));
    }
  }
  return ref;
}

std::optional<std::string> ObjectReader::oneOf(std::string_view key, Need need,
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
                "\"" + *s + "\" is not allowed here; use one of: " + list);
    return std::nullopt;
  }
  return s;
}

bool ObjectReader::array(
    std::string_view key, Need need, std::size_t minItems, std::size_t maxItems,
    const std::function<void(const Json&, const std::string&, std::size_t)>& each) {
  const Json* j = value(key, need, Json::value_t::array);
  if (j == nullptr) {
    return false;
  }
  const std::string p = at(key);
  // A list is bounded by the general limit, or by its own format maximum when that is larger.
  std::size_t limit = mCtx.limits.maxArrayItems;
  if (maxItems != kUnbounded && maxItems > limit) {
    limit = maxItems;
  }
  if (j->size() > limit) {
    mCtx.report(Code::JsonTooManyItems, p,
                "this list has " + std::to_string(j->size()) + " entries; the limit is " +
                    std::to_string(limit));
    return false;
  }
  if (j->size() < minItems || (maxItems != kUnbounded && j->size() > maxItems)) {
    const std::string range = maxItems == kUnbounded ? "at least " + std::to_string(minItems)
                              : minItems == maxItems
                                  ? std::to_string(minItems)
                                  : std::to_string(minItems) + " to " + std::to_string(maxItems);
    mCtx.report(Code::SchemaRange, p,
                "\"" + std::string(key) + "\" has " + std::to_string(j->size()) +
                    (j->size() == 1 ? " entry" : " entries") + "; it needs " + range);
    if (maxItems != kUnbounded && j->size() > maxItems) {
      return false;
    }
  }
  std::size_t index = 0;
  for (const auto& element : *j) {
    each(element, p + "/" + std::to_string(index), index);
    ++index;
  }
  return true;
}

void IdSet::check(DocContext& ctx, const std::string& id, const std::string& pointer) {
  if (!mIds.insert(id).second) {
    ctx.report(Code::IdDuplicate, pointer,
               "another " + mWhat + " already has the id \"" + id + "\"");
  }
}

} // namespace sq::detail
