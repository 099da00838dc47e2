// The page's side of the web game's files (screens/teacher/browser_files): the
// file chooser and downloads, given to the game as its BrowserFilePort when the
// program starts.
//   - Choosing: a hidden <input type=file> made by this script (no inline script or
//     style, so the page's Content-Security-Policy is unchanged) is clicked while
//     the teacher's press still counts as theirs; the chosen file's bytes are
//     written into the game's file system at the path the game named, then
//     sq_browser_file_arrived tells the game, and a window "exposed" event wakes
//     the frame so the screen reads it at once. Closing the chooser says so too.
//   - Downloading: the file's bytes become a Blob, offered through an <a download>
//     with a blob: address of this page's own origin; the copy in the game's file
//     system is removed once handed over.
// The scratch folder is in memory (/tmp); the class list, once accepted, goes into
// /data/school, which the game then reads as its school folder.
// Depends on: screens/teacher/browser_files, SDL (the wake-up event), Emscripten.
#include "screens/teacher/browser_files.hpp"

#include <SDL.h>
#include <emscripten/emscripten.h>

#include <string>

// clang-format off
EM_JS(int, sqFilesChoose, (const char* target), {
  try {
    const path = UTF8ToString(target);
    const answer = (ok, name, error) => {
      Module["ccall"]("sq_browser_file_arrived", null, ["number", "string", "string"],
                      [ok, name, error]);
    };
    let input = Module["sqFileInput"];
    if (!input) {
      input = document.createElement("input");
      input.type = "file";
      input.accept = ".json,application/json";
      input.hidden = true;
      input.id = "sq-file-input";
      document.body.appendChild(input);
      Module["sqFileInput"] = input;
    }
    input.value = "";
    input.onchange = () => {
      const file = input.files && input.files[0];
      if (!file) {
        answer(0, "", "");
        return;
      }
      // Over 8 MB is no class list: refused without reading it all.
      if (file.size > 8 * 1024 * 1024) {
        answer(0, file.name, "the file is too large to be a class list");
        return;
      }
      file.arrayBuffer().then((bytes) => {
        FS.writeFile(path, new Uint8Array(bytes));
        answer(1, file.name, "");
      }, (e) => {
        answer(0, file.name, String(e && e.message ? e.message : e));
      });
    };
    input.oncancel = () => answer(0, "", "");
    input.click();
    return 1;
  } catch (e) {
    return 0;
  }
});

EM_JS(int, sqFilesDownload, (const char* pathPtr, const char* namePtr), {
  try {
    const path = UTF8ToString(pathPtr);
    const bytes = FS.readFile(path);
    const url = URL.createObjectURL(new Blob([bytes], {type: "application/vnd.sqlite3"}));
    const a = document.createElement("a");
    a.href = url;
    a.download = UTF8ToString(namePtr);
    a.hidden = true;
    document.body.appendChild(a);
    a.click();
    a.remove();
    FS.unlink(path);
    // The browser has taken its copy well before this.
    setTimeout(() => URL.revokeObjectURL(url), 60000);
    return 1;
  } catch (e) {
    return 0;
  }
});
// clang-format on

extern "C" {

// The page's answer to the file chooser: the chosen file's bytes are in place
// (ok = 1), or the chooser was closed (error "") or the file could not be read.
EMSCRIPTEN_KEEPALIVE void sq_browser_file_arrived(int ok, const char* name, const char* error) {
  sq::BrowserFileArrival a;
  a.ok = ok != 0;
  a.name = name != nullptr ? name : "";
  a.error = error != nullptr ? error : "";
  sq::browserFileArrived(std::move(a));
  // Wake the frame: the screen reads the file at its next layout pass.
  SDL_Event e{};
  e.type = SDL_WINDOWEVENT;
  e.window.event = SDL_WINDOWEVENT_EXPOSED;
  SDL_PushEvent(&e);
}
}

namespace {

[[maybe_unused]] const bool gFilesPortSet = [] {
  sq::BrowserFilePort port;
  port.chooseFile = [](const std::string& target) { return sqFilesChoose(target.c_str()) != 0; };
  port.download = [](const std::string& path, const std::string& name) {
    return sqFilesDownload(path.c_str(), name.c_str()) != 0;
  };
  port.schoolFolder = "/data/school";
  port.scratchFolder = "/tmp/safequest-files";
  sq::setBrowserFilePort(std::move(port));
  return true;
}();

} // namespace
