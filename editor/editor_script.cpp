// The editor's scripts (see editor_script.hpp).
// Sections:
//   1. drawn text: the names drawn this frame, and the text read back from the
//      glyph quads of the draw lists
//   2. parsing: a script's lines into commands
//   3. the player: names recorded, and each command played over frames
#include "editor_script.hpp"

#include "app/script_text.hpp"
#include "platform/window.hpp"

#include <SDL.h>
#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>

namespace sq {

// ---- drawn text ----------------------------------------------------------------

namespace {

using script_text::trimLeft;
using script_text::trimRight;

struct ItemRect {
  float x0 = 0;
  float y0 = 0;
  float x1 = 0;
  float y1 = 0;
};

// The names drawn in the frame being built, and in the last whole frame.
struct Registry {
  bool enabled = false;
  std::map<std::string, ItemRect> building;
  std::map<std::string, ItemRect> drawn;
  std::string reveal; // an item a command waits for: scrolled into sight when drawn out of it
};

Registry& registry() {
  static Registry r;
  return r;
}

void appendUtf8(std::string& out, unsigned c) {
  if (c < 0x80) {
    out.push_back(static_cast<char>(c));
  } else if (c < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (c >> 6)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xE0 | (c >> 12)));
    out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  }
}

struct GlyphInfo {
  unsigned codepoint = 0;
  float u1 = 0;
  float v1 = 0;
  float fontSize = 0; // the size it was rasterised at, in pixels
};

} // namespace

// Every glyph is a textured quad whose corners sit at its place in the font atlas,
// so the text a frame drew is read back from the draw lists: quads whose texture
// corners match a glyph's, in drawing order. A gap wider than a small part of the
// font size is a space; a step down or back is a new line. This sees everything
// drawn (labels, messages, lists, text in fields), with no hook inside Dear ImGui.
std::string drawnText(const ImDrawData* data) {
  std::string out;
  if (data == nullptr) {
    return out;
  }
  std::map<std::pair<float, float>, GlyphInfo> glyphs;
  const ImFontAtlas* atlas = ImGui::GetIO().Fonts;
  for (const ImFont* font : atlas->Fonts) {
    for (const ImFontGlyph& g : font->Glyphs) {
      if (g.Visible != 0) {
        glyphs.emplace(std::make_pair(g.U0, g.V0),
                       GlyphInfo{g.Codepoint, g.U1, g.V1, font->FontSize});
      }
    }
  }
  const float texH = static_cast<float>(atlas->TexHeight);
  for (int l = 0; l < data->CmdListsCount; ++l) {
    const ImVector<ImDrawVert>& v = data->CmdLists[l]->VtxBuffer;
    bool have = false;
    float lastX1 = 0;
    float lastY1 = 0;
    float lastX0 = 0;
    for (int i = 0; i + 3 < v.Size; ++i) {
      const auto it = glyphs.find(std::make_pair(v[i].uv.x, v[i].uv.y));
      if (it == glyphs.end() || v[i + 2].uv.x != it->second.u1 || v[i + 2].uv.y != it->second.v1) {
        continue;
      }
      const float x0 = v[i].pos.x;
      const float x1 = v[i + 2].pos.x;
      const float y1 = v[i + 2].pos.y;
      // Measured vertically: glyphs are oversampled across, not down.
      const float atlasH = (it->second.v1 - v[i].uv.y) * texH;
      const float y0 = v[i].pos.y;
      const float px = atlasH > 0 ? it->second.fontSize * (y1 - y0) / atlasH : it->second.fontSize;
      if (have) {
        if (std::abs(y1 - lastY1) > px * 0.5f || x0 < lastX0 - 1) {
          out.push_back('\n');
        } else if (x0 - lastX1 > px * 0.12f) {
          out.push_back(' ');
        }
      }
      appendUtf8(out, it->second.codepoint);
      have = true;
      lastX0 = x0;
      lastX1 = x1;
      lastY1 = y1;
      i += 3;
    }
    out.push_back('\n');
  }
  return out;
}

// ---- parsing -------------------------------------------------------------------

