// libFuzzer target: any bytes as the editor's settings file (editor-settings.json).
// parseEditorSettings never crashes or throws, and whatever it returns is within
// the limits; a value it accepts is written and read back to the same settings.
// Run: build/asan/tests/fuzz/fuzz_editor_settings CORPUS_DIR
#include "authoring/editor_settings.hpp"

#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace sq::authoring;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  std::string note;
  const EditorSettings s = parseEditorSettings(text, note);
  if (s.uiScalePercent < kMinUiScale || s.uiScalePercent > kMaxUiScale) {
    std::abort();
  }
  if (!note.empty() && !(s == EditorSettings{})) {
    std::abort(); // a note always means the defaults
  }
  std::string again;
  if (!(parseEditorSettings(editorSettingsText(s), again) == s) || !again.empty()) {
    std::abort();
  }
  return 0;
}
