// Renaming a story's node and changing a quiz question's type, in the starter pack
// (made from the core pack): every reference follows the new name, a question of
// any type turned into any other keeps its prompt and validates, and each is one
// undo step that gives the document back exactly.
#include "authoring/document_source.hpp"
#include "authoring/edit_history.hpp"
#include "authoring/edit_ops.hpp"
#include "authoring/new_items.hpp"
#include "authoring/pack_templates.hpp"
#include "authoring/story_quiz_edits.hpp"

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

std::size_t errorsIn(const PackDocument& doc) {
  const sq::LoadResult result = validateDocument(doc);
  for (const sq::Diagnostic& d : result.diagnostics) {
    if (d.severity == sq::Severity::Error) {
      MESSAGE(sq::formatDiagnostic(d));
    }
  }
  return result.errors;
}

// The first lesson with a step of `kind`, and that step's pointer.
std::pair<std::string, std::string> firstStep(const PackDocument& doc, const std::string& kind) {
  for (const std::string& f : doc.files()) {
    const Json* v = doc.value(f);
    if (f.rfind("lessons/", 0) != 0 || v == nullptr || !v->contains("steps")) {
      continue;
    }
    for (std::size_t i = 0; i < (*v)["steps"].size(); ++i) {
      if ((*v)["steps"][i].value("kind", "") == kind) {
        return {f, "/steps/" + std::to_string(i)};
      }
    }
  }
  return {};
}

// A scenario step of five nodes added to a lesson: start -> ask or oops, each on to
// its own ending; the map's saved places for two of them.
std::pair<std::string, std::string> addBranchingStory(PackDocument& doc) {
  const auto fileAndAny = firstStep(doc, "slides");
  const std::string file = fileAndAny.first;
  const std::string any = fileAndAny.second;
  REQUIRE_FALSE(file.empty());
  const Json& steps = *findPointer(*doc.value(file), "/steps");
  const std::string pointer = "/steps/" + std::to_string(steps.size());
  const auto choice = [&](const char* id, bool safe, const char* next) {
    return Json{{"id", id},     {"text", "Go on"}, {"safe", safe},
                {"smart", "T"}, {"next", next},    {"feedback", "Good."}};
  };
  Json step = {{"id", "branching"}, {"kind", "scenario"}, {"start", "start"}};
  step["nodes"] = Json::array(
      {Json{
           {"id", "start"},
           {"text", "A pop-up says you won."},
           {"choices", Json::array({choice("tell", true, "ask"), choice("click", false, "oops")})}},
       Json{{"id", "ask"},
            {"text", "You ask a grown-up."},
            {"choices", Json::array({choice("next", true, "end")})}},
       Json{{"id", "oops"},
            {"text", "Lots of adverts appear."},
            {"choices", Json::array({choice("tell", true, "told")})}},
       Json{{"id", "end"}, {"text", "Well done."}, {"ending", true}},
       Json{{"id", "told"}, {"text", "The grown-up helps."}, {"ending", true}}});
  step["editor"] = {{"positions", {{"start", {0, 0}}, {"end", {400, 0}}}}};
  std::string error;
  REQUIRE_MESSAGE(
      applyEdit(doc, Edit{"add", {EditOp::insertItem(file, "/steps", steps.size(), step)}}, error),
      error);
  REQUIRE(errorsIn(doc) == 0);
  return {file, pointer};
}

} // namespace

TEST_CASE("renaming a node renames every choice, the start and the map place with it, in one "
          "undo step") {
  sq::test::TempDir dir;
  PackDocument doc = starterPack(dir);
  const auto fileAndStep = addBranchingStory(doc);
  const std::string file = fileAndStep.first;
  const std::string step = fileAndStep.second;
  const Json before = *doc.value(file);
  const auto at = [&](const std::string& p) { return *findPointer(*doc.value(file), step + p); };

  std::string why;
  const std::optional<Edit> edit = renameNodeEdit(doc, file, step, 3, "well-done", why);
  REQUIRE_MESSAGE(edit.has_value(), why);
  EditHistory history;
  std::string error;
  REQUIRE_MESSAGE(history.apply(doc, *edit, error), error);
  CHECK(history.undoDepth() == 1);
  CHECK(at("/nodes/3/id") == "well-done");
  CHECK(at("/nodes/1/choices/0/next") == "well-done");
  CHECK(at("/nodes/2/choices/0/next") == "told"); // the other ending's arrow stays
  CHECK(at("/editor/positions").contains("well-done"));
  CHECK_FALSE(at("/editor/positions").contains("end"));
  CHECK(at("/editor/positions/well-done") == Json::array({400, 0}));
  CHECK(errorsIn(doc) == 0);

  // The start, renamed: the step's `start` follows.
  const std::optional<Edit> start = renameNodeEdit(doc, file, step, 0, "pop-up", why);
  REQUIRE_MESSAGE(start.has_value(), why);
  REQUIRE(history.apply(doc, *start, error));
  CHECK(at("/start") == "pop-up");
  CHECK(at("/nodes/0/id") == "pop-up");
  CHECK(errorsIn(doc) == 0);

  // A node two choices lead to: both follow.
  const std::optional<Edit> ask = renameNodeEdit(doc, file, step, 1, "asks-mum", why);
  REQUIRE(ask.has_value());
  REQUIRE(history.apply(doc, *ask, error));
  CHECK(at("/nodes/0/choices/0/next") == "asks-mum");
  CHECK(at("/nodes/0/choices/1/next") == "oops");

  REQUIRE(history.undo(doc, error));
  REQUIRE(history.undo(doc, error));
  REQUIRE(history.undo(doc, error));
  CHECK(*doc.value(file) == before);
}

