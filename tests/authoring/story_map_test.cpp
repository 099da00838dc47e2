// The story map of a scenario step: read from any JSON without crashing, its
// findings (unreachable, dead end, trap, unknown next) the same as the validator's,
// a layout that follows the story, and every map action an edit that undoes exactly.
// Sections:
//   1. helpers: scenarios written as "id:next,next" specs, edits round-tripped
//   2. reading: any JSON, and where scenario steps are
//   3. findings: the map's warnings, and the validator's
//   4. layout: breadth first from the start, and stable
//   5. edits: move, add, connect, start, delete, any run of them undone; box labels
#include "authoring/document_source.hpp"
#include "authoring/edit_history.hpp"
#include "authoring/scenario_graph.hpp"

#include "support/temp_dir.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <optional>
#include <random>
#include <set>

using namespace sq::authoring;
namespace fs = std::filesystem;

// ---- helpers ----------------------------------------------------------------

namespace {

const std::string kFile = "lessons/demo.json";

// A lesson whose step 1 is a scenario built from "id:next1,next2" specs; an id
// starting with '!' is an ending; a next of "-" is a choice with no next.
Json lessonWith(const std::string& start, const std::vector<std::string>& specs) {
  Json nodes = Json::array();
  for (const std::string& spec : specs) {
    const std::size_t colon = spec.find(':');
    std::string id = spec.substr(0, colon);
    Json node = Json::object();
    const bool ending = id[0] == '!';
    if (ending) {
      id = id.substr(1);
    }
    node["id"] = id;
    node["text"] = "This is node " + id + ".";
    if (ending) {
      node["ending"] = true;
    }
    if (colon != std::string::npos) {
      Json choices = Json::array();
      std::string rest = spec.substr(colon + 1);
      std::size_t pos = 0;
      while (pos <= rest.size()) {
        std::size_t comma = rest.find(',', pos);
        comma = comma == std::string::npos ? rest.size() : comma;
        const std::string next = rest.substr(pos, comma - pos);
        Json c = Json::object();
        c["id"] = "c" + std::to_string(choices.size());
        c["text"] = "Go on";
        c["safe"] = next != "-";
        c["smart"] = "S";
        c["feedback"] = "Well thought.";
        if (next != "-") {
          c["next"] = next;
        }
        choices.push_back(c);
        pos = comma + 1;
      }
      node["choices"] = choices;
    }
    nodes.push_back(node);
  }
  Json lesson = Json::object();
  lesson["id"] = "demo";
  Json scenario = Json::object();
  scenario["id"] = "story";
  scenario["kind"] = "scenario";
  scenario["start"] = start;
  scenario["nodes"] = nodes;
  Json slides = Json::object();
  slides["id"] = "intro";
  slides["kind"] = "slides";
  lesson["steps"] = Json::array({slides, scenario});
  return lesson;
}

StoryGraph graphOf(const Json& lesson) {
  return buildStoryGraph(lesson, kFile, 1);
}

std::vector<std::string> ids(const StoryGraph& g, bool StoryNode::*flag) {
  std::vector<std::string> out;
  for (const StoryNode& n : g.nodes) {
    if (n.*flag) {
      out.push_back(n.id);
    }
  }
  return out;
}

PackDocument docWith(const Json& lesson) {
  PackDocument doc = PackDocument::inMemory("/tmp/not-used");
  doc.putFile(kFile, FileState::fromValue(lesson));
  return doc;
}

// Applies the edit, checks `after`, undoes (exactly as before), redoes (as after).
template <typename Check> void roundTrip(const Json& lesson, const Edit& edit, Check after) {
  PackDocument doc = docWith(lesson);
  EditHistory history;
  std::string error;
  REQUIRE_MESSAGE(history.apply(doc, edit, error), error);
  const Json changed = *doc.value(kFile);
  after(changed);
  REQUIRE(history.undo(doc, error));
  CHECK(doc.value(kFile)->dump() == lesson.dump());
  REQUIRE(history.redo(doc, error));
  CHECK(doc.value(kFile)->dump() == changed.dump());
}

} // namespace

