// An RGBA image in memory (screenshots, read-back in tests) and writing it as PNG.
// Depends on: render/geometry, stb_image_write (libstb, inside the .cpp only).
#pragma once

#include "platform/geometry.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace sq {

struct Image {
  int width = 0;
  int height = 0;
  std::vector<std::uint8_t> rgba; // row-major, 4 bytes a pixel, no padding

  Colour at(int x, int y) const {
    const auto i = (static_cast<std::size_t>(y) * static_cast<std::size_t>(width) +
                    static_cast<std::size_t>(x)) *
                   4;
    return Colour{rgba[i], rgba[i + 1], rgba[i + 2], rgba[i + 3]};
  }
};

// The image at half its width and height (rounded down, at least 1x1), each pixel the
// average of the 2x2 block it covers, weighted by alpha so transparent edges do not
// darken. A picture drawn at under half its size is scaled from this: linear
// filtering alone reads only 4 of the many pixels under each one drawn, and
// outlines step.
Image halveImage(const Image& image);

// Writes `image` as a PNG, first to "<path>.tmp" then renamed into place, so a
// reader never sees half a file. Returns false and sets `error` on failure.
bool savePng(const Image& image, const std::string& path, std::string& error);

} // namespace sq
