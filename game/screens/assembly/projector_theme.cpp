#include "screens/assembly/projector_theme.hpp"

#include <array>
#include <cmath>
#include <vector>

namespace sq {

namespace {

const Theme kProjector{
    "projector",
    rgb(0x16213A), // background: deep blue-grey, never white
    rgb(0x22304F), // surface
    rgb(0x8A9BC4), // border
    rgb(0xFFF6DC), // text: warm cream, not pure white
    rgb(0xE3E7F2), // mutedText
    rgb(0xB8F5CB), // readyText
    rgb(0x0E3B24), // readyFill
    rgb(0xFFC7A8), // problemText
    rgb(0x3F1300), // problemFill
    rgb(0xFFE680), // warningText
    rgb(0x302400), // warningFill
    rgb(0x4CE08A), // readyAccent
    rgb(0xFF8A4C), // problemAccent
    rgb(0x8A9BC4), // scrollbar
    rgb(0xFFD166), // accent: sunflower yellow, the bars and the right answer
    rgb(0x16213A), // accentText
    rgb(0x5CE1FF), // focusRing
    rgb(0x16213A), // focusInner
    rgb(0x2E3D62), // pressed
    rgb(0x2A1F4A), // helpFill
    rgb(0xFFF6DC), // helpText
    rgb(0xC9B3FF), // helpBorder
    rgb(0x0B0F18), // calm: the blanked screen
    rgb(0xFFF6DC), // calmText
    rgb(0x8A9BC4), // path
    {rgb(0x22304F), rgb(0x22304F), rgb(0x22304F), rgb(0x22304F), rgb(0x22304F), rgb(0x22304F)},
};

// Strong, light colours, far apart in hue and each light enough for the
// background's words to read on it; a washed-out projector keeps them apart.
constexpr std::array<std::uint32_t, 6> kChoiceColours = {0xFFD166, 0x6FD3FF, 0xFF9EC7,
                                                         0xA4E86A, 0xFFAA5C, 0xD2B8FF};
constexpr std::array<ChoiceShape, 6> kChoiceShapes = {ChoiceShape::Circle,   ChoiceShape::Square,
                                                      ChoiceShape::Triangle, ChoiceShape::Diamond,
                                                      ChoiceShape::Hexagon,  ChoiceShape::Cross};

std::vector<Point> polygon(const Rect& b, int sides, float turn) {
  std::vector<Point> pts;
  const float cx = b.x + b.w / 2;
  const float cy = b.y + b.h / 2;
  const float r = std::min(b.w, b.h) / 2;
  for (int i = 0; i < sides; ++i) {
    const float a = turn + 6.2831853f * static_cast<float>(i) / static_cast<float>(sides);
    pts.push_back(Point{cx + r * std::cos(a), cy + r * std::sin(a)});
  }
  return pts;
}

} // namespace

const Theme& projectorTheme() {
  return kProjector;
}

UiContext hallContext(const UiContext& ctx) {
  UiContext c{ctx.renderer, ctx.text, projectorTheme(), ctx.viewport};
  c.family = FontFamily::Andika;
  c.textScale = 1.0f;
  c.strings = ctx.strings;
  c.pictures = ctx.pictures;
  c.assetsDir = ctx.assetsDir;
  return c;
}

ChoiceMark choiceMark(std::size_t index) {
  const std::size_t i = index % kChoiceColours.size();
  return ChoiceMark{rgb(kChoiceColours[i]), static_cast<char>('A' + i), kChoiceShapes[i]};
}

ChoiceMark thumbMark(std::size_t index) {
  static constexpr std::array<ChoiceShape, 3> kThumbs = {
      ChoiceShape::ArrowUp, ChoiceShape::ArrowRight, ChoiceShape::ArrowDown};
  static constexpr std::array<std::uint32_t, 3> kColours = {0xA4E86A, 0xFFD166, 0xFF9EC7};
  const std::size_t i = index % kThumbs.size();
  return ChoiceMark{rgb(kColours[i]), 0, kThumbs[i]};
}

void drawChoiceShape(UiContext& ctx, ChoiceShape shape, const Rect& box, Colour fill) {
  Renderer& r = ctx.renderer;
  const float s = std::min(box.w, box.h);
  const Rect sq{std::round(box.x + (box.w - s) / 2), std::round(box.y + (box.h - s) / 2), s, s};
  const float pi = 3.14159265f;
  switch (shape) {
  case ChoiceShape::Circle:
    r.fillConvex(polygon(sq, 40, 0), fill);
    break;
  case ChoiceShape::Square: {
    const float in = s * 0.08f;
    r.fillRect(Rect{sq.x + in, sq.y + in, s - 2 * in, s - 2 * in}, fill);
    break;
  }
  case ChoiceShape::Triangle:
    r.fillConvex({{sq.x + s / 2, sq.y}, {sq.right(), sq.bottom()}, {sq.x, sq.bottom()}}, fill);
    break;
  case ChoiceShape::Diamond:
    r.fillConvex(polygon(sq, 4, -pi / 2), fill);
    break;
  case ChoiceShape::Hexagon:
    r.fillConvex(polygon(sq, 6, 0), fill);
    break;
  case ChoiceShape::Cross: {
    const float bar = s * 0.34f;
    r.fillRect(Rect{sq.x, sq.y + (s - bar) / 2, s, bar}, fill);
    r.fillRect(Rect{sq.x + (s - bar) / 2, sq.y, bar, s}, fill);
    break;
  }
  case ChoiceShape::ArrowUp:
  case ChoiceShape::ArrowRight:
  case ChoiceShape::ArrowDown: {
    // A thick arrow: a head and a shaft, turned to point its way.
    const float turn = shape == ChoiceShape::ArrowUp      ? 0
                       : shape == ChoiceShape::ArrowRight ? pi / 2
                                                          : pi;
    const float cx = sq.x + s / 2;
    const float cy = sq.y + s / 2;
    auto at = [&](float x, float y) { // x, y in -0.5..0.5, pointing up before turning
      const float c = std::cos(turn);
      const float n = std::sin(turn);
      return Point{cx + s * (x * c - y * n), cy + s * (x * n + y * c)};
    };
    r.fillConvex({at(0, -0.5f), at(0.5f, 0), at(-0.5f, 0)}, fill);
    r.fillConvex({at(-0.18f, -0.01f), at(0.18f, -0.01f), at(0.18f, 0.5f), at(-0.18f, 0.5f)}, fill);
    break;
  }
  }
}

} // namespace sq
