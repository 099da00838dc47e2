// What the editor adds: every template, inserted where a teacher adds it in a real
// pack (the starter pack, made from the core pack), leaves the pack with no error,
// and a second one gets its own id.
#include "authoring/document_source.hpp"
#include "authoring/edit_ops.hpp"
#include "authoring/new_items.hpp"
#include "authoring/pack_templates.hpp"

#include "support/temp_dir.hpp"

#include <doctest/doctest.h>

#include <optional>

using namespace sq::authoring;

namespace {

const std::string kCore = std::string(SQ_SOURCE_DIR) + "/content/core";

PackDocument starterPack(const sq::test::TempDir& dir) {
  const std::string target = (dir.path() / "starter").string();
  std::string error;
  REQUIRE_MESSAGE(createPackFromTemplate(PackTemplate::OneOfEachKind, kCore, target, "starter",
                                         "Starter", error),
                  error);
  return PackDocument::open(target);
}

void checkNoErrors(const PackDocument& doc, const std::string& what) {
  const sq::LoadResult result = validateDocument(doc);
  for (const sq::Diagnostic& d : result.diagnostics) {
    if (d.severity == sq::Severity::Error) {
      FAIL_CHECK(what << ": " << sq::formatDiagnostic(d));
    }
  }
  CHECK_MESSAGE(result.errors == 0, what);
}

// Appends `value` to the array at `pointer` of `file`, then validates the pack.
void addAndCheck(PackDocument& doc, const std::string& file, const std::string& pointer,
                 const Json& value, const std::string& what) {
  const Json* array = findPointer(*doc.value(file), pointer);
  REQUIRE_MESSAGE(array != nullptr, what);
  REQUIRE(array->is_array());
  std::string error;
  REQUIRE_MESSAGE(
      applyEdit(doc, Edit{what, {EditOp::insertItem(file, pointer, array->size(), value)}}, error),
      error);
  checkNoErrors(doc, what);
}

struct StepAt {
  std::string file;
  std::string pointer; // "/steps/N"
};

// The first step of `kind` (and, for a quiz, holding an item of `type`) in the lessons.
std::optional<StepAt> findStep(const PackDocument& doc, const std::string& kind) {
  for (const std::string& f : doc.files()) {
    const Json* v = doc.value(f);
    if (f.rfind("lessons/", 0) != 0 || v == nullptr || !v->contains("steps")) {
      continue;
    }
    const Json& steps = (*v)["steps"];
    for (std::size_t i = 0; i < steps.size(); ++i) {
      if (steps[i].value("kind", "") == kind) {
        return StepAt{f, "/steps/" + std::to_string(i)};
      }
    }
  }
  return std::nullopt;
}

} // namespace

TEST_CASE("uniqueId gives the base, else the first free numbered id") {
  CHECK(uniqueId(Json::array(), "node") == "node");
  CHECK(uniqueId(Json::array({Json{{"id", "start"}}}), "node") == "node");
  CHECK(uniqueId(Json::array({Json{{"id", "node"}}, Json{{"id", "node-2"}}}), "node") == "node-3");
  CHECK(uniqueId(Json::array({Json{{"id", "node-2"}}}), "node") == "node");
  CHECK(uniqueId(Json("not a list"), "node") == "node");
  CHECK(uniqueIdAmong({"y1", "y1-2"}, "y1") == "y1-3");
}

TEST_CASE("new texts are plain in a one-language pack and one per language otherwise") {
  PackDocument doc = PackDocument::inMemory("/nowhere");
  CHECK(newText(doc, "Hello") == Json("Hello"));
  doc.putFile("pack.json", FileState::fromValue(Json{{"languages", {"en-GB", "cy"}}}));
  CHECK(packLanguages(doc) == std::vector<std::string>{"en-GB", "cy"});
  const Json t = newText(doc, "Hello");
  REQUIRE(t.is_object());
  CHECK(t["en-GB"] == "Hello");
  CHECK(t["cy"] == "Hello");
  CHECK(newSlide(doc, Json::array())["text"].is_object());
}

