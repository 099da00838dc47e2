// The names a teacher reads for every fixed list of the pack format: tags (EfCW
// strands, DCF elements, SMART letters, topics), year groups, bands, AUP phases,
// feelings, trusted adults, quiz types and step kinds. The editor's forms offer
// these as ticked boxes and combos, so a teacher chooses from a list and never
// types an id. The ids come from the format (content/tag_vocabulary for tags), and
// a test checks that every id of the format has a name here, in the same order.
// Depends on: content (tag vocabulary, pack model).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace sq::authoring {

struct NamedValue {
  std::string_view id;   // as written in the pack: "privacy-and-security"
  std::string_view name; // as a teacher reads it: "Privacy and security"
};

enum class Vocabulary {
  EfcwStrand,
  DcfElement,
  SmartLetter,
  Topic,
  YearGroup,
  Band,
  AupPhase,
  Feeling,
  TrustedAdult,
  QuizType,
  StepKind,
  AssemblyStepKind,
};

// Every value of the list, in the format's order.
const std::vector<NamedValue>& namedValues(Vocabulary list);

// The name of `id` in `list`, or `id` itself when the list does not have it (an
// unknown value is shown as written, never hidden).
std::string_view nameOf(Vocabulary list, std::string_view id);

// A field's key as a teacher reads it: "teacherNotes" -> "Teacher notes".
std::string fieldName(std::string_view key);

} // namespace sq::authoring
