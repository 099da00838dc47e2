#include "content/pack_loader.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <algorithm>

using namespace sq;
using nlohmann::json;

namespace {

json manifest() {
  return json::parse(R"({
    "formatVersion": 1, "id": "test", "title": "Test pack", "version": "1.0.0",
    "languages": ["en-GB"], "authors": ["Tester"], "licence": "CC-BY-4.0",
    "units": [{ "id": "y3", "yearGroup": "y3", "band": "lks2", "title": "Year 3",
                "lessons": [{ "lesson": "l1", "required": true }] }]
  })");
}

json lesson() {
  return json::parse(R"({
    "id": "l1", "title": "Keep it private", "objectives": ["Know what is private."],
    "steps": [
      { "id": "intro", "kind": "slides", "slides": [{ "id": "s1", "text": "Hello" }] },
      { "id": "story", "kind": "scenario", "start": "ask", "nodes": [
        { "id": "ask", "text": "A player asks where you live.", "choices": [
          { "id": "tell", "text": "Tell them", "safe": false, "smart": "S", "feedback": "That is private." },
          { "id": "keep", "text": "Keep it private", "safe": true, "smart": "S", "next": "done",
            "feedback": "Well done." } ] },
        { "id": "done", "ending": true, "text": "You stayed safe." } ] },
      { "id": "check", "kind": "quiz", "items": [
        { "id": "q1", "type": "truefalse", "prompt": "Your address is private.", "answer": true,
          "feedback": { "correct": "Yes!", "incorrect": "It is private." } } ] }
    ],
    "reflection": "What will you keep private?",
    "badge": { "title": "Privacy star" }
  })");
}

LoadResult load(const json& m, const json& l) {
  MemoryPackSource src;
  src.addFile("pack.json", m.dump());
  src.addFile("lessons/l1.json", l.dump());
  return loadPack(src);
}

bool has(const LoadResult& r, std::string_view code, std::string_view file,
         std::string_view pointer) {
  return std::any_of(r.diagnostics.begin(), r.diagnostics.end(), [&](const Diagnostic& d) {
    return codeId(d.code) == code && d.file == file && d.pointer == pointer;
  });
}

std::string dump(const LoadResult& r) {
  std::string out;
  for (const auto& d : r.diagnostics) {
    out += formatDiagnostic(d) + "\n";
  }
  return out;
}

} // namespace

TEST_CASE("a sound pack loads with no diagnostics and a content hash") {
  const LoadResult r = load(manifest(), lesson());
  INFO(dump(r));
  REQUIRE(r.valid());
  CHECK(r.diagnostics.empty());
  CHECK(r.pack->id == "test");
  REQUIRE(r.pack->lessons.size() == 1);
  const Lesson& l = r.pack->lessons[0];
  CHECK(l.file == "lessons/l1.json");
  REQUIRE(l.steps.size() == 3);
  const auto& scenario = std::get<ScenarioActivity>(l.steps[1].activity);
  CHECK(scenario.find("done")->ending);
  CHECK(scenario.nodes[0].choices[1].next == "done");
  CHECK(r.pack->contentHash.size() == 16);
  CHECK(r.pack->unitFor(YearGroup::Y3)->lessons[0].lesson == "l1");
}

TEST_CASE("the content hash changes when any read file changes") {
  json edited = lesson();
  edited["title"] = "Keep it secret";
  const LoadResult a = load(manifest(), lesson());
  const LoadResult b = load(manifest(), edited);
  REQUIRE(a.valid());
  REQUIRE(b.valid());
  CHECK(a.pack->contentHash != b.pack->contentHash);
  CHECK(a.pack->contentHash == load(manifest(), lesson()).pack->contentHash);
}

