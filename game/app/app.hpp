// App owns the subsystems (window, renderer, fonts, text, the current screen) and
// runs one frame at a time. The desktop loops over runOneFrame(); the web build
// will hand the same function to the browser's frame loop.
// Depends on: platform, render, text, ui, content (the catalog), app/command_line.
#pragma once

#include "app/command_line.hpp"

#include <memory>
#include <string>

namespace sq {

class App {
public:
  // Opens the window and loads the fonts; the catalog is read after the first
  // frame is on screen. Returns nullptr and sets `error` on failure.
  static std::unique_ptr<App> create(const AppOptions& options, std::string& error);
  ~App();
  App(const App&) = delete;
  App& operator=(const App&) = delete;

  // Handles pending input and draws if anything changed. On the desktop, when
  // nothing is animating or waiting, it sleeps in the event wait until there is
  // input (0% CPU). Returns false when the app should end.
  bool runOneFrame();
  int exitCode() const { return mExitCode; }
  // Frames put on screen so far: it grows only when something changed.
  int framesPresented() const;

  // The folders in use, after defaults were resolved.
  const std::string& contentDir() const { return mContentDir; }
  const std::string& assetsDir() const { return mAssetsDir; }

private:
  struct Impl;
  explicit App(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> mImpl;
  std::string mContentDir;
  std::string mAssetsDir;
  int mExitCode = 0;
};

} // namespace sq
