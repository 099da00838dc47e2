#include "authoring/editor_settings.hpp"

#include "core/atomic_file.hpp"
#include "core/bounded_file.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <system_error>

namespace sq::authoring {

const std::vector<int>& uiScaleSteps() {
  static const std::vector<int> steps = {75, 90, 100, 110, 125, 150, 175, 200};
  return steps;
}

int nextUiScale(int current, int direction) {
  const std::vector<int>& steps = uiScaleSteps();
  if (direction > 0) {
    for (const int s : steps) {
      if (s > current) {
        return s;
      }
    }
    return steps.back();
  }
  if (direction < 0) {
    for (auto it = steps.rbegin(); it != steps.rend(); ++it) {
      if (*it < current) {
        return *it;
      }
    }
    return steps.front();
  }
  return std::clamp(current, kMinUiScale, kMaxUiScale);
}

std::string editorSettingsPath(const std::string& dataDir) {
  return (std::filesystem::path(dataDir) / "editor-settings.json").string();
}

EditorSettings parseEditorSettings(std::string_view text, std::string& note) {
  note.clear();
  const EditorSettings defaults;
  if (text.size() > kMaxEditorSettingsBytes) {
    note = "The editor's settings file is too large to be ours, so the usual text size is used.";
    return defaults;
  }
  // No exceptions: a parse error is a discarded value.
  const nlohmann::json doc = nlohmann::json::parse(text.begin(), text.end(), nullptr, false);
  if (doc.is_discarded() || !doc.is_object()) {
    note = "The editor's settings file could not be read, so the usual text size is used.";
    return defaults;
  }
  EditorSettings out;
  const auto scale = doc.find("uiScalePercent");
  if (scale != doc.end()) {
    if (!scale->is_number_integer() || scale->get<long long>() < kMinUiScale ||
        scale->get<long long>() > kMaxUiScale) {
      note = "The text size in the editor's settings file is not between " +
             std::to_string(kMinUiScale) + "% and " + std::to_string(kMaxUiScale) +
             "%, so the usual size is used.";
      return defaults;
    }
    out.uiScalePercent = static_cast<int>(scale->get<long long>());
  }
  return out;
}

EditorSettings loadEditorSettings(const std::string& path, std::string& note) {
  note.clear();
  const BoundedFile file = readFileBounded(path, kMaxEditorSettingsBytes);
  switch (file.status) {
  case BoundedFileStatus::Read:
    return parseEditorSettings(file.bytes, note);
  case BoundedFileStatus::Missing:
    return EditorSettings{};
  case BoundedFileStatus::NotAFile:
    note = "The editor's settings file is not a file, so the usual text size is used.";
    return EditorSettings{};
  case BoundedFileStatus::TooLarge:
    note = "The editor's settings file is too large to be ours, so the usual text size is used.";
    return EditorSettings{};
  case BoundedFileStatus::CannotOpen:
    note = "The editor's settings file could not be opened, so the usual text size is used.";
    return EditorSettings{};
  case BoundedFileStatus::ReadFailed:
    note = "The editor's settings file could not be read, so the usual text size is used.";
    return EditorSettings{};
  }
  return EditorSettings{};
}

std::string editorSettingsText(const EditorSettings& settings) {
  nlohmann::ordered_json doc;
  doc["formatVersion"] = 1;
  doc["uiScalePercent"] = settings.uiScalePercent;
  return doc.dump(2) + "\n";
}

bool saveEditorSettings(const std::string& path, const EditorSettings& settings,
                        std::string& error) {
  std::error_code ec;
  const std::filesystem::path parent = std::filesystem::path(path).parent_path();
  if (!parent.empty()) {
    std::filesystem::create_directories(parent, ec);
    if (ec) {
      error = "could not make " + parent.string() + ": " + ec.message();
      return false;
    }
  }
  EditorSettings clamped = settings;
  clamped.uiScalePercent = std::clamp(clamped.uiScalePercent, kMinUiScale, kMaxUiScale);
  return writeFileAtomically(path, editorSettingsText(clamped), error);
}

} // namespace sq::authoring
