// The pack loader's JSON layer (content/json_document): simdjson's DOM with the
// same acceptance, values and member order nlohmann gave the loader, messages that
// name the line and column, and the depth limit the loader relies on.
#include "content/json_document.hpp"
#include "content/json_limits.hpp"
#include "content/json_reader.hpp"
#include "content/pack_files.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <cstdint>
#include <limits>
#include <string>
#include <vector>

using namespace sq;
using namespace sq::detail;

namespace {

constexpr int kDepth = 32;

bool parses(const std::string& text) {
  JsonDocument doc;
  return doc.parse(text, kDepth);
}

std::string errorOf(const std::string& text) {
  JsonDocument doc;
  return doc.parse(text, kDepth) ? std::string() : doc.error();
}

std::vector<std::string> keysOf(const Json& object) {
  std::vector<std::string> keys;
  for (const JsonMember& m : JsonMembers(object)) {
    keys.emplace_back(m.key);
  }
  return keys;
}

Json member(const Json& object, std::string_view key) {
  const JsonMembers members(object);
  const JsonMember* m = members.find(key);
  REQUIRE(m != nullptr);
  return m->value;
}

std::vector<Json> elementsOf(const Json& array) {
  std::vector<Json> out;
  simdjson::dom::array a;
  REQUIRE(array.get_array().get(a) == simdjson::SUCCESS);
  for (const Json e : a) {
    out.push_back(e);
  }
  return out;
}

} // namespace

TEST_CASE("json document: scalars, containers and their types") {
  JsonDocument doc;
  REQUIRE(doc.parse(R"({"s": "hi", "t": true, "f": false, "n": null, "i": -3, "u": 7,
                        "d": 1.5, "e": 2e3, "a": [1, [], {}], "o": {"x": "y"}})",
                    kDepth));
  const Json& r = doc.root();
  REQUIRE(r.type() == JsonType::OBJECT);
  CHECK(JsonMembers(r).size() == 10);
  CHECK(stringOf(member(r, "s")) == "hi");
  CHECK(booleanOf(member(r, "t")));
  CHECK(member(r, "f").type() == JsonType::BOOL);
  CHECK_FALSE(booleanOf(member(r, "f")));
  CHECK(member(r, "n").type() == JsonType::NULL_VALUE);
  CHECK(isInteger(member(r, "i")));
  CHECK(integerOf(member(r, "i")) == -3);
  CHECK(isInteger(member(r, "u")));
  CHECK(integerOf(member(r, "u")) == 7);
  CHECK(member(r, "d").type() == JsonType::DOUBLE);
  CHECK_FALSE(isInteger(member(r, "d")));
  CHECK_FALSE(isInteger(member(r, "e"))); // an exponent makes a fraction, as in nlohmann
  const Json a = member(r, "a");
  REQUIRE(a.type() == JsonType::ARRAY);
  CHECK(arraySize(a) == 3);
  CHECK(arraySize(elementsOf(a)[1]) == 0);
  CHECK(elementsOf(a)[2].type() == JsonType::OBJECT);
  CHECK(stringOf(member(member(r, "o"), "x")) == "y");
  CHECK(JsonMembers(r).find("missing") == nullptr);
  CHECK(JsonMembers(a).size() == 0); // not an object
  CHECK(arraySize(r) == 0);          // not an array
}

TEST_CASE("json document: members in key order, a repeated key keeps its last value") {
  JsonDocument doc;
  REQUIRE(doc.parse(R"({"b": 1, "a": 2, "c": {"z": 1, "y": 2}, "a": 3, "B": 4})", kDepth));
  CHECK(keysOf(doc.root()) == std::vector<std::string>{"B", "a", "b", "c"});
  CHECK(integerOf(member(doc.root(), "a")) == 3);
  CHECK(keysOf(member(doc.root(), "c")) == std::vector<std::string>{"y", "z"});
  // More members than fit on the stack take the other sorting path.
  std::string big = "{";
  for (int i = 40; i >= 0; --i) {
    big += "\"k" + std::to_string(i % 20) + "\": " + std::to_string(i) + (i > 0 ? ", " : "}");
  }
  REQUIRE(doc.parse(big, kDepth));
  CHECK(JsonMembers(doc.root()).size() == 20);
  CHECK(integerOf(member(doc.root(), "k0")) == 0);
  CHECK(integerOf(member(doc.root(), "k5")) == 5);
  CHECK(keysOf(doc.root()).front() == "k0");
  CHECK(keysOf(doc.root()).back() == "k9");
}

TEST_CASE("json document: escapes and UTF-8") {
  JsonDocument doc;
  REQUIRE(doc.parse(R"(["a\"b\\c\/d\b\f\n\r\t", "\u00e9\u20AC\ud83d\ude00", "plain é", "\u0000"])",
                    kDepth));
  const auto e = elementsOf(doc.root());
  CHECK(stringOf(e[0]) == "a\"b\\c/d\b\f\n\r\t");
  CHECK(stringOf(e[1]) == "\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80");
  CHECK(stringOf(e[2]) == "plain \xC3\xA9");
  CHECK(stringOf(e[3]) == std::string(1, '\0'));
  const std::string longText(100, 'x');
  REQUIRE(doc.parse("\"" + longText + "\\n" + longText + "\"", kDepth));
  CHECK(stringOf(doc.root()) == longText + "\n" + longText);
}