TEST_CASE("a node's new name must be a valid id no other node of the story has") {
  sq::test::TempDir dir;
  PackDocument doc = starterPack(dir);
  const auto fileAndStep = addBranchingStory(doc);
  const std::string file = fileAndStep.first;
  const std::string step = fileAndStep.second;
  std::string why;
  CHECK_FALSE(renameNodeEdit(doc, file, step, 1, "oops", why).has_value());
  CHECK(why.find("oops") != std::string::npos);
  why.clear();
  CHECK_FALSE(renameNodeEdit(doc, file, step, 1, "ask", why).has_value());
  CHECK_FALSE(why.empty());
  for (const char* bad : {"", "Asks Mum", "-ask", "asks_mum", "ask\xC3\xA9"}) {
    why.clear();
    CHECK_FALSE_MESSAGE(renameNodeEdit(doc, file, step, 1, bad, why).has_value(), bad);
    CHECK(why.find("small letters") != std::string::npos);
  }
  CHECK_FALSE(renameNodeEdit(doc, file, step, 1, std::string(65, 'a'), why).has_value());
  CHECK(renameNodeEdit(doc, file, step, 1, std::string(64, 'a'), why).has_value());
  CHECK_FALSE(renameNodeEdit(doc, file, step, 9, "nine", why).has_value());
  CHECK_FALSE(renameNodeEdit(doc, file, "/steps/99", 0, "nine", why).has_value());
  CHECK_FALSE(renameNodeEdit(doc, "lessons/none.json", step, 0, "nine", why).has_value());
}

TEST_CASE("a question changed to every other type keeps its prompt and validates") {
  const std::vector<std::string> types = {"single", "multiple", "truefalse", "sort", "order"};
  for (const std::string& from : types) {
    for (const std::string& to : types) {
      if (from == to) {
        continue;
      }
      CAPTURE(from);
      CAPTURE(to);
      sq::test::TempDir dir;
      PackDocument doc = starterPack(dir);
      const auto fileAndQuiz = firstStep(doc, "quiz");
      const std::string file = fileAndQuiz.first;
      const std::string quiz = fileAndQuiz.second;
      REQUIRE_FALSE(file.empty());
      const std::string items = quiz + "/items";
      const std::size_t n = findPointer(*doc.value(file), items)->size();
      std::optional<Json> item = newQuizItem(doc, Json::array(), from);
      REQUIRE(item.has_value());
      (*item)["id"] = "changing";
      (*item)["prompt"] = "Which of these is safe?";
      std::string error;
      REQUIRE(applyEdit(doc, Edit{"add", {EditOp::insertItem(file, items, n, *item)}}, error));
      const Json before = *doc.value(file);
      const std::string ip = items + "/" + std::to_string(n);

      std::string why;
      const std::optional<Edit> edit = changeQuestionTypeEdit(doc, file, ip, to, why);
      REQUIRE_MESSAGE(edit.has_value(), why);
      EditHistory history;
      REQUIRE(history.apply(doc, *edit, error));
      const Json& now = *findPointer(*doc.value(file), ip);
      CHECK(now["type"] == to);
      CHECK(now["id"] == "changing");
      CHECK(now["prompt"] == "Which of these is safe?");
      CHECK(now["feedback"] == (*item)["feedback"]);
      CHECK(errorsIn(doc) == 0);
      REQUIRE(history.undo(doc, error));
      CHECK(*doc.value(file) == before);
    }
  }
}

