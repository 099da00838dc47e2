// Scripts for scripted play (tests, demonstrations, README screenshots): one
// command a line, '#' starts a comment line.
//   click <widget-id>        waits up to 5 s for the widget, then clicks its middle
//   key <SDL key name>       e.g. Tab, Shift+Tab, Return, Space, Escape, PageDown, F11
//   text <utf-8 text>        typed text (a PIN, a folder)
//   wait-screen <screen-id> [seconds]  waits up to 5 s (or that many, 1 to 600) for
//                            that screen
//   expect-text <substring>  fails when no text drawn on screen contains it
//   expect-narration <substring>  fails unless the narration file the game last asked
//                            to play (and has not stopped) has it in its path
//   expect-no-narration      fails while narration asked for has not been stopped
//   screenshot <name>        writes <name>.png into the screenshot folder
//   resize <W> <H>           resizes the window (points)
// Parsing is pure (no window), so a malformed script is refused before anything opens.
// Depends on: std only.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sq {

struct ScriptCommand {
  enum class Kind {
    Click,
    Key,
    Text,
    WaitScreen,
    ExpectText,
    ExpectNarration,
    ExpectNoNarration,
    Screenshot,
    Resize
  };
  Kind kind = Kind::Click;
  int line = 0;        // 1-based, for messages
  std::string arg;     // widget id, key name, text, screen id, substring or name
  int waitSeconds = 0; // wait-screen's own limit (0: the usual 5 s)
  int width = 0;       // resize
  int height = 0;
};

std::string_view scriptCommandName(ScriptCommand::Kind kind);

// nullopt, with "line N: why" in `error`, when a line is not a command.
std::optional<std::vector<ScriptCommand>> parseScript(std::string_view text, std::string& error);

} // namespace sq
