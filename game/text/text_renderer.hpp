// Drawing text: glyphs rasterised on demand at their real pixel size into atlas
// pages (textures), then copied to the screen tinted with the text colour.
// Layout (text/layout) decides where lines break; this only draws them.
// Depends on: text/font, text/layout, render/renderer.
#pragma once

#include "render/renderer.hpp"
#include "text/font.hpp"
#include "text/layout.hpp"

#include <map>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

namespace sq {

enum class TextAlign { Left, Centre, Right };

class TextRenderer {
public:
  TextRenderer(Renderer& renderer, const FontLibrary& fonts) : mRenderer(renderer), mFonts(fonts) {}

  const FontLibrary& fonts() const { return mFonts; }
  FontMetrics metrics(const FontSpec& spec) const { return FontMetrics(mFonts, spec); }

  // Draws one line of text whose top (of the line box) is at `topLeft`; returns its width.
  float drawLine(std::string_view utf8, const FontSpec& spec, Point topLeft, Colour colour);

  // Draws text laid out by wrapText() with the same spec, each line aligned in `boxWidth`.
  void drawWrapped(std::string_view utf8, const WrappedText& layout, const FontSpec& spec,
                   Point topLeft, float boxWidth, TextAlign align, Colour colour);

  // When set, every text drawn is appended to `log` (whole wrapped texts as well
  // as their lines), so scripted play can ask what is on screen. nullptr: off.
  void setDrawnTextLog(std::vector<std::string>* log) { mLog = log; }

  // Forgets every cached glyph (after a resize to new sizes, or a device reset).
  void clearCache();
  std::size_t cachedGlyphCount() const { return mGlyphs.size(); }
  std::size_t pageCount() const { return mPages.size(); }

private:
  struct CachedGlyph {
    int page = -1; // -1: nothing to draw (a space)
    IntRect rect;
    int xoff = 0;
    int yoff = 0;
  };
  struct Page {
    Texture texture;
    int shelfX = 0;
    int shelfY = 0;
    int shelfHeight = 0;
  };
  using Key = std::tuple<const FontFace*, int, int>; // face, glyph, pixel size

  const CachedGlyph& glyph(const FontFace& face, int glyphIndex, int pixelSize);
  bool place(int w, int h, int& page, IntRect& rect);

  Renderer& mRenderer;
  const FontLibrary& mFonts;
  std::map<Key, CachedGlyph> mGlyphs;
  std::vector<Page> mPages;
  std::vector<std::string>* mLog = nullptr;
};

} // namespace sq
