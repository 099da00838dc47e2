#include "ui/focus.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace sq {

namespace {

int rank(FocusPart p) {
  switch (p) {
  case FocusPart::Auto:
  case FocusPart::Content:
    return 0;
  case FocusPart::Secondary:
    return 1;
  case FocusPart::Chrome:
    break;
  }
  return 2;
}

} // namespace

bool arrowTarget(const Widget& w) {
  return w.part != FocusPart::Chrome;
}

std::vector<int> tabOrder(const WidgetList& widgets) {
  std::vector<int> order;
  for (std::size_t i = 0; i < widgets.size(); ++i) {
    if (widgets[i].enabled) {
      order.push_back(static_cast<int>(i));
    }
  }
  std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
    return rank(widgets[static_cast<std::size_t>(a)].part) <
           rank(widgets[static_cast<std::size_t>(b)].part);
  });
  return order;
}

int tabFocus(const WidgetList& widgets, int current, bool backwards) {
  const std::vector<int> order = tabOrder(widgets);
  if (order.empty()) {
    return -1;
  }
  const auto at = std::find(order.begin(), order.end(), current);
  if (at == order.end()) {
    return backwards ? order.back() : order.front();
  }
  const auto n = static_cast<std::ptrdiff_t>(order.size());
  const std::ptrdiff_t i = at - order.begin();
  return order[static_cast<std::size_t>(backwards ? (i + n - 1) % n : (i + 1) % n)];
}

int initialFocus(const WidgetList& widgets, std::string_view preferred) {
  if (!preferred.empty()) {
    const int i = indexOfWidget(widgets, preferred);
    if (i >= 0 && widgets[static_cast<std::size_t>(i)].enabled) {
      return i;
    }
  }
  const std::vector<int> order = tabOrder(widgets);
  if (!order.empty() && arrowTarget(widgets[static_cast<std::size_t>(order.front())])) {
    return order.front();
  }
  return -1;
}

int arrowFocus(const WidgetList& widgets, int current, Direction d) {
  const int n = static_cast<int>(widgets.size());
  if (current < 0 || current >= n) {
    return initialFocus(widgets, {});
  }
  const Rect& from = widgets[static_cast<std::size_t>(current)].rect;
  const float fx = from.x + from.w / 2;
  const float fy = from.y + from.h / 2;
  int best = current;
  float bestScore = std::numeric_limits<float>::max();
  for (int i = 0; i < n; ++i) {
    const Widget& w = widgets[static_cast<std::size_t>(i)];
    if (i == current || !w.enabled || !arrowTarget(w)) {
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
