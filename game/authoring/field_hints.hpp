// What the editor says under a field as the teacher types: for a pupil-facing text,
// whether it reads at the level of the youngest pupils who will see it (the same
// measure and limits the validator warns with, content/reading_level), and for
// every text, how many characters of the loader's limit it uses.
// Depends on: content (reading level, pack limits), authoring/pack_document.
#pragma once

#include "authoring/pack_document.hpp"
#include "content/pack_model.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace sq::authoring {

// The band a file's pupil-facing text is judged at: a lesson by the youngest unit
// of pack.json that lists it, an AUP by its phase (KS2 at the LKS2 limits, as Year
// 3 signs it); nullopt for anything else (pack.json, assemblies: read by adults).
std::optional<Band> bandForFile(const PackDocument& doc, const std::string& file);

// Whether the field at `pointer` of `file` is read by pupils (lesson steps' texts,
// choices, feedback, quiz prompts and options, butterfly steps, AUP promises), the
// same fields the validator's reading-level pass measures.
bool isPupilFacing(const std::string& file, const std::string& pointer);

struct FieldHint {
  std::string reading; // "Reads well for KS1." or why it is too hard; empty: no hint
  bool tooHard = false;
  std::size_t characters = 0; // bytes, as the loader counts
  std::size_t limit = 0;
};

FieldHint hintFor(std::string_view text, std::optional<Band> band, bool pupilFacing,
                  std::size_t limit);

} // namespace sq::authoring
