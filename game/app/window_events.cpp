#include "app/window_events.hpp"

#include "render/picture.hpp"
#include "render/renderer.hpp"
#include "text/text_renderer.hpp"

#include <variant>

namespace sq {

void recoverLostDevice(DrawingParts parts) {
  parts.renderer.releaseTextures();
  parts.text.clearCache();
  parts.pictures.clear();
}

bool handleDrawingEvent(const InputEvent& event, DrawingParts parts, bool& dirty) {
  if (std::holds_alternative<RedrawNeeded>(event)) {
    dirty = true;
    return true;
  }
  if (std::holds_alternative<DeviceReset>(event)) {
    recoverLostDevice(parts);
    dirty = true;
    return true;
  }
  return false;
}

} // namespace sq
