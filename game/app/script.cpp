#include "app/script.hpp"
#include "app/script_text.hpp"

#include <cstdlib>

namespace sq {

std::string_view scriptCommandName(ScriptCommand::Kind kind) {
  switch (kind) {
  case ScriptCommand::Kind::Click:
    return "click";
  case ScriptCommand::Kind::Key:
    return "key";
  case ScriptCommand::Kind::Text:
    return "text";
  case ScriptCommand::Kind::WaitScreen:
    return "wait-screen";
  case ScriptCommand::Kind::ExpectText:
    return "expect-text";
  case ScriptCommand::Kind::ExpectNarration:
    return "expect-narration";
  case ScriptCommand::Kind::ExpectNoNarration:
    return "expect-no-narration";
  case ScriptCommand::Kind::Screenshot:
    return "screenshot";
  case ScriptCommand::Kind::Resize:
    break;
  }
  return "resize";
}

namespace {

using script_text::trimLeft;
using script_text::trimRight;

bool parseDimension(std::string_view s, int& out) {
  if (s.empty() || s.size() > 5 || s.find_first_not_of("0123456789") != std::string_view::npos) {
    return false;
  }
  const long v = std::strtol(std::string(s).c_str(), nullptr, 10);
  if (v < 320 || v > 16384) {
    return false;
  }
  out = static_cast<int>(v);
  return true;
}

} // namespace

std::optional<std::vector<ScriptCommand>> parseScript(std::string_view text, std::string& error) {
  std::vector<ScriptCommand> out;
  script_text::LineReader lines(text);
  std::string_view start;
  while (lines.next(start)) {
    const int lineNo = lines.lineNumber();
    const std::size_t space = start.find_first_of(" \t");
    const std::string_view word = start.substr(0, space);
    const std::string_view rest =
        space == std::string_view::npos ? std::string_view() : start.substr(space + 1);
    ScriptCommand c;
    c.line = lineNo;
    const std::string where = "line " + std::to_string(lineNo) + ": ";
    if (word == "click" || word == "key" || word == "wait-screen" || word == "screenshot") {
      c.kind = word == "click"         ? ScriptCommand::Kind::Click
               : word == "key"         ? ScriptCommand::Kind::Key
               : word == "wait-screen" ? ScriptCommand::Kind::WaitScreen
                                       : ScriptCommand::Kind::Screenshot;
      c.arg = std::string(trimRight(trimLeft(rest)));
      if (c.arg.empty()) {
        error = where + std::string(word) + " needs " +
                (word == "click"         ? "a widget id"
                 : word == "key"         ? "an SDL key name"
                 : word == "wait-screen" ? "a screen id"
                                         : "a name");
        return std::nullopt;
      }
      if (c.kind == ScriptCommand::Kind::WaitScreen) {
        // An optional limit after the id, in whole seconds (a long merge at sign-in).
        const std::size_t gap = c.arg.find_first_of(" \t");
        if (gap != std::string::npos) {
          const std::string_view seconds = trimLeft(std::string_view(c.arg).substr(gap));
          if (seconds.empty() || seconds.size() > 3 ||
              seconds.find_first_not_of("0123456789") != std::string_view::npos ||
              std::atoi(std::string(seconds).c_str()) < 1 ||
              std::atoi(std::string(seconds).c_str()) > 600) {
            error = where + "wait-screen takes a screen id and, if wanted, seconds from 1 to 600";
            return std::nullopt;
          }
          c.waitSeconds = std::atoi(std::string(seconds).c_str());
          c.arg.resize(gap);
        }
      }
      if (c.kind == ScriptCommand::Kind::Screenshot &&
          (c.arg.find('/') != std::string::npos || c.arg.find('\\') != std::string::npos ||
           c.arg == "." || c.arg == "..")) {
        error = where + "a screenshot name is a file name, not a path";
        return std::nullopt;
      }
    } else if (word == "text" || word == "expect-text") {
      c.kind = word == "text" ? ScriptCommand::Kind::Text : ScriptCommand::Kind::ExpectText;
      c.arg = std::string(word == "text" ? rest : trimRight(rest));
      if (c.arg.empty()) {
        error = where + std::string(word) + " needs some text";
        return std::nullopt;
      }
    } else if (word == "expect-narration") {
      c.kind = ScriptCommand::Kind::ExpectNarration;
      c.arg = std::string(trimRight(trimLeft(rest)));
      if (c.arg.empty()) {
        error = where + "expect-narration needs part of a narration file's path";
        return std::nullopt;
      }
    } else if (word == "expect-no-narration") {
      c.kind = ScriptCommand::Kind::ExpectNoNarration;
      if (!trimRight(trimLeft(rest)).empty()) {
        error = where + "expect-no-narration takes nothing after it";
        return std::nullopt;
      }
    } else if (word == "resize") {
      c.kind = ScriptCommand::Kind::Resize;
      const std::string_view args = trimRight(trimLeft(rest));
      const std::size_t gap = args.find_first_of(" \t");
      const std::string_view w = args.substr(0, gap);
      const std::string_view h =
          gap == std::string_view::npos ? std::string_view() : trimLeft(args.substr(gap));
      if (!parseDimension(w, c.width) || !parseDimension(h, c.height)) {
        error = where +
                "resize needs a width and a height between 320 and 16384, e.g. resize 1920 1080";
        return std::nullopt;
      }
    } else {
      error = where + "\"" + std::string(word) +
              "\" is not a command (click, key, text, wait-screen, expect-text, expect-narration, "
              "expect-no-narration, screenshot, resize)";
      return std::nullopt;
    }
    out.push_back(std::move(c));
  }
  return out;
}

} // namespace sq
