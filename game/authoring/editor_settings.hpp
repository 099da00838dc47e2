// The editor's own remembered choices, kept in editor-settings.json in the data
// folder: for now the size of its text (the UI scale, 75 to 200%). The file is
// outside the program's control (a pupil or a broken disk can change it), so it
// is read with a size limit, every field is checked, and anything wrong falls
// back to the default with a plain note for the teacher; it is written atomically.
// Depends on: core/atomic_file, nlohmann_json (in the .cpp only).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace sq::authoring {

inline constexpr int kDefaultUiScale = 100;
inline constexpr int kMinUiScale = 75;
inline constexpr int kMaxUiScale = 200;
// Larger than this, the file is not ours: it is not read at all.
inline constexpr std::size_t kMaxEditorSettingsBytes = 4096;

struct EditorSettings {
  int uiScalePercent = kDefaultUiScale;
  bool operator==(const EditorSettings& o) const { return uiScalePercent == o.uiScalePercent; }
};

// The sizes the View menu offers, smallest first (each one a whole percentage).
const std::vector<int>& uiScaleSteps();
// The next step up (`direction` > 0) or down from `current`, within the limits; a
// value between steps moves to the nearest step that way.
int nextUiScale(int current, int direction);

// `dataDir`/editor-settings.json.
std::string editorSettingsPath(const std::string& dataDir);

// The settings in `text`; defaults, with `note` saying why in plain words, when the
// text is not a settings object or a value is out of range. Unknown members are
// ignored (a newer editor may add some). `note` is empty when all was well.
EditorSettings parseEditorSettings(std::string_view text, std::string& note);
// Reads `path`: defaults and no note when there is no file yet; defaults and a note
// when it cannot be read, is too large, or is not right.
EditorSettings loadEditorSettings(const std::string& path, std::string& note);
std::string editorSettingsText(const EditorSettings& settings);
// Writes atomically (a temporary file, synced, then renamed), making the folder.
bool saveEditorSettings(const std::string& path, const EditorSettings& settings,
                        std::string& error);

} // namespace sq::authoring