TEST_CASE("every step kind, added to a lesson twice, leaves the pack with no error") {
  sq::test::TempDir dir;
  PackDocument doc = starterPack(dir);
  checkNoErrors(doc, "the starter pack as made");
  const auto lesson = findStep(doc, "slides");
  REQUIRE(lesson.has_value());
  for (const char* kind : {"slides", "scenario", "quiz", "butterfly", "aup"}) {
    for (int twice = 0; twice < 2; ++twice) {
      const Json& steps = *findPointer(*doc.value(lesson->file), "/steps");
      const std::optional<Json> step = newStep(doc, steps, kind);
      REQUIRE_MESSAGE(step.has_value(), kind);
      CHECK((*step)["kind"] == kind);
      addAndCheck(doc, lesson->file, "/steps", *step, std::string("a new step: ") + kind);
    }
  }
  CHECK_FALSE(newStep(doc, Json::array(), "film").has_value());
}

TEST_CASE("every quiz type, added to a quiz twice, leaves the pack with no error") {
  sq::test::TempDir dir;
  PackDocument doc = starterPack(dir);
  const auto quiz = findStep(doc, "quiz");
  REQUIRE(quiz.has_value());
  const std::string items = quiz->pointer + "/items";
  for (const char* type : {"single", "multiple", "truefalse", "sort", "order"}) {
    for (int twice = 0; twice < 2; ++twice) {
      const std::optional<Json> item =
          newQuizItem(doc, *findPointer(*doc.value(quiz->file), items), type);
      REQUIRE_MESSAGE(item.has_value(), type);
      addAndCheck(doc, quiz->file, items, *item, std::string("a new quiz item: ") + type);
    }
  }
  CHECK_FALSE(newQuizItem(doc, Json::array(), "essay").has_value());

  // Options, groups and cards added to the items just made.
  const Json& all = *findPointer(*doc.value(quiz->file), items);
  const std::size_t n = all.size();
  const std::string single = items + "/" + std::to_string(n - 10);
  const std::string sort = items + "/" + std::to_string(n - 4);
  const std::string order = items + "/" + std::to_string(n - 2);
  REQUIRE((*findPointer(*doc.value(quiz->file), single))["type"] == "single");
  REQUIRE((*findPointer(*doc.value(quiz->file), sort))["type"] == "sort");
  REQUIRE((*findPointer(*doc.value(quiz->file), order))["type"] == "order");
  const auto at = [&](const std::string& p) -> const Json& {
    return *findPointer(*doc.value(quiz->file), p);
  };
  addAndCheck(doc, quiz->file, single + "/options", newOption(doc, at(single + "/options")),
              "a new option");
  addAndCheck(doc, quiz->file, sort + "/groups", newSortGroup(doc, at(sort + "/groups")),
              "a new sort group");
  const std::string group = at(sort + "/groups/0/id").get<std::string>();
  addAndCheck(doc, quiz->file, sort + "/cards", newSortCard(doc, at(sort + "/cards"), group),
              "a new sort card");
  addAndCheck(doc, quiz->file, order + "/cards", newOrderCard(doc, at(order + "/cards")),
              "a new order card");
  // Each new id is new among its siblings.
  CHECK(at(single + "/options/2/id") == "option-3");
  CHECK(at(sort + "/cards/2/id") == "card-3");
}