// ---- reading ----------------------------------------------------------------

TEST_CASE("the story map reads any shape of JSON without throwing") {
  const std::vector<std::string> shapes = {
      "null",
      "[]",
      "{}",
      R"({"steps": 3})",
      R"({"steps": [1, 2]})",
      R"({"steps": [{}, {"kind": "scenario"}]})",
      R"({"steps": [{}, {"kind": "scenario", "nodes": 7, "start": 4}]})",
      R"({"steps": [{}, {"kind": "scenario", "nodes": [1, "x", null, []]}]})",
      R"({"steps": [{}, {"kind": "scenario", "start": "a", "nodes": [{"id": "a", "choices": 3}]}]})",
      R"({"steps": [{}, {"kind": "scenario", "start": "a", "nodes": [{"id": 5, "text": 6,
          "ending": "yes", "choices": [7, {"next": 8, "safe": "y", "text": {"cy": 2, "en": "Hi"}}]}]}]})",
      R"({"steps": [{}, {"kind": "scenario", "start": "a", "editor": 3, "nodes": [{"id": "a"}]}]})",
      R"({"steps": [{}, {"kind": "scenario", "start": "a", "editor": {"positions": {"a": [1e309, "x"]}},
          "nodes": [{"id": "a"}]}]})",
  };
  for (const std::string& text : shapes) {
    CAPTURE(text);
    const Json lesson = Json::parse(text, nullptr, false);
    const StoryGraph g = graphOf(lesson);
    const StoryLayout layout = layoutStory(g, lesson);
    CHECK(layout.at.size() == g.nodes.size());
    for (std::size_t i = 0; i < g.nodes.size(); ++i) {
      (void)warningsFor(g, i);
      (void)moveNodeEdit(g, lesson, i, {10, 20});
      (void)addChoiceEdit(g, lesson, i);
      (void)deleteNodeEdit(g, lesson, i);
      (void)connectEdit(g, lesson, i, 0, 0);
    }
    (void)addNodeEdit(g, lesson, {0, 0});
    (void)resetLayoutEdit(g, lesson);
  }
  // A text in several languages shows its first; wrong types read as missing.
  const Json odd = Json::parse(R"({"steps": [{}, {"kind": "scenario", "start": "a", "nodes": [
      {"id": "a", "text": {"en-GB": "Hello", "cy": "Helo"}, "ending": "yes",
       "choices": [{"id": "c", "next": 8, "safe": "y"}]}]}]})");
  const StoryGraph g = graphOf(odd);
  REQUIRE(g.nodes.size() == 1);
  CHECK(g.nodes[0].text == "Hello");
  CHECK_FALSE(g.nodes[0].ending);
  CHECK(g.nodes[0].choices[0].next.empty());
  CHECK_FALSE(g.nodes[0].choices[0].safe);
  CHECK(g.nodes[0].deadEnd);
}

TEST_CASE("scenario steps are found in a lesson and in a pointer") {
  const Json lesson = lessonWith("a", {"a:end", "!end"});
  CHECK(scenarioSteps(lesson) == std::vector<std::size_t>{1});
  CHECK(isScenarioStep(lesson, 1));
  CHECK_FALSE(isScenarioStep(lesson, 0));
  CHECK_FALSE(isScenarioStep(lesson, 2));
  CHECK(stepIndexOf("/steps/1/nodes/0/text") == std::optional<std::size_t>(1));
  CHECK(stepIndexOf("/steps/12") == std::optional<std::size_t>(12));
  CHECK_FALSE(stepIndexOf("/steps").has_value());
  CHECK_FALSE(stepIndexOf("/steps/").has_value());
  CHECK_FALSE(stepIndexOf("/steps/01").has_value());
  CHECK_FALSE(stepIndexOf("/steps/1x").has_value());
  CHECK_FALSE(stepIndexOf("/title").has_value());
  CHECK_FALSE(stepIndexOf("/steps/99999999999999999999").has_value());
}

// ---- findings ---------------------------------------------------------------