TEST_CASE("structure problems are reported at their exact pointer, all at once") {
  json l = lesson();
  l["wholeClass"] = "yes";
  l["steps"][1]["nodes"][0]["choices"][0]["smart"] = "X";
  l["steps"][1]["nodes"][0]["choices"][1].erase("feedback");
  l["steps"][0]["kind"] = "slideshow";
  l["titel"] = "typo";
  const LoadResult r = load(manifest(), l);
  INFO(dump(r));
  CHECK_FALSE(r.valid());
  CHECK_FALSE(r.pack.has_value());
  CHECK(has(r, "schema.type", "lessons/l1.json", "/wholeClass"));
  CHECK(has(r, "schema.enum", "lessons/l1.json", "/steps/1/nodes/0/choices/0/smart"));
  CHECK(has(r, "schema.required", "lessons/l1.json", "/steps/1/nodes/0/choices/1"));
  CHECK(has(r, "schema.enum", "lessons/l1.json", "/steps/0/kind"));
  CHECK(has(r, "schema.unknown-field", "lessons/l1.json", "/titel"));
  // A bad kind's own fields are not also reported as unknown.
  CHECK_FALSE(has(r, "schema.unknown-field", "lessons/l1.json", "/steps/0/slides"));
  CHECK(r.errors == 4);
  CHECK(r.warnings == 1);
}

TEST_CASE("an unknown field alone is a warning and the pack still loads") {
  json l = lesson();
  l["colour"] = "blue";
  const LoadResult r = load(manifest(), l);
  CHECK(r.valid());
  CHECK(r.warnings == 1);
}

TEST_CASE(
    "an \"editor\" member is the editor's own data: ignored at any depth, without a warning") {
  json m = manifest();
  json l = lesson();
  m["editor"] = {{"note", "for the editor"}};
  l["steps"][1]["editor"] = {{"positions", {{"ask", {10, 20}}, {"done", {200, 20}}}}};
  l["steps"][1]["nodes"][0]["choices"][0]["editor"] = json::object();
  l["steps"][0]["slides"][0]["editor"] = {{"narratedText", "Hello"}};
  const LoadResult r = load(m, l);
  INFO(dump(r));
  CHECK(r.valid());
  CHECK(r.diagnostics.empty());
  // A near miss is still a misspelling.
  l["steps"][1]["editors"] = json::object();
  const LoadResult r2 = load(m, l);
  CHECK(has(r2, "schema.unknown-field", "lessons/l1.json", "/steps/1/editors"));
}

TEST_CASE("references across files resolve, and ids match file names") {
  json m = manifest();
  m["units"][0]["lessons"].push_back({{"lesson", "missing"}, {"required", false}});
  json l = lesson();
  l["steps"].push_back({{"id", "sign"}, {"kind", "aup"}, {"aup", "ks2-aup"}});
  l["id"] = "l2";
  const LoadResult r = load(m, l);
  INFO(dump(r));
  CHECK(has(r, "ref.unresolved", "pack.json", "/units/0/lessons/1/lesson"));
  CHECK(has(r, "ref.unresolved", "lessons/l1.json", "/steps/3/aup"));
  CHECK(has(r, "file.id-mismatch", "lessons/l1.json", "/id"));
}

TEST_CASE("texts must be present in every language of the pack") {
  json m = manifest();
  m["languages"] = {"en-GB", "cy"};
  m["title"] = {{"en-GB", "Test"}, {"cy", "Prawf"}};
  m["units"][0]["title"] = {{"en-GB", "Year 3"}, {"cy", "Blwyddyn 3"}};
  json l = lesson();
  l["title"] = {{"en-GB", "Private"}, {"cy", ""}};
  const LoadResult r = load(m, l);
  INFO(dump(r));
  CHECK(has(r, "text.empty", "lessons/l1.json", "/title/cy"));
  // Plain strings are in en-GB only.
  CHECK(has(r, "text.missing-language", "lessons/l1.json", "/reflection"));
  CHECK_FALSE(has(r, "text.missing-language", "pack.json", "/title"));
}

TEST_CASE("quiz items need a right answer and sort cards a real group") {
  json l = lesson();
  l["steps"][2]["items"] = json::parse(R"([
    { "id": "a", "type": "single", "prompt": "p", "feedback": {"correct": "y", "incorrect": "n"},
      "options": [ {"id": "x", "text": "x", "correct": true}, {"id": "y", "text": "y", "correct": true} ] },
    { "id": "b", "type": "multiple", "prompt": "p", "feedback": {"correct": "y", "incorrect": "n"},
      "options": [ {"id": "x", "text": "x", "correct": false}, {"id": "y", "text": "y", "correct": false} ] },
    { "id": "c", "type": "sort", "prompt": "p", "feedback": {"correct": "y", "incorrect": "n"},
      "groups": [ {"id": "ok", "label": "OK"}, {"id": "no", "label": "Not OK"}, {"id": "ask", "label": "Ask"} ],
      "cards": [ {"id": "c1", "text": "one", "group": "ok"}, {"id": "c2", "text": "two", "group": "nope"} ] }
  ])");
  const LoadResult r = load(manifest(), l);
  INFO(dump(r));
  CHECK(has(r, "quiz.many-correct", "lessons/l1.json", "/steps/2/items/0/options"));
  CHECK(has(r, "quiz.no-correct", "lessons/l1.json", "/steps/2/items/1/options"));
  CHECK(has(r, "ref.unresolved", "lessons/l1.json", "/steps/2/items/2/cards/1/group"));
  CHECK(has(r, "quiz.sort-empty-group", "lessons/l1.json", "/steps/2/items/2/groups/1"));
}

