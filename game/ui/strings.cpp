#include "ui/strings.hpp"

#include <nlohmann/json.hpp>

#include <fstream>
#include <iterator>

namespace sq {

std::optional<Strings> Strings::fromJson(std::string_view json, std::string& error) {
  // Our own file, but still parsed without exceptions: a broken edit must not abort.
  const auto doc = nlohmann::json::parse(json, nullptr, false);
  if (doc.is_discarded() || !doc.is_object()) {
    error = "not a JSON object";
    return std::nullopt;
  }
  const auto lang = doc.find("language");
  const auto table = doc.find("strings");
  if (lang == doc.end() || !lang->is_string() || table == doc.end() || !table->is_object()) {
    error = "needs \"language\" (text) and \"strings\" (an object)";
    return std::nullopt;
  }
  Strings s;
  s.mLanguage = lang->get<std::string>();
  for (auto it = table->begin(); it != table->end(); ++it) {
    if (!it.value().is_string()) {
      error = "the string \"" + it.key() + "\" is not text";
      return std::nullopt;
    }
    s.mTable[it.key()] = it.value().get<std::string>();
  }
  return s;
}

namespace {

std::optional<std::string> readFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return std::nullopt;
  }
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

} // namespace

std::optional<Strings> Strings::load(const std::string& assetsDir, const std::string& language,
                                     std::string& error) {
  const std::string dir = assetsDir + "/strings/";
  const auto english = readFile(dir + "en-GB.json");
  if (!english) {
    error = "could not read " + dir + "en-GB.json";
    return std::nullopt;
  }
  auto base = fromJson(*english, error);
  if (!base) {
    error = dir + "en-GB.json: " + error;
    return std::nullopt;
  }
  if (language.empty() || language == "en-GB") {
    return base;
  }
  const auto other = readFile(dir + language + ".json");
  std::string why;
  const auto table = other ? fromJson(*other, why) : std::nullopt;
  if (!table) {
    error = dir + language + ".json: " + (other ? why : "could not be read") +
            "; showing English instead";
    return base;
  }
  base->overlay(*table);
  base->mLanguage = table->mLanguage;
  return base;
}

bool Strings::has(std::string_view id) const {
  return mTable.find(id) != mTable.end();
}

const std::string& Strings::tr(std::string_view id) const {
  if (const auto it = mTable.find(id); it != mTable.end()) {
    return it->second;
  }
  auto it = mMissing.find(id);
  if (it == mMissing.end()) {
    it = mMissing.emplace(std::string(id), std::string(id)).first;
  }
  return it->second;
}

std::string
Strings::trf(std::string_view id,
             std::initializer_list<std::pair<std::string_view, std::string_view>> args) const {
  const std::string& pattern = tr(id);
  std::string out;
  out.reserve(pattern.size() + 16);
  std::size_t i = 0;
  while (i < pattern.size()) {
    if (pattern[i] == '{') {
      const auto close = pattern.find('}', i + 1);
      if (close != std::string::npos) {
        const std::string_view name(pattern.data() + i + 1, close - i - 1);
        bool replaced = false;
        for (const auto& [key, value] : args) {
          if (key == name) {
            out += value;
            replaced = true;
            break;
          }
        }
        if (replaced) {
          i = close + 1;
          continue;
        }
      }
    }
    out += pattern[i++];
  }
  return out;
}

std::vector<std::string> Strings::ids() const {
  std::vector<std::string> out;
  out.reserve(mTable.size());
  for (const auto& [id, text] : mTable) {
    out.push_back(id);
  }
  return out;
}

void Strings::overlay(const Strings& other) {
  for (const auto& [id, text] : other.mTable) {
    mTable[id] = text;
  }
}

} // namespace sq
