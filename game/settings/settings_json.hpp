// Shared by the three settings loaders (machine configuration, teacher PIN
// lockout, pupil preferences): reading one small JSON file from outside the
// program with its limits checked first, parsing it without exceptions, and
// reading its fields with a diagnostic for every wrong value, each at its JSON
// pointer. Internal to settings/: other modules use the loaders, not this.
// Depends on: core (diagnostics), content/json_limits, nlohmann_json.
#pragma once

#include "core/diagnostics.hpp"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace sq::settings_detail {

using Json = nlohmann::json;

struct FileLimits {
  std::uint64_t maxBytes = 64 * 1024;
  int maxDepth = 8;
};

enum class FileState { Missing, Read, Refused };

struct FileText {
  FileState state = FileState::Missing;
  std::string text;
};

// Reads `path`, which must be an ordinary file of at most maxBytes. A missing file
// is Missing with no diagnostic (defaults apply); a folder, a device, a file that
// cannot be read or one over the limit is Refused with a diagnostic.
FileText readSmallFile(const std::string& path, std::uint64_t maxBytes, Diagnostics& diags);

// Parses `text` within the limits and requires a JSON object at the root. On
// file.too-large, json.too-deep, json.syntax or a root that is not an object,
// reports it and returns nullopt.
std::optional<Json> parseObject(std::string_view text, const std::string& file,
                                const FileLimits& limits, Diagnostics& diags);

// Reads the fields of one JSON object. Every getter returns nullopt when the field
// is absent (no diagnostic) or when its value is wrong (a diagnostic, and the key
// is remembered as refused). finish() warns about each field nobody asked for.
class FieldReader {
public:
  FieldReader(const Json& object, std::string file, Diagnostics& diags);

  bool has(std::string_view key) const;
  std::optional<bool> boolean(std::string_view key);
  // A whole number in [min, max]; a fraction is schema.type, outside is schema.range.
  std::optional<std::int64_t> integer(std::string_view key, std::int64_t min, std::int64_t max);
  // Any number in [min, max].
  std::optional<double> number(std::string_view key, double min, double max);
  // A string of at most maxBytes (json.string-too-long).
  std::optional<std::string> string(std::string_view key, std::size_t maxBytes);
  // A string that is one of `allowed` (schema.enum).
  std::optional<std::string> oneOf(std::string_view key,
                                   const std::vector<std::string_view>& allowed);
  // The array itself after the type and count checks; nullptr when absent or refused.
  const Json* array(std::string_view key, std::size_t maxItems);

  // For checks beyond the type: reports at the field and marks it refused.
  void refuse(std::string_view key, Code code, std::string message);
  void report(Code code, const std::string& pointer, std::string message);
  std::string pointer(std::string_view key) const;
  bool refused(std::string_view key) const { return mRefused.count(std::string(key)) > 0; }

  // Warns (schema.unknown-field) about every field not asked for. "$comment" is
  // always allowed, so IT can annotate a file in a language JSON has no comments for.
  void finish();

private:
  const Json* lookup(std::string_view key);

  const Json& mObject;
  std::string mFile;
  Diagnostics& mDiags;
  std::set<std::string> mAsked;
  std::set<std::string> mRefused;
};

std::string_view jsonTypeName(const Json& j);

// "formatVersion": absent or 1. Anything else is reported (format.unsupported or
// schema.type); the fields are still read, as best we can, so a newer file's
// known fields keep working.
void checkFormatVersion(FieldReader& reader, std::int64_t supported);

// The text with any control character (below 0x20, or 0x7f) counts as unsafe for
// a path or a name shown on screen.
bool hasControlCharacter(std::string_view s);

// JSON text for writing: two-space indent, a final newline, invalid UTF-8 replaced.
std::string dumpForFile(const nlohmann::ordered_json& j);

} // namespace sq::settings_detail
