// Plain value types shared by the engine and the screens: colours, points, sizes
// and rectangles in drawable pixels.
// Depends on: std only.
#pragma once

#include <algorithm>
#include <cstdint>

namespace sq {

struct Colour {
  std::uint8_t r = 0;
  std::uint8_t g = 0;
  std::uint8_t b = 0;
  std::uint8_t a = 255;

  friend bool operator==(Colour x, Colour y) {
    return x.r == y.r && x.g == y.g && x.b == y.b && x.a == y.a;
  }
  friend bool operator!=(Colour x, Colour y) { return !(x == y); }
};

// 0xRRGGBB, opaque.
constexpr Colour rgb(std::uint32_t hex) {
  return Colour{static_cast<std::uint8_t>((hex >> 16) & 0xFF),
                static_cast<std::uint8_t>((hex >> 8) & 0xFF), static_cast<std::uint8_t>(hex & 0xFF),
                255};
}

struct Point {
  float x = 0;
  float y = 0;
};

struct Size {
  int width = 0;
  int height = 0;
};

struct Rect {
  float x = 0;
  float y = 0;
  float w = 0;
  float h = 0;

  float right() const { return x + w; }
  float bottom() const { return y + h; }
  bool contains(Point p) const { return p.x >= x && p.x < x + w && p.y >= y && p.y < y + h; }
  bool empty() const { return w <= 0 || h <= 0; }
};

inline Rect intersect(const Rect& a, const Rect& b) {
  const float x0 = std::max(a.x, b.x);
  const float y0 = std::max(a.y, b.y);
  const float x1 = std::min(a.right(), b.right());
  const float y1 = std::min(a.bottom(), b.bottom());
  return Rect{x0, y0, std::max(0.0f, x1 - x0), std::max(0.0f, y1 - y0)};
}

// Whole-pixel rectangle, for texture regions and pixel checks.
struct IntRect {
  int x = 0;
  int y = 0;
  int w = 0;
  int h = 0;
};

} // namespace sq
