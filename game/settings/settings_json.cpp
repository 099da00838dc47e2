#include "settings/settings_json.hpp"

#include "content/json_limits.hpp"
#include "core/bounded_file.hpp"

#include <cmath>

namespace sq::settings_detail {

FileText readSmallFile(const std::string& path, std::uint64_t maxBytes, Diagnostics& diags) {
  FileText result;
  // A file over the limit still gives its first maxBytes + 1 bytes: the parser
  // refuses it with file.too-large, naming its own limit.
  BoundedReadOptions options;
  options.keepHead = true;
  BoundedFile file = readFileBounded(path, maxBytes, options);
  switch (file.status) {
  case BoundedFileStatus::Read:
  case BoundedFileStatus::TooLarge:
    result.state = FileState::Read;
    result.text = std::move(file.bytes);
    return result;
  case BoundedFileStatus::Missing:
    return result;
  case BoundedFileStatus::NotAFile:
    // A FIFO or a device would block or never end; only an ordinary file is read.
    result.state = FileState::Refused;
    diags.add(Code::FileUnreadable, path, "", "is not an ordinary file");
    return result;
  case BoundedFileStatus::CannotOpen:
    result.state = FileState::Refused;
    diags.add(Code::FileUnreadable, path, "", "cannot be opened for reading");
    return result;
  case BoundedFileStatus::ReadFailed:
    result.state = FileState::Refused;
    diags.add(Code::FileUnreadable, path, "", "could not be read to the end");
    return result;
  }
  return result;
}

std::optional<Json> parseObject(std::string_view text, const std::string& file,
                                const FileLimits& limits, Diagnostics& diags) {
  if (text.size() > limits.maxBytes) {
    diags.add(Code::FileTooLarge, file, "",
              "is larger than " + std::to_string(limits.maxBytes / 1024) + " KiB");
    return std::nullopt;
  }
  // One linear scan before the (recursive) parser ever sees deep nesting.
  if (auto deep = findExcessNesting(text, limits.maxDepth)) {
    diags.add(Code::JsonTooDeep, file, "",
              "nests deeper than " + std::to_string(limits.maxDepth) + " levels (line " +
                  std::to_string(deep->line) + ", column " + std::to_string(deep->column) + ")");
    return std::nullopt;
  }
  Json doc = Json::parse(text.begin(), text.end(), nullptr, false);
  if (doc.is_discarded()) {
    diags.add(Code::JsonSyntax, file, "", "is not valid JSON (or not UTF-8)");
    return std::nullopt;
  }
  if (!doc.is_object()) {
    diags.add(Code::SchemaType, file, "",
              "must be a JSON object { ... }, not " + std::string(jsonTypeName(doc)));
    return std::nullopt;
  }
  return doc;
}

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

FieldReader::FieldReader(const Json& object, std::string file, Diagnostics& diags)
    : mObject(object), mFile(std::move(file)), mDiags(diags) {}

bool FieldReader::has(std::string_view key) const {
  return mObject.is_object() && mObject.find(key) != mObject.end();
}

std::string FieldReader::pointer(std::string_view key) const {
  return "/" + pointerToken(key);
}

void FieldReader::report(Code code, const std::string& pointer, std::string message) {
  mDiags.add(code, mFile, pointer, std::move(message));
}

void FieldReader::refuse(std::string_view key, Code code, std::string message) {
  mRefused.insert(std::string(key));
  report(code, pointer(key), std::move(message));
}

const Json* FieldReader::lookup(std::string_view key) {
  mAsked.insert(std::string(key));
  if (!mObject.is_object()) {
    return nullptr;
  }
  auto it = mObject.find(key);
  return it == mObject.end() ? nullptr : &*it;
}

std::optional<bool> FieldReader::boolean(std::string_view key) {
  const Json* v = lookup(key);
  if (v == nullptr) {
    return std::nullopt;
  }
  if (!v->is_boolean()) {
    refuse(key, Code::SchemaType, "must be true or false, not " + std::string(jsonTypeName(*v)));
    return std::nullopt;
  }
  return v->get<bool>();
}

std::optional<std::int64_t> FieldReader::integer(std::string_view key, std::int64_t min,
                                                 std::int64_t max) {
  const Json* v = lookup(key);
  if (v == nullptr) {
    return std::nullopt;
  }
  const std::string range = std::to_string(min) + " to " + std::to_string(max);
  if (v->is_number_unsigned()) {
    // Compared as unsigned first: a value above INT64_MAX must not wrap.
    const auto u = v->get<std::uint64_t>();
    if (max < 0 || u > static_cast<std::uint64_t>(max)) {
      refuse(key, Code::SchemaRange, "must be " + range);
      return std::nullopt;
    }
    const auto i = static_cast<std::int64_t>(u);
    if (i < min) {
      refuse(key, Code::SchemaRange, "must be " + range);
      return std::nullopt;
    }
    return i;
  }
  if (v->is_number_integer()) {
    const auto i = v->get<std::int64_t>();
    if (i < min || i > max) {
      refuse(key, Code::SchemaRange, "must be " + range);
      return std::nullopt;
    }
    return i;
  }
  refuse(key, Code::SchemaType,
         "must be a whole number (" + range + "), not " + std::string(jsonTypeName(*v)));
  return std::nullopt;
}

std::optional<double> FieldReader::number(std::string_view key, double min, double max) {
  const Json* v = lookup(key);
  if (v == nullptr) {
    return std::nullopt;
  }
  if (!v->is_number()) {
    refuse(key, Code::SchemaType, "must be a number, not " + std::string(jsonTypeName(*v)));
    return std::nullopt;
  }
  const double d = v->get<double>();
  // nlohmann reads 1e999 as infinity; a NaN cannot come from JSON but is refused too.
  if (!std::isfinite(d) || d < min || d > max) {
    refuse(key, Code::SchemaRange, "is outside the allowed range");
    return std::nullopt;
  }
  return d;
}

std::optional<std::string> FieldReader::string(std::string_view key, std::size_t maxBytes) {
  const Json* v = lookup(key);
  if (v == nullptr) {
    return std::nullopt;
  }
  if (!v->is_string()) {
    refuse(key, Code::SchemaType, "must be a string, not " + std::string(jsonTypeName(*v)));
    return std::nullopt;
  }
  const auto& s = v->get_ref<const std::string&>();
  if (s.size() > maxBytes) {
    refuse(key, Code::JsonStringTooLong, "is longer than " + std::to_string(maxBytes) + " bytes");
    return std::nullopt;
  }
  return s;
}

std::optional<std::string> FieldReader::oneOf(std::string_view key,
                                              const std::vector<std::string_view>& allowed) {
  auto s = string(key, 64);
  if (!s) {
    return std::nullopt;
  }
  for (std::string_view a : allowed) {
    if (*s == a) {
      return s;
    }
  }
  std::string list;
  for (std::string_view a : allowed) {
    list += list.empty() ? "" : ", ";
    list += "\"" + std::string(a) + "\"";
  }
  refuse(key, Code::SchemaEnum, "must be one of " + list);
  return std::nullopt;
}

const Json* FieldReader::array(std::string_view key, std::size_t maxItems) {
  const Json* v = lookup(key);
  if (v == nullptr) {
    return nullptr;
  }
  if (!v->is_array()) {
    refuse(key, Code::SchemaType, "must be a list [ ... ], not " + std::string(jsonTypeName(*v)));
    return nullptr;
  }
  if (v->size() > maxItems) {
    refuse(key, Code::JsonTooManyItems, "has more than " + std::to_string(maxItems) + " entries");
    return nullptr;
  }
  return v;
}

void FieldReader::finish() {
  if (!mObject.is_object()) {
    return;
  }
  for (auto it = mObject.begin(); it != mObject.end(); ++it) {
    if (it.key() == "$comment" || mAsked.count(it.key()) > 0) {
      continue;
    }
    report(Code::SchemaUnknownField, pointer(it.key()),
           "is not a field this version of SafeQuest knows; it is ignored");
  }
}

void checkFormatVersion(FieldReader& reader, std::int64_t supported) {
  if (!reader.has("formatVersion")) {
    return;
  }
  // Any whole number is read, so that an unsupported one gets its own clear code.
  auto v = reader.integer("formatVersion", 0, 1'000'000);
  if (v && *v != supported) {
    reader.refuse("formatVersion", Code::FormatUnsupported,
                  "is " + std::to_string(*v) + "; this version of SafeQuest reads " +
                      std::to_string(supported));
  }
}

bool hasControlCharacter(std::string_view s) {
  for (char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x20 || u == 0x7f) {
      return true;
    }
  }
  return false;
}

std::string dumpForFile(const nlohmann::ordered_json& j) {
  return j.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

} // namespace sq::settings_detail