TEST_CASE("a question's answers carry over to its new type") {
  sq::test::TempDir dir;
  PackDocument doc = starterPack(dir);
  const auto fileAndQuiz = firstStep(doc, "quiz");
  const std::string file = fileAndQuiz.first;
  const std::string quiz = fileAndQuiz.second;
  const std::string items = quiz + "/items";
  const std::size_t n = findPointer(*doc.value(file), items)->size();
  const std::string ip = items + "/" + std::to_string(n);
  const Json multiple = {
      {"id", "q"},
      {"type", "multiple"},
      {"prompt", "Which are safe?"},
      {"options", Json::array({Json{{"id", "a"}, {"text", "Share a password"}, {"correct", false}},
                               Json{{"id", "b"}, {"text", "Tell a grown-up"}, {"correct", true}},
                               Json{{"id", "c"}, {"text", "Log out"}, {"correct", true}}})},
      {"feedback", {{"correct", "Yes."}, {"incorrect", "Think again."}}}};
  std::string error;
  REQUIRE(applyEdit(doc, Edit{"add", {EditOp::insertItem(file, items, n, multiple)}}, error));
  const auto at = [&](const std::string& p) { return *findPointer(*doc.value(file), ip + p); };
  const auto change = [&](const std::string& to) {
    std::string why;
    const std::optional<Edit> edit = changeQuestionTypeEdit(doc, file, ip, to, why);
    REQUIRE_MESSAGE(edit.has_value(), why);
    REQUIRE(applyEdit(doc, *edit, error));
    CHECK(errorsIn(doc) == 0);
  };

  // Multiple to single: the first right answer stays right, the others do not.
  change("single");
  CHECK(at("/options/0/correct") == false);
  CHECK(at("/options/1/correct") == true);
  CHECK(at("/options/2/correct") == false);
  CHECK(at("/options/2/text") == "Log out");
  // Single to sort: the right answer in the first group, the others in the second.
  change("sort");
  CHECK(at("/groups").size() == 2);
  CHECK(at("/cards/1/text") == "Tell a grown-up");
  CHECK(at("/cards/1/group") == at("/groups/0/id"));
  CHECK(at("/cards/0/group") == at("/groups/1/id"));
  CHECK(at("/cards/2/group") == at("/groups/1/id"));
  CHECK_FALSE(at("").contains("options"));
  // Sort to order: the cards, in the same order, without groups.
  change("order");
  CHECK(at("/cards").size() == 3);
  CHECK(at("/cards/0/text") == "Share a password");
  CHECK_FALSE(at("").contains("groups"));
  CHECK_FALSE(at("/cards/0").contains("group"));
  // Order to multiple: options with one right answer (an order has none).
  change("multiple");
  CHECK(at("/options/0/correct") == true);
  CHECK(at("/options/1/correct") == false);
  // To true or false and back: the template's options, as no words are left.
  change("truefalse");
  CHECK(at("/answer") == true);
  CHECK_FALSE(at("").contains("options"));
  change("single");
  CHECK(at("/options").size() == 2);
  CHECK(at("/feedback/correct") == "Yes.");
  // The member order reads as before: id, type, prompt, the answers, feedback.
  std::vector<std::string> keys;
  const Json whole = at("");
  for (auto it = whole.begin(); it != whole.end(); ++it) {
    keys.push_back(it.key());
  }
  CHECK(keys == std::vector<std::string>{"id", "type", "prompt", "options", "feedback"});

  std::string why;
  CHECK_FALSE(changeQuestionTypeEdit(doc, file, ip, "single", why).has_value());
  CHECK_FALSE(why.empty());
  CHECK_FALSE(changeQuestionTypeEdit(doc, file, ip, "essay", why).has_value());
  CHECK_FALSE(changeQuestionTypeEdit(doc, file, items + "/99", "order", why).has_value());
}

TEST_CASE("a sort made from options all right or all wrong still has a card in each group") {
  sq::test::TempDir dir;
  PackDocument doc = starterPack(dir);
  const auto fileAndQuiz = firstStep(doc, "quiz");
  const std::string file = fileAndQuiz.first;
  const std::string quiz = fileAndQuiz.second;
  const std::string items = quiz + "/items";
  const std::size_t n = findPointer(*doc.value(file), items)->size();
  const std::string ip = items + "/" + std::to_string(n);
  Json item = *newQuizItem(doc, Json::array(), "multiple");
  item["options"][1]["correct"] = true; // both right
  std::string error;
  REQUIRE(applyEdit(doc, Edit{"add", {EditOp::insertItem(file, items, n, item)}}, error));
  std::string why;
  const std::optional<Edit> edit = changeQuestionTypeEdit(doc, file, ip, "sort", why);
  REQUIRE(edit.has_value());
  REQUIRE(applyEdit(doc, *edit, error));
  const Json& now = *findPointer(*doc.value(file), ip);
  CHECK(now["cards"][0]["group"] != now["cards"][1]["group"]);
  CHECK(errorsIn(doc) == 0);
}