TEST_CASE("the map finds unreachable nodes, dead ends, traps and unknown nodes") {
  // a -> b -> c <-> b loops with no way out; d is reached by nothing; e stops.
  const StoryGraph g = graphOf(lessonWith("a", {"a:b,e", "b:c", "c:b", "!end", "d:end", "e:-"}));
  CHECK(ids(g, &StoryNode::reachable) == std::vector<std::string>{"a", "b", "c", "e"});
  CHECK(ids(g, &StoryNode::trap) == std::vector<std::string>{"a", "b", "c", "e"});
  CHECK(ids(g, &StoryNode::deadEnd) == std::vector<std::string>{"e"});
  const auto words = [&](const std::string& id) {
    std::vector<std::string> out;
    for (const StoryWarning& w : warningsFor(g, g.find(id))) {
      out.push_back(w.word);
    }
    return out;
  };
  CHECK(words("d") == std::vector<std::string>{"Not reached"});
  CHECK(words("e") == std::vector<std::string>{"Dead end", "Trap"});
  CHECK(words("b") == std::vector<std::string>{"Trap"});
  CHECK(words("end") == std::vector<std::string>{"Not reached"}); // only d leads there
  CHECK(g.problemCount() == 6);
  CHECK(warningsFor(graphOf(lessonWith("a", {"a:end", "!end"})), 1).empty());

  const StoryGraph unknown = graphOf(lessonWith("a", {"a:nowhere,end", "!end"}));
  CHECK(unknown.nodes[0].choices[0].unknownTarget);
  CHECK_FALSE(unknown.nodes[0].choices[1].unknownTarget);
  CHECK(warningsFor(unknown, 0).front().word == "Missing node");
  CHECK_FALSE(unknown.nodes[0].trap);

  // No start yet: nothing is called unreachable; no ending yet: nothing is a trap.
  const StoryGraph noStart = graphOf(lessonWith("", {"a:b", "b:a", "!end"}));
  CHECK(noStart.startNode == kNoStoryNode);
  CHECK(ids(noStart, &StoryNode::reachable).empty());
  CHECK(warningsFor(noStart, 2).empty());
  const StoryGraph noEnding = graphOf(lessonWith("a", {"a:b", "b:a"}));
  CHECK(ids(noEnding, &StoryNode::trap).empty());

  // A duplicate id, and an ending that offers choices (which never lead anywhere).
  const StoryGraph dup = graphOf(lessonWith("a", {"a:end", "!end:a", "a:end"}));
  CHECK(ids(dup, &StoryNode::duplicateId) == std::vector<std::string>{"a"});
  CHECK(dup.nodes[1].endingWithChoices);
  CHECK_FALSE(dup.nodes[2].reachable);
}

