// safequest-editor: lists the packs of a content folder and, for the selected one,
// every diagnostic; opens a pack for editing (the core pack read-only, or copied).
// `--screenshot FILE` draws a few frames, saves a PNG and exits.
#include "app/command_line.hpp"
#include "app/default_dirs.hpp"
#include "editor_ui.hpp"
#include "platform/window.hpp"
#include "render/renderer.hpp"
#include "settings/default_dirs.hpp"
#include "settings/machine_config.hpp"
#include "text/font.hpp"
#include "ui/theme.hpp"

#include <SDL.h>
#include <imgui.h>
#include <imgui_impl_sdl.h>
#include <imgui_impl_sdlrenderer.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <string>
#include <vector>

namespace {

const char* kUsage =
    "Usage: safequest-editor [options]\n"
    "  --content DIR       the folder of content packs to check\n"
    "  --assets DIR        the folder holding fonts/ (default: next to the program)\n"
    "  --size WxH          window size, e.g. 1600x900 (default 1280x720)\n"
    "  --open DIR          open this pack for editing straight away\n"
    "  --file PATH         with --open: show this file of the pack (e.g. lessons/x.json);\n"
    "                      PATH#POINTER also selects a field (e.g. lessons/x.json#/steps/1)\n"
    "  --recovery-dir DIR  where unsaved work is autosaved (default: the data folder's\n"
    "                      editor-recovery/)\n"
    "  --screenshot FILE   draw a few frames, save the last as PNG and exit\n"
    "  --help              show this text\n";

struct EditorOptions {
  std::string contentDir;
  std::string assetsDir;
  std::string screenshotPath;
  std::string openDir;
  std::string openFile;
  std::string recoveryDir;
  int width = 1280;
  int height = 720;
};

bool parse(const std::vector<std::string>& args, EditorOptions& o, std::string& error, bool& help) {
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    const bool hasValue = i + 1 < args.size() && !args[i + 1].empty();
    if (a == "--help" || a == "-h") {
      help = true;
    } else if ((a == "--content" || a == "--assets" || a == "--screenshot" || a == "--size" ||
                a == "--open" || a == "--file" || a == "--recovery-dir") &&
               !hasValue) {
      error = a + " needs a value";
      return false;
    } else if (a == "--content") {
      o.contentDir = args[++i];
    } else if (a == "--open") {
      o.openDir = args[++i];
    } else if (a == "--file") {
      o.openFile = args[++i];
    } else if (a == "--recovery-dir") {
      o.recoveryDir = args[++i];
    } else if (a == "--assets") {
      o.assetsDir = args[++i];
    } else if (a == "--screenshot") {
      o.screenshotPath = args[++i];
    } else if (a == "--size") {
      if (!sq::parseSize(args[++i], o.width, o.height)) {
        error = "--size wants WIDTHxHEIGHT, e.g. 1600x900";
        return false;
      }
    } else {
      error = "unknown option \"" + a + "\"";
      return false;
    }
  }
  return true;
}

// Larger than ImGui's 13 px default: teachers read this at arm's length, often on
// a classroom screen. Andika first; DejaVu Sans fills characters Andika lacks.
// Returns the heading font (Andika Bold, larger), or nullptr when fonts are missing.
ImFont* setUpFonts(const std::string& assetsDir, float size) {
  ImGuiIO& io = ImGui::GetIO();
  static const ImWchar ranges[] = {
      0x0020, 0x00FF, // Basic Latin, Latin-1 Supplement
      0x0100, 0x017F, // Latin Extended-A: Welsh ŵ ŷ and more
      0x2010, 0x2027, // dashes, quotes, ellipsis
      0x2190, 0x2193, // arrows
      0xFFFD, 0xFFFD, // replacement character
      0,
  };
  const std::string dir = assetsDir + "/fonts/";
  // ImGui sizes a font by its ascent-to-descent height; Andika's is tall, so ask
  // for the height that gives the em size we mean (as the game sizes its text).
  // Loading each face first also keeps a missing file from reaching ImGui's asserts.
  std::string error;
  const auto regular = sq::FontFace::fromFile(dir + sq::FontLibrary::kAndikaRegular, error);
  const auto bold = sq::FontFace::fromFile(dir + sq::FontLibrary::kAndikaBold, error);
  const auto fallback = sq::FontFace::fromFile(dir + sq::FontLibrary::kFallback, error);
  if (!regular || !bold || !fallback) {
    std::fprintf(stderr, "safequest-editor: %s; using ImGui's own font\n", error.c_str());
    io.Fonts->AddFontDefault();
    return nullptr;
  }
  auto add = [&](const sq::FontFace& face, float em) {
    ImFont* font =
        io.Fonts->AddFontFromFileTTF(face.name().c_str(), face.heightForEm(em), nullptr, ranges);
    ImFontConfig merge;
    merge.MergeMode = true;
    io.Fonts->AddFontFromFileTTF(fallback->name().c_str(), fallback->heightForEm(em), &merge,
                                 ranges);
    return font;
  };
  add(*regular, size); // the first font added is ImGui's default
  return add(*bold, std::round(size * 1.3f));
}

