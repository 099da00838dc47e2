// The hints under a field: reading level for the youngest pupils who read it,
// judged exactly as the validator judges it.
#include "authoring/field_hints.hpp"

#include <doctest/doctest.h>

using namespace sq::authoring;

namespace {

PackDocument twoLessonPack() {
  PackDocument doc = PackDocument::inMemory("/srv/pack");
  doc.putFile("pack.json", FileState::fromText(R"({"units": [
    {"band": "lks2", "lessons": [{"lesson": "shared"}, {"lesson": "older"}]},
    {"band": "ks1", "lessons": [{"lesson": "shared"}]}]})"));
  doc.putFile("lessons/shared.json", FileState::fromText(R"({"id": "shared"})"));
  doc.putFile("lessons/older.json", FileState::fromText(R"({"id": "older"})"));
  doc.putFile("lessons/loose.json", FileState::fromText(R"({"id": "loose"})"));
  doc.putFile("aups/ks2.json", FileState::fromText(R"({"phase": "ks2"})"));
  doc.putFile("assemblies/a.json", FileState::fromText(R"({"id": "a"})"));
  return doc;
}

} // namespace

TEST_CASE("a lesson is judged at the youngest band that uses it, an AUP by its phase") {
  const PackDocument doc = twoLessonPack();
  CHECK(bandForFile(doc, "lessons/shared.json") == sq::Band::Ks1);
  CHECK(bandForFile(doc, "lessons/older.json") == sq::Band::Lks2);
  CHECK_FALSE(bandForFile(doc, "lessons/loose.json").has_value());
  CHECK(bandForFile(doc, "aups/ks2.json") == sq::Band::Lks2);
  CHECK_FALSE(bandForFile(doc, "assemblies/a.json").has_value());
  CHECK_FALSE(bandForFile(doc, "pack.json").has_value());
}

TEST_CASE("only what pupils read gets a reading hint") {
  CHECK(isPupilFacing("lessons/x.json", "/steps/0/slides/1/text"));
  CHECK(isPupilFacing("lessons/x.json", "/steps/1/nodes/0/choices/2/feedback"));
  CHECK(isPupilFacing("lessons/x.json", "/steps/3/items/0/prompt"));
  CHECK(isPupilFacing("lessons/x.json", "/steps/3/items/0/feedback/incorrect"));
  CHECK(isPupilFacing("aups/k.json", "/promises/4/text"));
  CHECK_FALSE(isPupilFacing("lessons/x.json", "/teacherNotes"));
  CHECK_FALSE(isPupilFacing("lessons/x.json", "/objectives/0"));
  CHECK_FALSE(isPupilFacing("lessons/x.json", "/steps/0/slides/1/picture/alt"));
  CHECK_FALSE(isPupilFacing("assemblies/a.json", "/slides/0/text"));
  CHECK_FALSE(isPupilFacing("lessons/x.json", ""));
}

TEST_CASE("a hint says when a text is hard for its band, and counts characters against the limit") {
  const FieldHint fine = hintFor("Ask a grown-up first.", sq::Band::Ks1, true, 4000);
  CHECK_FALSE(fine.tooHard);
  CHECK(fine.reading == "Reads well for KS1.");
  CHECK(fine.characters == 21);
  CHECK(fine.limit == 4000);
  const FieldHint hard = hintFor(
      "When somebody you have never met in real life sends you a friendly message asking for your "
      "address and a photograph, you should always stop and tell a trusted adult straight away.",
      sq::Band::Eyfs, true, 4000);
  CHECK(hard.tooHard);
  CHECK(hard.reading.rfind("Hard for Reception: a sentence has", 0) == 0);
  CHECK(hintFor("Teacher's own words, as long as they like.", sq::Band::Eyfs, false, 10)
            .reading.empty());
  CHECK(hintFor("No band", std::nullopt, true, 10).reading.empty());
}
