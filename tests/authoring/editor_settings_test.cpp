// The editor's remembered settings: the UI scale survives a restart, and a bad,
// huge or hostile file falls back to the default with a note instead of failing.
#include "authoring/editor_settings.hpp"

#include "support/read_file.hpp"
#include "support/temp_dir.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

using namespace sq::authoring;
namespace fs = std::filesystem;

TEST_CASE("the UI scale steps up and down within 75% and 200%") {
  CHECK(nextUiScale(100, +1) == 110);
  CHECK(nextUiScale(100, -1) == 90);
  CHECK(nextUiScale(200, +1) == 200);
  CHECK(nextUiScale(75, -1) == 75);
  CHECK(nextUiScale(130, +1) == 150); // between steps: the next one that way
  CHECK(nextUiScale(130, -1) == 125);
  CHECK(nextUiScale(999, 0) == 200);
  int s = 75;
  for (int i = 0; i < 20; ++i) {
    const int next = nextUiScale(s, +1);
    CHECK(next >= s);
    s = next;
  }
  CHECK(s == kMaxUiScale);
}

TEST_CASE("the editor's settings are saved atomically and read back") {
  sq::test::TempDir dir;
  const std::string path = editorSettingsPath((dir.path() / "data").string());
  std::string note;
  CHECK(loadEditorSettings(path, note) == EditorSettings{}); // no file yet: no note
  CHECK(note.empty());
  std::string error;
  REQUIRE(saveEditorSettings(path, EditorSettings{150}, error));
  CHECK(loadEditorSettings(path, note).uiScalePercent == 150);
  CHECK(note.empty());
  // Nothing but the file itself is left in the folder.
  int entries = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir.path() / "data")) {
    ++entries;
  }
  CHECK(entries == 1);
  // Out of range on the way in is kept within the limits.
  REQUIRE(saveEditorSettings(path, EditorSettings{5000}, error));
  CHECK(loadEditorSettings(path, note).uiScalePercent == kMaxUiScale);
}

TEST_CASE("a bad, huge or hostile settings file gives the default and a plain note") {
  sq::test::TempDir dir;
  const std::string path = (dir.path() / "editor-settings.json").string();
  const std::string bad[] = {
      "",
      "not json",
      "[150]",
      "{\"uiScalePercent\": \"150\"}",
      "{\"uiScalePercent\": 1e400}",
      "{\"uiScalePercent\": 74}",
      "{\"uiScalePercent\": 201}",
      "{\"uiScalePercent\": -9223372036854775808}",
      "{\"uiScalePercent\": 150.5}",
      "{\"uiScalePercent\": 150",
      std::string(8000, '['),
      "{\"pad\": \"" + std::string(5000, 'x') + "\", \"uiScalePercent\": 150}",
  };
  for (const std::string& text : bad) {
    std::ofstream(path, std::ios::binary | std::ios::trunc) << text;
    std::string note;
    CHECK_MESSAGE(loadEditorSettings(path, note) == EditorSettings{}, text.substr(0, 40));
    CHECK_MESSAGE(!note.empty(), text.substr(0, 40));
    CHECK(note.find("usual") != std::string::npos);
  }
  // Unknown members are a newer editor's: ignored, no note.
  std::ofstream(path, std::ios::binary | std::ios::trunc)
      << "{\"formatVersion\": 7, \"theme\": \"dark\", \"uiScalePercent\": 125}";
  std::string note;
  CHECK(loadEditorSettings(path, note).uiScalePercent == 125);
  CHECK(note.empty());
  // A folder where the file should be.
  fs::remove(path);
  fs::create_directories(path);
  CHECK(loadEditorSettings(path, note) == EditorSettings{});
  CHECK_FALSE(note.empty());
}
