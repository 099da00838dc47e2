// Edit operations and the undo history: every operation undone and redone exactly.
#include "authoring/edit_history.hpp"
#include "authoring/edit_ops.hpp"

#include <doctest/doctest.h>

#include <random>

using namespace sq::authoring;

namespace {

const char* kLesson = R"({
  "id": "y3-demo",
  "title": "Meet and tell",
  "steps": [
    { "kind": "scenario", "id": "park", "nodes": { "start": { "text": "Hi" }, "end": { "text": "Bye" } } },
    { "kind": "quiz", "id": "check", "questions": [] }
  ]
}
)";

PackDocument lessonDoc() {
  PackDocument doc = PackDocument::inMemory("/tmp/not-used");
  doc.putFile("lessons/demo.json", FileState::fromText(kLesson));
  return doc;
}

Json lesson(const PackDocument& doc) {
  const Json* v = doc.value("lessons/demo.json");
  REQUIRE(v != nullptr);
  return *v;
}

// Applies `op`, checks the result with `check`, undoes it (the document is as
// before, key order included), and redoes it (as after).
template <typename Check> void roundTrip(const EditOp& op, Check check) {
  PackDocument doc = lessonDoc();
  const Json before = lesson(doc);
  EditHistory history;
  std::string error;
  REQUIRE_MESSAGE(history.apply(doc, Edit{"op", {op}}, error), error);
  const Json after = lesson(doc);
  check(after);
  REQUIRE(history.undo(doc, error));
  CHECK(lesson(doc) == before);
  CHECK(lesson(doc).dump() == before.dump()); // same key order
  REQUIRE(history.redo(doc, error));
  CHECK(lesson(doc).dump() == after.dump());
}

} // namespace

TEST_CASE("set, insert and remove of members and items each undo and redo exactly") {
  const std::string f = "lessons/demo.json";
  roundTrip(EditOp::set(f, "/title", "Meet, then tell"),
            [](const Json& v) { CHECK(v["title"] == "Meet, then tell"); });
  roundTrip(EditOp::insertMember(f, "", "yearGroup", 2, "y3"), [](const Json& v) {
    CHECK(std::next(v.begin(), 2).key() == "yearGroup"); // at the asked place
  });
  roundTrip(EditOp::removeMember(f, "", "title"),
            [](const Json& v) { CHECK(!v.contains("title")); });
  roundTrip(EditOp::removeMember(f, "/steps/0/nodes", "start"),
            [](const Json& v) { CHECK(v["steps"][0]["nodes"].size() == 1); });
  roundTrip(EditOp::insertItem(f, "/steps", 1, Json::object({{"kind", "slides"}})),
            [](const Json& v) { CHECK(v["steps"][1]["kind"] == "slides"); });
  roundTrip(EditOp::insertItem(f, "/steps/1/questions", 0, "q"),
            [](const Json& v) { CHECK(v["steps"][1]["questions"][0] == "q"); });
  roundTrip(EditOp::removeItem(f, "/steps", 0),
            [](const Json& v) { CHECK(v["steps"].size() == 1); });
}

TEST_CASE("deleting and re-creating a whole file is undone like any other edit") {
  PackDocument doc = lessonDoc();
  EditHistory history;
  std::string error;
  REQUIRE(history.apply(
      doc, Edit{"Delete the lesson", {EditOp::putFile("lessons/demo.json", std::nullopt)}}, error));
  CHECK(doc.file("lessons/demo.json") == nullptr);
  CHECK(history.undoLabel() == "Undo: Delete the lesson");
  REQUIRE(history.undo(doc, error));
  CHECK(lesson(doc)["id"] == "y3-demo");
  CHECK(history.redoLabel() == "Redo: Delete the lesson");
}

TEST_CASE(
    "a refused operation changes nothing, and a refused edit rolls back its earlier operations") {
  PackDocument doc = lessonDoc();
  const Json before = lesson(doc);
  const std::uint64_t revision = doc.revision();
  std::string error;
  for (const EditOp& bad :
       {EditOp::set("lessons/demo.json", "/nope/1", 1),
        EditOp::set("lessons/demo.json", "title", 1), // not a pointer
        EditOp::set("lessons/demo.json", "/steps/01", 1),
        EditOp::set("lessons/demo.json", "/steps/~2", 1),
        EditOp::insertMember("lessons/demo.json", "", "id", 0, 1),
        EditOp::insertItem("lessons/demo.json", "/steps", 3, 1),
        EditOp::removeItem("lessons/demo.json", "/steps", 2),
        EditOp::removeMember("lessons/demo.json", "/title", "x"),
        EditOp::set("lessons/none.json", "", 1), EditOp::set("../escape.json", "", 1),
        EditOp::putFile("lessons/picture.png", FileState::fromValue(1))}) {
    error.clear();
    CHECK_FALSE(applyOp(doc, bad, error).has_value());
    CHECK_FALSE(error.empty());
  }
  CHECK(doc.revision() == revision);
  Edit mixed{"two",
             {EditOp::set("lessons/demo.json", "/title", "Changed"),
              EditOp::removeItem("lessons/demo.json", "/steps", 9)}};
  CHECK_FALSE(applyEdit(doc, mixed, error).has_value());
  CHECK(lesson(doc) == before);
}

