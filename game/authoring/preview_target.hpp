// What the editor's preview (F5) plays: the lesson the teacher is editing, from the
// step or scenario node they are in, worked out from the open file and the JSON
// pointer of the field last touched; and, when the pack as it is now cannot be
// played, the words that say why (the preview never opens on a broken pack).
// Depends on: authoring/pack_document, content (LoadResult).
#pragma once

#include "authoring/pack_document.hpp"
#include "content/pack_loader.hpp"

#include <optional>
#include <string>

namespace sq::authoring {

struct PreviewTarget {
  std::string lessonFile; // "lessons/y3-smart-explorers.json"
  std::string lessonId;
  std::string stepId; // "": the lesson's front page
  std::string nodeId; // "": the step's start (scenario steps only)
};

// The lesson in `file` (a lesson file of the document that parses and has an id),
// with the step and node `pointer` lies in: "/steps/2/..." is the third step,
// "/steps/1/nodes/3/..." that scenario's fourth node. A pointer outside the steps
// starts at the front page. nullopt with `why` in words when `file` is not a lesson.
std::optional<PreviewTarget> previewTargetAt(const PackDocument& doc, const std::string& file,
                                             const std::string& pointer, std::string& why);

// "" when `loaded` (the loader's verdict on the document) can play `target`, else
// why not, in words for the teacher: the pack's errors (how many, and the first),
// or the lesson, step or node missing from what loaded.
std::string previewRefusal(const LoadResult& loaded, const PreviewTarget& target);

} // namespace sq::authoring
