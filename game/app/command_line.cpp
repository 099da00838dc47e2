#include "app/command_line.hpp"

#include "ui/theme.hpp"

#include <cstdlib>

namespace sq {

const char* usageText() {
  return "Usage: safequest [options]\n"
         "  --data DIR             the records folder (default: the machine configuration's,\n"
         "                         else $SAFEQUEST_DATA, else ~/.local/share/safequest)\n"
         "  --content DIR          the folder of content packs (default: content/ next to the\n"
         "                         program, or the repository's content/ in a build tree)\n"
         "  --config FILE          the machine configuration (default: $SAFEQUEST_CONFIG, else\n"
         "                         /etc/safequest/config.json)\n"
         "  --script FILE          play a script of clicks and keys, then exit: 0 when it ran\n"
         "                         to the end, 1 when a step failed (its line is printed)\n"
         "  --screenshot-dir DIR   where screenshots go (script, F12; default: this folder)\n"
         "  --guest                start as a guest: nothing is recorded\n"
         "  --assets DIR           the folder holding fonts/ (default: assets/ next to the "
         "program)\n"
         "  --size WxH             window size in points, e.g. 1920x1080 (default 1280x720)\n"
         "  --fullscreen           start fullscreen (F11 switches at any time)\n"
         "  --theme NAME           standard or high-contrast\n"
         "  --software             draw without the graphics card\n"
         "  --screenshot FILE      draw the first complete frame, save it as PNG and exit\n"
         "  --assembly [ID]        give a whole-school assembly on the hall's screen, full\n"
         "                         screen (in a window with --size); without ID, choose one\n"
         "  --presenter-window     with --assembly: the presenter's view (notes, this slide\n"
         "                         and the next, the votes, the time) in a second window\n"
         "  --help                 show this text\n";
}

bool parseSize(const std::string& text, int& width, int& height) {
  const auto x = text.find('x');
  if (x == std::string::npos || x == 0 || x + 1 >= text.size()) {
    return false;
  }
  auto number = [](const std::string& s, int& out) {
    if (s.empty() || s.find_first_not_of("0123456789") != std::string::npos || s.size() > 5) {
      return false;
    }
    const long v = std::strtol(s.c_str(), nullptr, 10);
    if (v < 320 || v > 16384) {
      return false;
    }
    out = static_cast<int>(v);
    return true;
  };
  int w = 0;
  int h = 0;
  if (!number(text.substr(0, x), w) || !number(text.substr(x + 1), h)) {
    return false;
  }
  width = w;
  height = h;
  return true;
}

ParsedCommandLine parseCommandLine(const std::vector<std::string>& args) {
  ParsedCommandLine out;
  AppOptions& o = out.options;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    auto value = [&](std::string& into) {
      if (i + 1 >= args.size() || args[i + 1].empty()) {
        out.error = a + " needs a value";
        return false;
      }
      into = args[++i];
      return true;
    };
    if (a == "--help" || a == "-h") {
      out.showHelp = true;
    } else if (a == "--content") {
      if (!value(o.contentDir)) {
        return out;
      }
    } else if (a == "--data") {
      if (!value(o.dataDir)) {
        return out;
      }
    } else if (a == "--config") {
      if (!value(o.configPath)) {
        return out;
      }
    } else if (a == "--script") {
      if (!value(o.scriptPath)) {
        return out;
      }
    } else if (a == "--screenshot-dir") {
      if (!value(o.screenshotDir)) {
        return out;
      }
    } else if (a == "--guest") {
      o.guest = true;
    } else if (a == "--exit-after-first-frame") {
      o.exitAfterFirstFrame = true;
    } else if (a == "--assets") {
      if (!value(o.assetsDir)) {
        return out;
      }
    } else if (a == "--screenshot") {
      if (!value(o.screenshotPath)) {
        return out;
      }
    } else if (a == "--size") {
      std::string size;
      if (!value(size)) {
        return out;
      }
      o.sizeGiven = true;
      if (!parseSize(size, o.width, o.height)) {
        out.error =
            "--size wants WIDTHxHEIGHT between 320 and 16384, e.g. 1920x1080, not \"" + size + "\"";
        return out;
      }
    } else if (a == "--theme") {
      if (!value(o.theme)) {
        return out;
      }
      if (!themeById(o.theme)) {
        out.error = "--theme is standard or high-contrast, not \"" + o.theme + "\"";
        return out;
      }
    } else if (a == "--assembly") {
      o.assembly = true;
      // The id is optional: a next argument that is not an option is it.
      if (i + 1 < args.size() && !args[i + 1].empty() && args[i + 1].rfind("--", 0) != 0) {
        o.assemblyId = args[++i];
      }
    } else if (a == "--presenter-window") {
      o.presenterWindow = true;
    } else if (a == "--fullscreen") {
      o.fullscreen = true;
    } else if (a == "--software") {
      o.forceSoftware = true;
    } else {
      out.error = "unknown option \"" + a + "\"";
      return out;
    }
  }
  return out;
}

} // namespace sq
