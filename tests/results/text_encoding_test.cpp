// results/text_encoding: BOM handling, UTF-8 detection, and the whole Windows-1252
// table (the 0x80-0x9F block is where Excel's curly apostrophes live).
#include "core/utf8.hpp"
#include "results/text_encoding.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace sq;

TEST_CASE("text encoding: plain ASCII and UTF-8 pass through unchanged") {
  DetectedEncoding e = DetectedEncoding::Windows1252;
  CHECK(decodeToUtf8("Forename,Surname\r\nAmy,Jones\r\n", &e) ==
        "Forename,Surname\r\nAmy,Jones\r\n");
  CHECK(e == DetectedEncoding::Utf8);
  CHECK(decodeToUtf8("Zoë,Siân,O’Brien", &e) == "Zoë,Siân,O’Brien");
  CHECK(e == DetectedEncoding::Utf8);
  CHECK(decodeToUtf8("", &e).empty());
  CHECK(e == DetectedEncoding::Utf8);
  CHECK(decodeToUtf8("no out parameter") == "no out parameter");
}

TEST_CASE("text encoding: a UTF-8 BOM is removed and reported") {
  DetectedEncoding e = DetectedEncoding::Utf8;
  CHECK(decodeToUtf8("\xEF\xBB\xBFZo\xC3\xAB", &e) == "Zoë");
  CHECK(e == DetectedEncoding::Utf8Bom);
  CHECK(decodeToUtf8("\xEF\xBB\xBF", &e).empty());
  CHECK(e == DetectedEncoding::Utf8Bom);
  // Only a leading BOM is one; a second is kept as text (U+FEFF).
  CHECK(decodeToUtf8("\xEF\xBB\xBF\xEF\xBB\xBF"
                     "a",
                     &e) == "\xEF\xBB\xBF"
                            "a");
  // A part of a BOM is not a BOM, and not valid UTF-8 either.
  CHECK(decodeToUtf8("\xEF\xBB"
                     "a",
                     &e) == "\xC3\xAF\xC2\xBB"
                            "a");
  CHECK(e == DetectedEncoding::Windows1252);
}

TEST_CASE("text encoding: invalid bytes after a BOM become U+FFFD, not Windows-1252") {
  DetectedEncoding e = DetectedEncoding::Utf8;
  const std::string out = decodeToUtf8("\xEF\xBB\xBFZo\xEB", &e);
  CHECK(e == DetectedEncoding::Utf8Bom);
  CHECK(out == "Zo\xEF\xBF\xBD");
  CHECK(isValidUtf8(out));
}

TEST_CASE("text encoding: Windows-1252 names decode (Zoë, Siân, O’Brien)") {
  DetectedEncoding e = DetectedEncoding::Utf8;
  CHECK(decodeToUtf8("Zo\xEB", &e) == "Zoë");
  CHECK(e == DetectedEncoding::Windows1252);
  CHECK(decodeToUtf8("Si\xE2n") == "Siân");
  CHECK(decodeToUtf8("O\x92"
                     "Brien") == "O’Brien");
  CHECK(decodeToUtf8("\x93quoted\x94 \x80 \x85") == "“quoted” € …");
  CHECK(decodeToUtf8("\xC0\xFF\xA0") == "Àÿ\xC2\xA0");
  CHECK(decodeToUtf8("Ren\xE9"
                     "e Fran\xE7ois \x8A\x9A\x8E\x9E\x9F") == "Renée François ŠšŽžŸ");
}

TEST_CASE("text encoding: the five undefined Windows-1252 bytes become U+FFFD") {
  for (const int b : {0x81, 0x8D, 0x8F, 0x90, 0x9D}) {
    CAPTURE(b);
    CHECK(windows1252ToUnicode(static_cast<unsigned char>(b)) == kReplacementChar);
    const std::string in(1, static_cast<char>(b));
    CHECK(decodeToUtf8(in) == "\xEF\xBF\xBD");
  }
}

TEST_CASE("text encoding: every byte decodes to valid UTF-8 and round-trips Latin-1") {
  std::string all;
  for (int b = 0; b < 256; ++b) {
    all += static_cast<char>(b);
  }
  DetectedEncoding e = DetectedEncoding::Utf8;
  const std::string out = decodeToUtf8(all, &e);
  CHECK(e == DetectedEncoding::Windows1252);
  CHECK(isValidUtf8(out));
  CHECK(utf8Length(out) == 256);
  std::size_t pos = 0;
  for (int b = 0; b < 256; ++b) {
    const char32_t cp = decodeUtf8(out, pos);
    CHECK(cp == windows1252ToUnicode(static_cast<unsigned char>(b)));
    if (b < 0x80 || b >= 0xA0) {
      CHECK(cp == static_cast<char32_t>(b));
    }
  }
}

TEST_CASE("text encoding: names for messages") {
  CHECK(encodingName(DetectedEncoding::Utf8) == "utf-8");
  CHECK(encodingName(DetectedEncoding::Utf8Bom) == "utf-8 with BOM");
  CHECK(encodingName(DetectedEncoding::Windows1252) == "windows-1252");
}
