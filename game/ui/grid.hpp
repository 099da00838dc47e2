// Arranging tiles in a grid that fills an area: as many columns as fit tiles of a
// comfortable width, rows as tall as the area allows (never smaller than a child
// can hit), and pages when there are more tiles than fit. Pure arithmetic.
// Depends on: render/geometry.
#pragma once

#include "render/geometry.hpp"

#include <vector>

namespace sq {

struct GridSpec {
  float minTileW = 0; // pixels
  float minTileH = 0; // pixels
  float maxTileH = 0; // pixels (0: no limit)
  float maxTileW = 0; // pixels (0: no limit)
  float gap = 0;      // pixels
  int maxColumns = 6;
};

struct Grid {
  int columns = 1;
  int rows = 1;
  float tileW = 0;
  float tileH = 0;
  int perPage() const { return columns * rows; }
  // Rectangles of `count` tiles (at most perPage()), centred in `area` as a block.
  std::vector<Rect> place(const Rect& area, int count, float gap) const;
};

// The grid for `count` tiles in `area`. When they do not all fit, rows and
// columns are as many as fit and the caller pages.
Grid makeGrid(const Rect& area, int count, const GridSpec& spec);

} // namespace sq
