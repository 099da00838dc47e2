#include "ui/grid.hpp"

#include <algorithm>
#include <cmath>

namespace sq {

Grid makeGrid(const Rect& area, int count, const GridSpec& spec) {
  Grid g;
  count = std::max(1, count);
  const float gap = spec.gap;
  const int fitCols = std::max(
      1, static_cast<int>(std::floor((area.w + gap) / std::max(1.0f, spec.minTileW + gap))));
  const int fitRows = std::max(
      1, static_cast<int>(std::floor((area.h + gap) / std::max(1.0f, spec.minTileH + gap))));
  const int maxCols = std::min(fitCols, std::max(1, spec.maxColumns));
  // Fewest rows that hold everything, spread evenly over columns.
  int rows = std::min(fitRows, static_cast<int>(std::ceil(static_cast<float>(count) /
                                                          static_cast<float>(maxCols))));
  rows = std::max(1, rows);
  int cols = std::min(
      maxCols, static_cast<int>(std::ceil(static_cast<float>(count) / static_cast<float>(rows))));
  cols = std::max(1, cols);
  g.columns = cols;
  g.rows = rows;
  g.tileW = std::floor((area.w - gap * static_cast<float>(cols - 1)) / static_cast<float>(cols));
  g.tileH = std::floor((area.h - gap * static_cast<float>(rows - 1)) / static_cast<float>(rows));
  if (spec.maxTileW > 0) {
    g.tileW = std::min(g.tileW, spec.maxTileW);
  }
  if (spec.maxTileH > 0) {
    g.tileH = std::min(g.tileH, spec.maxTileH);
  }
  return g;
}

std::vector<Rect> Grid::place(const Rect& area, int count, float gap) const {
  std::vector<Rect> out;
  count = std::min(count, perPage());
  if (count <= 0) {
    return out;
  }
  const int usedRows = (count + columns - 1) / columns;
  const float blockH =
      static_cast<float>(usedRows) * tileH + static_cast<float>(usedRows - 1) * gap;
  const float top = std::round(area.y + std::max(0.0f, (area.h - blockH) / 2));
  for (int i = 0; i < count; ++i) {
    const int row = i / columns;
    const int col = i % columns;
    // The last row is centred too when it is not full.
    const int inRow = std::min(columns, count - row * columns);
    const float rowW = static_cast<float>(inRow) * tileW + static_cast<float>(inRow - 1) * gap;
    const float left = std::round(area.x + (area.w - rowW) / 2);
    out.push_back(Rect{std::round(left + static_cast<float>(col) * (tileW + gap)),
                       std::round(top + static_cast<float>(row) * (tileH + gap)), tileW, tileH});
  }
  return out;
}

} // namespace sq