TEST_CASE("the map's traps, unreachable nodes and unknown nodes are the validator's") {
  sq::test::TempDir dir;
  const fs::path pack = dir.path() / "pack";
  fs::copy(std::string(SQ_SOURCE_DIR) + "/content/core", pack, fs::copy_options::recursive);
  PackDocument doc = PackDocument::open(pack.string());
  const std::string file = "lessons/y3-meet-and-tell.json";
  REQUIRE(doc.value(file) != nullptr);
  REQUIRE(isScenarioStep(*doc.value(file), 1));

  // Every scenario of the core pack: no finding on the map, as the validator says.
  std::size_t scenarios = 0;
  for (const std::string& f : doc.files()) {
    if (f.rfind("lessons/", 0) != 0 || doc.value(f) == nullptr) {
      continue;
    }
    for (const std::size_t s : scenarioSteps(*doc.value(f))) {
      const StoryGraph g = buildStoryGraph(*doc.value(f), f, s);
      CHECK_MESSAGE(g.problemCount() == 0, f);
      CHECK(g.startNode != kNoStoryNode);
      ++scenarios;
    }
  }
  CHECK(scenarios >= 10);

  // Stories of every shape, some written out and the rest random, put in place of
  // the lesson's scenario and validated as the editor validates.
  std::vector<std::pair<std::string, std::vector<std::string>>> stories = {
      {"a", {"a:b", "b:c", "c:b", "!end"}},
      {"a", {"a:end", "!end", "lost:end"}},
      {"a", {"a:nowhere,end", "!end"}},
      {"a", {"a:b,end", "b:-", "!end"}},
      {"a", {"a:b,end", "b:a", "!end", "x:y", "y:x"}},
      {"zz", {"a:end", "!end"}},
  };
  std::mt19937 rng(20261206);
  for (int round = 0; round < 30; ++round) {
    const std::size_t n = 2 + rng() % 7;
    std::vector<std::string> specs;
    for (std::size_t i = 0; i < n; ++i) {
      const std::string id = "n" + std::to_string(i);
      if (rng() % 4 == 0) {
        specs.push_back("!" + id);
        continue;
      }
      std::string spec = id + ":";
      const std::size_t choices = 1 + rng() % 3;
      for (std::size_t c = 0; c < choices; ++c) {
        const std::size_t r = rng() % (n + 2);
        spec += (c > 0 ? "," : "") + (r < n ? "n" + std::to_string(r) : r == n ? "-" : "gone");
      }
      specs.push_back(spec);
    }
    stories.emplace_back("n0", specs);
  }

  EditHistory history;
  std::string error;
  std::size_t findings = 0;
  for (const auto& [start, specs] : stories) {
    const Json lesson = lessonWith(start, specs);
    Json step = lesson["steps"][1];
    step["id"] = "park-invite";
    REQUIRE(history.apply(doc, Edit{"Story", {EditOp::set(file, "/steps/1", step)}}, error));
    const StoryGraph g = buildStoryGraph(*doc.value(file), file, 1);
    std::set<std::string> mine;
    for (const StoryNode& node : g.nodes) {
      if (node.trap) {
        mine.insert("scenario.trap " + node.pointer);
      }
      if (g.startNode != kNoStoryNode && !node.reachable) {
        mine.insert("scenario.unreachable " + node.pointer);
      }
      for (const StoryChoice& c : node.choices) {
        if (c.unknownTarget) {
          mine.insert("ref.unresolved " + c.pointer + "/next");
        }
      }
    }
    std::set<std::string> theirs;
    for (const sq::Diagnostic& d : validateDocument(doc).diagnostics) {
      const std::string code(sq::codeId(d.code));
      if (d.file == file && d.pointer.rfind("/steps/1/nodes", 0) == 0 &&
          (code == "scenario.trap" || code == "scenario.unreachable" || code == "ref.unresolved")) {
        theirs.insert(code + " " + d.pointer);
      }
    }
    std::string spec;
    for (const auto& s : specs) {
      spec += s + " ";
    }
    CAPTURE(spec);
    CHECK(mine == theirs);
    findings += theirs.size();
  }
  CHECK(findings >= 20); // the stories do have traps, lost nodes and missing nodes
}

// ---- layout -----------------------------------------------------------------

TEST_CASE("the layout follows the story from the start, breadth first, and is stable") {
  const Json lesson = lessonWith("a", {"!end", "c:end", "a:b,c", "b:end", "lost:end"});
  const StoryGraph g = graphOf(lesson);
  const std::vector<MapPoint> at = autoLayout(g);
  const auto col = [&](const std::string& id) { return at[g.find(id)].x / kColumnStep; };
  const auto row = [&](const std::string& id) { return at[g.find(id)].y / kRowStep; };
  CHECK(col("a") == 0);
  CHECK(col("b") == 1);
  CHECK(col("c") == 1);
  CHECK(row("b") == 0); // choices in order: b first, then c
  CHECK(row("c") == 1);
  CHECK(col("end") == 2);
  CHECK(col("lost") == 3); // what the start does not reach comes after the story
  // No two boxes overlap.
  for (std::size_t i = 0; i < at.size(); ++i) {
    for (std::size_t j = i + 1; j < at.size(); ++j) {
      CHECK(
          (std::abs(at[i].x - at[j].x) >= kBoxWidth || std::abs(at[i].y - at[j].y) >= kBoxHeight));
    }
  }
  // The same story, the same map.
  const std::vector<MapPoint> again = autoLayout(graphOf(lesson));
  for (std::size_t i = 0; i < at.size(); ++i) {
    CHECK(again[i].x == at[i].x);
    CHECK(again[i].y == at[i].y);
  }
  // A free spot is right of the node asked for and covers no box.
  const StoryLayout layout = layoutStory(g, lesson);
  const MapPoint spot = freeSpot(layout, g.find("a"));
  CHECK(spot.x == kColumnStep);
  for (const MapPoint& p : layout.at) {
    CHECK((std::abs(p.x - spot.x) >= kBoxWidth || std::abs(p.y - spot.y) >= kBoxHeight));
  }
}

