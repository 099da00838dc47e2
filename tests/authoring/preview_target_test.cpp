// What F5 plays: the lesson being edited, from the step or scene the teacher is in,
// and the words that keep the preview shut when the pack cannot be played.
#include "authoring/document_source.hpp"
#include "authoring/edit_ops.hpp"
#include "authoring/preview_target.hpp"

#include "support/temp_dir.hpp"

#include <doctest/doctest.h>

#include <filesystem>

using namespace sq::authoring;
namespace fs = std::filesystem;

namespace {

const std::string kLesson = "lessons/y3-smart-explorers.json";

PackDocument coreCopy(const sq::test::TempDir& dir) {
  const fs::path pack = dir.path() / "pack";
  fs::copy(std::string(SQ_SOURCE_DIR) + "/content/core", pack, fs::copy_options::recursive);
  return PackDocument::open(pack.string());
}

} // namespace

TEST_CASE("the preview starts at the step and scene the pointer is in") {
  sq::test::TempDir dir;
  const PackDocument doc = coreCopy(dir);
  std::string why;

  auto front = previewTargetAt(doc, kLesson, "/title", why);
  REQUIRE(front);
  CHECK(front->lessonId == "y3-smart-explorers");
  CHECK(front->lessonFile == kLesson);
  CHECK(front->stepId.empty());
  CHECK(front->nodeId.empty());

  auto quiz = previewTargetAt(doc, kLesson, "/steps/2/items/1/prompt", why);
  REQUIRE(quiz);
  CHECK(quiz->stepId == "smart-quiz");
  CHECK(quiz->nodeId.empty());

  auto scene = previewTargetAt(doc, kLesson, "/steps/1/nodes/1/choices/0/text", why);
  REQUIRE(scene);
  CHECK(scene->stepId == "building-game");
  CHECK(scene->nodeId == "gems");

  auto wholeStep = previewTargetAt(doc, kLesson, "/steps/1", why);
  REQUIRE(wholeStep);
  CHECK(wholeStep->stepId == "building-game");
  CHECK(wholeStep->nodeId.empty());

  // Indices past the end, or not indices at all, fall back to the front page.
  for (const char* odd : {"/steps/99/text", "/steps/x", "/steps/01x", "", "/steps/1/nodes/77"}) {
    auto t = previewTargetAt(doc, kLesson, odd, why);
    REQUIRE(t);
    CHECK(t->lessonId == "y3-smart-explorers");
    if (std::string(odd) == "/steps/1/nodes/77") {
      CHECK(t->stepId == "building-game");
    } else {
      CHECK(t->stepId.empty());
    }
    CHECK(t->nodeId.empty());
  }
}

TEST_CASE("only a lesson file can be previewed, and F5 says why not in words") {
  sq::test::TempDir dir;
  PackDocument doc = coreCopy(dir);
  std::string why;
  CHECK_FALSE(previewTargetAt(doc, "pack.json", "/units/0", why));
  CHECK(why.find("Open a lesson") != std::string::npos);
  why.clear();
  CHECK_FALSE(previewTargetAt(doc, "lessons/missing.json", "", why));
  CHECK_FALSE(why.empty());

  std::string error;
  REQUIRE(applyOp(doc, EditOp::putFile(kLesson, FileState::fromText("{ \"id\": ")), error));
  why.clear();
  CHECK_FALSE(previewTargetAt(doc, kLesson, "/steps/0", why));
  CHECK(why.find("not valid JSON") != std::string::npos);
}

TEST_CASE("a pack with errors, or a target that did not load, keeps the preview shut") {
  sq::test::TempDir dir;
  PackDocument doc = coreCopy(dir);
  std::string why;
  auto target = previewTargetAt(doc, kLesson, "/steps/1/nodes/1/text", why);
  REQUIRE(target);
  CHECK(previewRefusal(validateDocument(doc), *target).empty());

  PreviewTarget gone = *target;
  gone.nodeId = "no-such-scene";
  CHECK(previewRefusal(validateDocument(doc), gone).find("no-such-scene") != std::string::npos);
  gone = *target;
  gone.stepId = "no-such-step";
  gone.nodeId.clear();
  CHECK(previewRefusal(validateDocument(doc), gone).find("no-such-step") != std::string::npos);
  gone = *target;
  gone.lessonId = "no-such-lesson";
  CHECK(previewRefusal(validateDocument(doc), gone).find("no-such-lesson") != std::string::npos);

  // A choice that leads nowhere known: an error, so no preview, and the words say so.
  std::string error;
  REQUIRE(applyOp(doc, EditOp::set(kLesson, "/steps/1/nodes/0/choices/2/next", "nowhere"), error));
  const std::string refusal = previewRefusal(validateDocument(doc), *target);
  CHECK(refusal.find("cannot start") != std::string::npos);
  CHECK(refusal.find(kLesson) != std::string::npos);
}
