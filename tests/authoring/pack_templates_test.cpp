// New packs from a template: valid at once, and the starter has every kind.
#include "authoring/pack_document.hpp"
#include "authoring/pack_templates.hpp"

#include "content/pack_loader.hpp"
#include "support/temp_dir.hpp"

#include <doctest/doctest.h>

#include <filesystem>

using namespace sq::authoring;

namespace {
const std::string kCore = std::string(SQ_SOURCE_DIR) + "/content/core";
}

TEST_CASE("a starter pack has a lesson of every activity kind, and loads with no problem") {
  sq::test::TempDir dir;
  const std::string target = (dir.path() / "starter").string();
  std::string error;
  REQUIRE_MESSAGE(createPackFromTemplate(PackTemplate::OneOfEachKind, kCore, target, "starter",
                                         "Our first lessons", error),
                  error);
  const sq::LoadResult loaded = sq::loadPack(target);
  for (const sq::Diagnostic& d : loaded.diagnostics) {
    INFO(sq::formatDiagnostic(d));
    CHECK(d.severity != sq::Severity::Error);
  }
  REQUIRE(loaded.valid());
  CHECK(loaded.packId == "starter");
  CHECK(loaded.title == "Our first lessons");
  // Every kind is there, in fewer lessons than the core pack has.
  const PackDocument doc = PackDocument::open(target);
  std::size_t lessons = 0;
  std::string all;
  for (const std::string& f : doc.files()) {
    if (f.rfind("lessons/", 0) == 0) {
      ++lessons;
      all += doc.value(f)->dump();
    }
  }
  CHECK(lessons >= 2);
  CHECK(lessons <= 6);
  for (const char* needle :
       {"\"kind\":\"slides\"", "\"kind\":\"scenario\"", "\"kind\":\"butterfly\"",
        "\"kind\":\"aup\"", "\"type\":\"single\"", "\"type\":\"multiple\"",
        "\"type\":\"truefalse\"", "\"type\":\"sort\"", "\"type\":\"order\""}) {
    CHECK_MESSAGE(all.find(needle) != std::string::npos, needle);
  }
  CHECK_FALSE(createPackFromTemplate(PackTemplate::Empty, kCore, target, "x", "x", error));
}

TEST_CASE("an empty pack is a pack.json with no lessons, which the loader reads") {
  sq::test::TempDir dir;
  const std::string target = (dir.path() / "empty").string();
  std::string error;
  REQUIRE(createPackFromTemplate(PackTemplate::Empty, kCore, target, "empty", "Empty", error));
  const sq::LoadResult loaded = sq::loadPack(target);
  CHECK(loaded.packId == "empty");
  CHECK(loaded.errors == 0);
  CHECK(std::filesystem::exists(target + "/pack.json"));
}