// ---- edits ------------------------------------------------------------------

TEST_CASE("moving a box saves its place in the step's editor member, one undoable step") {
  const Json plain = lessonWith("a", {"a:end", "!end"});
  const StoryGraph g = graphOf(plain);
  // No editor member yet: it is made, with the position rounded to whole units.
  const auto move = moveNodeEdit(g, plain, g.find("end"), {310.4f, -20.6f});
  REQUIRE(move);
  roundTrip(plain, *move, [&](const Json& after) {
    CHECK(after["steps"][1]["editor"]["positions"]["end"] == Json::array({310, -21}));
    const StoryLayout layout = layoutStory(graphOf(after), after);
    CHECK(layout.saved[1]);
    CHECK_FALSE(layout.saved[0]);
    CHECK(layout.at[1].x == 310);
    CHECK(layout.at[1].y == -21);
  });
  // A saved place is replaced; other members of `editor` stay.
  Json placed = plain;
  placed["steps"][1]["editor"] = Json::parse(R"({"note": "x", "positions": {"end": [1, 2]}})");
  const auto again = moveNodeEdit(graphOf(placed), placed, 1, {5, 6});
  REQUIRE(again);
  CHECK(again->ops.size() == 1);
  roundTrip(placed, *again, [](const Json& after) {
    CHECK(after["steps"][1]["editor"]["note"] == "x");
    CHECK(after["steps"][1]["editor"]["positions"]["end"] == Json::array({5, 6}));
  });
  // `editor` of the wrong type is replaced, and undo brings it back.
  Json wrong = plain;
  wrong["steps"][1]["editor"] = 3;
  const auto mend = moveNodeEdit(graphOf(wrong), wrong, 0, {1, 1});
  REQUIRE(mend);
  roundTrip(wrong, *mend, [](const Json& after) {
    CHECK(after["steps"][1]["editor"]["positions"]["a"] == Json::array({1, 1}));
  });
  // Laying out again forgets every saved place.
  const auto reset = resetLayoutEdit(graphOf(placed), placed);
  REQUIRE(reset);
  roundTrip(placed, *reset, [](const Json& after) {
    CHECK_FALSE(after["steps"][1]["editor"].contains("positions"));
  });
  CHECK_FALSE(resetLayoutEdit(g, plain));
}