void setUpStyle(const sq::Theme& theme, float fontSize) {
  ImGui::StyleColorsLight();
  ImGuiStyle& style = ImGui::GetStyle();
  style.ScaleAllSizes(fontSize / 13.0f);
  style.WindowRounding = 0;
  style.ChildRounding = fontSize * 0.3f;
  style.FrameRounding = fontSize * 0.3f;
  auto col = [](sq::Colour c) {
    return ImVec4(static_cast<float>(c.r) / 255.0f, static_cast<float>(c.g) / 255.0f,
                  static_cast<float>(c.b) / 255.0f, 1.0f);
  };
  style.Colors[ImGuiCol_WindowBg] = col(theme.background);
  style.Colors[ImGuiCol_ChildBg] = col(theme.surface);
  style.Colors[ImGuiCol_Text] = col(theme.text);
  style.Colors[ImGuiCol_Border] = col(theme.border);
}

// The wall clock as ISO 8601 UTC, shown to the teacher with recovered work.
std::string nowIso() {
  const std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M UTC", &tm);
  return buf;
}

// Ctrl+S, Ctrl+Z, Ctrl+Y (and Ctrl+Shift+Z) while a pack is open.
void handleShortcut(const SDL_Event& e, sq::PackEditor* editor) {
  if (editor == nullptr || e.type != SDL_KEYDOWN || (e.key.keysym.mod & KMOD_CTRL) == 0 ||
      editor->waitingForAnswer()) {
    return;
  }
  const SDL_Keycode k = e.key.keysym.sym;
  if (k == SDLK_s) {
    editor->save();
  } else if (k == SDLK_z && (e.key.keysym.mod & KMOD_SHIFT) != 0) {
    editor->redo();
  } else if (k == SDLK_z) {
    editor->undo();
  } else if (k == SDLK_y) {
    editor->redo();
  }
}

} // namespace

