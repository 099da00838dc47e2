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

float TextRenderer::drawLine(std::string_view utf8, const FontSpec& spec, Point topLeft,
                             Colour colour) {
  if (mLog != nullptr) {
    mLog->emplace_back(utf8);
  }
  const FontMetrics m(mFonts, spec);
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
  if (mLog != nullptr) {
    mLog->emplace_back(utf8);
  }
  const FontMetrics m(mFonts, spec);
  float y = topLeft.y;
  for (const TextLine& line : layout.lines) {
    float x = topLeft.x;
    if (align == TextAlign::Centre) {
      x += std::round((boxWidth - line.width) / 2);
    } else if (align == TextAlign::Right) {
      x += boxWidth - line.width;
    }
    drawLine(utf8.substr(line.begin, line.end - line.begin), spec, Point{x, y}, colour);
    y += m.lineHeight();
  }
}

} // namespace sq
