// What a window's own events ask of whoever draws in it, handled the same way by
// the game's frame loop (app) and the editor's preview (lesson_preview): a redraw
// asked for, and a lost GPU device (its textures gone: the renderer's corners, the
// glyph cache and the pictures are dropped, to be made again at the next draw).
// Depends on: platform (input), render (renderer, picture), text (text_renderer).
#pragma once

#include "platform/input.hpp"

namespace sq {

class Renderer;
class TextRenderer;
class PictureCache;

// The parts of a window's drawing that keep textures.
struct DrawingParts {
  Renderer& renderer;
  TextRenderer& text;
  PictureCache& pictures;
};

// Forgets every texture the parts keep, after the device lost them.
void recoverLostDevice(DrawingParts parts);

// true when `event` was the drawing's own (RedrawNeeded, DeviceReset): it is handled
// here, `dirty` is set, and the screens need not see it.
bool handleDrawingEvent(const InputEvent& event, DrawingParts parts, bool& dirty);

} // namespace sq
