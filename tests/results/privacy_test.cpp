#include "results/privacy.hpp"

#include "results/uuid.hpp"
#include "support/temp_dir.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

using namespace sq;

TEST_CASE("a subject-access export holds the pupil and only their events") {
  test::TempDir dir;
  std::string error;
  auto store = ResultsStore::open(dir.str(), error);
  REQUIRE(store);
  Roster r;
  r.classes.push_back({newUuid(), "4C"});
  Pupil me{newUuid(), "Zoë", "P", r.classes[0].id, YearGroup::Y4, "secret-hash", ""};
  Pupil other{newUuid(), "Tom", "R", r.classes[0].id, YearGroup::Y4, "", ""};
  r.pupils = {me, other};
  REQUIRE(store->saveRoster(r, error));
  for (const auto* p : {&me, &other}) {
    EventDraft d;
    d.kind = EventKind::ActivityCompleted;
    d.pupilId = p->id;
    d.activityId = "quiz";
    d.score = 3;
    d.maxScore = 4;
    d.choices = R"(["a","b"])";
    REQUIRE(store->record(d, error));
  }
  const auto text = exportPupilJson(*store, me.id);
  REQUIRE(text);
  const auto j = nlohmann::json::parse(*text);
  CHECK(j["pupil"]["firstName"] == "Zoë");
  CHECK(j["pupil"]["class"] == "4C");
  REQUIRE(j["events"].size() == 1);
  CHECK(j["events"][0]["score"] == 3);
  CHECK(j["events"][0]["choices"][1] == "b");
  CHECK(text->find(other.id) == std::string::npos);
  CHECK(text->find("secret-hash") == std::string::npos);
  CHECK_FALSE(exportPupilJson(*store, newUuid()).has_value());
}
