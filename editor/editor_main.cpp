// safequest-editor: lists the packs of a content folder and, for the selected one,
// every diagnostic; opens a pack for editing (the core pack read-only, or copied).
// The teacher PIN comes first when one is set (editor_pin_gate). The text size is
// the teacher's choice, remembered in the data folder (authoring/editor_settings);
// changing it builds the fonts again at the new size, so text stays sharp.
// `--screenshot FILE` draws a few frames, saves a PNG and exits; `--script FILE`
// plays a script of clicks, keys and checks (editor_script).
// Sections:
//   1. the command line
//   2. fonts, style and shortcuts
//   3. main: the window, the PIN, the frame loop
#include "app/command_line.hpp"
#include "app/default_dirs.hpp"
#include "authoring/editor_settings.hpp"
#include "editor_pin_gate.hpp"
#include "editor_script.hpp"
#include "editor_ui.hpp"
#include "lesson_preview_panel.hpp"
#include "picture_field.hpp"
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
#include <fstream>
#include <iterator>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace {

// ---- the command line ---------------------------------------------------------------

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
    "  --data DIR          the data folder: teacher.json with the PIN, the records, and\n"
    "                      editor-settings.json (default: as the game: $SAFEQUEST_DATA,\n"
    "                      else ~/.local/share/safequest)\n"
    "  --config FILE       the machine configuration (default: $SAFEQUEST_CONFIG, else\n"
    "                      /etc/safequest/config.json)\n"
    "  --preview           with --open: start the preview (F5) of the file shown\n"
    "  --records           start on the school records (classes, register, reports)\n"
    "  --screenshot FILE   draw a few frames, save the last as PNG and exit (with\n"
    "                      --preview, the preview's window too, as FILE-preview.png)\n"
    "  --script FILE       play a script of clicks, keys and checks (see editor/README.md);\n"
    "                      exit 0 when it ran to the end, 1 at a failed step, 2 when the\n"
    "                      script is malformed\n"
    "  --screenshot-dir DIR  where a script's screenshots go (default: this folder)\n"
    "  --help              show this text\n";

struct EditorOptions {
  std::string contentDir;
  std::string assetsDir;
  std::string screenshotPath;
  std::string openDir;
  std::string openFile;
  std::string recoveryDir;
  std::string dataDir;
  std::string configPath;
  std::string scriptPath;
  std::string screenshotDir;
  int width = 1280;
  int height = 720;
  bool preview = false;
  bool startInRecords = false;
};

