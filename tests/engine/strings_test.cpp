// The string tables: English loads, every string id the code uses is in it, and
// placeholders, missing ids and partial translations behave.
#include "ui/strings.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <regex>
#include <set>

using namespace sq;

namespace {

Strings english() {
  std::string error;
  auto s = Strings::load(SQ_TEST_ASSETS_DIR, "en-GB", error);
  REQUIRE_MESSAGE(s.has_value(), error);
  return *s;
}

// Every quoted "prefix.name" in game/ui, game/screens (and its folders) and game/app whose prefix
// is one the table uses (so "pack.json" and "teacher.json" are not taken for string ids).
std::set<std::string> idsUsedInCode(const std::set<std::string>& prefixes) {
  std::set<std::string> out;
  const std::regex literal("\"([a-z0-9-]+)\\.([a-z0-9.-]+)\"");
  for (const char* module : {"ui", "screens", "app"}) {
    for (const auto& entry : std::filesystem::recursive_directory_iterator(
             std::filesystem::path(SQ_SOURCE_DIR) / "game" / module)) {
      if (entry.path().extension() != ".cpp" && entry.path().extension() != ".hpp") {
        continue;
      }
      std::ifstream in(entry.path());
      const std::string text((std::istreambuf_iterator<char>(in)),
                             std::istreambuf_iterator<char>());
      for (auto it = std::sregex_iterator(text.begin(), text.end(), literal);
           it != std::sregex_iterator(); ++it) {
        const std::string prefix = (*it)[1].str();
        const std::string rest = (*it)[2].str();
        if (prefixes.count(prefix) != 0 && rest.find(".json") == std::string::npos) {
          out.insert(prefix + "." + rest);
        }
      }
    }
  }
  return out;
}

} // namespace

TEST_CASE("every string id used by the screens is in the English table") {
  const Strings s = english();
  std::set<std::string> prefixes;
  for (const std::string& id : s.ids()) {
    prefixes.insert(id.substr(0, id.find('.')));
  }
  const auto used = idsUsedInCode(prefixes);
  CHECK(used.size() > 80);
  for (const std::string& id : used) {
    CAPTURE(id);
    CHECK(s.has(id));
  }
}

TEST_CASE("placeholders are filled, and an unknown id shows itself") {
  const Strings s = english();
  CHECK(s.language() == "en-GB");
  CHECK(s.trf("home.hello", {{"name", "Siân K"}}) == "Hello, Siân K!");
  CHECK(s.trf("sign-in.page", {{"page", "1"}, {"pages", "2"}}) == "Page 1 of 2");
  CHECK(s.trf("home.hello", {}) == "Hello, {name}!"); // a missing value stays visible
  CHECK(s.tr("no.such-id") == "no.such-id");
}

TEST_CASE("a partial translation falls back to English, string by string") {
  const auto dir = std::filesystem::temp_directory_path() / "sq_strings_test";
  std::filesystem::create_directories(dir / "strings");
  std::filesystem::copy_file(std::string(SQ_TEST_ASSETS_DIR) + "/strings/en-GB.json",
                             dir / "strings" / "en-GB.json",
                             std::filesystem::copy_options::overwrite_existing);
  std::ofstream(dir / "strings" / "cy-GB.json")
      << R"({"language": "cy-GB", "strings": {"home.hello": "Shwmae, {name}!"}})";
  std::string error;
  auto s = Strings::load(dir.string(), "cy-GB", error);
  REQUIRE(s);
  CHECK(error.empty());
  CHECK(s->language() == "cy-GB");
  CHECK(s->trf("home.hello", {{"name", "Gwenllian"}}) == "Shwmae, Gwenllian!");
  CHECK(s->tr("common.back") == "Back"); // not translated yet: English

  std::ofstream(dir / "strings" / "xx.json") << "{not json";
  auto broken = Strings::load(dir.string(), "xx", error);
  REQUIRE(broken);
  CHECK(broken->tr("common.back") == "Back");
  CHECK(error.find("English") != std::string::npos);
}

TEST_CASE("a table that is not the right shape is refused with a reason") {
  std::string error;
  CHECK_FALSE(Strings::fromJson("[]", error));
  CHECK_FALSE(Strings::fromJson(R"({"language": "en-GB"})", error));
  CHECK_FALSE(Strings::fromJson(R"({"language": "en-GB", "strings": {"a.b": 3}})", error));
  CHECK(error.find("a.b") != std::string::npos);
}