TEST_CASE("slides, nodes, choices, reporting steps and promises added twice stay valid") {
  sq::test::TempDir dir;
  PackDocument doc = starterPack(dir);
  const auto slides = findStep(doc, "slides");
  const auto story = findStep(doc, "scenario");
  const auto butterfly = findStep(doc, "butterfly");
  REQUIRE(slides.has_value());
  REQUIRE(story.has_value());
  REQUIRE(butterfly.has_value());
  const auto at = [&](const std::string& file, const std::string& p) -> const Json& {
    return *findPointer(*doc.value(file), p);
  };
  for (int twice = 0; twice < 2; ++twice) {
    addAndCheck(doc, slides->file, slides->pointer + "/slides",
                newSlide(doc, at(slides->file, slides->pointer + "/slides")), "a new slide");
    addAndCheck(doc, story->file, story->pointer + "/nodes",
                newNode(doc, at(story->file, story->pointer + "/nodes")), "a new node");
    // A choice in the start node, which has a safe choice already.
    const std::string choices = story->pointer + "/nodes/0/choices";
    if (at(story->file, choices).size() < 4) {
      addAndCheck(doc, story->file, choices, newChoice(doc, at(story->file, choices)),
                  "a new choice");
    }
    addAndCheck(doc, butterfly->file, butterfly->pointer + "/steps",
                newReportStep(doc, at(butterfly->file, butterfly->pointer + "/steps")),
                "a new reporting step");
  }
  // A new node becomes a node with a safe choice leading to an ending.
  const Json& nodes = at(story->file, story->pointer + "/nodes");
  const std::string last = story->pointer + "/nodes/" + std::to_string(nodes.size() - 1);
  std::string ending;
  for (const Json& n : nodes) {
    if (n.value("ending", false) && n["id"] != at(story->file, last + "/id")) {
      ending = n["id"].get<std::string>();
    }
  }
  REQUIRE_FALSE(ending.empty());
  std::string error;
  REQUIRE(applyEdit(
      doc,
      Edit{"not an ending",
           {EditOp::removeMember(story->file, last, "ending"),
            EditOp::insertMember(story->file, last, "choices", 2,
                                 Json::array({newSafeChoice(doc, Json::array(), ending)}))}},
      error));
  checkNoErrors(doc, "a node that stopped being an ending");

  for (const std::string& f : doc.files()) {
    if (f.rfind("aups/", 0) == 0) {
      for (int twice = 0; twice < 2; ++twice) {
        addAndCheck(doc, f, "/promises", newPromise(doc, at(f, "/promises")), "a new promise");
      }
    }
  }
  const std::string lessonFile = slides->file;
  addAndCheck(doc, lessonFile, "/objectives", newObjective(doc), "a new objective");
}

TEST_CASE("assembly slides, votes and vote options are valid as made") {
  sq::test::TempDir dir;
  PackDocument doc = starterPack(dir);
  Json assembly = {{"id", "gathering"}, {"title", "Our assembly"}};
  assembly["steps"] = Json::array({*newAssemblyStep(doc, Json::array(), "slide")});
  std::string error;
  REQUIRE(applyEdit(
      doc,
      Edit{"new assembly",
           {EditOp::putFile("assemblies/gathering.json", FileState::fromValue(assembly))}},
      error));
  checkNoErrors(doc, "an assembly of one new slide");
  const std::string file = "assemblies/gathering.json";
  for (const char* kind : {"slide", "vote", "vote"}) {
    const std::optional<Json> step = newAssemblyStep(doc, (*doc.value(file))["steps"], kind);
    REQUIRE(step.has_value());
    addAndCheck(doc, file, "/steps", *step, std::string("a new assembly step: ") + kind);
  }
  CHECK((*doc.value(file))["steps"][2]["id"] == "vote");
  CHECK((*doc.value(file))["steps"][3]["id"] == "vote-2");
  addAndCheck(doc, file, "/steps/2/options",
              newVoteOption(doc, (*doc.value(file))["steps"][2]["options"]), "a new vote option");
  CHECK_FALSE(newAssemblyStep(doc, Json::array(), "film").has_value());
}

TEST_CASE("a new unit takes a free year group and a lesson, and its lessons stay valid") {
  sq::test::TempDir dir;
  PackDocument doc = starterPack(dir);
  const std::vector<std::string> lessons = lessonIds(doc);
  REQUIRE(lessons.size() >= 2);
  int added = 0;
  while (const std::optional<Json> unit = newUnit(doc)) {
    addAndCheck(doc, "pack.json", "/units", *unit, "a new unit");
    REQUIRE(++added <= 7);
  }
  // Every year group has its unit now, each with its band.
  const Json& units = (*doc.value("pack.json"))["units"];
  CHECK(units.size() == 7);
  const std::string lastUnit = "/units/" + std::to_string(units.size() - 1);
  addAndCheck(doc, "pack.json", lastUnit + "/lessons", newUnitLesson(lessons.back(), false),
              "a lesson added to a unit");
  PackDocument empty = PackDocument::inMemory("/nowhere");
  empty.putFile("pack.json", FileState::fromValue(Json{{"units", Json::array()}}));
  CHECK_FALSE(newUnit(empty).has_value()); // no lessons to put in it
}
