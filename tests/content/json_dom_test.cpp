// The pack loader's JSON parser (content/json_dom): strict RFC 8259, the same
// values and member order nlohmann gave the loader before, messages that name
// the line and column, and the depth limit the loader relies on.
#include "content/json_dom.hpp"
#include "content/json_limits.hpp"
#include "content/json_reader.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <cstdint>
#include <limits>
#include <string>
#include <vector>

using namespace sq;
using namespace sq::detail;

namespace {

bool parses(const std::string& text) {
  JsonDocument doc;
  return doc.parse(text);
}

std::string errorOf(const std::string& text) {
  JsonDocument doc;
  return doc.parse(text) ? std::string() : doc.error();
}

std::vector<std::string> keysOf(const JsonValue& object) {
  std::vector<std::string> keys;
  for (const JsonValue& m : object) {
    keys.emplace_back(m.key());
  }
  return keys;
}

} // namespace

TEST_CASE("json dom: scalars, containers and their types") {
  JsonDocument doc;
  REQUIRE(doc.parse(R"({"s": "hi", "t": true, "f": false, "n": null, "i": -3, "u": 7,
                        "d": 1.5, "e": 2e3, "a": [1, [], {}], "o": {"x": "y"}})"));
  const JsonValue& r = doc.root();
  REQUIRE(r.isObject());
  CHECK(r.size() == 10);
  CHECK(r.find("s")->string() == "hi");
  CHECK(r.find("t")->boolean());
  CHECK(r.find("f")->isBoolean());
  CHECK_FALSE(r.find("f")->boolean());
  CHECK(r.find("n")->isNull());
  CHECK(r.find("i")->type() == JsonType::Integer);
  CHECK(r.find("i")->integer() == -3);
  CHECK(r.find("u")->type() == JsonType::Unsigned);
  CHECK(r.find("u")->isInteger());
  CHECK(r.find("d")->type() == JsonType::Float);
  CHECK_FALSE(r.find("d")->isInteger());
  CHECK(r.find("e")->type() == JsonType::Float); // an exponent makes a float, as in nlohmann
  CHECK(r.find("e")->number() == 2000.0);
  const JsonValue* a = r.find("a");
  REQUIRE(a->isArray());
  CHECK(a->size() == 3);
  CHECK(a->begin()[1].isArray());
  CHECK(a->begin()[1].size() == 0);
  CHECK(a->begin()[2].isObject());
  CHECK(r.find("o")->find("x")->string() == "y");
  CHECK(r.find("missing") == nullptr);
  CHECK(a->find("x") == nullptr); // not an object
}

TEST_CASE("json dom: members in key order, a repeated key keeps its last value") {
  JsonDocument doc;
  REQUIRE(doc.parse(R"({"b": 1, "a": 2, "c": {"z": 1, "y": 2}, "a": 3, "B": 4})"));
  CHECK(keysOf(doc.root()) == std::vector<std::string>{"B", "a", "b", "c"});
  CHECK(doc.root().find("a")->integer() == 3);
  CHECK(keysOf(*doc.root().find("c")) == std::vector<std::string>{"y", "z"});
  CHECK(doc.root().find("c")->key() == "c");
  // Many members take the other sorting path.
  std::string big = "{";
  for (int i = 40; i >= 0; --i) {
    big += "\"k" + std::to_string(i % 20) + "\": " + std::to_string(i) + (i > 0 ? ", " : "}");
  }
  REQUIRE(doc.parse(big));
  CHECK(doc.root().size() == 20);
  CHECK(doc.root().find("k0")->integer() == 0);
  CHECK(doc.root().find("k5")->integer() == 5);
}

TEST_CASE("json dom: escapes and UTF-8") {
  JsonDocument doc;
  REQUIRE(
      doc.parse(R"(["a\"b\\c\/d\b\f\n\r\t", "\u00e9\u20AC\ud83d\ude00", "plain é", "\u0000"])"));
  const JsonValue* e = doc.root().begin();
  CHECK(e[0].string() == "a\"b\\c/d\b\f\n\r\t");
  CHECK(e[1].string() == "\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80");
  CHECK(e[2].string() == "plain \xC3\xA9");
  CHECK(e[3].string() == std::string(1, '\0'));
  // A long string with an escape near the end takes both the fast and slow paths.
  const std::string longText(100, 'x');
  REQUIRE(doc.parse("\"" + longText + "\\n" + longText + "\""));
  CHECK(doc.root().string() == longText + "\n" + longText);
}