namespace {

// Spaces are read back from gaps between glyphs, which kerning can narrow: texts
// are compared without their spaces and line breaks.
std::string withoutSpaces(std::string_view s) {
  std::string out;
  for (const char c : s) {
    if (c != ' ' && c != '\n' && c != '\t') {
      out.push_back(c);
    }
  }
  return out;
}

const char* commandName(EditorScriptCommand::Kind kind) {
  switch (kind) {
  case EditorScriptCommand::Kind::Click:
    return "click";
  case EditorScriptCommand::Kind::Key:
    return "key";
  case EditorScriptCommand::Kind::Text:
    return "text";
  case EditorScriptCommand::Kind::Wheel:
    return "wheel";
  case EditorScriptCommand::Kind::WaitFor:
    return "wait-for";
  case EditorScriptCommand::Kind::ExpectText:
    return "expect-text";
  case EditorScriptCommand::Kind::ExpectNoText:
    return "expect-no-text";
  case EditorScriptCommand::Kind::ExpectHeight:
    return "expect-height";
  case EditorScriptCommand::Kind::Drop:
    return "drop";
  case EditorScriptCommand::Kind::Screenshot:
    break;
  }
  return "screenshot";
}

} // namespace

std::optional<std::vector<EditorScriptCommand>> parseEditorScript(std::string_view text,
                                                                  std::string& error) {
  using Kind = EditorScriptCommand::Kind;
  std::vector<EditorScriptCommand> out;
  script_text::LineReader lines(text);
  std::string_view start;
  while (lines.next(start)) {
    const int lineNo = lines.lineNumber();
    const std::size_t space = start.find_first_of(" \t");
    const std::string_view word = start.substr(0, space);
    const std::string_view rest =
        space == std::string_view::npos ? std::string_view() : start.substr(space + 1);
    const std::string where = "line " + std::to_string(lineNo) + ": ";
    EditorScriptCommand c;
    c.line = lineNo;
    if (word == "click" || word == "wait-for" || word == "key" || word == "screenshot") {
      c.kind = word == "click"      ? Kind::Click
               : word == "wait-for" ? Kind::WaitFor
               : word == "key"      ? Kind::Key
                                    : Kind::Screenshot;
      c.arg = std::string(trimRight(trimLeft(rest)));
      if (c.arg.empty()) {
        error = where + std::string(word) + " needs " +
                (c.kind == Kind::Key ? "a key, e.g. Ctrl+S" : "a name");
        return std::nullopt;
      }
      if (c.kind == Kind::WaitFor) {
        const std::size_t gap = c.arg.find_first_of(" \t");
        if (gap != std::string::npos) {
          const std::string seconds(trimLeft(std::string_view(c.arg).substr(gap)));
          const int n =
              seconds.size() <= 3 && seconds.find_first_not_of("0123456789") == std::string::npos
                  ? std::atoi(seconds.c_str())
                  : 0;
          if (n < 1 || n > 600) {
            error = where + "wait-for takes a name and, if wanted, seconds from 1 to 600";
            return std::nullopt;
          }
          c.waitSeconds = n;
          c.arg.resize(gap);
        }
      } else if (c.arg.find_first_of(" \t") != std::string::npos) {
        error = where + std::string(word) + " takes one word, not \"" + c.arg + "\"";
        return std::nullopt;
      }
      if (c.kind == Kind::Key) {
        std::string why;
        if (!parseKeyChord(c.arg, c.chord, why)) {
          error = where + why;
          return std::nullopt;
        }
      }
      if (c.kind == Kind::Screenshot &&
          (c.arg.find_first_of("/\\") != std::string::npos || c.arg == "." || c.arg == "..")) {
        error = where + "a screenshot name is a file name, not a path";
        return std::nullopt;
      }
    } else if (word == "drop") {
      c.kind = Kind::Drop;
      c.arg = std::string(trimRight(trimLeft(rest)));
      if (c.arg.empty()) {
        error = where + "drop needs the path of a file";
        return std::nullopt;
      }
    } else if (word == "expect-height") {
      c.kind = Kind::ExpectHeight;
      const std::string_view args = trimRight(trimLeft(rest));
      const std::size_t gap1 = args.find_first_of(" \t");
      const std::string_view percent =
          trimLeft(gap1 == std::string_view::npos ? std::string_view() : args.substr(gap1));
      const std::size_t gap2 = percent.find_first_of(" \t");
      const std::string_view other =
          gap2 == std::string_view::npos ? std::string_view() : trimLeft(percent.substr(gap2));
      const std::string digits(percent.substr(0, gap2));
      const int n = digits.size() <= 3 && !digits.empty() &&
                            digits.find_first_not_of("0123456789") == std::string::npos
                        ? std::atoi(digits.c_str())
                        : 0;
      if (gap1 == std::string_view::npos || n < 1 || n > 100 || other.empty() ||
          other.find_first_of(" \t") != std::string_view::npos) {
        error = where + "expect-height takes a name, a percent from 1 to 100 and another name";
        return std::nullopt;
      }
      c.arg = std::string(args.substr(0, gap1));
      c.steps = n;
      c.other = std::string(other);
    } else if (word == "wheel") {
      c.kind = Kind::Wheel;
      c.arg = std::string(trimRight(trimLeft(rest)));
      const std::string digits = !c.arg.empty() && c.arg[0] == '-' ? c.arg.substr(1) : c.arg;
      if (digits.empty() || digits.size() > 2 ||
          digits.find_first_not_of("0123456789") != std::string::npos ||
          std::atoi(c.arg.c_str()) == 0) {
        error = where + "wheel takes a number of steps from -50 to 50, not 0";
        return std::nullopt;
      }
      c.steps = std::atoi(c.arg.c_str());
    } else if (word == "text" || word == "expect-text" || word == "expect-no-text") {
      c.kind = word == "text"          ? Kind::Text
               : word == "expect-text" ? Kind::ExpectText
                                       : Kind::ExpectNoText;
      c.arg = std::string(c.kind == Kind::Text ? rest : trimRight(rest));
      if (c.arg.empty()) {
        error = where + std::string(word) + " needs some text";
        return std::nullopt;
      }
    } else {
      error = where + "\"" + std::string(word) +
              "\" is not a command (click, key, text, wheel, wait-for, expect-text, "
              "expect-no-text, expect-height, drop, screenshot)";
      return std::nullopt;
    }
    out.push_back(std::move(c));
  }
  if (out.empty()) {
    error =
        "line " + std::to_string(std::max(lines.lineNumber(), 1)) + ": the script has no commands";
    return std::nullopt;
  }
  return out;
}

