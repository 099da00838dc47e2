// The geometry types (Colour, Point, Size, Rect, IntRect) live in platform/, the
// lowest engine module, because injected input events carry points and platform/
// may not use render/. This header stays so the screens that name it keep
// building; new code includes "platform/geometry.hpp".
// Depends on: platform/geometry.
#pragma once

#include "platform/geometry.hpp"
