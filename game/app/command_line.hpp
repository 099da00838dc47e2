// The game's command line:
//   safequest [--data DIR] [--content DIR] [--config FILE] [--assets DIR] [--size WxH]
//             [--script FILE] [--screenshot-dir DIR] [--screenshot FILE] [--guest]
//             [--theme standard|high-contrast] [--fullscreen] [--software]
//             [--assembly [ID]] [--presenter-window] [--help]
// Parsing is pure, so it is tested without a window.
// Depends on: std only.
#pragma once

#include <functional>
#include <string>
#include <vector>

namespace sq {

class FileFlush;          // play/flushed_sink
class AsyncHttpTransport; // results/xapi_pump

struct AppOptions {
  std::string dataDir;              // "" : the configuration's data folder (or the user's)
  std::string configPath;           // "" : $SAFEQUEST_CONFIG, else /etc/safequest/config.json
  std::string scriptPath;           // set: play this script (see app/script.hpp), then exit
  std::string screenshotDir;        // where scripts and F12 save screenshots ("" : here)
  bool guest = false;               // start as a guest (demonstrations, benchmarks)
  bool exitAfterFirstFrame = false; // benchmarks: say "first-frame" on stdout and exit
  std::string contentDir;           // "" : look next to the executable, then in the source tree
  std::string assetsDir;            // "" : look next to the executable, then in the build tree
  int width = 1280;                 // window points
  int height = 720;
  std::string screenshotPath; // set: draw the first complete frame, save it as PNG, exit
  std::string theme = "standard";
  bool fullscreen = false;
  bool forceSoftware = false;
  bool blockWhenIdle = true; // desktop: sleep in the event wait; web: never block
  // --assembly [ID]: the whiteboard assembly mode, full screen (a window of --size
  // when one is given: rehearsing on a laptop, tests); ID "" : choose one first.
  bool assembly = false;
  std::string assemblyId;
  bool sizeGiven = false; // --size was on the command line
  // The presenter's view as a second window on this display (with one display;
  // a second display gets it by itself).
  bool presenterWindow = false;
  // The web build: makes the records durable after each save (play/flushed_sink);
  // nullptr on the desktop, where a commit is.
  FileFlush* fileFlush = nullptr;
  // The web build: the page's fetch(), and the school's safequest-config.json as
  // the page found it beside index.html. With both, completed lessons and signed
  // AUPs go to the learning record store it names (results/xapi_pump); the
  // desktop leaves them unset and sends with `safequest-cli xapi send`.
  AsyncHttpTransport* httpTransport = nullptr;
  std::string webSettingsPath;
  // The web build: true once the lessons have been downloaded into contentDir
  // (web/content_package.js, after the first frame). The packs are read only then;
  // until then the game runs (pupils sign in) and home says it is getting ready.
  // Unset on the desktop, where they are on disk.
  std::function<bool()> contentArrived;
  // Tests: SDL's dummy audio driver counts as a sound device, so narration runs
  // through the real callback and ends by itself (no command-line flag).
  bool silentAudioDevice = false;
};

struct ParsedCommandLine {
  AppOptions options;
  bool showHelp = false;
  std::string error; // set when the arguments are wrong
};

ParsedCommandLine parseCommandLine(const std::vector<std::string>& args);
const char* usageText();

// "1280x720" -> true, width 1280, height 720. Sizes from 320 to 16384.
bool parseSize(const std::string& text, int& width, int& height);

} // namespace sq
