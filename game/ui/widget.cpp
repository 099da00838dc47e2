#include "ui/widget.hpp"

namespace sq {

const Widget* findWidget(const WidgetList& widgets, std::string_view id) {
  const int i = indexOfWidget(widgets, id);
  return i < 0 ? nullptr : &widgets[static_cast<std::size_t>(i)];
}

int indexOfWidget(const WidgetList& widgets, std::string_view id) {
  for (std::size_t i = 0; i < widgets.size(); ++i) {
    if (widgets[i].id == id) {
      return static_cast<int>(i);
    }
  }
  return -1;
}

int widgetAt(const WidgetList& widgets, Point p) {
  for (std::size_t i = widgets.size(); i-- > 0;) {
    if (widgets[i].enabled && widgets[i].rect.contains(p)) {
      return static_cast<int>(i);
    }
  }
  return -1;
}

WidgetId WidgetId::parse(std::string_view id) {
  const std::size_t colon = id.find(':');
  if (colon == std::string_view::npos) {
    return WidgetId{id, {}, false};
  }
  return WidgetId{id.substr(0, colon), id.substr(colon + 1), true};
}

std::optional<std::size_t> WidgetId::number() const {
  if (value.empty() || value.size() > 4) {
    return std::nullopt;
  }
  std::size_t n = 0;
  for (const char c : value) {
    if (c < '0' || c > '9') {
      return std::nullopt;
    }
    n = n * 10 + static_cast<std::size_t>(c - '0');
  }
  if (n == 0) {
    return std::nullopt;
  }
  return n;
}

} // namespace sq
