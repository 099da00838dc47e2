#include "authoring/preview_target.hpp"

#include <vector>

namespace sq::authoring {

namespace {

// A JSON pointer's tokens, unescaped ("/a~1b/0" -> {"a/b", "0"}).
std::vector<std::string> tokensOf(const std::string& pointer) {
  std::vector<std::string> out;
  std::size_t at = 0;
  while (at < pointer.size() && pointer[at] == '/') {
    const std::size_t end = pointer.find('/', at + 1);
    const std::string raw = pointer.substr(at + 1, end == std::string::npos ? end : end - at - 1);
    std::string token;
    for (std::size_t i = 0; i < raw.size(); ++i) {
      if (raw[i] == '~' && i + 1 < raw.size() && (raw[i + 1] == '0' || raw[i + 1] == '1')) {
        token.push_back(raw[i + 1] == '0' ? '~' : '/');
        ++i;
      } else {
        token.push_back(raw[i]);
      }
    }
    out.push_back(std::move(token));
    if (end == std::string::npos) {
      break;
    }
    at = end;
  }
  return out;
}

// "12" -> 12; nullopt for anything that is not a plain array index.
std::optional<std::size_t> indexOf(const std::string& token) {
  if (token.empty() || token.size() > 9) {
    return std::nullopt;
  }
  std::size_t n = 0;
  for (const char c : token) {
    if (c < '0' || c > '9') {
      return std::nullopt;
    }
    n = n * 10 + static_cast<std::size_t>(c - '0');
  }
  return n;
}

// The string member `key` of the object at `array[index]`, or "".
std::string idAt(const Json& array, std::size_t index, const char* key = "id") {
  if (!array.is_array() || index >= array.size() || !array[index].is_object()) {
    return {};
  }
  const auto it = array[index].find(key);
  return it != array[index].end() && it->is_string() ? it->get<std::string>() : std::string();
}

} // namespace

std::optional<PreviewTarget> previewTargetAt(const PackDocument& doc, const std::string& file,
                                             const std::string& pointer, std::string& why) {
  if (file.rfind("lessons/", 0) != 0) {
    why = "Open a lesson first: the preview plays the lesson you are editing.";
    return std::nullopt;
  }
  const Json* root = doc.value(file);
  if (root == nullptr || !root->is_object()) {
    why = "This lesson's file is not valid JSON yet, so it cannot be played.";
    return std::nullopt;
  }
  const auto id = root->find("id");
  if (id == root->end() || !id->is_string() || id->get<std::string>().empty()) {
    why = "This lesson has no id yet, so it cannot be played.";
    return std::nullopt;
  }
  PreviewTarget target;
  target.lessonFile = file;
  target.lessonId = id->get<std::string>();
  const std::vector<std::string> tokens = tokensOf(pointer);
  const auto steps = root->find("steps");
  if (tokens.size() < 2 || tokens[0] != "steps" || steps == root->end()) {
    return target;
  }
  const auto step = indexOf(tokens[1]);
  if (!step) {
    return target;
  }
  target.stepId = idAt(*steps, *step);
  if (target.stepId.empty() || tokens.size() < 4 || tokens[2] != "nodes") {
    return target;
  }
  const auto node = indexOf(tokens[3]);
  const Json& stepValue = (*steps)[*step];
  const auto nodes = stepValue.find("nodes");
  if (node && nodes != stepValue.end()) {
    target.nodeId = idAt(*nodes, *node);
  }
  return target;
}

std::string previewRefusal(const LoadResult& loaded, const PreviewTarget& target) {
  if (!loaded.valid()) {
    for (const Diagnostic& d : loaded.diagnostics) {
      if (d.severity == Severity::Error) {
        const std::string count = loaded.errors == 1 ? std::string("1 problem")
                                                     : std::to_string(loaded.errors) + " problems";
        return "The preview cannot start until the pack's " + count +
               " are mended (see the problems list). The first: " +
               (d.file.empty() ? std::string() : d.file + ": ") + d.message;
      }
    }
    return "The preview cannot start: the pack did not load.";
  }
  const Lesson* lesson = loaded.pack->findLesson(target.lessonId);
  if (lesson == nullptr) {
    return "The lesson \"" + target.lessonId + "\" is not in the pack as it loads.";
  }
  if (target.stepId.empty()) {
    return {};
  }
  for (const Step& step : lesson->steps) {
    if (step.id != target.stepId) {
      continue;
    }
    if (target.nodeId.empty()) {
      return {};
    }
    const auto* scenario = std::get_if<ScenarioActivity>(&step.activity);
    if (scenario != nullptr && scenario->nodeIndex.count(target.nodeId) != 0) {
      return {};
    }
    return "The scene \"" + target.nodeId + "\" is not in the step \"" + target.stepId + "\".";
  }
  return "The step \"" + target.stepId + "\" is not in the lesson \"" + target.lessonId + "\".";
}

} // namespace sq::authoring