TEST_CASE("json document: numbers as nlohmann reads them, but for whole numbers past 64 bits") {
  JsonDocument doc;
  REQUIRE(doc.parse("[-9223372036854775808, 18446744073709551615, -0, 0, 1e-999, 0.1]", kDepth));
  const auto e = elementsOf(doc.root());
  CHECK(integerOf(e[0]) == std::numeric_limits<std::int64_t>::min());
  CHECK(isInteger(e[1]));
  CHECK(integerOf(e[1]) == -1); // as nlohmann's get<std::int64_t>()
  CHECK(isInteger(e[2]));       // -0 is a whole number, as in nlohmann
  CHECK(integerOf(e[2]) == 0);
  CHECK(isInteger(e[3]));
  double d = 1;
  REQUIRE(e[4].get_double().get(d) == simdjson::SUCCESS);
  CHECK(d == 0.0); // underflow is accepted
  REQUIRE(e[5].get_double().get(d) == simdjson::SUCCESS);
  CHECK(d == 0.1);
  CHECK(errorOf("[1e999]").find("number overflow parsing '1e999'") != std::string::npos);
  CHECK(errorOf("-1e999").rfind("line 1, column ", 0) == 0);
  // nlohmann read these as fractions; simdjson refuses them, and the message says where.
  CHECK(nlohmann::json::parse("[18446744073709551616]").is_array());
  CHECK(errorOf("[1,\n 18446744073709551616]") ==
        "line 2, column 2: number 18446744073709551616 is too large; a whole number must be "
        "between -9223372036854775808 and 18446744073709551615");
  CHECK(errorOf("{\"a\": \"-99999999999999999999\", \"b\": -9223372036854775809}")
            .rfind("line 1, column 37: number -9223372036854775809 is too large", 0) == 0);
}

TEST_CASE("json document: what strict JSON forbids") {
  const std::vector<std::string> bad = {"",
                                        " ",
                                        "[1,]",
                                        "{\"a\":1,}",
                                        "[1 2]",
                                        "{\"a\" 1}",
                                        "{a:1}",
                                        "// c\n1",
                                        "/* c */ 1",
                                        "NaN",
                                        "Infinity",
                                        "-Infinity",
                                        "01",
                                        "-01",
                                        "1.",
                                        ".5",
                                        "+1",
                                        "1e",
                                        "1e+",
                                        "-",
                                        "0x10",
                                        "tru",
                                        "nul",
                                        "True",
                                        "'a'",
                                        "\"a",
                                        "\"\t\"",
                                        "\"\n\"",
                                        "\"\\x\"",
                                        "\"\\u12\"",
                                        "\"\\ud800\"",
                                        "\"\\udc00\"",
                                        "\"\\ud800\\u0041\"",
                                        "\"\xC3\"",
                                        "\"\xC0\xAF\"",
                                        "\"\xED\xA0\x80\"",
                                        "\"\xF4\x90\x80\x80\"",
                                        "\"\xFF\"",
                                        "[",
                                        "{",
                                        "]",
                                        "}",
                                        "[1]]",
                                        "1 2",
                                        "\xEF\xBB",
                                        "\xEF\xBB\xBF\xEF\xBB\xBF{}",
                                        "{\"a\":1}x",
                                        std::string("\x00", 1),
                                        std::string("[\"a\"\x00]", 6)};
  for (const std::string& text : bad) {
    CAPTURE(text);
    CHECK_FALSE(parses(text));
    CHECK(nlohmann::json::parse(text, nullptr, false).is_discarded());
    CHECK(errorOf(text).rfind("line ", 0) == 0);
  }
  const std::vector<std::string> good = {
      "\xEF\xBB\xBF{}", " \t\r\n[ ]\n", "\"\xF4\x8F\xBF\xBF\"", "1", "null", "\"\"",
      "[[[]]]",         "{\"\":0}"};
  for (const std::string& text : good) {
    CAPTURE(text);
    CHECK(parses(text));
  }
}

TEST_CASE("json document: a NUL byte after the value ends the input, as in nlohmann") {
  JsonDocument doc;
  const std::string text("{\"a\": 1}\0 [[ anything", 19);
  REQUIRE(doc.parse(text, kDepth));
  CHECK(doc.stoppedAtNul());
  CHECK(integerOf(member(doc.root(), "a")) == 1);
  CHECK(nlohmann::json::parse(text, nullptr, false).is_object());
  REQUIRE(doc.parse("{}", kDepth));
  CHECK_FALSE(doc.stoppedAtNul());
  CHECK_FALSE(parses(std::string("[1,\0]", 5)));
  CHECK_FALSE(parses(std::string("\"a\0\"", 4)));
}

