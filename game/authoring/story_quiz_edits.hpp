// Two changes the story and quiz forms make that touch more than one field, each as
// one undoable `Edit`:
// - renaming a scenario node: its id, the step's `start` when it named the node,
//   the `next` of every choice that led to it and its saved place on the story map
//   (`"editor": {"positions": ...}`), so no arrow is left pointing at nothing;
// - changing a quiz question's type: its id, prompt, picture, narration, feedback
//   and any other field are kept, and its answers are turned into the new type's
//   shape (options, a true/false answer, sort groups and cards, order cards) from
//   the words it had, so the question still validates: a single-choice question
//   keeps one right answer, a multiple-choice one at least one, a sort puts the
//   right options in its first group and the others in its second, an order keeps
//   the cards in the order they were.
// Refusals come back as nullopt with the reason in words a teacher reads.
// Depends on: authoring/edit_ops, authoring/new_items, content/json_reader (ids).
#pragma once

#include "authoring/edit_ops.hpp"
#include "authoring/pack_document.hpp"

#include <cstddef>
#include <optional>
#include <string>

namespace sq::authoring {

// Renames node `nodeIndex` of the scenario step at `stepPointer` of `file` to
// `newId`. nullopt (with `why`) when the step or node is not there, the id is the
// same, not a valid id (a-z, 0-9 and '-', not first; at most 64) or already used by
// another node of the step.
std::optional<Edit> renameNodeEdit(const PackDocument& doc, const std::string& file,
                                   const std::string& stepPointer, std::size_t nodeIndex,
                                   const std::string& newId, std::string& why);

// The question at `itemPointer` of `file` turned into `newType` ("single",
// "multiple", "truefalse", "sort", "order"). nullopt (with `why`) when the question
// is not there, already of that type, or the type is unknown.
std::optional<Edit> changeQuestionTypeEdit(const PackDocument& doc, const std::string& file,
                                           const std::string& itemPointer,
                                           const std::string& newType, std::string& why);

} // namespace sq::authoring