TEST_CASE("json dom: numbers as nlohmann reads them") {
  JsonDocument doc;
  REQUIRE(doc.parse("[-9223372036854775808, 18446744073709551615, 18446744073709551616, "
                    "-9223372036854775809, -0, 0, 1e-999, 0.1]"));
  const JsonValue* e = doc.root().begin();
  CHECK(e[0].type() == JsonType::Integer);
  CHECK(e[0].integer() == std::numeric_limits<std::int64_t>::min());
  CHECK(e[1].type() == JsonType::Unsigned);
  CHECK(e[1].unsignedValue() == std::numeric_limits<std::uint64_t>::max());
  CHECK(e[1].integer() == -1); // as nlohmann's get<std::int64_t>()
  CHECK(e[2].type() == JsonType::Float);
  CHECK(e[3].type() == JsonType::Float);
  CHECK(e[4].type() == JsonType::Integer);
  CHECK(e[4].integer() == 0);
  CHECK(e[5].type() == JsonType::Unsigned);
  CHECK(e[6].number() == 0.0); // underflow is accepted
  CHECK(e[7].number() == 0.1);
  CHECK(errorOf("[1e999]").find("number overflow parsing '1e999'") != std::string::npos);
  CHECK(errorOf("-1e999").rfind("line 1, column ", 0) == 0);
}

TEST_CASE("json dom: what strict JSON forbids") {
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
                                        "\x00",
                                        "[\"a\"\x00]"};
  for (const std::string& text : bad) {
    CAPTURE(text);
    CHECK_FALSE(parses(text));
    CHECK(nlohmann::json::parse(text, nullptr, false).is_discarded());
  }
  const std::vector<std::string> good = {
      "\xEF\xBB\xBF{}", " \t\r\n[ ]\n", "\"\xF4\x8F\xBF\xBF\"", "1", "null", "\"\"",
      "[[[]]]",         "{\"\":0}"};
  for (const std::string& text : good) {
    CAPTURE(text);
    CHECK(parses(text));
  }
}

TEST_CASE("json dom: a NUL byte after the value ends the input, as in nlohmann") {
  JsonDocument doc;
  const std::string text("{\"a\": 1}\0 [[ anything", 19);
  REQUIRE(doc.parse(text));
  CHECK(doc.stoppedAtNul());
  CHECK(nlohmann::json::parse(text, nullptr, false).is_object());
  REQUIRE(doc.parse("{}"));
  CHECK_FALSE(doc.stoppedAtNul());
  CHECK_FALSE(parses(std::string("[1,\0]", 5)));
  CHECK_FALSE(parses(std::string("\"a\0\"", 4)));
}

TEST_CASE("json dom: errors name the line and column") {
  CHECK(errorOf("{\n  \"id\": \"x\",\n}").rfind("line 3, column 1: ", 0) == 0);
  CHECK(errorOf("[1,\n 2,\n ]").rfind("line 3, column 2: ", 0) == 0);
  CHECK(errorOf("").rfind("line 1, column 1: ", 0) == 0);
  // At a bad UTF-8 byte, the first byte that breaks the sequence, as nlohmann did.
  CHECK(errorOf("\"ab\xC3(\"").rfind("line 1, column 5: ", 0) == 0);
}

TEST_CASE("json dom: the depth limit stops exactly where the pre-scan finds excess nesting") {
  JsonDocument doc;
  CHECK(doc.parse("[[[1]]]", 3));
  CHECK_FALSE(doc.tooDeep());
  CHECK_FALSE(doc.parse("[[[[1]]]]", 3));
  CHECK(doc.tooDeep());
  CHECK(findExcessNesting(doc.text(), 3).has_value());
  // Far deeper than any limit: one pass, no recursion.
  const std::string deep = std::string(200000, '[') + std::string(200000, ']');
  CHECK_FALSE(doc.parse(deep, 32));
  CHECK(doc.parse(deep)); // no limit: still no recursion
  CHECK_FALSE(doc.tooDeep());
}

TEST_CASE("json dom: a document is reused from parse to parse") {
  JsonDocument doc;
  REQUIRE(doc.parse(R"({"a": "x\ny", "b": [1, 2]})"));
  REQUIRE(doc.parse(R"(["p\tq", {"c": 3}])"));
  CHECK(doc.root().begin()[0].string() == "p\tq");
  CHECK(doc.root().begin()[1].find("c")->integer() == 3);
  CHECK_FALSE(doc.parse("[1,"));
  REQUIRE(doc.parse("{}"));
  CHECK(doc.root().size() == 0);
  CHECK(doc.root().begin() == doc.root().end());
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
  REQUIRE(doc.parse(text));
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
