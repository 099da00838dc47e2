// Fonts: our own installed TrueType/OpenType files (never a pack's), read with
// stb_truetype. A FontLibrary holds the families and the fallback (DejaVu Sans)
// used for any character the chosen font lacks. FontMetrics gives layout the
// widths of one family, weight and pixel size.
// Depends on: text/layout (the TextMetrics interface), stb_truetype (libstb, .cpp only).
#pragma once

#include "platform/geometry.hpp"
#include "text/layout.hpp"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace sq {

enum class FontFamily { Andika, OpenDyslexic };
enum class FontWeight { Regular, Bold };

struct FontSpec {
  FontFamily family = FontFamily::Andika;
  FontWeight weight = FontWeight::Regular;
  int pixelSize = 16; // the em size in real pixels: glyphs are rasterised at this size
};

struct GlyphBitmap {
  int width = 0;
  int height = 0;
  int xoff = 0; // from the pen position to the bitmap's left edge
  int yoff = 0; // from the baseline to the bitmap's top edge (negative: above)
  std::vector<std::uint8_t> alpha;
};

class FontFace {
public:
  static std::unique_ptr<FontFace> fromFile(const std::string& path, std::string& error);
  static std::unique_ptr<FontFace> fromBytes(std::vector<std::uint8_t> bytes, std::string name,
                                             std::string& error);
  ~FontFace();
  FontFace(const FontFace&) = delete;
  FontFace& operator=(const FontFace&) = delete;

  const std::string& name() const { return mName; }
  // 0 when the font has no glyph for `cp`.
  int glyphIndex(char32_t cp) const;
  bool hasGlyph(char32_t cp) const { return glyphIndex(cp) != 0; }

  // Scale from font units to pixels for an em of `pixelSize` pixels.
  float scaleForPixelSize(float pixelSize) const;
  int ascent() const { return mAscent; }   // font units, positive up
  int descent() const { return mDescent; } // font units, negative
  int lineGap() const { return mLineGap; }
  int advance(int glyph) const;                // font units
  int kerning(int left, int right) const;      // font units
  int capHeight() const { return mCapHeight; } // font units, from the glyph 'H'
  // The size to give APIs that size a font by its ascent-to-descent height
  // (stbtt_ScaleForPixelHeight, Dear ImGui) so that its em is `em` pixels.
  float heightForEm(float em) const;

  GlyphBitmap rasterise(int glyph, float scale) const;
  // Where rasterise() would put the glyph's pixels (xoff, yoff, width, height in
  // the bitmap's terms), without rasterising it: for measuring drawn ink.
  IntRect inkBox(int glyph, float scale) const;

private:
  FontFace();
  struct Impl;
  std::unique_ptr<Impl> mImpl;
  std::string mName;
  int mAscent = 0;
  int mDescent = 0;
  int mLineGap = 0;
  int mCapHeight = 0;
  int mHheaHeight = 0; // hhea ascent - descent, font units
};

class FontLibrary {
public:
  // File names inside `<assetsDir>/fonts/` (copied there at build time).
  static constexpr const char* kAndikaRegular = "Andika-Regular.ttf";
  static constexpr const char* kAndikaBold = "Andika-Bold.ttf";
  static constexpr const char* kOpenDyslexic = "OpenDyslexic-Regular.otf";
  static constexpr const char* kFallback = "DejaVuSans.ttf";

  // Loads every font. Andika and the fallback are required; OpenDyslexic, when
  // missing, is replaced by Andika. Returns false and sets `error` on failure.
  bool load(const std::string& assetsDir, std::string& error);
  bool loaded() const { return mAndika[0] != nullptr; }

  const FontFace& face(FontFamily family, FontWeight weight) const;
  const FontFace& fallback() const { return *mFallback; }

  struct Resolved {
    const FontFace* face = nullptr;
    int glyph = 0;
  };
  // The face that draws `cp`: the chosen one, else the fallback, else the chosen
  // one's "missing" box (glyph 0), so nothing is silently dropped.
  Resolved resolve(const FontSpec& spec, char32_t cp) const;

private:
  std::unique_ptr<FontFace> mAndika[2];
  std::unique_ptr<FontFace> mOpenDyslexic;
  std::unique_ptr<FontFace> mFallback;
};

// Metrics of one FontSpec in pixels, for layout and drawing.
class FontMetrics final : public TextMetrics {
public:
  FontMetrics(const FontLibrary& library, const FontSpec& spec);

  float advance(char32_t cp) const override;
  float kerning(char32_t left, char32_t right) const override;
  float lineHeight() const override { return mLineHeight; }

  float ascent() const { return mAscent; }   // pixels above the baseline
  float descent() const { return mDescent; } // pixels below the baseline (positive)
  float capHeight() const { return mCapHeight; }
  const FontSpec& spec() const { return mSpec; }

private:
  const FontLibrary& mLibrary;
  FontSpec mSpec;
  const FontFace& mPrimary;
  float mScale;
  float mAscent;
  float mDescent;
  float mLineHeight;
  float mCapHeight;
};

} // namespace sq