TEST_CASE("json document: errors name the line and column, as nlohmann's did") {
  CHECK(errorOf("{\n  \"id\": \"x\",\n}") ==
        "line 3, column 1: object key - unexpected '}'; expected string literal");
  CHECK(errorOf("[1,\n 2,\n ]").rfind("line 3, column 2: ", 0) == 0);
  CHECK(errorOf("").rfind("line 1, column 1: ", 0) == 0);
  // At a bad UTF-8 byte, the first byte that breaks the sequence, as nlohmann did.
  CHECK(errorOf("\"ab\xC3(\"").rfind("line 1, column 5: ", 0) == 0);
  // A raw line break inside a string is placed where it is, not at "line 3, column 0".
  CHECK(errorOf("{\n \"a\": \"x\ny\"}")
            .rfind("line 2, column 9: value - invalid string: control "
                   "character U+000A (LF) must be escaped",
                   0) == 0);
  // A BOM counts in the columns, as it did.
  CHECK(errorOf("\xEF\xBB\xBF[1,]").rfind("line 1, column 7: ", 0) == 0);
}

TEST_CASE("json document: the depth limit stops exactly where the pre-scan finds excess nesting") {
  JsonDocument doc;
  CHECK(doc.parse("[[[1]]]", 3));
  CHECK_FALSE(doc.tooDeep());
  CHECK(doc.parse(R"({"a": {"b": [1]}})", 3));
  CHECK_FALSE(doc.parse("[[[[1]]]]", 3));
  CHECK(doc.tooDeep());
  CHECK(findExcessNesting(doc.text(), 3).has_value());
  CHECK_FALSE(doc.parse(R"({"a": {"b": [{}]}})", 3));
  CHECK(doc.tooDeep());
  // The limit may change between parses.
  CHECK(doc.parse("[[[[1]]]]", 4));
  // Far deeper than any limit: no recursion, and the message still has its place.
  const std::string deep = std::string(200000, '[') + std::string(200000, ']');
  CHECK_FALSE(doc.parse(deep, 32));
  CHECK(doc.tooDeep());
  CHECK_FALSE(doc.parse(deep + "]", 32));
  CHECK(doc.error().rfind("line 1, column 400001: ", 0) == 0);
}

TEST_CASE("json document: reused from parse to parse, padded or not") {
  JsonDocument doc;
  REQUIRE(doc.parse(R"({"a": "x\ny", "b": [1, 2]})", kDepth));
  REQUIRE(doc.parse(R"(["p\tq", {"c": 3}])", kDepth));
  CHECK(stringOf(elementsOf(doc.root())[0]) == "p\tq");
  CHECK(integerOf(member(elementsOf(doc.root())[1], "c")) == 3);
  CHECK_FALSE(doc.parse("[1,", kDepth));
  REQUIRE(doc.parse("{}", kDepth));
  CHECK(JsonMembers(doc.root()).size() == 0);
  // With the padding PackSource::read leaves, and with none (copied first).
  std::string padded = R"({"k": "v"})";
  padded.reserve(padded.size() + simdjson::SIMDJSON_PADDING);
  REQUIRE(doc.parse(padded, kDepth));
  CHECK(stringOf(member(doc.root(), "k")) == "v");
  std::string tight = R"({"k": "w"})";
  tight.shrink_to_fit();
  REQUIRE(doc.parse(tight, kDepth));
  CHECK(stringOf(member(doc.root(), "k")) == "w");
}

TEST_CASE("pack files: reads leave the padding the JSON parser reads past the end") {
  MemoryPackSource source;
  source.addFile("pack.json", "{}");
  const auto bytes = source.read("pack.json", 100);
  REQUIRE(bytes);
  CHECK(*bytes == "{}");
  CHECK(bytes->capacity() >= bytes->size() + kReadPadding);
}

TEST_CASE("json reader: pointers are spelt out only as needed, and escaped") {
  const JsonPointer root;
  const JsonPointer a(root, "a/b");
  const JsonPointer b(a, std::size_t{3});
  const JsonPointer c(b, "~x");
  CHECK(root.str().empty());
  CHECK(c.str() == "/a~1b/3/~0x");
}

TEST_CASE("json reader: unknown fields past the 64th are still reported, in key order") {
  std::string text = "{";
  for (int i = 0; i < 70; ++i) {
    text += "\"f" + std::to_string(100 + i) + "\": 1, ";
  }
  text += "\"id\": \"x\"}";
  JsonDocument doc;
  REQUIRE(doc.parse(text, 32));
  Diagnostics diags;
  PackLimits limits;
  std::vector<std::string> langs{"en-GB"};
  std::vector<AssetUse> assets;
  DocContext ctx{diags, "lessons/x.json", limits, langs, assets};
  {
    ObjectReader r(ctx, doc.root(), JsonPointer(), "a thing");
    CHECK(r.id("id", Need::Required) == std::string_view("x"));
    r.ignore({"f101", "f169"});
  }
  REQUIRE(diags.all().size() == 68);
  CHECK(diags.all().front().pointer == "/f100");
  CHECK(diags.all()[1].pointer == "/f102");
  CHECK(diags.all().back().pointer == "/f168");
}