TEST_CASE("typing in one field is one undo step; another field starts a new one") {
  PackDocument doc = lessonDoc();
  EditHistory history;
  std::string error;
  const std::string key = "lessons/demo.json#/title";
  for (const char* typed : {"M", "Me", "Mee", "Meet"}) {
    REQUIRE(history.apply(
        doc, Edit{"Change the title", {EditOp::set("lessons/demo.json", "/title", typed)}}, error,
        key));
  }
  REQUIRE(history.apply(doc, Edit{"Change the id", {EditOp::set("lessons/demo.json", "/id", "x")}},
                        error, "lessons/demo.json#/id"));
  CHECK(history.undoDepth() == 2);
  REQUIRE(history.undo(doc, error));
  REQUIRE(history.undo(doc, error));
  CHECK(lesson(doc)["title"] == "Meet and tell");
  REQUIRE(history.redo(doc, error));
  CHECK(lesson(doc)["title"] == "Meet");
  // A new edit after an undo drops what could have been redone.
  REQUIRE(history.apply(doc, Edit{"t", {EditOp::set("lessons/demo.json", "/title", "T")}}, error));
  CHECK_FALSE(history.canRedo());
  // Closing the step stops merging even with the same key.
  history.closeStep();
  REQUIRE(
      history.apply(doc, Edit{"t", {EditOp::set("lessons/demo.json", "/title", "U")}}, error, key));
  REQUIRE(
      history.apply(doc, Edit{"t", {EditOp::set("lessons/demo.json", "/title", "V")}}, error, key));
  CHECK(history.undoDepth() == 3);
}

TEST_CASE("pointers escape ~ and / in keys") {
  PackDocument doc = PackDocument::inMemory("/tmp/not-used");
  doc.putFile("a.json", FileState::fromText(R"({"a/b": {"c~d": 1}})"));
  const std::string p = appendPointer(appendPointer("", "a/b"), "c~d");
  CHECK(p == "/a~1b/c~0d");
  std::string error;
  REQUIRE(applyOp(doc, EditOp::set("a.json", p, 2), error));
  CHECK((*doc.value("a.json"))["a/b"]["c~d"] == 2);
  CHECK(findPointer(*doc.value("a.json"), appendPointer("", std::size_t{0})) == nullptr);
}

TEST_CASE(
    "any sequence of edits undone to the start gives the original back, and redone gives the end") {
  std::mt19937 rng(20261206);
  for (int round = 0; round < 50; ++round) {
    PackDocument doc = lessonDoc();
    const Json start = lesson(doc);
    EditHistory history;
    std::string error;
    for (int i = 0; i < 30; ++i) {
      const Json now = lesson(doc);
      const std::size_t steps = now.contains("steps") ? now["steps"].size() : 0;
      const int pick = static_cast<int>(rng() % 5);
      EditOp op;
      if (pick == 0) {
        op = EditOp::set("lessons/demo.json", "/title", "t" + std::to_string(rng() % 100));
      } else if (pick == 1) {
        op = EditOp::insertItem("lessons/demo.json", "/steps", steps == 0 ? 0 : rng() % (steps + 1),
                                Json::object({{"kind", "slides"}, {"n", i}}));
      } else if (pick == 2) {
        op = EditOp::removeItem("lessons/demo.json", "/steps", steps == 0 ? 0 : rng() % steps);
      } else if (pick == 3) {
        op = EditOp::insertMember("lessons/demo.json", "", "k" + std::to_string(i), rng() % 5, i);
      } else {
        op = EditOp::removeMember("lessons/demo.json", "",
                                  now.size() > 1 ? std::next(now.begin(), 1).key() : "x");
      }
      history.apply(doc, Edit{"random", {op}}, error); // refusals are part of the test
    }
    const std::string end = lesson(doc).dump();
    while (history.canUndo()) {
      REQUIRE(history.undo(doc, error));
    }
    CHECK(lesson(doc).dump() == start.dump());
    while (history.canRedo()) {
      REQUIRE(history.redo(doc, error));
    }
    CHECK(lesson(doc).dump() == end);
  }
}
