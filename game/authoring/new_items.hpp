// What the editor inserts when a teacher adds something: a step of each kind, a
// slide, a scenario node or choice, a quiz item of each type, an option, a sort
// group or card, an order card, a butterfly reporting step, an AUP promise, an
// assembly slide or vote, a vote option, a unit and a unit's lesson. Each template
// already passes validation where it is inserted (ids unique among its siblings,
// every required field filled, a right answer chosen), so adding never leaves the
// pack with a new error; the teacher then changes the words.
// Texts are a plain string in a one-language pack and one string per language
// otherwise, as the format asks (content/README.md, "Text").
// Depends on: authoring/pack_document, nlohmann_json.
#pragma once

#include "authoring/pack_document.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sq::authoring {

// "base" when no object of `siblings` (an array) has that id, else "base-2",
// "base-3", ... Anything that is not an array counts as no siblings.
std::string uniqueId(const Json& siblings, std::string_view base);
// The same for a list of plain ids (the pack's lesson ids, a scenario's node ids).
std::string uniqueIdAmong(const std::vector<std::string>& ids, std::string_view base);

// The pack's languages from pack.json, first the main one; {"en-GB"} when it has none.
std::vector<std::string> packLanguages(const PackDocument& doc);
// A text value with `words` in every language of the pack.
Json newText(const PackDocument& doc, std::string_view words);

// A lesson step of `kind` ("slides", "scenario", "quiz", "butterfly", "aup"); a
// quiz starts with one single-choice item, an AUP step names the pack's first AUP
// (the teacher picks another from a list). nullopt for an unknown kind, or an AUP
// step in a pack with no AUP.
std::optional<Json> newStep(const PackDocument& doc, const Json& steps, std::string_view kind);
Json newSlide(const PackDocument& doc, const Json& slides);
// An ending node: it needs no choices, so it is valid before it is linked.
Json newNode(const PackDocument& doc, const Json& nodes);
// An unsafe choice that lets the pupil try again (no `next`), so it is valid in
// any node that already has a safe choice.
Json newChoice(const PackDocument& doc, const Json& choices);
// A safe choice leading to `next`, for a node that has just stopped being an ending.
Json newSafeChoice(const PackDocument& doc, const Json& choices, const std::string& next);
// A quiz item of `type` ("single", "multiple", "truefalse", "sort", "order").
std::optional<Json> newQuizItem(const PackDocument& doc, const Json& items, std::string_view type);
Json newOption(const PackDocument& doc, const Json& options);
Json newSortGroup(const PackDocument& doc, const Json& groups);
Json newSortCard(const PackDocument& doc, const Json& cards, const std::string& group);
Json newOrderCard(const PackDocument& doc, const Json& cards);
Json newReportStep(const PackDocument& doc, const Json& steps);
Json newPromise(const PackDocument& doc, const Json& promises);
// An assembly step of `kind` ("slide" or "vote"); nullopt for another kind.
std::optional<Json> newAssemblyStep(const PackDocument& doc, const Json& steps,
                                    std::string_view kind);
Json newVoteOption(const PackDocument& doc, const Json& options);
Json newObjective(const PackDocument& doc);

// The ids of the pack's lessons (from their files' names), sorted.
std::vector<std::string> lessonIds(const PackDocument& doc);
// A unit for the first year group pack.json has no unit for, with one required
// lesson (the first lesson no unit lists, else the first lesson). nullopt when the
// pack has no lessons or every year group has its unit.
std::optional<Json> newUnit(const PackDocument& doc);
Json newUnitLesson(const std::string& lesson, bool required);

} // namespace sq::authoring
