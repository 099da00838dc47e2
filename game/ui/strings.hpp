// The interface's words, one table per language, read from
// assets/strings/<language>.json at start. Code names a string by its id
// (tr("sign-in.pick-class")); a language file may leave ids out, and those come
// from English, so Welsh can arrive string by string with no code changes.
// A test checks that every id the code uses exists in en-GB.json.
// Depends on: nlohmann_json (inside the .cpp only), std.
#pragma once

#include <initializer_list>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace sq {

class Strings {
public:
  // Reads a table: {"language": "en-GB", "strings": {"id": "text", ...}}.
  // nullopt (with the reason) when it is not that shape; never throws.
  static std::optional<Strings> fromJson(std::string_view json, std::string& error);
  // Reads <assetsDir>/strings/<language>.json over en-GB.json. English must load;
  // a missing or broken other language falls back to English (with `error` set).
  static std::optional<Strings> load(const std::string& assetsDir, const std::string& language,
                                     std::string& error);

  const std::string& language() const { return mLanguage; }
  bool has(std::string_view id) const;
  // The text; an unknown id shows itself (visible in tests, never a crash).
  const std::string& tr(std::string_view id) const;
  // The text with each {name} replaced: trf("home.hello", {{"name", "Siân"}}).
  std::string trf(std::string_view id,
                  std::initializer_list<std::pair<std::string_view, std::string_view>> args) const;
  std::vector<std::string> ids() const;

  // Adds or replaces entries from `other` (a partial translation over English).
  void overlay(const Strings& other);

private:
  std::string mLanguage;
  std::map<std::string, std::string, std::less<>> mTable;
  mutable std::map<std::string, std::string, std::less<>> mMissing; // ids shown as themselves
};

} // namespace sq
