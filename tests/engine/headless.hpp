// A hidden window on SDL's dummy video driver with the software renderer: draws
// and reads pixels back with no display, deterministically.
#pragma once

#include "content/pack_catalog.hpp"
#include "platform/window.hpp"
#include "render/renderer.hpp"
#include "text/font.hpp"
#include "text/text_renderer.hpp"

#include <SDL.h>
#include <doctest/doctest.h>

#include <memory>
#include <string>

namespace sq::test {

struct Headless {
  std::unique_ptr<Window> window;
  std::unique_ptr<Renderer> renderer;
  FontLibrary fonts;
  std::unique_ptr<TextRenderer> text;

  Headless(int width, int height) {
    SDL_SetHintWithPriority(SDL_HINT_VIDEODRIVER, "dummy", SDL_HINT_OVERRIDE);
    WindowOptions o;
    o.width = width;
    o.height = height;
    o.hidden = true;
    o.resizable = false;
    o.forceSoftware = true;
    std::string error;
    window = Window::create(o, error);
    REQUIRE_MESSAGE(window != nullptr, error);
    renderer = std::make_unique<Renderer>(window->sdlRenderer());
    REQUIRE_MESSAGE(fonts.load(SQ_TEST_ASSETS_DIR, error), error);
    text = std::make_unique<TextRenderer>(*renderer, fonts);
  }
};

inline int colourDistance(Colour a, Colour b) {
  return std::abs(a.r - b.r) + std::abs(a.g - b.g) + std::abs(a.b - b.b);
}

// Three packs, as the loader would report them: two ready (one with warnings),
// one refused with errors.
inline Catalog fixtureCatalog(int extraReadyPacks = 0) {
  Catalog c;
  c.root = "/srv/school/safequest/content";
  auto ready = [&](const std::string& id, const std::string& title, const std::string& version,
                   int warnings) {
    CatalogEntry e;
    e.dir = c.root + "/" + id;
    e.result.pack.emplace();
    e.result.pack->id = id;
    e.result.pack->version = version;
    e.result.packId = id;
    e.result.title = title;
    e.result.warnings = warnings;
    return e;
  };
  CatalogEntry broken;
  broken.dir = c.root + "/year-6-extra";
  broken.result.packId = "year6-extra";
  broken.result.title = "Year 6 extra scenarios";
  broken.result.errors = 3;
  broken.result.warnings = 1;
  c.packs.push_back(broken);
  c.packs.push_back(ready("core", "SafeQuest core lessons", "1.0.0", 0));
  c.packs.push_back(ready("ysgol-cymraeg", "Diogelwch ar-lein: ŵ ŷ â ê î ô û", "0.3.1", 2));
  for (int i = 0; i < extraReadyPacks; ++i) {
    c.packs.push_back(
        ready("extra-" + std::to_string(i), "Extra pack " + std::to_string(i), "1.0.0", 0));
  }
  return c;
}

} // namespace sq::test