TEST_CASE("adding a node and a choice, connecting, and choosing the start") {
  const Json lesson = lessonWith("a", {"a:end", "!end"});
  const StoryGraph g = graphOf(lesson);
  std::string id;
  const auto add = addNodeEdit(g, lesson, {600, 0}, &id);
  REQUIRE(add);
  CHECK(id == "node-1");
  roundTrip(lesson, *add, [&](const Json& after) {
    const StoryGraph h = graphOf(after);
    REQUIRE(h.nodes.size() == 3);
    CHECK(h.nodes[2].id == "node-1");
    CHECK(h.nodes[2].deadEnd); // no choices yet: the map says so
    CHECK(after["steps"][1]["editor"]["positions"]["node-1"] == Json::array({600, 0}));
    CHECK(after["steps"][1]["start"] == "a");
    // Adding again picks a fresh id.
    std::string second;
    REQUIRE(addNodeEdit(h, after, {0, 0}, &second));
    CHECK(second == "node-2");
  });

  // A step with no nodes and no start: the first node is made the start.
  Json empty = Json::parse(R"({"steps": [{}, {"id": "s", "kind": "scenario"}]})");
  const auto first = addNodeEdit(graphOf(empty), empty, {0, 0});
  REQUIRE(first);
  roundTrip(empty, *first, [](const Json& after) {
    const StoryGraph h = graphOf(after);
    REQUIRE(h.nodes.size() == 1);
    CHECK(h.startNode == 0);
    CHECK(after["steps"][1]["editor"]["positions"]["node-1"] == Json::array({0, 0}));
  });
  // `nodes` that is not a list is left for the form to mend.
  Json broken = Json::parse(R"({"steps": [{}, {"kind": "scenario", "nodes": 3}]})");
  CHECK_FALSE(addNodeEdit(graphOf(broken), broken, {0, 0}));

  // A choice on the new-style node: an unsafe one, so the story stays playable.
  const auto choice = addChoiceEdit(g, lesson, g.find("a"));
  REQUIRE(choice);
  roundTrip(lesson, *choice, [](const Json& after) {
    const Json& c = after["steps"][1]["nodes"][0]["choices"][1];
    CHECK(c["id"] == "choice-1");
    CHECK(c["safe"] == false);
    CHECK_FALSE(c.contains("next"));
  });
  // A node without `choices` gets the list.
  const auto onEnding = addChoiceEdit(g, lesson, g.find("end"));
  REQUIRE(onEnding);
  roundTrip(lesson, *onEnding,
            [](const Json& after) { CHECK(after["steps"][1]["nodes"][1]["choices"].size() == 1); });

  // Connect a choice with no next, re-point one, and disconnect.
  const Json open = lessonWith("a", {"a:-,end", "b:end", "!end"});
  const StoryGraph og = graphOf(open);
  const auto connect = connectEdit(og, open, 0, 0, og.find("b"));
  REQUIRE(connect);
  roundTrip(open, *connect, [](const Json& after) {
    const StoryGraph h = graphOf(after);
    CHECK(h.nodes[0].choices[0].target == 1);
    CHECK(h.nodes[1].reachable);
  });
  const auto repoint = connectEdit(og, open, 0, 1, og.find("b"));
  REQUIRE(repoint);
  CHECK(repoint->ops.front().kind == OpKind::Set);
  const auto cut = connectEdit(og, open, 0, 1, kNoStoryNode);
  REQUIRE(cut);
  roundTrip(open, *cut, [](const Json& after) {
    CHECK_FALSE(after["steps"][1]["nodes"][0]["choices"][1].contains("next"));
  });
  CHECK_FALSE(connectEdit(og, open, 0, 0, kNoStoryNode)); // nothing to disconnect
  CHECK_FALSE(connectEdit(og, open, 0, 5, 1));
  CHECK_FALSE(connectEdit(og, open, 0, 0, 9));

  const auto start = setStartEdit(og, open, og.find("b"));
  REQUIRE(start);
  roundTrip(open, *start, [](const Json& after) { CHECK(after["steps"][1]["start"] == "b"); });
}

