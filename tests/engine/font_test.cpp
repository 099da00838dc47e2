// Fonts: the installed files load, Welsh letters are in Andika, characters Andika
// lacks come from the fallback, and sizes are real pixel sizes.
#include "text/font.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace sq;

namespace {

const FontLibrary& library() {
  static const FontLibrary fonts = [] {
    FontLibrary f;
    std::string error;
    REQUIRE_MESSAGE(f.load(SQ_TEST_ASSETS_DIR, error), error);
    return f;
  }();
  return fonts;
}

// The Welsh letters with a circumflex (to bach), small and capital.
constexpr char32_t kWelsh[] = {U'ŵ', U'ŷ', U'â', U'ê', U'î', U'ô', U'û',
                               U'Ŵ', U'Ŷ', U'Â', U'Ê', U'Î', U'Ô', U'Û'};

} // namespace

TEST_CASE("the fonts load from the build's assets folder") {
  const FontLibrary& f = library();
  CHECK(f.loaded());
  CHECK(f.face(FontFamily::Andika, FontWeight::Regular).hasGlyph(U'a'));
  CHECK(f.face(FontFamily::Andika, FontWeight::Bold).hasGlyph(U'a'));
  CHECK(f.face(FontFamily::OpenDyslexic, FontWeight::Regular).hasGlyph(U'a'));
  CHECK(f.fallback().hasGlyph(U'a'));
}

TEST_CASE("a missing assets folder is reported, not a crash") {
  FontLibrary f;
  std::string error;
  CHECK_FALSE(f.load("/nonexistent/safequest-assets", error));
  CHECK_FALSE(f.loaded());
  CHECK(error.find("Andika") != std::string::npos);
}

TEST_CASE("Welsh letters are drawn by Andika itself, regular and bold") {
  const FontLibrary& f = library();
  for (const FontWeight weight : {FontWeight::Regular, FontWeight::Bold}) {
    const FontFace& andika = f.face(FontFamily::Andika, weight);
    for (const char32_t cp : kWelsh) {
      CAPTURE(static_cast<int>(cp));
      CHECK(andika.hasGlyph(cp));
      const auto r = f.resolve(FontSpec{FontFamily::Andika, weight, 32}, cp);
      CHECK(r.face == &andika);
      CHECK(r.glyph != 0);
    }
  }
}

TEST_CASE("Welsh letters have their circumflex: ink above the plain letter") {
  const FontLibrary& f = library();
  const FontFace& andika = f.face(FontFamily::Andika, FontWeight::Regular);
  const float scale = andika.scaleForPixelSize(64);
  const GlyphBitmap plain = andika.rasterise(andika.glyphIndex(U'w'), scale);
  const GlyphBitmap hat = andika.rasterise(andika.glyphIndex(U'ŵ'), scale);
  REQUIRE(plain.height > 0);
  REQUIRE(hat.height > 0);
  CHECK(hat.yoff < plain.yoff - 5); // the bitmap starts well above the letter
  int ink = 0;
  for (const auto a : hat.alpha) {
    ink += a > 128 ? 1 : 0;
  }
  CHECK(ink > 100);
}

TEST_CASE("a character Andika lacks comes from the fallback font") {
  const FontLibrary& f = library();
  const char32_t star = U'\u2605'; // ★
  REQUIRE_FALSE(f.face(FontFamily::Andika, FontWeight::Regular).hasGlyph(star));
  const auto r = f.resolve(FontSpec{}, star);
  CHECK(r.face == &f.fallback());
  CHECK(r.glyph != 0);
  // And it takes room in layout.
  const FontMetrics m(f, FontSpec{FontFamily::Andika, FontWeight::Regular, 40});
  CHECK(m.advance(star) > 10.0f);
}

TEST_CASE("a character no font has falls back to the missing-glyph box") {
  const FontLibrary& f = library();
  const auto r = f.resolve(FontSpec{}, U'\U0010FFFD');
  CHECK(r.face == &f.face(FontFamily::Andika, FontWeight::Regular));
  CHECK(r.glyph == 0);
}

TEST_CASE("metrics scale with the real pixel size") {
  const FontLibrary& f = library();
  const FontMetrics small(f, FontSpec{FontFamily::Andika, FontWeight::Regular, 20});
  const FontMetrics big(f, FontSpec{FontFamily::Andika, FontWeight::Regular, 60});
  CHECK(big.advance(U'm') == doctest::Approx(small.advance(U'm') * 3).epsilon(0.01));
  CHECK(big.lineHeight() == doctest::Approx(small.lineHeight() * 3).epsilon(0.01));
  CHECK(small.lineHeight() > 20.0f);
  CHECK(small.ascent() > small.capHeight());
  CHECK(small.capHeight() > 8.0f);
  // Control characters take no room; a tab is a space.
  CHECK(small.advance(U'\x01') == 0.0f);
  CHECK(small.advance(U'\t') == small.advance(U' '));
}

TEST_CASE("heightForEm turns an em size into an ascent-to-descent height") {
  const FontFace& andika = library().face(FontFamily::Andika, FontWeight::Regular);
  // Andika's ascent-to-descent box is taller than its em.
  CHECK(andika.heightForEm(20) > 25.0f);
  CHECK(andika.heightForEm(40) == doctest::Approx(andika.heightForEm(20) * 2));
}
