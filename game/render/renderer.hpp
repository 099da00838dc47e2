// A thin wrapper over SDL_Renderer: filled and outlined rounded rectangles with
// smooth corners, textures, a clip stack and a translation, and reading the
// drawn pixels back (screenshots, tests). Screens draw through this, never SDL.
// Depends on: render/geometry, render/image, SDL2 (inside the .cpp only).
#pragma once

#include "platform/geometry.hpp"
#include "render/image.hpp"

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <utility>
#include <vector>

struct SDL_Renderer;
struct SDL_Texture;

namespace sq {

struct TextureDeleter {
  void operator()(SDL_Texture* t) const;
};

// An RGBA texture owned by value.
class Texture {
public:
  Texture() = default;
  int width() const { return mWidth; }
  int height() const { return mHeight; }
  explicit operator bool() const { return mTexture != nullptr; }
  SDL_Texture* sdl() const { return mTexture.get(); }

private:
  friend class Renderer;
  std::unique_ptr<SDL_Texture, TextureDeleter> mTexture;
  int mWidth = 0;
  int mHeight = 0;
};

class Renderer {
public:
  // Does not take ownership: the Window owns the SDL_Renderer.
  explicit Renderer(SDL_Renderer* renderer);

  SDL_Renderer* sdl() const { return mRenderer; }
  Size outputSize() const;

  void clear(Colour c);
  void present();
  // SDL queues drawing and does it at the present; this does it now (to time it).
  void flush();

  // Edges are snapped to whole pixels so fills stay crisp at every size.
  void fillRect(const Rect& r, Colour c);
  void fillRoundedRect(const Rect& r, float radius, Colour c);
  // An outline `thickness` pixels wide, drawn inside `r`.
  void strokeRoundedRect(const Rect& r, float radius, float thickness, Colour c);

  // A blank RGBA texture (white, transparent) for glyph atlases and images.
  Texture createTexture(int width, int height);
  // Copies `rgba` (4 bytes a pixel, `pitch` bytes a row) into `region` of `t`.
  bool updateTexture(Texture& t, const IntRect& region, const std::uint8_t* rgba, int pitch);
  // Pictures drawn larger or smaller than they are: blend neighbouring pixels
  // (glyphs are drawn at their own size and stay sharp).
  void setSmoothScaling(Texture& t);
  // Draws the whole of `t` into `dst`.
  void drawTexture(const Texture& t, const Rect& dst) {
    drawTexture(t, IntRect{0, 0, t.width(), t.height()}, dst);
  }
  // A filled polygon that is convex (a triangle for an arrow, a star's points).
  void fillConvex(const std::vector<Point>& points, Colour c);
  // Draws `src` of `t` into `dst`, multiplied by `tint` (white: unchanged).
  void drawTexture(const Texture& t, const IntRect& src, const Rect& dst,
                   Colour tint = Colour{255, 255, 255, 255});

  // Clip rectangles nest: each push intersects with the one before.
  void pushClip(const Rect& r);
  void popClip();
  // The clip rectangle in force (window pixels), if any.
  std::optional<Rect> clip() const {
    return mClips.empty() ? std::nullopt : std::optional<Rect>(mClips.back());
  }

  // Added to every position drawn (and to clip rectangles).
  void setTranslation(Point offset) { mOffset = offset; }
  Point translation() const { return mOffset; }

  // The whole render target as RGBA. Call before present(): after it the back
  // buffer's contents are undefined.
  std::optional<Image> readPixels() const;

  // Drops cached corner textures (after the device lost them).
  void releaseTextures() { mCorners.clear(); }

private:
  const Texture& corner(int radius, int thickness);
  void drawCorners(int x0, int y0, int x1, int y1, int radius, int thickness, Colour c);
  void applyClip();

  SDL_Renderer* mRenderer;
  Point mOffset;
  std::vector<Rect> mClips;
  std::map<std::pair<int, int>, Texture> mCorners; // (radius, thickness or 0 for filled)
};

} // namespace sq
