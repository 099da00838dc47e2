// The game's command line.
#include "app/command_line.hpp"
#include "platform/event_pump.hpp"
#include "platform/paths.hpp"

#include <SDL.h>
#include <doctest/doctest.h>

using namespace sq;

TEST_CASE("no arguments: defaults") {
  const auto p = parseCommandLine({});
  CHECK(p.error.empty());
  CHECK_FALSE(p.showHelp);
  CHECK(p.options.width == 1280);
  CHECK(p.options.height == 720);
  CHECK(p.options.contentDir.empty());
  CHECK(p.options.screenshotPath.empty());
  CHECK(p.options.theme == "standard");
}

TEST_CASE("every option is read") {
  const auto p = parseCommandLine({"--content", "packs", "--assets", "a", "--size", "3840x2160",
                                   "--screenshot", "out.png", "--theme", "high-contrast",
                                   "--fullscreen", "--software"});
  REQUIRE(p.error.empty());
  CHECK(p.options.contentDir == "packs");
  CHECK(p.options.assetsDir == "a");
  CHECK(p.options.width == 3840);
  CHECK(p.options.height == 2160);
  CHECK(p.options.screenshotPath == "out.png");
  CHECK(p.options.theme == "high-contrast");
  CHECK(p.options.fullscreen);
  CHECK(p.options.forceSoftware);
}

TEST_CASE("mistakes are explained") {
  CHECK_FALSE(parseCommandLine({"--content"}).error.empty());
  CHECK_FALSE(parseCommandLine({"--size", "big"}).error.empty());
  CHECK_FALSE(parseCommandLine({"--size", "10x10"}).error.empty());
  CHECK_FALSE(parseCommandLine({"--theme", "neon"}).error.empty());
  CHECK(parseCommandLine({"--frobnicate"}).error.find("--frobnicate") != std::string::npos);
  CHECK(parseCommandLine({"--help"}).showHelp);
}

TEST_CASE("parseSize") {
  int w = 0;
  int h = 0;
  CHECK(parseSize("1280x720", w, h));
  CHECK(w == 1280);
  CHECK(h == 720);
  CHECK_FALSE(parseSize("1280", w, h));
  CHECK_FALSE(parseSize("x720", w, h));
  CHECK_FALSE(parseSize("1280x", w, h));
  CHECK_FALSE(parseSize("-5x720", w, h));
  CHECK_FALSE(parseSize("99999999x720", w, h));
}

TEST_CASE("SDL keys map to engine keys") {
  CHECK(keyFromSdlKeycode(SDLK_F11) == Key::F11);
  CHECK(keyFromSdlKeycode(SDLK_b) == Key::B);
  CHECK(keyFromSdlKeycode(SDLK_z) == Key::Z);
  CHECK(keyFromSdlKeycode(SDLK_PAGEDOWN) == Key::PageDown);
  CHECK(keyFromSdlKeycode(SDLK_KP_ENTER) == Key::Enter);
  CHECK(keyFromSdlKeycode(SDLK_F1) == Key::Unknown);
}

TEST_CASE("firstExistingDir picks the first folder that exists and holds what is asked") {
  const std::string assets = SQ_TEST_ASSETS_DIR;
  CHECK(firstExistingDir({"", "/nonexistent/a", assets}) == firstExistingDir({assets}));
  CHECK_FALSE(firstExistingDir({assets}, "fonts/Andika-Regular.ttf").empty());
  CHECK(firstExistingDir({assets}, "fonts/NoSuchFont.ttf").empty());
  CHECK(firstExistingDir({}).empty());
}
