// The lesson snapshot in both its forms: version 1 (the step runner's snapshot as
// JSON text in a string) and version 2 (one object). The fuzz seeds hold both for the
// same places; each pair must restore to the same place, and a new snapshot is v2.
#include "play_fixture.hpp"
#include "runtime/lesson_runner.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

using namespace sq;
using namespace sq::test;

namespace {

std::string readFile(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

} // namespace

TEST_CASE("lesson snapshots: the old and the new form of each fuzz seed restore alike") {
  const std::filesystem::path dir =
      std::filesystem::path(SQ_SOURCE_DIR) / "tests/fuzz/corpus/lesson_snapshot";
  int pairs = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    const std::string name = entry.path().filename().string();
    if (name.size() < 8 || name.compare(name.size() - 8, 8, ".v2.snap") != 0) {
      continue;
    }
    CAPTURE(name);
    const std::string v2 = readFile(entry.path()).substr(1); // the first byte picks a lesson
    const std::string v1 = readFile(dir / (name.substr(0, name.size() - 8) + ".snap")).substr(1);
    const auto j2 = nlohmann::json::parse(v2);
    const auto j1 = nlohmann::json::parse(v1);
    CHECK(j2["v"] == 2);
    CHECK(j1["v"] == 1);
    const Lesson& lesson = coreLesson(j2["lesson"].get<std::string>());
    LessonRunner a(corePack(), lesson, Band::Lks2, 1);
    LessonRunner b(corePack(), lesson, Band::Lks2, 1);
    const auto ra = a.restore(v1);
    CHECK(ra == b.restore(v2));
    CHECK(ra != LessonRunner::Resume::Invalid);
    CHECK(a.stepIndex() == b.stepIndex());
    CHECK(a.phase() == b.phase());
    if (ra == LessonRunner::Resume::Exact) {
      // Restored exactly, both write the same new snapshot: one object, inner nested.
      CHECK(a.snapshot() == b.snapshot());
      const auto out = nlohmann::json::parse(a.snapshot());
      CHECK(out["v"] == 2);
      if (out.contains("inner")) {
        CHECK(out["inner"].is_object());
      }
    }
    ++pairs;
  }
  CHECK(pairs == 9);
}
