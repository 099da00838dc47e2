#include "text/font.hpp"

#include <stb_truetype.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <iterator>

namespace sq {

struct FontFace::Impl {
  std::vector<std::uint8_t> bytes;
  stbtt_fontinfo info{};
};

FontFace::FontFace() : mImpl(std::make_unique<Impl>()) {}
FontFace::~FontFace() = default;

std::unique_ptr<FontFace> FontFace::fromFile(const std::string& path, std::string& error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = "could not open the font " + path;
    return nullptr;
  }
  std::vector<std::uint8_t> bytes((std::istreambuf_iterator<char>(in)),
                                  std::istreambuf_iterator<char>());
  return fromBytes(std::move(bytes), path, error);
}

std::unique_ptr<FontFace> FontFace::fromBytes(std::vector<std::uint8_t> bytes, std::string name,
                                              std::string& error) {
  std::unique_ptr<FontFace> f(new FontFace());
  f->mImpl->bytes = std::move(bytes);
  f->mName = std::move(name);
  const unsigned char* data = f->mImpl->bytes.data();
  const int offset = stbtt_GetFontOffsetForIndex(data, 0);
  if (f->mImpl->bytes.empty() || offset < 0 || stbtt_InitFont(&f->mImpl->info, data, offset) == 0) {
    error = "not a font stb_truetype can read: " + f->mName;
    return nullptr;
  }
  int hheaAscent = 0;
  int hheaDescent = 0;
  int hheaGap = 0;
  stbtt_GetFontVMetrics(&f->mImpl->info, &hheaAscent, &hheaDescent, &hheaGap);
  f->mHheaHeight = hheaAscent - hheaDescent;
  // The typographic (OS/2) metrics are what the designers meant for line spacing;
  // fall back to hhea when a font lacks them.
  if (stbtt_GetFontVMetricsOS2(&f->mImpl->info, &f->mAscent, &f->mDescent, &f->mLineGap) == 0) {
    stbtt_GetFontVMetrics(&f->mImpl->info, &f->mAscent, &f->mDescent, &f->mLineGap);
  }
  int x0 = 0;
  int y0 = 0;
  int x1 = 0;
  int y1 = 0;
  if (stbtt_GetCodepointBox(&f->mImpl->info, 'H', &x0, &y0, &x1, &y1) != 0) {
    f->mCapHeight = y1;
  } else {
    f->mCapHeight = f->mAscent * 7 / 10;
  }
  return f;
}

int FontFace::glyphIndex(char32_t cp) const {
  return stbtt_FindGlyphIndex(&mImpl->info, static_cast<int>(cp));
}

float FontFace::scaleForPixelSize(float pixelSize) const {
  return stbtt_ScaleForMappingEmToPixels(&mImpl->info, pixelSize);
}

float FontFace::heightForEm(float em) const {
  return static_cast<float>(mHheaHeight) * scaleForPixelSize(em);
}

int FontFace::advance(int glyph) const {
  int adv = 0;
  int lsb = 0;
  stbtt_GetGlyphHMetrics(&mImpl->info, glyph, &adv, &lsb);
  return adv;
}

int FontFace::kerning(int left, int right) const {
  return stbtt_GetGlyphKernAdvance(&mImpl->info, left, right);
}

IntRect FontFace::inkBox(int glyph, float scale) const {
  int x0 = 0;
  int y0 = 0;
  int x1 = 0;
  int y1 = 0;
  stbtt_GetGlyphBitmapBox(&mImpl->info, glyph, scale, scale, &x0, &y0, &x1, &y1);
  return IntRect{x0, y0, std::max(0, x1 - x0), std::max(0, y1 - y0)};
}

GlyphBitmap FontFace::rasterise(int glyph, float scale) const {
  GlyphBitmap out;
  int x0 = 0;
  int y0 = 0;
  int x1 = 0;
  int y1 = 0;
  stbtt_GetGlyphBitmapBox(&mImpl->info, glyph, scale, scale, &x0, &y0, &x1, &y1);
  out.width = x1 - x0;
  out.height = y1 - y0;
  out.xoff = x0;
  out.yoff = y0;
  if (out.width <= 0 || out.height <= 0) {
    out.width = out.height = 0;
    return out;
  }
  out.alpha.resize(static_cast<std::size_t>(out.width) * out.height);
  stbtt_MakeGlyphBitmap(&mImpl->info, out.alpha.data(), out.width, out.height, out.width, scale,
                        scale, glyph);
  return out;
}

// ---- FontLibrary -------------------------------------------------------------------

bool FontLibrary::load(const std::string& assetsDir, std::string& error) {
  const std::string dir = assetsDir + "/fonts/";
  mAndika[0] = FontFace::fromFile(dir + kAndikaRegular, error);
  if (!mAndika[0]) {
    return false;
  }
  mAndika[1] = FontFace::fromFile(dir + kAndikaBold, error);
  if (!mAndika[1]) {
    mAndika[0].reset();
    return false;
  }
  mFallback = FontFace::fromFile(dir + kFallback, error);
  if (!mFallback) {
    mAndika[0].reset();
    return false;
  }
  std::string optionalError;
  mOpenDyslexic = FontFace::fromFile(dir + kOpenDyslexic, optionalError);
  return true;
}

const FontFace& FontLibrary::face(FontFamily family, FontWeight weight) const {
  if (family == FontFamily::OpenDyslexic && mOpenDyslexic) {
    return *mOpenDyslexic; // one weight: the installed bold differs too much in width
  }
  return *mAndika[weight == FontWeight::Bold ? 1 : 0];
}

FontLibrary::Resolved FontLibrary::resolve(const FontSpec& spec, char32_t cp) const {
  const FontFace& primary = face(spec.family, spec.weight);
  if (const int g = primary.glyphIndex(cp); g != 0) {
    return {&primary, g};
  }
  if (const int g = mFallback->glyphIndex(cp); g != 0) {
    return {mFallback.get(), g};
  }
  return {&primary, 0};
}

// ---- FontMetrics -------------------------------------------------------------------

FontMetrics::FontMetrics(const FontLibrary& library, const FontSpec& spec)
    : mLibrary(library), mSpec(spec), mPrimary(library.face(spec.family, spec.weight)),
      mScale(mPrimary.scaleForPixelSize(static_cast<float>(spec.pixelSize))),
      mAscent(static_cast<float>(mPrimary.ascent()) * mScale),
      mDescent(-static_cast<float>(mPrimary.descent()) * mScale),
      mLineHeight(static_cast<float>(mPrimary.ascent() - mPrimary.descent() + mPrimary.lineGap()) *
                  mScale),
      mCapHeight(static_cast<float>(mPrimary.capHeight()) * mScale) {}

float FontMetrics::advance(char32_t cp) const {
  if (cp == U'\t') {
    cp = U' ';
  } else if (cp < 0x20) {
    return 0.0f; // other control characters take no room and draw nothing
  }
  const auto r = mLibrary.resolve(mSpec, cp);
  const float scale =
      r.face == &mPrimary ? mScale : r.face->scaleForPixelSize(static_cast<float>(mSpec.pixelSize));
  return static_cast<float>(r.face->advance(r.glyph)) * scale;
}

float FontMetrics::kerning(char32_t left, char32_t right) const {
  const auto a = mLibrary.resolve(mSpec, left);
  const auto b = mLibrary.resolve(mSpec, right);
  if (a.face != &mPrimary || b.face != &mPrimary) {
    return 0.0f; // no kerning across fonts
  }
  return static_cast<float>(mPrimary.kerning(a.glyph, b.glyph)) * mScale;
}

} // namespace sq