TEST_CASE("limits refuse oversized input before parsing it") {
  PackLimits limits;
  limits.maxJsonFileBytes = 200;
  MemoryPackSource src;
  src.addFile("pack.json", manifest().dump());
  src.addFile("lessons/l1.json", lesson().dump());
  const LoadResult r = loadPack(src, limits);
  CHECK(has(r, "file.too-large", "pack.json", ""));
  CHECK(has(r, "file.too-large", "lessons/l1.json", ""));

  json l = lesson();
  l["title"] = std::string(5000, 'a');
  CHECK(has(load(manifest(), l), "json.string-too-long", "lessons/l1.json", "/title"));

  json many = lesson();
  many["objectives"] = json::array();
  for (int i = 0; i < 1001; ++i) {
    many["objectives"].push_back("x");
  }
  CHECK(has(load(manifest(), many), "json.too-many-items", "lessons/l1.json", "/objectives"));
}

TEST_CASE("syntax errors name the line and column") {
  MemoryPackSource src;
  src.addFile("pack.json", "{\n  \"id\": \"x\",\n}");
  const LoadResult r = loadPack(src);
  REQUIRE(r.diagnostics.size() == 1);
  CHECK(codeId(r.diagnostics[0].code) == "json.syntax");
  CHECK(r.diagnostics[0].message.find("line 3") != std::string::npos);
}

TEST_CASE("a folder without pack.json, and a missing folder, are refused") {
  MemoryPackSource empty;
  empty.addFile("lessons/l1.json", lesson().dump());
  CHECK(has(loadPack(empty), "pack.no-manifest", "", ""));
  CHECK(has(loadPack(std::string("/nonexistent/sq-pack")), "pack.not-found", "", ""));
}

TEST_CASE("asset checks: missing, wrong type, outside links") {
  json l = lesson();
  l["steps"][0]["slides"][0]["picture"] = {{"src", "assets/missing.png"}, {"alt", "x"}};
  l["steps"][0]["slides"].push_back(
      {{"id", "s2"}, {"text", "t"}, {"picture", {{"src", "assets/fake.png"}, {"alt", "x"}}}});
  l["steps"][0]["slides"].push_back(
      {{"id", "s3"}, {"text", "t"}, {"narration", "assets/leak.ogg"}});
  MemoryPackSource src;
  src.addFile("pack.json", manifest().dump());
  src.addFile("lessons/l1.json", l.dump());
  src.addFile("assets/fake.png", "GIF89a not a png");
  src.addOutsideLink("assets/leak.ogg");
  const LoadResult r = loadPack(src);
  INFO(dump(r));
  CHECK(has(r, "asset.missing", "lessons/l1.json", "/steps/0/slides/0/picture/src"));
  CHECK(has(r, "asset.bad-type", "lessons/l1.json", "/steps/0/slides/1/picture/src"));
  CHECK(has(r, "file.outside-pack", "assets/leak.ogg", ""));
  CHECK(has(r, "file.outside-pack", "lessons/l1.json", "/steps/0/slides/2/narration"));
}

TEST_CASE("never throws on arbitrary bytes") {
  const std::string junk[] = {"",
                              "\xff\xfe\x00",
                              "[",
                              "{\"formatVersion\": 1e999}",
                              "null",
                              "{\"units\": [1, \"a\", null, {}]}",
                              std::string(100, '{')};
  for (const auto& j : junk) {
    MemoryPackSource src;
    src.addFile("pack.json", j);
    src.addFile("lessons/x.json", j);
    CHECK_NOTHROW(loadPack(src));
    CHECK_FALSE(loadPack(src).valid());
  }
}