bool parse(const std::vector<std::string>& args, EditorOptions& o, std::string& error, bool& help) {
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    const bool hasValue = i + 1 < args.size() && !args[i + 1].empty();
    if (a == "--help" || a == "-h") {
      help = true;
    } else if (a == "--records") {
      o.startInRecords = true;
    } else if (a == "--preview") {
      o.preview = true;
    } else if ((a == "--content" || a == "--assets" || a == "--screenshot" || a == "--size" ||
                a == "--open" || a == "--file" || a == "--recovery-dir" || a == "--data" ||
                a == "--config" || a == "--script" || a == "--screenshot-dir") &&
               !hasValue) {
      error = a + " needs a value";
      return false;
    } else if (a == "--data") {
      o.dataDir = args[++i];
    } else if (a == "--config") {
      o.configPath = args[++i];
    } else if (a == "--script") {
      o.scriptPath = args[++i];
    } else if (a == "--screenshot-dir") {
      o.screenshotDir = args[++i];
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

// ---- fonts, style and shortcuts ------------------------------------------------------

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
      0x25CB, 0x25D0, // the register's ○ and ◐; the dot on a changed file
      0x2713, 0x2718, // ticks and crosses: the register's ✔ and ✗
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
  ImGui::GetStyle() = ImGuiStyle(); // from the unscaled sizes: the size may change
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

// Ctrl+= (or Ctrl++), Ctrl+- and Ctrl+0 change the text size anywhere; Ctrl+S,
// Ctrl+Z, Ctrl+Y (and Ctrl+Shift+Z) and Ctrl+F act on the open pack.
void handleShortcut(const SDL_Event& e, sq::EditorUi& ui) {
  if (e.type != SDL_KEYDOWN || (e.key.keysym.mod & KMOD_CTRL) == 0) {
    return;
  }
  const SDL_Keycode k = e.key.keysym.sym;
  if (k == SDLK_EQUALS || k == SDLK_PLUS || k == SDLK_KP_PLUS) {
    ui.requestScale(sq::authoring::nextUiScale(ui.uiScale(), +1));
    return;
  }
  if (k == SDLK_MINUS || k == SDLK_KP_MINUS) {
    ui.requestScale(sq::authoring::nextUiScale(ui.uiScale(), -1));
    return;
  }
  if (k == SDLK_0 || k == SDLK_KP_0) {
    ui.requestScale(sq::authoring::kDefaultUiScale);
    return;
  }
  sq::PackEditor* editor = ui.editor();
  if (editor == nullptr || editor->waitingForAnswer()) {
    return;
  }
  if (k == SDLK_f) {
    editor->openFind(); // whatever the pack view offers to find text in the pack
  } else if (k == SDLK_s) {
    editor->save();
  } else if (k == SDLK_z && (e.key.keysym.mod & KMOD_SHIFT) != 0) {
    editor->redo();
  } else if (k == SDLK_z) {
    editor->undo();
  } else if (k == SDLK_y) {
    editor->redo();
  }
}

// The base text size for a window (as before the size became a choice), scaled.
float fontSizeFor(SDL_Window* window, int scalePercent) {
  int pointsW = 0;
  int pointsH = 0;
  SDL_GetWindowSize(window, &pointsW, &pointsH);
  const float base =
      std::max(18.0f, std::round(static_cast<float>(std::min(pointsW, pointsH)) / 36.0f));
  return std::max(12.0f, std::round(base * static_cast<float>(scalePercent) / 100.0f));
}

std::optional<std::string> readSmallFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return std::nullopt;
  }
  std::string text(1024 * 1024 + 1, '\0');
  in.read(text.data(), static_cast<std::streamsize>(text.size()));
  text.resize(static_cast<std::size_t>(in.gcount()));
  if (text.size() > 1024 * 1024) {
    return std::nullopt;
  }
  return text;
}

} // namespace

