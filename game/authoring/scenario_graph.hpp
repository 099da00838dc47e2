// The story map of one scenario step, without a window: the graph of its nodes and
// choices read straight from the lesson's JSON (a half-written scenario, with
// fields missing or of the wrong type, still gives a graph and never throws), what
// is wrong with it (nodes no path reaches, dead ends, traps, choices leading to no
// such node), where each box goes on the map (laid out from the start, breadth
// first, unless the teacher moved it), and every change the map makes as an `Edit`
// with its inverse: moving a box, adding a node or a choice, connecting a choice,
// choosing the start, deleting.
// The findings agree with the validator's (`content/pack_validator`: traps and
// unreachable nodes at the same nodes, unknown `next` at the same choices), so
// the map and the problems list never disagree.
// Positions are kept in the step's editor-only member, which the loader ignores:
// `"editor": { "positions": { "<node id>": [x, y] } }`, in map units (a box is
// `kBoxWidth` by `kBoxHeight`).
// Depends on: authoring/edit_ops, nlohmann_json.
#pragma once

#include "authoring/edit_ops.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace sq::authoring {

constexpr std::size_t kNoStoryNode = static_cast<std::size_t>(-1);

struct StoryChoice {
  std::string id;
  std::string text; // in the pack's first language; "" when missing
  std::string next; // "" when the choice leads nowhere (try again)
  bool safe = false;
  std::size_t target = kNoStoryNode; // the node `next` names, when there is one
  bool unknownTarget = false;        // `next` names no node of this scenario
  std::string pointer;               // "/steps/1/nodes/0/choices/2"
};

struct StoryNode {
  std::string id;
  std::string text;
  bool ending = false;
  std::vector<StoryChoice> choices;
  std::string pointer; // "/steps/1/nodes/0"

  // What the map says about it (see analyse in the .cpp).
  bool reachable = false;         // a path from the start leads here
  bool deadEnd = false;           // not an ending, and no choice leads on from it
  bool trap = false;              // reached, but nothing from here reaches an ending
  bool duplicateId = false;       // another node before it has the same id
  bool endingWithChoices = false; // an ending offers choices, which pupils never see
};

struct StoryGraph {
  std::string file;
  std::size_t step = 0;
  std::string stepPointer; // "/steps/1"
  std::string stepId;
  std::string start;
  std::size_t startNode = kNoStoryNode; // "" or an unknown start: kNoStoryNode
  bool anyEnding = false;
  bool nodesIsArray = false; // `nodes` exists and is a list
  std::vector<StoryNode> nodes;

  // The first node with this id, or kNoStoryNode.
  std::size_t find(const std::string& id) const;
  // How many of its nodes have a problem the map shows.
  std::size_t problemCount() const;
};

// "/steps/3/nodes/0/text" -> 3; nullopt when the pointer is not inside a step.
std::optional<std::size_t> stepIndexOf(const std::string& pointer);
// Whether step `step` of the lesson is an object with "kind": "scenario".
bool isScenarioStep(const Json& lesson, std::size_t step);
// The indexes of the lesson's scenario steps, in order.
std::vector<std::size_t> scenarioSteps(const Json& lesson);

// The graph of step `step` of `lesson` (file `file`), analysed. An empty graph
// when the step is missing or not an object.
StoryGraph buildStoryGraph(const Json& lesson, const std::string& file, std::size_t step);

// A short label: the first words of `text` that fit in `maxChars` bytes (at a word
// boundary, never splitting a UTF-8 character), with "..." when cut.
std::string firstWords(const std::string& text, std::size_t maxChars);

// A problem shown on a node, in words (never by colour alone).
struct StoryWarning {
  enum class Kind { Unreachable, DeadEnd, Trap, UnknownNext, DuplicateId, EndingWithChoices };
  Kind kind;
  std::string word;   // "Trap"
  std::string detail; // what it means for a pupil and how to mend it
};
std::vector<StoryWarning> warningsFor(const StoryGraph& graph, std::size_t node);

// ---- the map ----------------------------------------------------------------------

// A line of text is 24 units: a box holds three (its id and two lines of words).
constexpr float kBoxWidth = 240.0f;
constexpr float kBoxHeight = 80.0f;
constexpr float kColumnStep = 460.0f; // box plus room for arrows and their labels
constexpr float kRowStep = 140.0f;    // box plus a warning tab above and a note below

struct MapPoint {
  float x = 0;
  float y = 0;
};

struct StoryLayout {
  std::vector<MapPoint> at; // top-left corner of each node's box
  std::vector<bool> saved;  // whether the teacher placed it (else laid out)
};

// Layers from the start, breadth first, following choices in order: the start in
// the first column, what it leads to in the next. Nodes no path reaches come after,
// laid out the same way from each in document order. Depends only on the graph, so
// the same story always gets the same map.
std::vector<MapPoint> autoLayout(const StoryGraph& graph);
// Saved positions (the step's `editor.positions`) where valid, the layout elsewhere.
StoryLayout layoutStory(const StoryGraph& graph, const Json& lesson);
// Where a new box can go without covering another: below the lowest box of the
// column right of `near` (or of the first column when `near` is kNoStoryNode).
MapPoint freeSpot(const StoryLayout& layout, std::size_t near);

// ---- edits ------------------------------------------------------------------------
// Each needs the lesson the graph was built from; nullopt when the change cannot be
// made (no such node or choice, a read-only shape such as `nodes` not a list).

// Saves node `node`'s position (rounded to whole units): one undoable step.
std::optional<Edit> moveNodeEdit(const StoryGraph& graph, const Json& lesson, std::size_t node,
                                 MapPoint at);
// Forgets every saved position, so the map is laid out again.
std::optional<Edit> resetLayoutEdit(const StoryGraph& graph, const Json& lesson);
// A new node (a fresh id "node-N", empty text, no choices yet) at `at`; it becomes
// the start when the scenario has none. `newId` receives its id.
std::optional<Edit> addNodeEdit(const StoryGraph& graph, const Json& lesson, MapPoint at,
                                std::string* newId = nullptr);
// A new unsafe choice (fresh id "choice-N", empty text and feedback) on `node`.
std::optional<Edit> addChoiceEdit(const StoryGraph& graph, const Json& lesson, std::size_t node);
// Sets the choice's `next` to node `target`, or removes it when target is kNoStoryNode.
std::optional<Edit> connectEdit(const StoryGraph& graph, const Json& lesson, std::size_t node,
                                std::size_t choice, std::size_t target);
// Makes `node` the start.
std::optional<Edit> setStartEdit(const StoryGraph& graph, const Json& lesson, std::size_t node);
// Deletes the node and its saved position. Every choice that led to it loses its
// `next` (so no arrow points at nothing; a safe choice left without one is then
// flagged). A deleted start is left named in `start`, so the map and the
// validator ask the teacher to choose a new one rather than guessing.
std::optional<Edit> deleteNodeEdit(const StoryGraph& graph, const Json& lesson, std::size_t node);
std::optional<Edit> deleteChoiceEdit(const StoryGraph& graph, const Json& lesson, std::size_t node,
                                     std::size_t choice);

} // namespace sq::authoring
