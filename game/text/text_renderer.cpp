#include "text/text_renderer.hpp"

#include "core/utf8.hpp"

#include <algorithm>
#include <cmath>

namespace sq {

namespace {
constexpr int kPageSize = 1024;
constexpr int kPadding = 1; // empty pixels between glyphs, so sampling never bleeds
} // namespace

void TextRenderer::clearCache() {
  mGlyphs.clear();
  mInk.clear();
  mPages.clear();
}

bool TextRenderer::place(int w, int h, int& page, IntRect& rect) {
  const int pw = w + kPadding;
  const int ph = h + kPadding;
  if (!mPages.empty()) {
    Page& p = mPages.back();
    const int size = p.texture.width();
    if (p.shelfX + pw > size) {
      // Start a new shelf below the current one.
      p.shelfY += p.shelfHeight;
      p.shelfX = 0;
      p.shelfHeight = 0;
    }
    if (p.shelfX + pw <= size && p.shelfY + ph <= p.texture.height()) {
      page = static_cast<int>(mPages.size()) - 1;
      rect = IntRect{p.shelfX, p.shelfY, w, h};
      p.shelfX += pw;
      p.shelfHeight = std::max(p.shelfHeight, ph);
      return true;
    }
  }
  // A new page; a huge glyph (a giant title on a 4K screen) gets one of its own size.
  const int side = std::max({kPageSize, pw, ph});
  Page fresh;
  fresh.texture = mRenderer.createTexture(side, side);
  if (!fresh.texture) {
    return false;
  }
  fresh.shelfX = pw;
  fresh.shelfY = 0;
  fresh.shelfHeight = ph;
  mPages.push_back(std::move(fresh));
  page = static_cast<int>(mPages.size()) - 1;
  rect = IntRect{0, 0, w, h};
  return true;
}

const TextRenderer::CachedGlyph& TextRenderer::glyph(const FontFace& face, int glyphIndex,
                                                     int pixelSize) {
  const Key key{&face, glyphIndex, pixelSize};
  auto it = mGlyphs.find(key);
  if (it != mGlyphs.end()) {
    return it->second;
  }
  CachedGlyph cached;
  const GlyphBitmap bmp =
      face.rasterise(glyphIndex, face.scaleForPixelSize(static_cast<float>(pixelSize)));
  if (bmp.width > 0 && bmp.height > 0 && place(bmp.width, bmp.height, cached.page, cached.rect)) {
    std::vector<std::uint8_t> rgba(bmp.alpha.size() * 4);
    for (std::size_t i = 0; i < bmp.alpha.size(); ++i) {
      rgba[i * 4] = 255;
      rgba[i * 4 + 1] = 255;
      rgba[i * 4 + 2] = 255;
      rgba[i * 4 + 3] = bmp.alpha[i];
    }
    mRenderer.updateTexture(mPages[static_cast<std::size_t>(cached.page)].texture, cached.rect,
                            rgba.data(), bmp.width * 4);
    cached.xoff = bmp.xoff;
    cached.yoff = bmp.yoff;
  } else {
    cached.page = -1;
  }
  return mGlyphs.emplace(key, cached).first->second;
}

namespace {

// U+2026. A few interface words end in one ("Getting ready…"): a check of the
// log allows those when drawn whole.
constexpr std::string_view kEllipsis = "\xE2\x80\xA6";

Rect unite(const Rect& a, const Rect& b) {
  const float x0 = std::min(a.x, b.x);
  const float y0 = std::min(a.y, b.y);
  const float x1 = std::max(a.right(), b.right());
  const float y1 = std::max(a.bottom(), b.bottom());
  return Rect{x0, y0, x1 - x0, y1 - y0};
}

} // namespace

void TextRenderer::logDrawn(std::string_view utf8, std::vector<Rect> lines,
                            const std::optional<TextRoom>& room, const Rect& defaultBox) {
  if (mDrawLog == nullptr) {
    return;
  }
  const Point offset = mRenderer.translation();
  DrawnText d;
  d.text = std::string(utf8);
  for (Rect& r : lines) {
    r.x += offset.x;
    r.y += offset.y;
  }
  d.lines = std::move(lines);
  bool any = false;
  for (const Rect& r : d.lines) {
    if (!r.empty()) {
      d.rect = any ? unite(d.rect, r) : r;
      any = true;
    }
  }
  d.boxGiven = room.has_value();
  d.box = room ? room->box : defaultBox;
  d.box.x += offset.x;
  d.box.y += offset.y;
  d.ellipsised = (room && room->ellipsised) || utf8.find(kEllipsis) != std::string_view::npos;
  d.clip = mRenderer.clip();
  mDrawLog->push_back(std::move(d));
}

Rect TextRenderer::lineInk(std::string_view utf8, const FontSpec& spec, Point topLeft) {
  // The same pen positions as drawLineGlyphs, each glyph's box where its pixels go.
  const FontMetrics m(mFonts, spec);
  const float baseline = std::round(topLeft.y + m.ascent());
  float pen = topLeft.x;
  char32_t prev = 0;
  std::size_t pos = 0;
  bool any = false;
  Rect ink{topLeft.x, topLeft.y, 0, 0};
  while (pos < utf8.size()) {
    const char32_t cp = decodeUtf8(utf8, pos);
    if (prev != 0) {
      pen += m.kerning(prev, cp);
    }
    prev = cp;
    if (cp > 0x20) {
      const auto r = mFonts.resolve(spec, cp);
      const Key key{r.face, r.glyph, spec.pixelSize};
      auto it = mInk.find(key);
      if (it == mInk.end()) {
        const float scale = r.face->scaleForPixelSize(static_cast<float>(spec.pixelSize));
        it = mInk.emplace(key, r.face->inkBox(r.glyph, scale)).first;
      }
      const IntRect& b = it->second;
      if (b.w > 0 && b.h > 0) {
        const Rect g{std::round(pen) + static_cast<float>(b.x), baseline + static_cast<float>(b.y),
                     static_cast<float>(b.w), static_cast<float>(b.h)};
        ink = any ? unite(ink, g) : g;
        any = true;
      }
    }
    pen += m.advance(cp);
  }
  return ink;
}

float TextRenderer::drawLine(std::string_view utf8, const FontSpec& spec, Point topLeft,
                             Colour colour) {
  if (mLog != nullptr) {
    mLog->emplace_back(utf8);
  }
  const float width = drawLineGlyphs(utf8, spec, topLeft, colour);
  if (mDrawLog != nullptr) {
    const Rect line = lineInk(utf8, spec, topLeft);
    logDrawn(utf8, {line}, std::nullopt, line);
  }
  return width;
}

float TextRenderer::drawLine(std::string_view utf8, const FontSpec& spec, Point topLeft,
                             Colour colour, const TextRoom& room) {
  if (mLog != nullptr) {
    mLog->emplace_back(utf8);
  }
  const float width = drawLineGlyphs(utf8, spec, topLeft, colour);
  if (mDrawLog != nullptr) {
    const Rect line = lineInk(utf8, spec, topLeft);
    logDrawn(utf8, {line}, room, line);
  }
  return width;
}

float TextRenderer::drawLineGlyphs(std::string_view utf8, const FontSpec& spec, Point topLeft,
                                   Colour colour) {
  const FontMetrics m(mFonts, spec);
  if (mLayoutOnly) {
    return measureText(utf8, m);
  }
  const float baseline = std::round(topLeft.y + m.ascent());
  float pen = topLeft.x;
  char32_t prev = 0;
  std::size_t pos = 0;
  while (pos < utf8.size()) {
    const char32_t cp = decodeUtf8(utf8, pos);
    if (prev != 0) {
      pen += m.kerning(prev, cp);
    }
    prev = cp;
    const float adv = m.advance(cp);
    if (cp > 0x20) {
      const auto r = mFonts.resolve(spec, cp);
      const CachedGlyph& g = glyph(*r.face, r.glyph, spec.pixelSize);
      if (g.page >= 0) {
        const Rect dst{std::round(pen) + static_cast<float>(g.xoff),
                       baseline + static_cast<float>(g.yoff), static_cast<float>(g.rect.w),
                       static_cast<float>(g.rect.h)};
        mRenderer.drawTexture(mPages[static_cast<std::size_t>(g.page)].texture, g.rect, dst,
                              colour);
      }
    }
    pen += adv;
  }
  return pen - topLeft.x;
}

void TextRenderer::drawWrapped(std::string_view utf8, const WrappedText& layout,
                               const FontSpec& spec, Point topLeft, float boxWidth, TextAlign align,
                               Colour colour) {
  const FontMetrics m(mFonts, spec);
  const Rect own{topLeft.x, topLeft.y, boxWidth,
                 static_cast<float>(layout.lines.size()) * m.lineHeight()};
  drawWrappedLines(utf8, layout, spec, topLeft, boxWidth, align, colour, std::nullopt, own);
}

void TextRenderer::drawWrapped(std::string_view utf8, const WrappedText& layout,
                               const FontSpec& spec, Point topLeft, float boxWidth, TextAlign align,
                               Colour colour, const TextRoom& room) {
  drawWrappedLines(utf8, layout, spec, topLeft, boxWidth, align, colour, room, room.box);
}

void TextRenderer::drawWrappedLines(std::string_view utf8, const WrappedText& layout,
                                    const FontSpec& spec, Point topLeft, float boxWidth,
                                    TextAlign align, Colour colour,
                                    const std::optional<TextRoom>& room, const Rect& defaultBox) {
  if (mLog != nullptr) {
    mLog->emplace_back(utf8);
  }
  const FontMetrics m(mFonts, spec);
  std::vector<Rect> lines;
  lines.reserve(layout.lines.size());
  float y = topLeft.y;
  for (const TextLine& line : layout.lines) {
    float x = topLeft.x;
    if (align == TextAlign::Centre) {
      x += std::round((boxWidth - line.width) / 2);
    } else if (align == TextAlign::Right) {
      x += boxWidth - line.width;
    }
    const std::string_view part = utf8.substr(line.begin, line.end - line.begin);
    if (mLog != nullptr) {
      mLog->emplace_back(part);
    }
    drawLineGlyphs(part, spec, Point{x, y}, colour);
    if (mDrawLog != nullptr) {
      lines.push_back(lineInk(part, spec, Point{x, y}));
    }
    y += m.lineHeight();
  }
  logDrawn(utf8, std::move(lines), room, defaultBox);
}

} // namespace sq
