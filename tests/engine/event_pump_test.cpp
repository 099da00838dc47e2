// The platform's event pump: SDL finger events become pointer events (whiteboards),
// only the first finger counts until it lifts, mouse events SDL makes up from a
// touch are dropped (no double presses), and F12 is a key.
#include "headless.hpp"
#include "platform/event_pump.hpp"

#include <SDL.h>
#include <doctest/doctest.h>

#include <type_traits>

using namespace sq;
using namespace sq::test;

namespace {

void pushFinger(Uint32 type, SDL_FingerID finger, float x, float y) {
  SDL_Event e{};
  e.type = type;
  e.tfinger.fingerId = finger;
  e.tfinger.x = x;
  e.tfinger.y = y;
  SDL_PushEvent(&e);
}

std::vector<InputEvent> drain(EventPump& pump) {
  std::vector<InputEvent> out;
  pump.collect(0, out);
  std::vector<InputEvent> pointer;
  for (auto& e : out) {
    if (std::holds_alternative<PointerDown>(e) || std::holds_alternative<PointerUp>(e) ||
        std::holds_alternative<PointerMove>(e) || std::holds_alternative<KeyDown>(e)) {
      pointer.push_back(e);
    }
  }
  return pointer;
}

} // namespace

TEST_CASE("a finger is a pointer; a second finger is ignored until the first lifts") {
  Headless hl(400, 200);
  EventPump pump(*hl.window);
  drain(pump);
  pushFinger(SDL_FINGERDOWN, 1, 0.5f, 0.5f);
  pushFinger(SDL_FINGERDOWN, 2, 0.1f, 0.1f); // another child's hand
  pushFinger(SDL_FINGERMOTION, 1, 0.6f, 0.5f);
  pushFinger(SDL_FINGERUP, 2, 0.1f, 0.1f);
  pushFinger(SDL_FINGERUP, 1, 0.6f, 0.5f);
  const auto events = drain(pump);
  REQUIRE(events.size() == 3);
  const auto* down = std::get_if<PointerDown>(&events[0]);
  REQUIRE(down != nullptr);
  CHECK(down->touch);
  CHECK(down->x == doctest::Approx(200));
  CHECK(down->y == doctest::Approx(100));
  CHECK(std::holds_alternative<PointerMove>(events[1]));
  const auto* up = std::get_if<PointerUp>(&events[2]);
  REQUIRE(up != nullptr);
  CHECK(up->x == doctest::Approx(240));
}

TEST_CASE("mouse events made up from a touch are dropped; real ones are kept") {
  Headless hl(400, 200);
  EventPump pump(*hl.window);
  drain(pump);
  SDL_Event e{};
  e.type = SDL_MOUSEBUTTONDOWN;
  e.button.which = SDL_TOUCH_MOUSEID;
  e.button.button = SDL_BUTTON_LEFT;
  SDL_PushEvent(&e);
  e.button.which = 0;
  e.button.x = 10;
  e.button.y = 20;
  SDL_PushEvent(&e);
  const auto events = drain(pump);
  REQUIRE(events.size() == 1);
  const auto* down = std::get_if<PointerDown>(&events[0]);
  REQUIRE(down != nullptr);
  CHECK_FALSE(down->touch);
  CHECK(down->x == doctest::Approx(10));
}

TEST_CASE("F12 reaches the app as a key") {
  CHECK(keyFromSdlKeycode(SDLK_F12) == Key::F12);
}
