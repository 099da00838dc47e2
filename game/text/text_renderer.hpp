// Drawing text: glyphs rasterised on demand at their real pixel size into atlas
// pages (textures), then copied to the screen tinted with the text colour.
// Layout (text/layout) decides where lines break; this only draws them.
// It can log what it draws with where (DrawnText), so tests and scripts can ask
// whether any text was cut or left its room; in layout-only mode it logs without
// rasterising or drawing a glyph (the cheap way to check every screen).
// Depends on: text/font, text/layout, render/renderer.
#pragma once

#include "render/renderer.hpp"
#include "text/font.hpp"
#include "text/layout.hpp"

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

namespace sq {

enum class TextAlign { Left, Centre, Right };

// One text as it was drawn, in window pixels (the renderer's translation added).
// A line's rectangle is its ink: where its glyphs' pixels go (each glyph's box,
// as rasterising would place it), empty for a line of spaces.
struct DrawnText {
  std::string text;         // as drawn: with its "…" when it was shortened
  Rect rect;                // all its lines together
  std::vector<Rect> lines;  // each line on its own (a wrapped text has several)
  Rect box;                 // the room its caller allowed it (see `boxGiven`)
  bool boxGiven = false;    // false: the caller named no room; `box` is then the lines' own
  bool ellipsised = false;  // shortened with "…" (told by the caller, or seen in the text)
  std::optional<Rect> clip; // the clip rectangle it was drawn under, if any
};

// The room a caller allows a text, and whether it shortened the text to fit.
struct TextRoom {
  Rect box;
  bool ellipsised = false;
};

class TextRenderer {
public:
  TextRenderer(Renderer& renderer, const FontLibrary& fonts) : mRenderer(renderer), mFonts(fonts) {}

  const FontLibrary& fonts() const { return mFonts; }
  FontMetrics metrics(const FontSpec& spec) const { return FontMetrics(mFonts, spec); }

  // Draws one line of text whose top (of the line box) is at `topLeft`; returns its width.
  float drawLine(std::string_view utf8, const FontSpec& spec, Point topLeft, Colour colour);
  // The same, saying what room the caller allowed it (for the log).
  float drawLine(std::string_view utf8, const FontSpec& spec, Point topLeft, Colour colour,
                 const TextRoom& room);

  // Draws text laid out by wrapText() with the same spec, each line aligned in `boxWidth`.
  void drawWrapped(std::string_view utf8, const WrappedText& layout, const FontSpec& spec,
                   Point topLeft, float boxWidth, TextAlign align, Colour colour);
  // The same, saying what room the caller allowed it (for the log). Without it the
  // room logged is `boxWidth` wide and as tall as the lines.
  void drawWrapped(std::string_view utf8, const WrappedText& layout, const FontSpec& spec,
                   Point topLeft, float boxWidth, TextAlign align, Colour colour,
                   const TextRoom& room);

  // When set, every text drawn is appended to `log` (whole wrapped texts as well
  // as their lines), so scripted play can ask what is on screen. nullptr: off.
  void setDrawnTextLog(std::vector<std::string>* log) { mLog = log; }
  // When set, every text drawn is appended to `log` with its rectangles (a wrapped
  // text once, with its lines), so tests can check nothing was cut or left its
  // room. nullptr: off. Both logs may be on at once.
  void setDrawLog(std::vector<DrawnText>* log) { mDrawLog = log; }
  // Layout only: measure and log, but rasterise and draw no glyph (tests that
  // check where text goes on hundreds of screens). Off by default.
  void setLayoutOnly(bool on) { mLayoutOnly = on; }

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

  Rect lineInk(std::string_view utf8, const FontSpec& spec, Point topLeft);
  float drawLineGlyphs(std::string_view utf8, const FontSpec& spec, Point topLeft, Colour colour);
  void drawWrappedLines(std::string_view utf8, const WrappedText& layout, const FontSpec& spec,
                        Point topLeft, float boxWidth, TextAlign align, Colour colour,
                        const std::optional<TextRoom>& room, const Rect& defaultBox);
  void logDrawn(std::string_view utf8, std::vector<Rect> lines, const std::optional<TextRoom>& room,
                const Rect& defaultBox);
  const CachedGlyph& glyph(const FontFace& face, int glyphIndex, int pixelSize);
  bool place(int w, int h, int& page, IntRect& rect);

  Renderer& mRenderer;
  const FontLibrary& mFonts;
  std::map<Key, CachedGlyph> mGlyphs;
  std::map<Key, IntRect> mInk; // glyph boxes, measured without rasterising
  std::vector<Page> mPages;
  std::vector<std::string>* mLog = nullptr;
  std::vector<DrawnText>* mDrawLog = nullptr;
  bool mLayoutOnly = false;
};

} // namespace sq
