#include "core/utf8.hpp"

#include <doctest/doctest.h>

using namespace sq;

TEST_CASE("UTF-8 decoding handles Welsh letters and rejects malformed input") {
  const std::string welsh = "ŵ ŷ â ê î ô û";
  CHECK(isValidUtf8(welsh));
  std::size_t pos = 0;
  CHECK(decodeUtf8(welsh, pos) == U'ŵ');
  CHECK(pos == 2);
  CHECK(utf8Length(welsh) == 13);

  CHECK_FALSE(isValidUtf8("\xC0\xAF"));         // overlong '/'
  CHECK_FALSE(isValidUtf8("\xED\xA0\x80"));     // a surrogate
  CHECK_FALSE(isValidUtf8("\xF4\x90\x80\x80")); // past U+10FFFF
  CHECK_FALSE(isValidUtf8("abc\xE2\x82"));      // cut off

  const std::string cut = "a\xE2\x82";
  pos = 1;
  CHECK(decodeUtf8(cut, pos) == kReplacementChar);
  CHECK(pos == 2); // always advances, never past the end
}

TEST_CASE("appendUtf8 round-trips every plane") {
  for (char32_t cp : {U'A', U'ŷ', U'€', U'🦋'}) {
    std::string s;
    appendUtf8(s, cp);
    std::size_t pos = 0;
    CHECK(decodeUtf8(s, pos) == cp);
    CHECK(pos == s.size());
  }
}

TEST_CASE("invalid bytes become U+FFFD so text is always printable") {
  CHECK(toValidUtf8("Siân") == "Siân");
  CHECK(toValidUtf8("priv\xC3(") == "priv\xEF\xBF\xBD(");
  CHECK(isValidUtf8(toValidUtf8("\xFF\xFE\x80 ok \xED\xA0\x80")));
}
