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

} // namespace sq