TEST_CASE("deleting a node removes the arrows to it and its place; undo brings all back") {
  Json lesson = lessonWith("a", {"a:b,end", "b:end", "c:b", "!end"});
  lesson["steps"][1]["editor"] = Json::parse(R"({"positions": {"b": [1, 2], "a": [0, 0]}})");
  const StoryGraph g = graphOf(lesson);
  const auto del = deleteNodeEdit(g, lesson, g.find("b"));
  REQUIRE(del);
  roundTrip(lesson, *del, [](const Json& after) {
    const StoryGraph h = graphOf(after);
    REQUIRE(h.nodes.size() == 3);
    CHECK(h.find("b") == kNoStoryNode);
    for (const StoryNode& n : h.nodes) {
      for (const StoryChoice& c : n.choices) {
        CHECK_FALSE(c.unknownTarget); // no arrow points at nothing
      }
    }
    CHECK_FALSE(after["steps"][1]["editor"]["positions"].contains("b"));
    CHECK(after["steps"][1]["editor"]["positions"].contains("a"));
    CHECK(h.nodes[h.find("c")].deadEnd); // c led only to b: now flagged
  });
  // Deleting the start leaves `start` naming it, for the teacher to choose again.
  const auto delStart = deleteNodeEdit(g, lesson, g.find("a"));
  REQUIRE(delStart);
  roundTrip(lesson, *delStart, [](const Json& after) {
    CHECK(after["steps"][1]["start"] == "a");
    CHECK(graphOf(after).startNode == kNoStoryNode);
  });
  // A choice alone.
  const auto delChoice = deleteChoiceEdit(g, lesson, 0, 0);
  REQUIRE(delChoice);
  roundTrip(lesson, *delChoice,
            [](const Json& after) { CHECK(after["steps"][1]["nodes"][0]["choices"].size() == 1); });
  CHECK_FALSE(deleteNodeEdit(g, lesson, 9));
  CHECK_FALSE(deleteChoiceEdit(g, lesson, 0, 9));
}

TEST_CASE("box labels are the first words, cut at a word and never inside a character") {
  CHECK(firstWords("Short text", 40) == "Short text");
  CHECK(firstWords("  Lines\n\nand   spaces  ", 40) == "Lines and spaces");
  CHECK(firstWords("A player in your game asks which school you go to.", 24) ==
        "A player in your game...");
  const std::string welsh = "Mae\xC5\xB5\xC5\xB5\xC5\xB5\xC5\xB5\xC5\xB5\xC5\xB5";
  const std::string cut = firstWords(welsh, 6);
  CHECK(cut == "Mae\xC5\xB5...");
  CHECK(firstWords("", 10).empty());
}

TEST_CASE("any run of map actions undoes back to the story it started from") {
  const Json original = lessonWith("a", {"a:b,-", "b:c,end", "c:a", "!end"});
  std::mt19937 rng(7);
  for (int run = 0; run < 20; ++run) {
    PackDocument doc = docWith(original);
    EditHistory history;
    std::string error;
    std::size_t applied = 0;
    for (int step = 0; step < 25; ++step) {
      const Json lesson = *doc.value(kFile);
      const StoryGraph g = graphOf(lesson);
      const std::size_t n = g.nodes.size();
      const std::size_t node = n == 0 ? kNoStoryNode : rng() % n;
      const std::size_t choices = node == kNoStoryNode ? 0 : g.nodes[node].choices.size();
      std::optional<Edit> edit;
      switch (rng() % 7) {
      case 0:
        edit = addNodeEdit(g, lesson, freeSpot(layoutStory(g, lesson), node));
        break;
      case 1:
        edit = addChoiceEdit(g, lesson, node);
        break;
      case 2:
        if (choices > 0) {
          // One draw per line: the order of arguments is up to the compiler.
          const std::size_t choice = rng() % choices;
          const std::size_t target = rng() % (n + 1); // n: no such node, refused
          edit = connectEdit(g, lesson, node, choice, target);
        }
        break;
      case 3:
        edit = deleteNodeEdit(g, lesson, node);
        break;
      case 4:
        if (choices > 0) {
          edit = deleteChoiceEdit(g, lesson, node, rng() % choices);
        }
        break;
      case 5:
        edit = moveNodeEdit(g, lesson, node,
                            {static_cast<float>(rng() % 900), static_cast<float>(rng() % 600)});
        break;
      default:
        edit = setStartEdit(g, lesson, node);
        break;
      }
      if (edit) {
        REQUIRE_MESSAGE(history.apply(doc, *edit, error), std::string(edit->label + ": " + error));
        ++applied;
        // Whatever the actions did, the map still reads it.
        const StoryGraph after = graphOf(*doc.value(kFile));
        CHECK(layoutStory(after, *doc.value(kFile)).at.size() == after.nodes.size());
      }
    }
    CHECK(applied > 5);
    while (history.canUndo()) {
      REQUIRE(history.undo(doc, error));
    }
    CHECK(doc.value(kFile)->dump() == original.dump());
  }
}
