#include "core/diagnostics.hpp"

#include <doctest/doctest.h>

#include <set>

using namespace sq;

TEST_CASE("every diagnostic code is unique and well formed") {
  std::set<std::string_view> seen;
  for (const CodeInfo& info : allCodes()) {
    CHECK(seen.insert(info.id).second);
    CHECK(info.id.find('.') != std::string_view::npos);
    CHECK(!info.meaning.empty());
    CHECK(&codeInfo(info.code) == &info);
  }
  CHECK(seen.size() == allCodes().size());
}

TEST_CASE("a diagnostic prints as file:/pointer: severity code: message") {
  Diagnostics d;
  d.add(Code::RefUnresolved, "lessons/a.json", "/steps/1/start", "no node \"x\"");
  d.add(Code::JsonSyntax, "pack.json", "", "line 2, column 1: unexpected '}'");
  d.add(Code::SchemaUnknownField, "lessons/a.json", "/colour", "misspelt?");
  REQUIRE(d.all().size() == 3);
  CHECK(formatDiagnostic(d.all()[0]) ==
        "lessons/a.json:/steps/1/start: error ref.unresolved: no node \"x\"");
  CHECK(formatDiagnostic(d.all()[1]) ==
        "pack.json: error json.syntax: line 2, column 1: unexpected '}'");
  CHECK(formatDiagnostic(d.all()[2]) ==
        "lessons/a.json:/colour: warning schema.unknown-field: misspelt?");
  CHECK(d.errorCount() == 2);
  CHECK(d.warningCount() == 1);
}

TEST_CASE("JSON pointer tokens escape ~ and /") {
  CHECK(pointerToken("a/b~c") == "a~1b~0c");
  CHECK(pointerToken("plain") == "plain");
}
