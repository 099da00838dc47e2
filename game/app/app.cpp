#include "app/app.hpp"

#include "app/default_dirs.hpp"
#include "content/pack_catalog.hpp"
#include "platform/event_pump.hpp"
#include "platform/window.hpp"
#include "render/renderer.hpp"
#include "text/font.hpp"
#include "text/text_renderer.hpp"
#include "ui/packs_screen.hpp"
#include "ui/theme.hpp"
#include "ui/ui_context.hpp"

#include <cstdio>
#include <type_traits>
#include <variant>
#include <vector>

namespace sq {

struct App::Impl {
  AppOptions options;
  Theme theme = standardTheme();
  std::unique_ptr<Window> window;
  std::unique_ptr<EventPump> pump;
  std::unique_ptr<Renderer> renderer;
  FontLibrary fonts;
  std::unique_ptr<TextRenderer> text;
  PacksScreen packs;

  bool dirty = true;          // something changed since the last present
  bool presentedOnce = false; // the first frame is on screen
  bool catalogLoaded = false;
  int framesPresented = 0;
  Size lastSize;

  UiContext context() {
    return UiContext{*renderer, *text, theme, renderer->outputSize(), FontFamily::Andika};
  }
};

App::App(std::unique_ptr<Impl> impl) : mImpl(std::move(impl)) {}
App::~App() = default;

int App::framesPresented() const {
  return mImpl->framesPresented;
}

std::unique_ptr<App> App::create(const AppOptions& options, std::string& error) {
  auto impl = std::make_unique<Impl>();
  impl->options = options;
  if (auto t = themeById(options.theme)) {
    impl->theme = *t;
  }

  const std::string assets = options.assetsDir.empty() ? defaultAssetsDir() : options.assetsDir;
  if (assets.empty()) {
    error = "could not find the assets folder (fonts/) next to the program; use --assets DIR";
    return nullptr;
  }
  if (!impl->fonts.load(assets, error)) {
    error = "could not load the fonts from " + assets + ": " + error;
    return nullptr;
  }

  WindowOptions wo;
  wo.title = "SafeQuest";
  wo.width = options.width;
  wo.height = options.height;
  wo.fullscreen = options.fullscreen;
  wo.forceSoftware = options.forceSoftware;
  impl->window = Window::create(wo, error);
  if (!impl->window) {
    return nullptr;
  }
  impl->pump = std::make_unique<EventPump>(*impl->window);
  impl->renderer = std::make_unique<Renderer>(impl->window->sdlRenderer());
  impl->text = std::make_unique<TextRenderer>(*impl->renderer, impl->fonts);
  impl->lastSize = impl->renderer->outputSize();

  PacksModel loading;
  loading.loading = true;
  impl->packs.setModel(std::move(loading));

  std::unique_ptr<App> app(new App(std::move(impl)));
  app->mAssetsDir = assets;
  app->mContentDir = options.contentDir.empty() ? defaultContentDir() : options.contentDir;
  return app;
}

bool App::runOneFrame() {
  Impl& s = *mImpl;
  // Sleep in the event wait only when there is nothing to draw and nothing to do.
  const bool busy = s.dirty || !s.catalogLoaded || !s.options.screenshotPath.empty();
  std::vector<InputEvent> events;
  s.pump->collect(busy || !s.options.blockWhenIdle ? 0 : -1, events);

  for (const InputEvent& event : events) {
    if (std::holds_alternative<QuitRequested>(event)) {
      return false;
    }
    if (const auto* key = std::get_if<KeyDown>(&event)) {
      if (key->key == Key::F11 && !key->repeat) {
        s.window->toggleFullscreen();
        s.dirty = true;
        continue;
      }
      if (key->key == Key::Escape && s.window->fullscreen()) {
        s.window->setFullscreen(false);
        s.dirty = true;
        continue;
      }
    }
    if (std::holds_alternative<RedrawNeeded>(event)) {
      s.dirty = true;
      continue;
    }
    if (std::holds_alternative<DeviceReset>(event)) {
      s.renderer->releaseTextures();
      s.text->clearCache();
      s.dirty = true;
      continue;
    }
    UiContext ctx = s.context();
    s.dirty = s.packs.handle(event, ctx) || s.dirty;
  }

  // Slow work waits until the first frame is on screen, so the window never
  // opens blank.
  if (s.presentedOnce && !s.catalogLoaded) {
    s.packs.setModel(packsModelFromCatalog(loadCatalog(mContentDir)));
    s.catalogLoaded = true;
    s.dirty = true;
  }

  if (!s.dirty) {
    return true;
  }
  const Size size = s.renderer->outputSize();
  if (size.width != s.lastSize.width || size.height != s.lastSize.height) {
    // Glyphs are rasterised for one window size; the old ones would never be used again.
    s.text->clearCache();
    s.lastSize = size;
  }
  s.renderer->clear(s.theme.background);
  UiContext ctx = s.context();
  s.packs.draw(ctx);

  if (!s.options.screenshotPath.empty() && s.catalogLoaded) {
    std::string error;
    const auto image = s.renderer->readPixels();
    if (!image) {
      std::fprintf(stderr, "safequest: could not read the frame back for the screenshot\n");
      mExitCode = 1;
    } else if (!savePng(*image, s.options.screenshotPath, error)) {
      std::fprintf(stderr, "safequest: %s\n", error.c_str());
      mExitCode = 1;
    }
    return false;
  }
  s.renderer->present();
  ++s.framesPresented;
  s.presentedOnce = true;
  s.dirty = false;
  return true;
}

} // namespace sq
