#include "render/renderer.hpp"

#include <SDL.h>

#include <algorithm>
#include <cmath>

namespace sq {

void TextureDeleter::operator()(SDL_Texture* t) const {
  if (t != nullptr) {
    SDL_DestroyTexture(t);
  }
}

namespace {

int snap(float v) {
  return static_cast<int>(std::lround(v));
}

void setColour(SDL_Renderer* r, Colour c) {
  SDL_SetRenderDrawColor(r, c.r, c.g, c.b, c.a);
  // An opaque fill needs no blending, and the software renderer blends every
  // pixel when asked to, even at full alpha: 8 times slower for a whole screen.
  SDL_SetRenderDrawBlendMode(r, c.a == 255 ? SDL_BLENDMODE_NONE : SDL_BLENDMODE_BLEND);
}

void fillInt(SDL_Renderer* r, int x, int y, int w, int h) {
  if (w <= 0 || h <= 0) {
    return;
  }
  const SDL_Rect rect{x, y, w, h};
  SDL_RenderFillRect(r, &rect);
}

// Coverage of one pixel of the top-left corner quadrant of a circle of `radius`
// centred at (radius, radius), minus the inner circle when `thickness` > 0.
// Sampled 4x4 per pixel: corners stay smooth without any GPU anti-aliasing.
std::uint8_t cornerCoverage(int px, int py, int radius, int thickness) {
  const float outer = static_cast<float>(radius);
  const float inner = thickness > 0 ? std::max(0.0f, outer - static_cast<float>(thickness)) : -1.0f;
  int inside = 0;
  for (int sy = 0; sy < 4; ++sy) {
    for (int sx = 0; sx < 4; ++sx) {
      const float x = static_cast<float>(px) + (static_cast<float>(sx) + 0.5f) / 4.0f - outer;
      const float y = static_cast<float>(py) + (static_cast<float>(sy) + 0.5f) / 4.0f - outer;
      const float d2 = x * x + y * y;
      if (d2 <= outer * outer && (inner < 0 || d2 >= inner * inner)) {
        ++inside;
      }
    }
  }
  return static_cast<std::uint8_t>((inside * 255 + 8) / 16);
}

} // namespace

Renderer::Renderer(SDL_Renderer* renderer) : mRenderer(renderer) {
  SDL_SetRenderDrawBlendMode(mRenderer, SDL_BLENDMODE_BLEND);
}

Size Renderer::outputSize() const {
  Size s;
  SDL_GetRendererOutputSize(mRenderer, &s.width, &s.height);
  return s;
}

void Renderer::clear(Colour c) {
  mClips.clear();
  SDL_RenderSetClipRect(mRenderer, nullptr);
  setColour(mRenderer, c);
  SDL_RenderClear(mRenderer);
}

void Renderer::present() {
  SDL_RenderPresent(mRenderer);
}

void Renderer::flush() {
  SDL_RenderFlush(mRenderer);
}

void Renderer::fillRect(const Rect& r, Colour c) {
  const int x0 = snap(r.x + mOffset.x);
  const int y0 = snap(r.y + mOffset.y);
  const int x1 = snap(r.right() + mOffset.x);
  const int y1 = snap(r.bottom() + mOffset.y);
  setColour(mRenderer, c);
  fillInt(mRenderer, x0, y0, x1 - x0, y1 - y0);
}

const Texture& Renderer::corner(int radius, int thickness) {
  const auto key = std::make_pair(radius, thickness);
  auto it = mCorners.find(key);
  if (it != mCorners.end()) {
    return it->second;
  }
  // All four corners in one texture (a whole circle or ring), so each is drawn
  // with a plain copy: flipped copies are slow in the software renderer.
  const int side = radius * 2;
  Texture t = createTexture(side, side);
  std::vector<std::uint8_t> pixels(static_cast<std::size_t>(side) * side * 4);
  for (int y = 0; y < side; ++y) {
    for (int x = 0; x < side; ++x) {
      const int qx = x < radius ? x : side - 1 - x;
      const int qy = y < radius ? y : side - 1 - y;
      const auto i = (static_cast<std::size_t>(y) * side + x) * 4;
      pixels[i] = 255;
      pixels[i + 1] = 255;
      pixels[i + 2] = 255;
      pixels[i + 3] = cornerCoverage(qx, qy, radius, thickness);
    }
  }
  updateTexture(t, IntRect{0, 0, side, side}, pixels.data(), side * 4);
  return mCorners.emplace(key, std::move(t)).first->second;
}

void Renderer::drawCorners(int x0, int y0, int x1, int y1, int radius, int thickness, Colour c) {
  const Texture& t = corner(radius, thickness);
  if (!t) {
    return;
  }
  SDL_SetTextureColorMod(t.sdl(), c.r, c.g, c.b);
  SDL_SetTextureAlphaMod(t.sdl(), c.a);
  const int r = radius;
  const SDL_Rect srcTl{0, 0, r, r};
  const SDL_Rect srcTr{r, 0, r, r};
  const SDL_Rect srcBl{0, r, r, r};
  const SDL_Rect srcBr{r, r, r, r};
  const SDL_Rect tl{x0, y0, r, r};
  const SDL_Rect tr{x1 - r, y0, r, r};
  const SDL_Rect bl{x0, y1 - r, r, r};
  const SDL_Rect br{x1 - r, y1 - r, r, r};
  SDL_RenderCopy(mRenderer, t.sdl(), &srcTl, &tl);
  SDL_RenderCopy(mRenderer, t.sdl(), &srcTr, &tr);
  SDL_RenderCopy(mRenderer, t.sdl(), &srcBl, &bl);
  SDL_RenderCopy(mRenderer, t.sdl(), &srcBr, &br);
}

void Renderer::fillRoundedRect(const Rect& r, float radius, Colour c) {
  const int x0 = snap(r.x + mOffset.x);
  const int y0 = snap(r.y + mOffset.y);
  const int x1 = snap(r.right() + mOffset.x);
  const int y1 = snap(r.bottom() + mOffset.y);
  const int w = x1 - x0;
  const int h = y1 - y0;
  if (w <= 0 || h <= 0) {
    return;
  }
  const int rad = std::clamp(snap(radius), 0, std::min(w, h) / 2);
  setColour(mRenderer, c);
  if (rad == 0) {
    fillInt(mRenderer, x0, y0, w, h);
    return;
  }
  // Three bands and four corners that never overlap, so translucent fills stay even.
  fillInt(mRenderer, x0 + rad, y0, w - 2 * rad, h);
  fillInt(mRenderer, x0, y0 + rad, rad, h - 2 * rad);
  fillInt(mRenderer, x1 - rad, y0 + rad, rad, h - 2 * rad);
  drawCorners(x0, y0, x1, y1, rad, 0, c);
}

void Renderer::strokeRoundedRect(const Rect& r, float radius, float thickness, Colour c) {
  const int x0 = snap(r.x + mOffset.x);
  const int y0 = snap(r.y + mOffset.y);
  const int x1 = snap(r.right() + mOffset.x);
  const int y1 = snap(r.bottom() + mOffset.y);
  const int w = x1 - x0;
  const int h = y1 - y0;
  if (w <= 0 || h <= 0) {
    return;
  }
  const int t = std::clamp(snap(thickness), 1, std::min(w, h) / 2);
  const int rad = std::clamp(snap(radius), t, std::max(t, std::min(w, h) / 2));
  setColour(mRenderer, c);
  fillInt(mRenderer, x0 + rad, y0, w - 2 * rad, t);     // top
  fillInt(mRenderer, x0 + rad, y1 - t, w - 2 * rad, t); // bottom
  fillInt(mRenderer, x0, y0 + rad, t, h - 2 * rad);     // left
  fillInt(mRenderer, x1 - t, y0 + rad, t, h - 2 * rad); // right
  drawCorners(x0, y0, x1, y1, rad, t, c);
}

Texture Renderer::createTexture(int width, int height) {
  Texture t;
  if (width <= 0 || height <= 0) {
    return t;
  }
  SDL_Texture* raw =
      SDL_CreateTexture(mRenderer, SDL_PIXELFORMAT_RGBA32, SDL_TEXTUREACCESS_STATIC, width, height);
  if (raw == nullptr) {
    return t;
  }
  SDL_SetTextureBlendMode(raw, SDL_BLENDMODE_BLEND);
  t.mTexture.reset(raw);
  t.mWidth = width;
  t.mHeight = height;
  // Start transparent: SDL leaves new static textures' contents undefined.
  const std::vector<std::uint8_t> clear(static_cast<std::size_t>(width) * height * 4, 0);
  SDL_UpdateTexture(raw, nullptr, clear.data(), width * 4);
  return t;
}

bool Renderer::updateTexture(Texture& t, const IntRect& region, const std::uint8_t* rgba,
                             int pitch) {
  if (!t || region.w <= 0 || region.h <= 0) {
    return false;
  }
  const SDL_Rect rect{region.x, region.y, region.w, region.h};
  return SDL_UpdateTexture(t.sdl(), &rect, rgba, pitch) == 0;
}

void Renderer::drawTexture(const Texture& t, const IntRect& src, const Rect& dst, Colour tint) {
  if (!t) {
    return;
  }
  SDL_SetTextureColorMod(t.sdl(), tint.r, tint.g, tint.b);
  SDL_SetTextureAlphaMod(t.sdl(), tint.a);
  const SDL_Rect s{src.x, src.y, src.w, src.h};
  const int x0 = snap(dst.x + mOffset.x);
  const int y0 = snap(dst.y + mOffset.y);
  const SDL_Rect d{x0, y0, snap(dst.right() + mOffset.x) - x0, snap(dst.bottom() + mOffset.y) - y0};
  SDL_RenderCopy(mRenderer, t.sdl(), &s, &d);
}

void Renderer::setSmoothScaling(Texture& t) {
  if (t) {
    SDL_SetTextureScaleMode(t.sdl(), SDL_ScaleModeLinear);
  }
}

void Renderer::fillConvex(const std::vector<Point>& points, Colour c) {
  if (points.size() < 3) {
    return;
  }
  std::vector<SDL_Vertex> vertices;
  std::vector<int> indices;
  vertices.reserve(points.size());
  const SDL_Color colour{c.r, c.g, c.b, c.a};
  for (const Point& p : points) {
    vertices.push_back(
        SDL_Vertex{SDL_FPoint{p.x + mOffset.x, p.y + mOffset.y}, colour, SDL_FPoint{0, 0}});
  }
  // A fan from the first point covers a convex shape exactly once.
  for (std::size_t i = 1; i + 1 < points.size(); ++i) {
    indices.push_back(0);
    indices.push_back(static_cast<int>(i));
    indices.push_back(static_cast<int>(i + 1));
  }
  SDL_RenderGeometry(mRenderer, nullptr, vertices.data(), static_cast<int>(vertices.size()),
                     indices.data(), static_cast<int>(indices.size()));
}

void Renderer::pushClip(const Rect& r) {
  const Rect moved{r.x + mOffset.x, r.y + mOffset.y, r.w, r.h};
  mClips.push_back(mClips.empty() ? moved : intersect(mClips.back(), moved));
  applyClip();
}

void Renderer::popClip() {
  if (!mClips.empty()) {
    mClips.pop_back();
  }
  applyClip();
}

void Renderer::applyClip() {
  if (mClips.empty()) {
    SDL_RenderSetClipRect(mRenderer, nullptr);
    return;
  }
  const Rect& c = mClips.back();
  const int x0 = snap(c.x);
  const int y0 = snap(c.y);
  // SDL treats an empty clip rectangle as "no clipping": keep at least one
  // pixel outside everything instead.
  SDL_Rect rect{x0, y0, std::max(0, snap(c.right()) - x0), std::max(0, snap(c.bottom()) - y0)};
  if (rect.w == 0 || rect.h == 0) {
    rect = SDL_Rect{-2, -2, 1, 1};
  }
  SDL_RenderSetClipRect(mRenderer, &rect);
}

std::optional<Image> Renderer::readPixels() const {
  Image img;
  const Size s = outputSize();
  if (s.width <= 0 || s.height <= 0) {
    return std::nullopt;
  }
  img.width = s.width;
  img.height = s.height;
  img.rgba.resize(static_cast<std::size_t>(s.width) * s.height * 4);
  if (SDL_RenderReadPixels(mRenderer, nullptr, SDL_PIXELFORMAT_RGBA32, img.rgba.data(),
                           s.width * 4) != 0) {
    return std::nullopt;
  }
  return img;
}

} // namespace sq
