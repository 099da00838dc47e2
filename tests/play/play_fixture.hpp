// Shared by the play tests: the bundled core pack, loaded once through the real
// loader, and the fixed pupils and classes of tests/fixtures/events-v1.
#pragma once

#include "content/pack_loader.hpp"

#include <doctest/doctest.h>

#include <string>

namespace sq::test {

inline const Pack& corePack() {
  static const LoadResult loaded = loadPack(std::string(SQ_SOURCE_DIR) + "/content/core");
  REQUIRE(loaded.valid());
  return *loaded.pack;
}

inline const Lesson& coreLesson(const std::string& id) {
  const Lesson* l = corePack().findLesson(id);
  REQUIRE(l != nullptr);
  return *l;
}

const std::string kFixturePupil = "a0000000-0000-4000-8000-000000000001";     // Year 3, 3B
const std::string kFixtureReception = "a0000000-0000-4000-8000-000000000006"; // Oak
const std::string kFixture3B = "c0000000-0000-4000-8000-000000000001";
const std::string kFixtureOak = "c0000000-0000-4000-8000-000000000002";

} // namespace sq::test
