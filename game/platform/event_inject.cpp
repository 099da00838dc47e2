#include "platform/event_inject.hpp"

#include "platform/window.hpp"

#include <SDL.h>

#include <cmath>
#include <cstring>

namespace sq {

namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && s.front() == ' ') {
    s.remove_prefix(1);
  }
  while (!s.empty() && s.back() == ' ') {
    s.remove_suffix(1);
  }
  return s;
}

bool equalsNoCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) {
    return false;
  }
  for (std::size_t i = 0; i < a.size(); ++i) {
    const auto x = static_cast<unsigned char>(a[i]);
    const auto y = static_cast<unsigned char>(b[i]);
    if (std::tolower(x) != std::tolower(y)) {
      return false;
    }
  }
  return true;
}

} // namespace

bool parseKeyChord(std::string_view text, KeyChord& chord, std::string& error) {
  chord = KeyChord{};
  text = trim(text);
  // "+" alone is a key name too, so split only on a '+' that has a name after it.
  while (true) {
    const auto plus = text.find('+');
    if (plus == std::string_view::npos || plus == 0 || plus + 1 >= text.size()) {
      break;
    }
    const std::string_view mod = trim(text.substr(0, plus));
    if (equalsNoCase(mod, "shift")) {
      chord.shift = true;
    } else if (equalsNoCase(mod, "ctrl") || equalsNoCase(mod, "control")) {
      chord.ctrl = true;
    } else if (equalsNoCase(mod, "alt")) {
      chord.alt = true;
    } else {
      break; // not a modifier: the whole rest is the key's name
    }
    text = trim(text.substr(plus + 1));
  }
  const std::string name(text);
  const SDL_Keycode key = SDL_GetKeyFromName(name.c_str());
  if (name.empty() || key == SDLK_UNKNOWN) {
    error = "\"" + name + "\" is not an SDL key name (e.g. Tab, Return, Space, PageDown, F11)";
    return false;
  }
  chord.sdlKeycode = key;
  return true;
}

void injectClick(const Window& window, Point pixel) {
  // SDL mouse events are in window points.
  const int x = static_cast<int>(std::lround(pixel.x / window.pixelsPerPointX()));
  const int y = static_cast<int>(std::lround(pixel.y / window.pixelsPerPointY()));
  const Uint32 id = SDL_GetWindowID(window.sdlWindow());
  SDL_Event move{};
  move.type = SDL_MOUSEMOTION;
  move.motion.windowID = id;
  move.motion.x = x;
  move.motion.y = y;
  SDL_PushEvent(&move);
  for (const Uint32 type : {SDL_MOUSEBUTTONDOWN, SDL_MOUSEBUTTONUP}) {
    SDL_Event e{};
    e.type = type;
    e.button.windowID = id;
    e.button.button = SDL_BUTTON_LEFT;
    e.button.state = type == SDL_MOUSEBUTTONDOWN ? SDL_PRESSED : SDL_RELEASED;
    e.button.clicks = 1;
    e.button.x = x;
    e.button.y = y;
    SDL_PushEvent(&e);
  }
}

void injectKey(const Window& window, const KeyChord& chord) {
  Uint16 mod = KMOD_NONE;
  mod |= chord.shift ? KMOD_LSHIFT : 0;
  mod |= chord.ctrl ? KMOD_LCTRL : 0;
  mod |= chord.alt ? KMOD_LALT : 0;
  for (const Uint32 type : {SDL_KEYDOWN, SDL_KEYUP}) {
    SDL_Event e{};
    e.type = type;
    e.key.windowID = SDL_GetWindowID(window.sdlWindow());
    e.key.state = type == SDL_KEYDOWN ? SDL_PRESSED : SDL_RELEASED;
    e.key.keysym.sym = chord.sdlKeycode;
    e.key.keysym.scancode = SDL_GetScancodeFromKey(chord.sdlKeycode);
    e.key.keysym.mod = mod;
    SDL_PushEvent(&e);
  }
}

void injectText(const Window& window, std::string_view utf8) {
  constexpr std::size_t kMax = sizeof(SDL_TextInputEvent::text) - 1;
  while (!utf8.empty()) {
    std::size_t n = std::min(kMax, utf8.size());
    // Never cut inside a character: back off over continuation bytes.
    while (n < utf8.size() && n > 0 && (static_cast<unsigned char>(utf8[n]) & 0xC0) == 0x80) {
      --n;
    }
    SDL_Event e{};
    e.type = SDL_TEXTINPUT;
    e.text.windowID = SDL_GetWindowID(window.sdlWindow());
    std::memcpy(e.text.text, utf8.data(), n);
    e.text.text[n] = '\0';
    SDL_PushEvent(&e);
    utf8.remove_prefix(n);
  }
}

} // namespace sq