// ---- main ----------------------------------------------------------------------------

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
  // A script is read and checked before any window opens.
  std::unique_ptr<sq::EditorScriptPlayer> player;
  if (!options.scriptPath.empty()) {
    const auto text = readSmallFile(options.scriptPath);
    if (!text) {
      std::fprintf(stderr, "safequest-editor: cannot read the script %s\n",
                   options.scriptPath.c_str());
      return 2;
    }
    auto commands = sq::parseEditorScript(*text, error);
    if (!commands) {
      std::fprintf(stderr, "safequest-editor: %s: %s\n", options.scriptPath.c_str(), error.c_str());
      return 2;
    }
    player = std::make_unique<sq::EditorScriptPlayer>(std::move(*commands), options.screenshotDir);
  }
  const std::string contentDir =
      options.contentDir.empty() ? sq::defaultContentDir() : options.contentDir;
  const std::string assetsDir =
      options.assetsDir.empty() ? sq::defaultAssetsDir() : options.assetsDir;
  const std::string dataDir =
      options.dataDir.empty() ? sq::userDataDir(sq::systemEnvironment()) : options.dataDir;

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
  sq::PictureField::setRenderer(window->sdlRenderer()); // thumbnails
  const sq::Theme& theme = sq::standardTheme();

  // The same PIN as the game's teacher settings.
  sq::PinGate gate(sq::machineConfigPath(options.configPath, sq::systemEnvironment()), dataDir,
                   options.dataDir);

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGui::GetIO().IniFilename = nullptr; // leave no imgui.ini behind in the working folder
  const std::string settingsPath = sq::authoring::editorSettingsPath(dataDir);
  std::string settingsNote;
  sq::authoring::EditorSettings settings =
      sq::authoring::loadEditorSettings(settingsPath, settingsNote);
  ImFont* headingFont =
      setUpFonts(assetsDir, fontSizeFor(window->sdlWindow(), settings.uiScalePercent));
  setUpStyle(theme, fontSizeFor(window->sdlWindow(), settings.uiScalePercent));
  ImGui_ImplSDL2_InitForSDLRenderer(window->sdlWindow());
  ImGui_ImplSDLRenderer_Init(window->sdlRenderer());

  const std::string recoveryDir =
      options.recoveryDir.empty() ? dataDir + "/editor-recovery" : options.recoveryDir;
  sq::EditorUi ui(contentDir, recoveryDir);
  ui.setHeadingFont(headingFont);
  ui.setUiScale(settings.uiScalePercent);
  if (!settingsNote.empty()) {
    ui.addNotice(settingsNote);
  }
  if (!gate.pinSet()) {
    ui.addNotice("No teacher PIN is set, so anyone at this computer can change the lessons. "
                 "Set one in the game: Teacher settings.");
  }
  ImGui::GetIO().ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
  // F5: the lesson in the game's own window (hidden and drawn in software for screenshots).
  sq::PreviewPanel preview(assetsDir, !options.screenshotPath.empty());
  bool quitting = false;
  const bool screenshot = !options.screenshotPath.empty();
  const bool driven = screenshot || player != nullptr;
  int framesToDraw = 2; // ImGui settles its layout over a frame or two
  int framesAfterLoad = 0;
  std::uint64_t loadedAt = 0;
  int exitCode = 0;
  bool running = true;
  while (running) {
    SDL_Event e;
    // Sleep until something happens once the frame has settled: 0% CPU when idle.
    // Wake for autosave and validation while a pack has changes, and each second
    // while a PIN lockout counts down. A script or a screenshot never sleeps.
    const std::int64_t nowSeconds = static_cast<std::int64_t>(std::time(nullptr));
    std::uint64_t wakeIn =
        ui.editor() != nullptr ? ui.editor()->msUntilAutosave(SDL_GetTicks64()) : 0;
    if (gate.locked() && gate.counting(nowSeconds)) {
      wakeIn = wakeIn == 0 ? 1000 : std::min<std::uint64_t>(wakeIn, 1000);
    }
    if (const int recordsIn = ui.msUntilWake(); recordsIn > 0) {
      const auto r = static_cast<std::uint64_t>(recordsIn);
      wakeIn = wakeIn == 0 ? r : std::min(wakeIn, r); // a merge's progress bar
    }
    if (const int previewIn = preview.msUntilFrame(); previewIn >= 0) {
      const auto p = static_cast<std::uint64_t>(std::max(1, previewIn));
      wakeIn = wakeIn == 0 ? p : std::min(wakeIn, p);
    }
    const bool gotEvent = framesToDraw > 0 || driven ? SDL_PollEvent(&e) != 0
                          : wakeIn > 0 ? SDL_WaitEventTimeout(&e, static_cast<int>(wakeIn)) != 0
                                       : SDL_WaitEvent(&e) != 0;
    if (!gotEvent && wakeIn > 0) {
      framesToDraw = std::max(framesToDraw, 1);
    }
    bool editorEvent = false;
    if (gotEvent) {
      do {
        if (e.type == SDL_KEYDOWN && e.key.keysym.sym == SDLK_F5 && e.key.repeat == 0) {
          if (ui.editor() != nullptr) {
            preview.start(*ui.editor()); // from either window: play the text as it is now
          }
          editorEvent = true;
          continue;
        }
        if (preview.offer(e)) {
          continue; // the preview window's own
        }
        editorEvent = true;
        if (e.type == SDL_WINDOWEVENT && e.window.event == SDL_WINDOWEVENT_CLOSE &&
            e.window.windowID == SDL_GetWindowID(window->sdlWindow()) && preview.isOpen()) {
          e.type = SDL_QUIT; // with the preview open, SDL sends no quit of its own
        }
        ImGui_ImplSDL2_ProcessEvent(&e);
        if (e.type == SDL_QUIT) {
          // Unsaved changes: the pack asks first, and the window closes after.
          quitting = true;
          running = gate.locked() || ui.requestQuit();
        }
        if (!gate.locked()) {
          handleShortcut(e, ui);
        }
        if (e.type == SDL_DROPFILE) {
          if (!gate.locked()) {
            ui.dropFile(e.drop.file); // a class list for the records, or a picture or sound
          }
          SDL_free(e.drop.file);
        }
        if (e.type == SDL_KEYDOWN && e.key.keysym.sym == SDLK_F11 && e.key.repeat == 0) {
          window->toggleFullscreen();
        }
      } while (SDL_PollEvent(&e) != 0);
      if (editorEvent) {
        framesToDraw = std::max(framesToDraw, 3);
      }
    }
    if (!running) {
      break;
    }
    if (ui.editor() == nullptr && preview.isOpen()) {
      preview.close(); // the pack closed
    }
    preview.frame();
    if (framesToDraw == 0 && !driven) {
      continue;
    }
    framesToDraw = std::max(framesToDraw - 1, 0);

    // A new text size: the fonts are built again at that size (sharp, not stretched),
    // and the choice is remembered.
    if (const int scale = ui.takeScaleRequest(); scale != 0 && scale != ui.uiScale()) {
      const float size = fontSizeFor(window->sdlWindow(), scale);
      ImGui::GetIO().Fonts->Clear();
      headingFont = setUpFonts(assetsDir, size);
      setUpStyle(theme, size);
      ImGui_ImplSDLRenderer_DestroyFontsTexture(); // made again by the next NewFrame
      ui.setHeadingFont(headingFont);
      ui.setUiScale(scale);
      settings.uiScalePercent = scale;
      std::string saveError;
      if (!sq::authoring::saveEditorSettings(settingsPath, settings, saveError)) {
        ui.addNotice("The text size could not be remembered: " + saveError);
      }
      framesToDraw = std::max(framesToDraw, 3);
    }

    ImGui_ImplSDLRenderer_NewFrame();
    ImGui_ImplSDL2_NewFrame();
    if (player != nullptr) {
      player->applyInput();
    }
    ImGui::NewFrame();
    if (player != nullptr) {
      player->beginFrame();
    }
    if (gate.locked()) {
      gate.draw(theme, headingFont, static_cast<std::int64_t>(std::time(nullptr)));
      if (!gate.locked()) {
        framesToDraw = std::max(framesToDraw, 3); // the editor comes next
      }
    } else {
      // The records open with the teacher key sealed under the PIN just typed.
      ui.enableRecords(gate.settings().recordsDir(), gate.settings(), gate.acceptedPin());
      if (options.startInRecords) {
        options.startInRecords = false;
        ui.showRecords(true);
      }
      ui.draw(theme, SDL_GetTicks64(), nowIso());
      if (ui.editor() != nullptr && ui.editor()->takePreviewRequest()) {
        preview.start(*ui.editor());
        framesToDraw = std::max(framesToDraw, 2);
      }
      if (ui.editor() != nullptr && preview.followBand(*ui.editor())) {
        framesToDraw = std::max(framesToDraw, 2); // another band chosen while it plays
      }
      preview.draw(theme);
    }
    ImGui::Render();
    if (player != nullptr) {
      player->endFrame();
    }
    renderer.clear(theme.background);
    ImGui_ImplSDLRenderer_RenderDrawData(ImGui::GetDrawData());

    auto shoot = [&renderer](const std::string& path, std::string& why) {
      const auto image = renderer.readPixels();
      if (!image) {
        why = "the frame could not be read back";
        return false;
      }
      return sq::savePng(*image, path, why);
    };
    if (screenshot && (ui.loaded() || gate.locked())) {
      // Wait for the first check of an opened pack (at most 20 s), then a few frames.
      if (loadedAt == 0) {
        loadedAt = SDL_GetTicks64();
      }
      const bool settled = !ui.busy() || SDL_GetTicks64() - loadedAt > 20000;
      if (settled && ++framesAfterLoad >= 3) {
        if (!shoot(options.screenshotPath, error)) {
          std::fprintf(stderr, "safequest-editor: could not save the screenshot: %s\n",
                       error.c_str());
          exitCode = 1;
        }
        if (preview.preview() != nullptr) {
          const auto shot = preview.preview()->readPixels();
          std::string path = options.screenshotPath;
          if (path.size() > 4 && path.compare(path.size() - 4, 4, ".png") == 0) {
            path.resize(path.size() - 4);
          }
          path += "-preview.png";
          if (!shot || !sq::savePng(*shot, path, error)) {
            std::fprintf(stderr, "safequest-editor: could not save the preview's screenshot\n");
            exitCode = 1;
          }
        }
        break;
      }
    }
    if (player != nullptr && !player->afterFrame(*window, SDL_GetTicks64(), shoot)) {
      if (player->failed()) {
        std::fprintf(stderr, "safequest-editor: %s: %s\n", options.scriptPath.c_str(),
                     player->failure().c_str());
        exitCode = 1;
      }
      break;
    }
    renderer.present();
    if (quitting && ui.editor() == nullptr) {
      break;
    }
    if (!ui.loaded() && !gate.locked()) {
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
        if (options.preview && ui.editor() != nullptr) {
          preview.start(*ui.editor());
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
