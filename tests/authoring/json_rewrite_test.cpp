// The format-keeping writer: a diff of a saved file shows only what changed.
#include "authoring/json_rewrite.hpp"
#include "authoring/json_spans.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

using namespace sq::authoring;

namespace {

Json parse(std::string_view text) {
  Json v;
  std::string error;
  REQUIRE_MESSAGE(parseJsonText(text, v, error), error);
  return v;
}

// Lines of `a` not in `b` at the same place, counted as a line diff would.
std::size_t changedLines(const std::string& a, const std::string& b) {
  std::vector<std::string> la;
  std::vector<std::string> lb;
  std::istringstream sa(a);
  std::istringstream sb(b);
  for (std::string l; std::getline(sa, l);) {
    la.push_back(l);
  }
  for (std::string l; std::getline(sb, l);) {
    lb.push_back(l);
  }
  // Common prefix and suffix; what is between is the diff.
  std::size_t p = 0;
  while (p < la.size() && p < lb.size() && la[p] == lb[p]) {
    ++p;
  }
  std::size_t s = 0;
  while (s < la.size() - p && s < lb.size() - p && la[la.size() - 1 - s] == lb[lb.size() - 1 - s]) {
    ++s;
  }
  return std::max(la.size(), lb.size()) - p - s;
}

const char* kAuthored = R"({
    "id":   "y3-demo",
    "title": "Café rules",
    "tags": { "smart": ["S", "M"], "strand": "privacy" },
    "languages": ["en-GB"],
    "steps": [
        { "kind": "slides", "id": "intro" },
        { "kind": "quiz", "id": "check", "questions": [1, 2, 3] }
    ],
    "x-editor": {"positions": {"a": [1.5, 2]}}
}
)";

} // namespace

TEST_CASE("an unchanged value keeps every byte of the author's text") {
  const Json v = parse(kAuthored);
  CHECK(rewriteJsonText(kAuthored, v, v) == kAuthored);
}

TEST_CASE("changing one field changes one line, and the odd spacing elsewhere stays") {
  const Json before = parse(kAuthored);
  Json after = before;
  after["title"] = "Café rules for Year 3";
  const std::string out = rewriteJsonText(kAuthored, before, after);
  CHECK(parse(out) == after);
  CHECK(changedLines(kAuthored, out) == 1);
  CHECK(out.find("\"id\":   \"y3-demo\"") != std::string::npos);
  CHECK(out.find("{\"positions\": {\"a\": [1.5, 2]}}") != std::string::npos);
  CHECK(out.find("Café rules for Year 3") != std::string::npos); // UTF-8, not \u00e9
}

TEST_CASE(
    "a new field is written at its place in the author's indent; removing one removes its line") {
  const Json before = parse(kAuthored);
  Json after = Json::object();
  for (auto it = before.begin(); it != before.end(); ++it) {
    after[it.key()] = it.value();
    if (it.key() == "title") {
      after["yearGroup"] = "y3";
    }
  }
  const std::string added = rewriteJsonText(kAuthored, before, after);
  CHECK(parse(added) == after);
  CHECK(changedLines(kAuthored, added) == 1);
  CHECK(added.find("\n    \"yearGroup\": \"y3\",\n") != std::string::npos);

  Json removed = before;
  removed.erase("languages");
  const std::string less = rewriteJsonText(kAuthored, before, removed);
  CHECK(parse(less) == removed);
  CHECK(changedLines(kAuthored, less) == 1);
}

TEST_CASE("a step added to a list of one-line steps is one new line in the same style") {
  const Json before = parse(kAuthored);
  Json after = before;
  Json step = Json::object();
  step["kind"] = "butterfly";
  step["id"] = "practise";
  after["steps"].insert(after["steps"].begin() + 1, step);
  const std::string out = rewriteJsonText(kAuthored, before, after);
  CHECK(parse(out) == after);
  CHECK(changedLines(kAuthored, out) == 1);
  CHECK(out.find("        { \"kind\": \"butterfly\", \"id\": \"practise\" },\n") !=
        std::string::npos);
}

TEST_CASE("an item changed while another is removed keeps the rest of the list's text") {
  const Json before = parse(kAuthored);
  Json after = before;
  after["steps"].erase(after["steps"].begin());
  after["steps"][0]["questions"].push_back(4);
  const std::string out = rewriteJsonText(kAuthored, before, after);
  CHECK(parse(out) == after);
  CHECK(out.find("{ \"kind\": \"quiz\", \"id\": \"check\", \"questions\": [1, 2, 3, 4] }") !=
        std::string::npos);
  CHECK(out.find("intro") == std::string::npos);
}

TEST_CASE("a byte order mark and the text after the value survive") {
  const std::string text = "\xEF\xBB\xBF{\"a\": 1}\n\n";
  const Json before = parse(text);
  Json after = before;
  after["a"] = 2;
  CHECK(rewriteJsonText(text, before, after) == "\xEF\xBB\xBF{\"a\": 2}\n\n");
}

TEST_CASE("duplicate keys cannot be spliced safely, so the file is written fresh and still right") {
  const std::string text = "{\"a\": 1, \"a\": 2, \"b\": [1]}";
  const Json before = parse(text);
  Json after = before;
  after["b"].push_back(2);
  const std::string out = rewriteJsonText(text, before, after);
  CHECK(parse(out) == after);
}

TEST_CASE("a new file is two-space indented with short lists on one line") {
  Json v = Json::object();
  v["id"] = "new";
  v["languages"] = Json::array({"en-GB"});
  v["steps"] = Json::array({Json::object({{"kind", "slides"}})});
  CHECK(writeNewJsonFile(v) ==
        "{\n  \"id\": \"new\",\n  \"languages\": [\"en-GB\"],\n"
        "  \"steps\": [\n    {\n      \"kind\": \"slides\"\n    }\n  ]\n}\n");
}

TEST_CASE("text that is not JSON is refused with the line and column where it breaks") {
  Json v;
  std::string error;
  std::size_t line = 0;
  std::size_t column = 0;
  CHECK_FALSE(parseJsonText("{\n  \"a\": 1,\n  \"b\" 2\n}", v, error, &line, &column));
  CHECK(line == 3);
  CHECK(column == 7);
  CHECK(error.find("line 3, column 7") == 0);
  CHECK(error.find("colon") != std::string::npos);

  // A NUL byte ends nlohmann's input early; here it is refused where it is.
  CHECK_FALSE(parseJsonText(std::string_view("{\"a\": 1}\0junk", 14), v, error, &line, &column));
  CHECK(column == 9);
  CHECK(error.find("NUL") != std::string::npos);

  std::string deep(100, '[');
  CHECK_FALSE(parseJsonText(deep, v, error, &line, &column));
  CHECK(error.find("nested more than 32") != std::string::npos);
  CHECK_FALSE(scanJsonSpans(deep + std::string(100, ']'), kMaxJsonDepth).has_value());
}

TEST_CASE(
    "every bundled core file, rewritten with its title changed, differs by exactly that line") {
  int files = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(
           std::string(SQ_SOURCE_DIR) + "/content/core")) {
    if (entry.path().extension() != ".json") {
      continue;
    }
    std::ifstream in(entry.path(), std::ios::binary);
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const Json before = parse(text);
    CHECK(rewriteJsonText(text, before, before) == text);
    REQUIRE(before.contains("title"));
    Json after = before;
    after["title"] = "A new title";
    const std::string out = rewriteJsonText(text, before, after);
    CHECK(parse(out) == after);
    CHECK_MESSAGE(changedLines(text, out) == 1, entry.path().string());
    ++files;
  }
  CHECK(files > 30);
}
