// Find in the editor: every text holding all the words, whatever their case, with
// a place a teacher can read, and never an id, a path or the editor's own data.
#include "authoring/find_text.hpp"

#include "authoring/edit_ops.hpp"

#include <doctest/doctest.h>

using namespace sq::authoring;

namespace {

PackDocument smallPack() {
  PackDocument doc = PackDocument::inMemory("/nowhere");
  doc.putFile("pack.json", FileState::fromValue(Json::parse(R"({
    "id": "ours", "title": "Our online lessons", "languages": ["en-GB", "cy"],
    "units": [ { "id": "y3", "yearGroup": "y3", "title": "Year 3: staying safe",
                 "lessons": [ { "lesson": "keep-safe", "required": true } ] } ] })")));
  doc.putFile("lessons/keep-safe.json", FileState::fromValue(Json::parse(R"({
    "id": "keep-safe", "title": "Keep it SAFE",
    "teacherNotes": "Ask who keeps their password safe.",
    "steps": [
      { "id": "story", "kind": "scenario", "start": "ask",
        "editor": { "note": "safe place for the editor" },
        "nodes": [
          { "id": "ask", "text": "A stranger asks for your Password.",
            "picture": { "src": "assets/safe.png", "alt": "A padlock on a safe" },
            "choices": [ { "id": "safe", "text": "Tell an adult", "safe": true, "smart": "T",
                           "next": "end", "feedback": "That keeps you safe." } ] },
          { "id": "end", "ending": true, "text": { "en-GB": "Well done", "cy": "Da iawn, ŴYR" } } ] } ] })")));
  doc.putFile("lessons/broken.json", FileState::fromText("{ \"title\": \"safe but broken"));
  return doc;
}

} // namespace

TEST_CASE("find lists every text holding all the words, ignoring case, with its place") {
  const PackDocument doc = smallPack();
  const FindResults r = findText(doc, "SAFE");
  std::vector<std::string> pointers;
  for (const TextMatch& m : r.matches) {
    pointers.push_back(m.file + "#" + m.pointer);
  }
  // pack.json first; ids ("safe"), kinds, asset paths and editor data are not texts.
  CHECK(pointers == std::vector<std::string>{
                        "pack.json#/units/0/title",
                        "lessons/keep-safe.json#/title",
                        "lessons/keep-safe.json#/teacherNotes",
                        "lessons/keep-safe.json#/steps/0/nodes/0/picture/alt",
                        "lessons/keep-safe.json#/steps/0/nodes/0/choices/0/feedback",
                    });
  CHECK_FALSE(r.more);
  REQUIRE(r.matches.size() == 5);
  CHECK(r.matches[0].where == "Units \xE2\x80\xBA \"y3\" \xE2\x80\xBA Title");
  CHECK(r.matches[3].where == "Steps \xE2\x80\xBA \"story\" \xE2\x80\xBA Nodes \xE2\x80\xBA "
                              "\"ask\" \xE2\x80\xBA Picture \xE2\x80\xBA Alt");
  CHECK(r.matches[4].text == "That keeps you safe.");

  // Every word must be there, in any order.
  const FindResults both = findText(doc, "  password   ASKS ");
  REQUIRE(both.matches.size() == 1);
  CHECK(both.matches[0].pointer == "/steps/0/nodes/0/text");
  CHECK(findText(doc, "password stranger adult").matches.empty());
  CHECK(findText(doc, "").matches.empty());
  CHECK(findText(doc, " \t ").matches.empty());
}

TEST_CASE("find folds the case of accented letters and shows a language by its tag") {
  const PackDocument doc = smallPack();
  const FindResults r = findText(doc, "ŵyr");
  REQUIRE(r.matches.size() == 1);
  CHECK(r.matches[0].pointer == "/steps/0/nodes/1/text/cy");
  CHECK(r.matches[0].where ==
        "Steps \xE2\x80\xBA \"story\" \xE2\x80\xBA Nodes \xE2\x80\xBA \"end\" \xE2\x80\xBA Text "
        "\xE2\x80\xBA cy");
  CHECK(foldCase("ÀÉÎÕÜ ŴŶ Ÿ ×") == "àéîõü ŵŷ ÿ ×");
  CHECK(foldCase("Ĳ Ł Ž") == "ĳ ł ž");
  // Bytes that are not UTF-8 are kept, and never make a match across characters.
  CHECK(foldCase(std::string("A\xC3(B\xFF")) == std::string("a\xC3(b\xFF"));
  CHECK(foldCase("日本 ÅB") == "日本 åb");
}

TEST_CASE("find stops at its limit and says there are more") {
  PackDocument doc = PackDocument::inMemory("/nowhere");
  Json lesson = {{"id", "many"}, {"objectives", Json::array()}};
  for (int i = 0; i < 50; ++i) {
    lesson["objectives"].push_back("Learn thing " + std::to_string(i));
  }
  doc.putFile("lessons/many.json", FileState::fromValue(lesson));
  const FindResults r = findText(doc, "learn", 20);
  CHECK(r.matches.size() == 20);
  CHECK(r.more);
  CHECK(r.matches[19].where == "Objectives \xE2\x80\xBA 20");
  const FindResults all = findText(doc, "learn", 50);
  CHECK(all.matches.size() == 50);
  CHECK_FALSE(all.more);
}

TEST_CASE("placeName reads escaped keys and missing places without failing") {
  const Json root = Json::parse(R"({ "a/b": { "x~y": ["one", {"id": "two"}] } })");
  CHECK(placeName(root, "/a~1b/x~0y/1") == "A/b \xE2\x80\xBA X~y \xE2\x80\xBA \"two\"");
  CHECK(placeName(root, "/a~1b/x~0y/7") == "A/b \xE2\x80\xBA X~y \xE2\x80\xBA 7");
  CHECK(placeName(root, "/missing/deeper") == "Missing");
  CHECK(placeName(root, "") == "");
}
