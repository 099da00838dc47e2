// `safequest-editor --script FILE`: the editor driven by a script of clicks, keys,
// typing and checks, for the end-to-end tests and the smoke screenshots. One
// command a line; '#' starts a comment line:
//   click NAME              waits up to 5 s for the item (scrolling its window to it
//                           when it is drawn out of sight), then moves the mouse to
//                           its middle and presses and releases the button over 3 frames
//   key CHORD               an SDL key name after any modifiers: Tab, Return, Escape,
//                           Ctrl+S, Ctrl+A, Shift+Tab, Ctrl+=
//   text UTF-8              typed text (into the focused field)
//   wheel STEPS             turns the mouse wheel where the mouse is (after a click):
//                           positive scrolls down, negative up (-50 to 50)
//   wait-for NAME [SECONDS] waits up to 5 s (or 1 to 600) for the item (scrolled to)
//   expect-text TEXT        waits up to 5 s for a frame whose drawn text contains it
//   expect-no-text TEXT     fails when this frame's drawn text contains it
//   screenshot NAME         writes NAME.png into the screenshot folder
//   drop PATH               a file dropped on the window (an SDL_DROPFILE event in the
//                           window's queue, as the desktop sends one)
//   expect-height NAME PERCENT OTHER
//                           waits up to 5 s for the item NAME to be drawn at least
//                           PERCENT (1 to 100) of the height of the item OTHER (a
//                           layout check, e.g. the story map's share of its column);
//                           the heights are written to stderr
// Items have names because Debian's Dear ImGui has no test-engine hooks: after a
// widget, `nameItem("save")` records where it was drawn this frame. Any panel adds
// a name with that one call; `editor/README.md` lists the names in use.
// The text a frame drew is read back from its draw lists (drawnText), so every
// text counts: labels, messages, lists and what is typed in fields.
// Parsing is pure, so a malformed script is refused before the window opens.
// Depends on: platform/event_inject (key names, typed text), platform/window, Dear ImGui.
#pragma once

#include "platform/event_inject.hpp"

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

struct ImDrawData;

namespace sq {

class Window;

struct EditorScriptCommand {
  enum class Kind {
    Click,
    Key,
    Text,
    Wheel,
    WaitFor,
    ExpectText,
    ExpectNoText,
    Screenshot,
    ExpectHeight,
    Drop
  };
  Kind kind = Kind::Click;
  int line = 0;
  std::string arg;
  int waitSeconds = 5;
  int steps = 0;     // Wheel; ExpectHeight: the percent
  std::string other; // ExpectHeight: the item whose height it is a share of
  KeyChord chord;    // Key
};

// nullopt, with "line N: why" in `error`, when a line is not a command.
std::optional<std::vector<EditorScriptCommand>> parseEditorScript(std::string_view text,
                                                                  std::string& error);

// The text in a frame's draw data, in drawing order, a line for each line drawn.
std::string drawnText(const ImDrawData* data);

// Records the last ImGui item's rectangle under `name` for this frame. Cheap and
// does nothing unless a script is running. Call it right after the widget.
void nameItem(const std::string& name);

// Plays a script one frame at a time from the editor's frame loop.
class EditorScriptPlayer {
public:
  EditorScriptPlayer(std::vector<EditorScriptCommand> commands, std::string screenshotDir);

  // Between the platform backend's NewFrame and ImGui::NewFrame: this frame's mouse
  // and modifier keys.
  void applyInput();
  // Right after ImGui::NewFrame: starts collecting the frame's names and text.
  void beginFrame();
  // After ImGui::Render: keeps the names and the text the frame drew.
  void endFrame();
  // After the frame is drawn: runs the script on. `shoot` writes a screenshot of
  // the frame just drawn (false, with the reason, when it could not).
  // Returns false once the script has ended (finished() or failed()).
  bool afterFrame(const Window& window, std::uint64_t nowMs,
                  const std::function<bool(const std::string& path, std::string& error)>& shoot);

  bool finished() const { return mIndex >= mCommands.size() && mFailure.empty(); }
  bool failed() const { return !mFailure.empty(); }
  // "line N: command arg: why".
  const std::string& failure() const { return mFailure; }

private:
  void next();
  void fail(const std::string& why);

  std::vector<EditorScriptCommand> mCommands;
  std::string mScreenshotDir;
  std::size_t mIndex = 0;
  int mPhase = 0;
  std::uint64_t mStartedAt = 0;
  bool mStarted = false;
  float mMouseX = -1;
  float mMouseY = -1;
  bool mMouseDown = false;
  float mWheel = 0;
  bool mCtrl = false;
  bool mShift = false;
  bool mAlt = false;
  std::string mFrameText; // what the last frame drew
  std::string mSettledAt; // where the item to click was drawn last frame
  std::string mFailure;
};

} // namespace sq
