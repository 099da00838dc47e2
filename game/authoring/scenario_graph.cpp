// The story map's logic (see scenario_graph.hpp).
// Sections:
//   1. reading: the graph from JSON, whatever shape it is in
//   2. analysis: reachable, dead ends, traps (as the validator decides them)
//   3. layout: where each box goes, and the positions the teacher saved
//   4. edits
#include "authoring/scenario_graph.hpp"

#include <algorithm>
#include <cmath>
#include <deque>
#include <set>

namespace sq::authoring {

// ---- reading ----------------------------------------------------------------------

namespace {

std::string stringMember(const Json& object, const char* key) {
  if (!object.is_object()) {
    return {};
  }
  const auto it = object.find(key);
  return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

bool boolMember(const Json& object, const char* key) {
  if (!object.is_object()) {
    return false;
  }
  const auto it = object.find(key);
  return it != object.end() && it->is_boolean() && it->get<bool>();
}

// A text is a string, or an object keyed by language: the first string is shown.
std::string textMember(const Json& object, const char* key) {
  if (!object.is_object()) {
    return {};
  }
  const auto it = object.find(key);
  if (it == object.end()) {
    return {};
  }
  if (it->is_string()) {
    return it->get<std::string>();
  }
  if (it->is_object()) {
    for (const auto& [lang, value] : it->items()) {
      (void)lang;
      if (value.is_string()) {
        return value.get<std::string>();
      }
    }
  }
  return {};
}

const Json* stepOf(const Json& lesson, std::size_t step) {
  if (!lesson.is_object()) {
    return nullptr;
  }
  const auto steps = lesson.find("steps");
  if (steps == lesson.end() || !steps->is_array() || step >= steps->size()) {
    return nullptr;
  }
  const Json& s = (*steps)[step];
  return s.is_object() ? &s : nullptr;
}

} // namespace

std::size_t StoryGraph::find(const std::string& id) const {
  for (std::size_t i = 0; i < nodes.size(); ++i) {
    if (nodes[i].id == id) {
      return i;
    }
  }
  return kNoStoryNode;
}

std::size_t StoryGraph::problemCount() const {
  std::size_t n = 0;
  for (std::size_t i = 0; i < nodes.size(); ++i) {
    n += warningsFor(*this, i).empty() ? 0 : 1;
  }
  return n;
}

std::optional<std::size_t> stepIndexOf(const std::string& pointer) {
  const std::string prefix = "/steps/";
  if (pointer.rfind(prefix, 0) != 0) {
    return std::nullopt;
  }
  std::size_t i = prefix.size();
  std::size_t value = 0;
  const std::size_t first = i;
  while (i < pointer.size() && pointer[i] >= '0' && pointer[i] <= '9') {
    if (i - first >= 6) {
      return std::nullopt; // no lesson has a million steps
    }
    value = value * 10 + static_cast<std::size_t>(pointer[i] - '0');
    ++i;
  }
  if (i == first || (i < pointer.size() && pointer[i] != '/') ||
      (pointer[first] == '0' && i - first > 1)) {
    return std::nullopt;
  }
  return value;
}

bool isScenarioStep(const Json& lesson, std::size_t step) {
  const Json* s = stepOf(lesson, step);
  return s != nullptr && stringMember(*s, "kind") == "scenario";
}

std::vector<std::size_t> scenarioSteps(const Json& lesson) {
  std::vector<std::size_t> out;
  if (!lesson.is_object()) {
    return out;
  }
  const auto steps = lesson.find("steps");
  if (steps == lesson.end() || !steps->is_array()) {
    return out;
  }
  for (std::size_t i = 0; i < steps->size(); ++i) {
    if (isScenarioStep(lesson, i)) {
      out.push_back(i);
    }
  }
  return out;
}

// ---- analysis ---------------------------------------------------------------------

namespace {

// As the validator: the first node of an id is the one `next` reaches; an ending's
// choices lead nowhere (pupils never see them); traps are only counted once the
// story has an ending at all (until then the validator says "no ending").
void analyse(StoryGraph& g) {
  const std::size_t n = g.nodes.size();
  std::set<std::string> seen;
  for (StoryNode& node : g.nodes) {
    node.duplicateId = !seen.insert(node.id).second;
    g.anyEnding = g.anyEnding || node.ending;
    node.endingWithChoices = node.ending && !node.choices.empty();
  }
  std::vector<std::vector<std::size_t>> out(n);
  std::vector<std::vector<std::size_t>> in(n);
  for (std::size_t i = 0; i < n; ++i) {
    for (StoryChoice& c : g.nodes[i].choices) {
      if (c.next.empty()) {
        continue;
      }
      c.target = g.find(c.next);
      // An ending's choices are never offered: the ending is the problem, not its next.
      c.unknownTarget = c.target == kNoStoryNode && !g.nodes[i].ending;
      if (!g.nodes[i].ending && c.target != kNoStoryNode) {
        out[i].push_back(c.target);
        in[c.target].push_back(i);
      }
    }
    g.nodes[i].deadEnd = !g.nodes[i].ending && out[i].empty();
  }
  g.startNode = g.start.empty() ? kNoStoryNode : g.find(g.start);
  const auto flood = [&](std::vector<std::size_t> frontier,
                         const std::vector<std::vector<std::size_t>>& edges) {
    std::vector<char> hit(n, 0);
    for (const std::size_t f : frontier) {
      hit[f] = 1;
    }
    while (!frontier.empty()) {
      const std::size_t v = frontier.back();
      frontier.pop_back();
      for (const std::size_t w : edges[v]) {
        if (!hit[w]) {
          hit[w] = 1;
          frontier.push_back(w);
        }
      }
    }
    return hit;
  };
  if (g.startNode == kNoStoryNode) {
    return; // nothing is known to be reached until the story has a start
  }
  const std::vector<char> reached = flood({g.startNode}, out);
  std::vector<std::size_t> endings;
  for (std::size_t i = 0; i < n; ++i) {
    if (g.nodes[i].ending) {
      endings.push_back(i);
    }
  }
  const std::vector<char> canEnd = flood(endings, in);
  for (std::size_t i = 0; i < n; ++i) {
    g.nodes[i].reachable = reached[i] != 0;
    g.nodes[i].trap = reached[i] != 0 && canEnd[i] == 0 && g.anyEnding;
  }
}

} // namespace

StoryGraph buildStoryGraph(const Json& lesson, const std::string& file, std::size_t step) {
  StoryGraph g;
  g.file = file;
  g.step = step;
  g.stepPointer = appendPointer("/steps", step);
  const Json* s = stepOf(lesson, step);
  if (s == nullptr) {
    return g;
  }
  g.stepId = stringMember(*s, "id");
  g.start = stringMember(*s, "start");
  const auto nodes = s->find("nodes");
  g.nodesIsArray = nodes != s->end() && nodes->is_array();
  if (!g.nodesIsArray) {
    return g;
  }
  for (std::size_t i = 0; i < nodes->size(); ++i) {
    const Json& nj = (*nodes)[i];
    StoryNode node;
    node.pointer = appendPointer(appendPointer(g.stepPointer, "nodes"), i);
    node.id = stringMember(nj, "id");
    node.text = textMember(nj, "text");
    node.ending = boolMember(nj, "ending");
    if (nj.is_object()) {
      const auto choices = nj.find("choices");
      if (choices != nj.end() && choices->is_array()) {
        for (std::size_t c = 0; c < choices->size(); ++c) {
          const Json& cj = (*choices)[c];
          StoryChoice choice;
          choice.pointer = appendPointer(appendPointer(node.pointer, "choices"), c);
          choice.id = stringMember(cj, "id");
          choice.text = textMember(cj, "text");
          choice.next = stringMember(cj, "next");
          choice.safe = boolMember(cj, "safe");
          node.choices.push_back(std::move(choice));
        }
      }
    }
    g.nodes.push_back(std::move(node));
  }
  analyse(g);
  return g;
}

std::string firstWords(const std::string& text, std::size_t maxChars) {
  // Whitespace runs (new lines too) read as one space on a box.
  std::string flat;
  for (const char c : text) {
    const bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
    if (space) {
      if (!flat.empty() && flat.back() != ' ') {
        flat.push_back(' ');
      }
    } else {
      flat.push_back(c);
    }
  }
  while (!flat.empty() && flat.back() == ' ') {
    flat.pop_back();
  }
  if (flat.size() <= maxChars) {
    return flat;
  }
  std::size_t cut = maxChars;
  // Never inside a UTF-8 sequence: back up to a lead byte.
  while (cut > 0 && (static_cast<unsigned char>(flat[cut]) & 0xC0) == 0x80) {
    --cut;
  }
  const std::size_t space = flat.rfind(' ', cut);
  if (space != std::string::npos && space > maxChars / 2) {
    cut = space;
  }
  std::string out = flat.substr(0, cut);
  while (!out.empty() && (out.back() == ' ' || out.back() == ',' || out.back() == '.')) {
    out.pop_back();
  }
  return out + "...";
}

std::vector<StoryWarning> warningsFor(const StoryGraph& graph, std::size_t node) {
  std::vector<StoryWarning> out;
  if (node >= graph.nodes.size()) {
    return out;
  }
  const StoryNode& n = graph.nodes[node];
  using K = StoryWarning::Kind;
  if (graph.startNode != kNoStoryNode && !n.reachable) {
    out.push_back({K::Unreachable, "Not reached",
                   "No path from the start leads here, so pupils never see it. Connect a "
                   "choice to it, or delete it."});
  }
  if (n.deadEnd) {
    out.push_back({K::DeadEnd, "Dead end",
                   "It is not an ending, and no choice leads on from it. Add a choice with "
                   "a next node, or make it an ending."});
  }
  if (n.trap && !n.deadEnd) {
    out.push_back({K::Trap, "Trap",
                   "Pupils who get here can never reach an ending: every path from it loops "
                   "or stops. Lead a choice towards an ending."});
  } else if (n.trap) {
    out.push_back({K::Trap, "Trap", "Pupils who get here can never reach an ending."});
  }
  for (const StoryChoice& c : n.choices) {
    if (c.unknownTarget) {
      out.push_back({K::UnknownNext, "Missing node",
                     "Choice \"" + firstWords(c.text.empty() ? c.id : c.text, 30) +
                         "\" leads to \"" + c.next + "\", which is not a node here."});
    }
  }
  if (n.duplicateId) {
    out.push_back({K::DuplicateId, "Same name",
                   "Another node is already called \"" + n.id + "\". Give this one its own id."});
  }
  if (n.endingWithChoices) {
    out.push_back({K::EndingWithChoices, "Ending with choices",
                   "An ending's choices are never shown. Remove them, or untick ending."});
  }
  return out;
}

// ---- layout -----------------------------------------------------------------------

std::vector<MapPoint> autoLayout(const StoryGraph& graph) {
  const std::size_t n = graph.nodes.size();
  std::vector<std::size_t> layer(n, kNoStoryNode);
  std::vector<std::size_t> rows; // boxes placed in each layer so far
  std::vector<MapPoint> at(n);
  const auto place = [&](std::size_t i, std::size_t l) {
    layer[i] = l;
    if (rows.size() <= l) {
      rows.resize(l + 1, 0);
    }
    at[i] = MapPoint{static_cast<float>(l) * kColumnStep, static_cast<float>(rows[l]) * kRowStep};
    ++rows[l];
  };
  const auto breadthFirst = [&](std::size_t root, std::size_t baseLayer) {
    std::deque<std::size_t> queue{root};
    place(root, baseLayer);
    while (!queue.empty()) {
      const std::size_t v = queue.front();
      queue.pop_front();
      if (graph.nodes[v].ending) {
        continue;
      }
      for (const StoryChoice& c : graph.nodes[v].choices) {
        if (c.target != kNoStoryNode && layer[c.target] == kNoStoryNode) {
          place(c.target, layer[v] + 1);
          queue.push_back(c.target);
        }
      }
    }
  };
  if (graph.startNode != kNoStoryNode) {
    breadthFirst(graph.startNode, 0);
  }
  // What the start does not reach goes to the right of the story, in its own columns.
  const std::size_t base = rows.size();
  for (std::size_t i = 0; i < n; ++i) {
    if (layer[i] == kNoStoryNode) {
      breadthFirst(i, base);
    }
  }
  return at;
}

namespace {

const Json* positionsOf(const Json& lesson, const StoryGraph& graph) {
  const Json* s = stepOf(lesson, graph.step);
  if (s == nullptr) {
    return nullptr;
  }
  const auto editor = s->find("editor");
  if (editor == s->end() || !editor->is_object()) {
    return nullptr;
  }
  const auto positions = editor->find("positions");
  return positions != editor->end() && positions->is_object() ? &*positions : nullptr;
}

constexpr float kMapLimit = 100000.0f;

std::optional<MapPoint> readPoint(const Json& v) {
  if (!v.is_array() || v.size() != 2 || !v[0].is_number() || !v[1].is_number()) {
    return std::nullopt;
  }
  const double x = v[0].get<double>();
  const double y = v[1].get<double>();
  if (!std::isfinite(x) || !std::isfinite(y) || std::fabs(x) > kMapLimit ||
      std::fabs(y) > kMapLimit) {
    return std::nullopt;
  }
  return MapPoint{static_cast<float>(x), static_cast<float>(y)};
}

} // namespace

StoryLayout layoutStory(const StoryGraph& graph, const Json& lesson) {
  StoryLayout layout;
  layout.at = autoLayout(graph);
  layout.saved.assign(graph.nodes.size(), false);
  const Json* positions = positionsOf(lesson, graph);
  if (positions == nullptr) {
    return layout;
  }
  for (std::size_t i = 0; i < graph.nodes.size(); ++i) {
    const auto it = positions->find(graph.nodes[i].id);
    if (it == positions->end() || graph.nodes[i].duplicateId) {
      continue;
    }
    if (const auto p = readPoint(*it)) {
      layout.at[i] = *p;
      layout.saved[i] = true;
    }
  }
  return layout;
}

MapPoint freeSpot(const StoryLayout& layout, std::size_t near) {
  const float x = near < layout.at.size() ? layout.at[near].x + kColumnStep : 0.0f;
  float y = near < layout.at.size() ? layout.at[near].y : 0.0f;
  // Step down until no box overlaps the new one.
  for (int guard = 0; guard < 1000; ++guard) {
    bool clash = false;
    for (const MapPoint& p : layout.at) {
      if (std::fabs(p.x - x) < kBoxWidth && std::fabs(p.y - y) < kBoxHeight) {
        clash = true;
        break;
      }
    }
    if (!clash) {
      break;
    }
    y += kRowStep;
  }
  return MapPoint{x, y};
}

// ---- edits ------------------------------------------------------------------------

namespace {

std::string unusedId(const std::set<std::string>& used, const std::string& stem) {
  for (std::size_t i = 1;; ++i) {
    std::string id = stem + "-" + std::to_string(i);
    if (used.count(id) == 0) {
      return id;
    }
  }
}

Json pointJson(MapPoint at) {
  const auto whole = [](float v) {
    return static_cast<long long>(std::lround(std::clamp(v, -kMapLimit, kMapLimit)));
  };
  return Json::array({whole(at.x), whole(at.y)});
}

// The ops that store `at` for node id `id` in the step's editor member, making the
// member and its `positions` when they are missing (or not objects).
std::vector<EditOp> positionOps(const StoryGraph& graph, const Json& step, const std::string& id,
                                MapPoint at) {
  const std::string& file = graph.file;
  const std::string editorPtr = appendPointer(graph.stepPointer, "editor");
  const std::string positionsPtr = appendPointer(editorPtr, "positions");
  Json fresh = Json::object();
  fresh[id] = pointJson(at);
  const auto editor = step.find("editor");
  if (editor == step.end()) {
    Json member = Json::object();
    member["positions"] = fresh;
    return {EditOp::insertMember(file, graph.stepPointer, "editor", step.size(), member)};
  }
  if (!editor->is_object()) {
    Json member = Json::object();
    member["positions"] = fresh;
    return {EditOp::set(file, editorPtr, member)};
  }
  const auto positions = editor->find("positions");
  if (positions == editor->end()) {
    return {EditOp::insertMember(file, editorPtr, "positions", editor->size(), fresh)};
  }
  if (!positions->is_object()) {
    return {EditOp::set(file, positionsPtr, fresh)};
  }
  if (positions->contains(id)) {
    return {EditOp::set(file, appendPointer(positionsPtr, id), pointJson(at))};
  }
  return {EditOp::insertMember(file, positionsPtr, id, positions->size(), pointJson(at))};
}

std::string nodeName(const StoryNode& node) {
  return node.id.empty() ? std::string("the node") : "node \"" + node.id + "\"";
}

} // namespace

std::optional<Edit> moveNodeEdit(const StoryGraph& graph, const Json& lesson, std::size_t node,
                                 MapPoint at) {
  const Json* step = stepOf(lesson, graph.step);
  if (step == nullptr || node >= graph.nodes.size() || graph.nodes[node].id.empty()) {
    return std::nullopt; // a node with no id has nowhere to keep its place
  }
  return Edit{"Move " + nodeName(graph.nodes[node]),
              positionOps(graph, *step, graph.nodes[node].id, at)};
}

std::optional<Edit> resetLayoutEdit(const StoryGraph& graph, const Json& lesson) {
  const Json* step = stepOf(lesson, graph.step);
  if (step == nullptr) {
    return std::nullopt;
  }
  const auto editor = step->find("editor");
  if (editor == step->end() || !editor->is_object() || !editor->contains("positions")) {
    return std::nullopt; // nothing saved: already laid out
  }
  return Edit{
      "Lay out the story map again",
      {EditOp::removeMember(graph.file, appendPointer(graph.stepPointer, "editor"), "positions")}};
}

std::optional<Edit> addNodeEdit(const StoryGraph& graph, const Json& lesson, MapPoint at,
                                std::string* newId) {
  const Json* step = stepOf(lesson, graph.step);
  if (step == nullptr) {
    return std::nullopt;
  }
  const auto nodes = step->find("nodes");
  if (nodes != step->end() && !nodes->is_array()) {
    return std::nullopt; // mend `nodes` in the form first: it is not a list
  }
  std::set<std::string> used;
  for (const StoryNode& n : graph.nodes) {
    used.insert(n.id);
  }
  const std::string id = unusedId(used, "node");
  Json node = Json::object();
  node["id"] = id;
  node["text"] = "";
  node["choices"] = Json::array();
  Edit edit{"Add node \"" + id + "\"", {}};
  const std::string nodesPtr = appendPointer(graph.stepPointer, "nodes");
  if (nodes == step->end()) {
    edit.ops.push_back(
        EditOp::insertMember(graph.file, graph.stepPointer, "nodes", step->size(), Json::array()));
  }
  edit.ops.push_back(EditOp::insertItem(graph.file, nodesPtr, graph.nodes.size(), node));
  if (graph.start.empty()) {
    if (step->contains("start")) {
      edit.ops.push_back(EditOp::set(graph.file, appendPointer(graph.stepPointer, "start"), id));
    } else {
      // After `nodes` may have been added: the step's size is read when applied.
      edit.ops.push_back(EditOp::insertMember(graph.file, graph.stepPointer, "start",
                                              step->size() + (nodes == step->end() ? 1 : 0), id));
    }
  }
  // The position last, on the step as it will be (ops only add members, so a
  // member count read now is still a valid place to insert).
  Json after = *step;
  if (nodes == step->end()) {
    after["nodes"] = Json::array();
  }
  if (graph.start.empty() && !step->contains("start")) {
    after["start"] = id;
  }
  for (EditOp& op : positionOps(graph, after, id, at)) {
    edit.ops.push_back(std::move(op));
  }
  if (newId != nullptr) {
    *newId = id;
  }
  return edit;
}

std::optional<Edit> addChoiceEdit(const StoryGraph& graph, const Json& lesson, std::size_t node) {
  const Json* step = stepOf(lesson, graph.step);
  if (step == nullptr || node >= graph.nodes.size()) {
    return std::nullopt;
  }
  const Json* nj = findPointer(lesson, graph.nodes[node].pointer);
  if (nj == nullptr || !nj->is_object()) {
    return std::nullopt;
  }
  const auto choices = nj->find("choices");
  if (choices != nj->end() && !choices->is_array()) {
    return std::nullopt;
  }
  if (graph.nodes[node].choices.size() >= 4) {
    return std::nullopt; // a node offers at most four choices
  }
  std::set<std::string> used;
  for (const StoryChoice& c : graph.nodes[node].choices) {
    used.insert(c.id);
  }
  Json choice = Json::object();
  choice["id"] = unusedId(used, "choice");
  choice["text"] = "";
  choice["safe"] = false;
  choice["smart"] = "S";
  choice["feedback"] = "";
  Edit edit{"Add a choice to " + nodeName(graph.nodes[node]), {}};
  const std::string choicesPtr = appendPointer(graph.nodes[node].pointer, "choices");
  if (choices == nj->end()) {
    edit.ops.push_back(EditOp::insertMember(graph.file, graph.nodes[node].pointer, "choices",
                                            nj->size(), Json::array()));
  }
  edit.ops.push_back(
      EditOp::insertItem(graph.file, choicesPtr, graph.nodes[node].choices.size(), choice));
  return edit;
}

std::optional<Edit> connectEdit(const StoryGraph& graph, const Json& lesson, std::size_t node,
                                std::size_t choice, std::size_t target) {
  if (node >= graph.nodes.size() || choice >= graph.nodes[node].choices.size()) {
    return std::nullopt;
  }
  const StoryChoice& c = graph.nodes[node].choices[choice];
  const Json* cj = findPointer(lesson, c.pointer);
  if (cj == nullptr || !cj->is_object()) {
    return std::nullopt;
  }
  const std::string label = "choice \"" + firstWords(c.text.empty() ? c.id : c.text, 30) + "\"";
  if (target == kNoStoryNode) {
    if (!cj->contains("next")) {
      return std::nullopt;
    }
    return Edit{"Disconnect " + label, {EditOp::removeMember(graph.file, c.pointer, "next")}};
  }
  if (target >= graph.nodes.size() || graph.nodes[target].id.empty()) {
    return std::nullopt;
  }
  const std::string& id = graph.nodes[target].id;
  Edit edit{"Connect " + label + " to \"" + id + "\"", {}};
  if (cj->contains("next")) {
    edit.ops.push_back(EditOp::set(graph.file, appendPointer(c.pointer, "next"), id));
  } else {
    edit.ops.push_back(EditOp::insertMember(graph.file, c.pointer, "next", cj->size(), id));
  }
  return edit;
}

std::optional<Edit> setStartEdit(const StoryGraph& graph, const Json& lesson, std::size_t node) {
  const Json* step = stepOf(lesson, graph.step);
  if (step == nullptr || node >= graph.nodes.size() || graph.nodes[node].id.empty()) {
    return std::nullopt;
  }
  const std::string& id = graph.nodes[node].id;
  Edit edit{"Start the story at \"" + id + "\"", {}};
  if (step->contains("start")) {
    edit.ops.push_back(EditOp::set(graph.file, appendPointer(graph.stepPointer, "start"), id));
  } else {
    edit.ops.push_back(
        EditOp::insertMember(graph.file, graph.stepPointer, "start", step->size(), id));
  }
  return edit;
}

std::optional<Edit> deleteNodeEdit(const StoryGraph& graph, const Json& lesson, std::size_t node) {
  const Json* step = stepOf(lesson, graph.step);
  if (step == nullptr || node >= graph.nodes.size() || !graph.nodesIsArray) {
    return std::nullopt;
  }
  const StoryNode& gone = graph.nodes[node];
  Edit edit{"Delete " + nodeName(gone), {}};
  // Another node with the same id would still be reached: then references stay.
  bool idStays = false;
  for (std::size_t i = 0; i < graph.nodes.size(); ++i) {
    idStays = idStays || (i != node && graph.nodes[i].id == gone.id);
  }
  if (!gone.id.empty() && !idStays) {
    for (std::size_t i = 0; i < graph.nodes.size(); ++i) {
      if (i == node) {
        continue;
      }
      for (const StoryChoice& c : graph.nodes[i].choices) {
        if (c.next == gone.id) {
          edit.ops.push_back(EditOp::removeMember(graph.file, c.pointer, "next"));
        }
      }
    }
    const Json* positions = positionsOf(lesson, graph);
    if (positions != nullptr && positions->contains(gone.id)) {
      edit.ops.push_back(EditOp::removeMember(
          graph.file, appendPointer(appendPointer(graph.stepPointer, "editor"), "positions"),
          gone.id));
    }
  }
  // Last: removing the node shifts the pointers of the nodes after it.
  edit.ops.push_back(
      EditOp::removeItem(graph.file, appendPointer(graph.stepPointer, "nodes"), node));
  return edit;
}

std::optional<Edit> deleteChoiceEdit(const StoryGraph& graph, const Json& lesson, std::size_t node,
                                     std::size_t choice) {
  if (node >= graph.nodes.size() || choice >= graph.nodes[node].choices.size() ||
      findPointer(lesson, graph.nodes[node].choices[choice].pointer) == nullptr) {
    return std::nullopt;
  }
  const StoryChoice& c = graph.nodes[node].choices[choice];
  return Edit{"Delete choice \"" + firstWords(c.text.empty() ? c.id : c.text, 30) + "\"",
              {EditOp::removeItem(graph.file, appendPointer(graph.nodes[node].pointer, "choices"),
                                  choice)}};
}

} // namespace sq::authoring