// ---- the player ----------------------------------------------------------------

void nameItem(const std::string& name) {
  Registry& r = registry();
  if (!r.enabled) {
    return;
  }
  if (!ImGui::IsItemVisible()) {
    if (!r.reveal.empty() && r.reveal == name) {
      // Out of sight: its window scrolls to it, so scripts need not scroll.
      const float middle = (ImGui::GetItemRectMin().y + ImGui::GetItemRectMax().y) / 2;
      ImGui::SetScrollFromPosY(middle - ImGui::GetWindowPos().y, 0.5f);
    }
    return;
  }
  // Only the part of the item its window shows can be clicked.
  const ImVec2 clipMin = ImGui::GetWindowDrawList()->GetClipRectMin();
  const ImVec2 clipMax = ImGui::GetWindowDrawList()->GetClipRectMax();
  ItemRect rect;
  rect.x0 = std::max(ImGui::GetItemRectMin().x, clipMin.x);
  rect.y0 = std::max(ImGui::GetItemRectMin().y, clipMin.y);
  rect.x1 = std::min(ImGui::GetItemRectMax().x, clipMax.x);
  rect.y1 = std::min(ImGui::GetItemRectMax().y, clipMax.y);
  if (rect.x1 > rect.x0 && rect.y1 > rect.y0) {
    r.building[name] = rect;
  }
}

EditorScriptPlayer::EditorScriptPlayer(std::vector<EditorScriptCommand> commands,
                                       std::string screenshotDir)
    : mCommands(std::move(commands)),
      mScreenshotDir(screenshotDir.empty() ? std::string(".") : std::move(screenshotDir)) {
  registry().enabled = true;
}

