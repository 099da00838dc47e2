// App owns the subsystems (window, renderer, fonts, text, pictures, sound, the
// records (app/records_service: the store and the one Recorder), the settings, the
// screen stack) and runs one frame at a time.
// The desktop loops over runOneFrame(); the web build will hand the same function
// to the browser's frame loop. The first frame is drawn before any slow work
// (opening the store, reading the class list, loading the packs); the school
// folder's merge at sign-in runs a step a frame behind the fetching screen.
// Depends on: platform, render, text, audio, ui, content, results, settings,
// app/command_line, app/script_player, app/game_settings, app/records_service.
#pragma once

#include "app/command_line.hpp"

#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace sq {

class App {
public:
  // Opens the window and loads fonts and strings; the store, class list and packs
  // are read after the first frame is on screen. Returns nullptr and sets `error`
  // on failure; `exitStatus` is then 2 for a bad script, 1 otherwise.
  static std::unique_ptr<App> create(const AppOptions& options, std::string& error,
                                     int* exitStatus = nullptr);
  ~App();
  App(const App&) = delete;
  App& operator=(const App&) = delete;

  // Handles pending input and draws if anything changed. On the desktop, when
  // nothing moves or waits, it sleeps in the event wait until there is input (0%
  // CPU); only the scanning highlight and a running script wake it on a timer.
  // Returns false when the app should end.
  bool runOneFrame();
  int exitCode() const { return mExitCode; }
  // Frames put on screen so far: it grows only when something changed.
  int framesPresented() const;
  // The id of the screen on top ("sign-in", "home", ...).
  std::string screenId() const;
  // CPU microseconds spent drawing the last frame, not counting the present
  // (benchmarks).
  long lastDrawMicros() const;
  // Frames put in the presenter's window (the assembly mode's second window); -1
  // when there is none. It is drawn with the hall's screen, and once a second for
  // its clock.
  int presenterFramesPresented() const;
  // True while the school folder's merge at sign-in is running, a step a frame
  // (tests and benchmarks).
  bool merging() const;
  // Where the widget `id` of the frame on screen is, in window pixels (x, y, w, h),
  // and whether it is enabled; false when it is not shown or the frame is not
  // settled. The web build's browser test aims real mouse clicks with it.
  bool widgetRect(std::string_view id, float rect[4], bool& enabled) const;
  // What widget `id` of the settled frame says ("SMART explorers: Done"); nullopt
  // when it is not shown (the browser test reads progress from it).
  std::optional<std::string> widgetLabel(std::string_view id) const;
  // True when the settled frame on screen shows `text` (the browser test).
  bool showsText(std::string_view text) const;

  // The folders in use, after defaults were resolved.
  const std::string& contentDir() const { return mContentDir; }
  const std::string& assetsDir() const { return mAssetsDir; }
  std::string dataDir() const;

private:
  struct Impl;
  explicit App(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> mImpl;
  std::string mContentDir;
  std::string mAssetsDir;
  int mExitCode = 0;
};

} // namespace sq
