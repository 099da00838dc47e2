#include "ui/focus.hpp"

#include <cmath>
#include <limits>

namespace sq {

int tabFocus(const WidgetList& widgets, int current, bool backwards) {
  const int n = static_cast<int>(widgets.size());
  if (n == 0) {
    return -1;
  }
  int i = current;
  for (int step = 0; step < n; ++step) {
    if (i < 0 || i >= n) {
      i = backwards ? n - 1 : 0;
    } else {
      i = backwards ? (i + n - 1) % n : (i + 1) % n;
    }
    if (widgets[static_cast<std::size_t>(i)].enabled) {
      return i;
    }
  }
  return -1;
}

int arrowFocus(const WidgetList& widgets, int current, Direction d) {
  const int n = static_cast<int>(widgets.size());
  if (current < 0 || current >= n) {
    return tabFocus(widgets, -1, false);
  }
  const Rect& from = widgets[static_cast<std::size_t>(current)].rect;
  const float fx = from.x + from.w / 2;
  const float fy = from.y + from.h / 2;
  int best = current;
  float bestScore = std::numeric_limits<float>::max();
  for (int i = 0; i < n; ++i) {
    const Widget& w = widgets[static_cast<std::size_t>(i)];
    if (i == current || !w.enabled) {
      continue;
    }
    const float cx = w.rect.x + w.rect.w / 2;
    const float cy = w.rect.y + w.rect.h / 2;
    float along = 0; // distance in the direction asked
    float across = 0;
    bool overlaps = false; // shares a row (or column) with the current widget
    switch (d) {
    case Direction::Left:
      along = fx - cx;
      across = std::fabs(cy - fy);
      overlaps = w.rect.y < from.bottom() && w.rect.bottom() > from.y;
      break;
    case Direction::Right:
      along = cx - fx;
      across = std::fabs(cy - fy);
      overlaps = w.rect.y < from.bottom() && w.rect.bottom() > from.y;
      break;
    case Direction::Up:
      along = fy - cy;
      across = std::fabs(cx - fx);
      overlaps = w.rect.x < from.right() && w.rect.right() > from.x;
      break;
    case Direction::Down:
      along = cy - fy;
      across = std::fabs(cx - fx);
      overlaps = w.rect.x < from.right() && w.rect.right() > from.x;
      break;
    }
    if (along <= 1.0f) {
      continue; // not in that direction
    }
    // Widgets in line win over diagonal ones; then the nearest.
    const float score = (overlaps ? 0.0f : 1e6f) + along + 2.0f * across;
    if (score < bestScore) {
      bestScore = score;
      best = i;
    }
  }
  return best;
}

} // namespace sq