int main(int argc, char** argv) {
  EditorOptions options;
  std::string error;
  bool help = false;
  if (!parse(std::vector<std::string>(argv + 1, argv + argc), options, error, help)) {
    std::fprintf(stderr, "safequest-editor: %s\n\n%s", error.c_str(), kUsage);
    return 2;
  }
  if (help) {
    std::fputs(kUsage, stdout);
    return 0;
  }
  const std::string contentDir =
      options.contentDir.empty() ? sq::defaultContentDir() : options.contentDir;
  const std::string assetsDir =
      options.assetsDir.empty() ? sq::defaultAssetsDir() : options.assetsDir;

  sq::WindowOptions wo;
  wo.title = "SafeQuest editor";
  wo.width = options.width;
  wo.height = options.height;
  auto window = sq::Window::create(wo, error);
  if (!window) {
    std::fprintf(stderr, "safequest-editor: %s\n", error.c_str());
    return 1;
  }
  sq::Renderer renderer(window->sdlRenderer());
  const sq::Theme& theme = sq::standardTheme();

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGui::GetIO().IniFilename = nullptr; // leave no imgui.ini behind in the working folder
  int pointsW = 0;
  int pointsH = 0;
  SDL_GetWindowSize(window->sdlWindow(), &pointsW, &pointsH);
  const float fontSize =
      std::max(18.0f, std::round(static_cast<float>(std::min(pointsW, pointsH)) / 36.0f));
  ImFont* headingFont = setUpFonts(assetsDir, fontSize);
  setUpStyle(theme, fontSize);
  ImGui_ImplSDL2_InitForSDLRenderer(window->sdlWindow());
  ImGui_ImplSDLRenderer_Init(window->sdlRenderer());

  const std::string recoveryDir =
      options.recoveryDir.empty() ? sq::userDataDir(sq::systemEnvironment()) + "/editor-recovery"
                                  : options.recoveryDir;
  sq::EditorUi ui(contentDir, recoveryDir);
  ui.setHeadingFont(headingFont);
  ImGui::GetIO().ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
  bool quitting = false;
  const bool screenshot = !options.screenshotPath.empty();
  int framesToDraw = 2; // ImGui settles its layout over a frame or two
  int framesAfterLoad = 0;
  int exitCode = 0;
  bool running = true;
  while (running) {
    SDL_Event e;
    // Sleep until something happens once the frame has settled: 0% CPU when idle.
    // While a pack has unsaved changes, wake for autosave and validation too.
    const std::uint64_t wakeIn =
        ui.editor() != nullptr ? ui.editor()->msUntilAutosave(SDL_GetTicks64()) : 0;
    const bool gotEvent = framesToDraw > 0 || screenshot ? SDL_PollEvent(&e) != 0
                          : wakeIn > 0 ? SDL_WaitEventTimeout(&e, static_cast<int>(wakeIn)) != 0
                                       : SDL_WaitEvent(&e) != 0;
    if (!gotEvent && wakeIn > 0) {
      framesToDraw = std::max(framesToDraw, 1);
    }
    if (gotEvent) {
      do {
        ImGui_ImplSDL2_ProcessEvent(&e);
        if (e.type == SDL_QUIT) {
          // Unsaved changes: the pack asks first, and the window closes after.
          quitting = true;
          running = !ui.requestQuit();
        }
        handleShortcut(e, ui.editor());
        if (e.type == SDL_KEYDOWN && e.key.keysym.sym == SDLK_F11 && e.key.repeat == 0) {
          window->toggleFullscreen();
        }
      } while (SDL_PollEvent(&e) != 0);
      framesToDraw = std::max(framesToDraw, 3);
    }
    if (!running) {
      break;
    }
    if (framesToDraw == 0) {
      continue;
    }
    --framesToDraw;

    ImGui_ImplSDLRenderer_NewFrame();
    ImGui_ImplSDL2_NewFrame();
    ImGui::NewFrame();
    ui.draw(theme, SDL_GetTicks64(), nowIso());
    ImGui::Render();
    renderer.clear(theme.background);
    ImGui_ImplSDLRenderer_RenderDrawData(ImGui::GetDrawData());

    if (screenshot && ui.loaded() && ++framesAfterLoad >= 3) {
      const auto image = renderer.readPixels();
      if (!image || !sq::savePng(*image, options.screenshotPath, error)) {
        std::fprintf(stderr, "safequest-editor: could not save the screenshot: %s\n",
                     image ? error.c_str() : "the frame could not be read back");
        exitCode = 1;
      }
      break;
    }
    renderer.present();
    if (quitting && ui.editor() == nullptr) {
      break;
    }
    if (!ui.loaded()) {
      // The first frame is on screen; now do the slow part.
      ui.reload();
      if (!options.openDir.empty()) {
        ui.openPack(options.openDir);
        if (!options.openFile.empty() && ui.editor() != nullptr) {
          // PATH#POINTER also selects a field (e.g. a scenario step, to show its map).
          const std::size_t hash = options.openFile.find('#');
          ui.editor()->select(options.openFile.substr(0, hash),
                              hash == std::string::npos ? "" : options.openFile.substr(hash + 1));
        }
      }
      framesToDraw = std::max(framesToDraw, 3);
    }
  }

  ImGui_ImplSDLRenderer_Shutdown();
  ImGui_ImplSDL2_Shutdown();
  ImGui::DestroyContext();
  return exitCode;
}
