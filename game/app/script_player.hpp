// Plays a parsed script against the running game, a step at a time between
// frames. Input goes through the platform's event injection, so a script presses
// exactly what a pupil would; waiting uses the app's clock, passed in.
// Depends on: app/script, platform/event_inject (the key chord), ui/widget.
#pragma once

#include "app/script.hpp"
#include "platform/event_inject.hpp"
#include "ui/widget.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace sq {

// What the player needs from the app.
class ScriptTarget {
public:
  virtual ~ScriptTarget() = default;
  virtual std::string currentScreen() const = 0;
  // A widget on the frame now shown (nullptr when none has that id).
  virtual const Widget* shownWidget(std::string_view id) const = 0;
  // Nothing is waiting to load or to be drawn: the screen shows the latest state.
  virtual bool settled() const = 0;
  virtual bool textOnScreen(std::string_view text) const = 0;
  // The narration file last asked to play and not stopped since ("" : none).
  virtual std::string narrationAsked() const { return {}; }
  virtual void click(Point pixel) = 0;
  virtual void key(const KeyChord& chord) = 0;
  virtual void type(std::string_view utf8) = 0;
  virtual void resize(int width, int height) = 0;
  // Asks for the next frame to be saved; screenshotResult() then reports it.
  virtual void requestScreenshot(const std::string& path) = 0;
  // 0: not taken yet, 1: saved, -1: failed (with `error`).
  virtual int screenshotResult(std::string& error) = 0;
};

class ScriptPlayer {
public:
  // click and wait-screen give up after this (wait-screen may name its own limit)
  static constexpr std::uint64_t kWaitMs = 5000;

  // Checks every key name; false (with "line N: why") when one is unknown.
  bool load(std::vector<ScriptCommand> commands, std::string screenshotDir, std::string& error);

  // Runs commands until one must wait for a frame. Returns how long the app may
  // sleep before the next call (0: run a frame now), or -1 when the script has
  // finished or failed.
  int step(ScriptTarget& target, std::uint64_t nowMs);

  bool finished() const { return mIndex >= mCommands.size() && mFailure.empty(); }
  bool failed() const { return !mFailure.empty(); }
  // "line 12: click class:3C: ... (screen: sign-in)"
  const std::string& failure() const { return mFailure; }

private:
  void fail(const ScriptTarget& target, const std::string& why);
  void next();

  std::vector<ScriptCommand> mCommands;
  std::vector<KeyChord> mChords; // per command (keys only)
  std::string mScreenshotDir;
  std::size_t mIndex = 0;
  bool mStarted = false;
  std::uint64_t mStartedAt = 0;
  bool mShotRequested = false;
  std::string mFailure;
};

} // namespace sq