void EditorScriptPlayer::applyInput() {
  ImGuiIO& io = ImGui::GetIO();
  // The script's mouse, not the system's: a headless window has none.
  io.MousePos = mMouseX < 0 ? ImVec2(-FLT_MAX, -FLT_MAX) : ImVec2(mMouseX, mMouseY);
  io.MouseDown[0] = mMouseDown;
  io.MouseWheel = mWheel;
  io.KeyCtrl = mCtrl;
  io.KeyShift = mShift;
  io.KeyAlt = mAlt;
}

void EditorScriptPlayer::beginFrame() {
  registry().building.clear();
}

void EditorScriptPlayer::endFrame() {
  mFrameText = drawnText(ImGui::GetDrawData());
  registry().drawn.swap(registry().building);
}

bool EditorScriptPlayer::afterFrame(
    const Window& window, std::uint64_t nowMs,
    const std::function<bool(const std::string& path, std::string& error)>& shoot) {
  using Kind = EditorScriptCommand::Kind;
  Registry& r = registry();
  while (mIndex < mCommands.size() && mFailure.empty()) {
    const EditorScriptCommand& c = mCommands[mIndex];
    if (!mStarted) {
      mStarted = true;
      mStartedAt = nowMs;
      mPhase = 0;
    }
    const bool timedOut = nowMs - mStartedAt > static_cast<std::uint64_t>(c.waitSeconds) * 1000;
    switch (c.kind) {
    case Kind::Click:
      if (mPhase == 0) {
        const auto it = r.drawn.find(c.arg);
        if (it == r.drawn.end()) {
          r.reveal = c.arg;
          if (timedOut) {
            fail("no item of that name was drawn within " + std::to_string(c.waitSeconds) + " s");
          }
          return mFailure.empty();
        }
        // Clicked once drawn at the same place two frames running (lists settle).
        const std::string place =
            std::to_string(it->second.x0) + "," + std::to_string(it->second.y0) + "," +
            std::to_string(it->second.x1) + "," + std::to_string(it->second.y1);
        if (place != mSettledAt) {
          mSettledAt = place;
          if (!timedOut) {
            return true;
          }
        }
        mMouseX = (it->second.x0 + it->second.x1) / 2;
        mMouseY = (it->second.y0 + it->second.y1) / 2;
        mMouseDown = false; // this frame hovers it
        mPhase = 1;
        return true;
      }
      if (mPhase == 1) {
        mMouseDown = true;
        mPhase = 2;
        return true;
      }
      if (mPhase == 2) {
        mMouseDown = false;
        mPhase = 3;
        return true;
      }
      next(); // the frame after the release has acted on the click
      continue;
    case Kind::Key:
      if (mPhase == 0) {
        SDL_Event e{};
        e.type = SDL_KEYDOWN;
        e.key.windowID = SDL_GetWindowID(window.sdlWindow());
        e.key.state = SDL_PRESSED;
        e.key.keysym.sym = c.chord.sdlKeycode;
        e.key.keysym.scancode = SDL_GetScancodeFromKey(c.chord.sdlKeycode);
        e.key.keysym.mod =
            static_cast<Uint16>((c.chord.shift ? KMOD_LSHIFT : 0) |
                                (c.chord.ctrl ? KMOD_LCTRL : 0) | (c.chord.alt ? KMOD_LALT : 0));
        mCtrl = c.chord.ctrl;
        mShift = c.chord.shift;
        mAlt = c.chord.alt;
        SDL_PushEvent(&e);
        mPhase = 1;
        return true;
      }
      if (mPhase == 1) {
        // Released a frame later: Dear ImGui 1.86 sees a key only when it is held
        // down across a frame.
        SDL_Event e{};
        e.type = SDL_KEYUP;
        e.key.windowID = SDL_GetWindowID(window.sdlWindow());
        e.key.state = SDL_RELEASED;
        e.key.keysym.sym = c.chord.sdlKeycode;
        e.key.keysym.scancode = SDL_GetScancodeFromKey(c.chord.sdlKeycode);
        SDL_PushEvent(&e);
        mPhase = 2;
        return true;
      }
      mCtrl = mShift = mAlt = false;
      next();
      continue;
    case Kind::Text:
      if (mPhase == 0) {
        injectText(window, c.arg);
        mPhase = 1;
        return true;
      }
      next();
      continue;
    case Kind::Wheel:
      if (mPhase == 0) {
        mWheel = -static_cast<float>(c.steps); // Dear ImGui: positive is up
        mPhase = 1;
        return true;
      }
      if (mPhase == 1) {
        mWheel = 0;
        mPhase = 2;
        return true;
      }
      next();
      continue;
    case Kind::WaitFor:
      if (r.drawn.count(c.arg) > 0) {
        next();
        continue;
      }
      r.reveal = c.arg;
      if (timedOut) {
        fail("no item of that name was drawn within " + std::to_string(c.waitSeconds) + " s");
      }
      return mFailure.empty();
    case Kind::ExpectText:
      if (withoutSpaces(mFrameText).find(withoutSpaces(c.arg)) != std::string::npos) {
        next();
        continue;
      }
      if (timedOut) {
        std::string shown = mFrameText;
        std::replace(shown.begin(), shown.end(), '\n', ' ');
        if (shown.size() > 400) {
          shown = shown.substr(0, 400) + "...";
        }
        fail("not drawn within " + std::to_string(c.waitSeconds) +
             " s; the window showed: " + shown);
      }
      return mFailure.empty();
    case Kind::Drop:
      if (mPhase == 0) {
        // As the desktop drops a file: the event goes through the window's own queue
        // and the editor's frame loop takes it like any other (and frees the path).
        SDL_Event e{};
        e.type = SDL_DROPFILE;
        e.drop.windowID = SDL_GetWindowID(window.sdlWindow());
        e.drop.file = SDL_strdup(c.arg.c_str());
        if (e.drop.file == nullptr || SDL_PushEvent(&e) != 1) {
          SDL_free(e.drop.file);
          fail(std::string("the drop could not be queued: ") + SDL_GetError());
          return false;
        }
        mPhase = 1;
        return true;
      }
      next();
      continue;
    case Kind::ExpectHeight: {
      const auto a = r.drawn.find(c.arg);
      const auto b = r.drawn.find(c.other);
      if (a != r.drawn.end() && b != r.drawn.end()) {
        const float h = a->second.y1 - a->second.y0;
        const float of = b->second.y1 - b->second.y0;
        if (h * 100 >= of * static_cast<float>(c.steps) || timedOut) {
          std::fprintf(stderr, "line %d: %s is %.0f px high, %.0f%% of %s (%.0f px)\n", c.line,
                       c.arg.c_str(), static_cast<double>(h),
                       of > 0 ? static_cast<double>(h * 100 / of) : 0.0, c.other.c_str(),
                       static_cast<double>(of));
        }
        if (h * 100 >= of * static_cast<float>(c.steps)) {
          next();
          continue;
        }
      }
      if (timedOut) {
        fail(a == r.drawn.end() || b == r.drawn.end()
                 ? "an item of those names was not drawn within 5 s"
                 : "it stayed lower than " + std::to_string(c.steps) + "% of " + c.other);
      }
      return mFailure.empty();
    }
    case Kind::ExpectNoText:
      if (withoutSpaces(mFrameText).find(withoutSpaces(c.arg)) != std::string::npos) {
        fail("it is drawn");
        return false;
      }
      next();
      continue;
    case Kind::Screenshot:
      if (mPhase < 2) {
        ++mPhase; // let the frame settle: a click's popup opens a frame later
        return true;
      }
      {
        std::string error;
        const std::string path =
            (std::filesystem::path(mScreenshotDir) / (c.arg + ".png")).string();
        if (!shoot(path, error)) {
          fail("could not save " + path + ": " + error);
          return false;
        }
      }
      next();
      continue;
    }
  }
  return false;
}

void EditorScriptPlayer::next() {
  registry().reveal.clear();
  mSettledAt.clear();
  ++mIndex;
  mStarted = false;
  mPhase = 0;
}

void EditorScriptPlayer::fail(const std::string& why) {
  registry().reveal.clear();
  const EditorScriptCommand& c = mCommands[mIndex];
  mFailure =
      "line " + std::to_string(c.line) + ": " + commandName(c.kind) + " " + c.arg + ": " + why;
}

} // namespace sq
