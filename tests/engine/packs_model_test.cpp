// From the catalog to the rows the packs screen shows.
#include "headless.hpp"
#include "screens/teacher/packs_screen.hpp"

#include <doctest/doctest.h>

using namespace sq;

TEST_CASE("rows carry title, id, version and status from the catalog") {
  const PacksModel m = packsModelFromCatalog(test::fixtureCatalog());
  CHECK_FALSE(m.loading);
  CHECK(m.contentDir == "/srv/school/safequest/content");
  REQUIRE(m.rows.size() == 3);

  const PackRow& broken = m.rows[0];
  CHECK(broken.folder == "year-6-extra");
  CHECK(broken.id == "year6-extra");
  CHECK(broken.title == "Year 6 extra scenarios");
  CHECK(broken.version.empty());
  CHECK_FALSE(broken.ready());
  CHECK(statusLabel(broken) == "3 errors");
  CHECK(warningsLabel(broken) == "1 warning");

  const PackRow& core = m.rows[1];
  CHECK(core.ready());
  CHECK(core.version == "1.0.0");
  CHECK(statusLabel(core) == "Ready");
  CHECK(warningsLabel(core).empty());

  CHECK(warningsLabel(m.rows[2]) == "2 warnings");
}

TEST_CASE("status labels count properly") {
  PackRow r;
  r.errors = 1;
  CHECK(statusLabel(r) == "1 error");
  r.errors = 0;
  CHECK(statusLabel(r) == "Not loaded"); // no errors, yet no pack: never "Ready"
  r.loaded = true;
  CHECK(statusLabel(r) == "Ready");
  r.warnings = 1;
  CHECK(warningsLabel(r) == "1 warning");
}

TEST_CASE("an unreadable content folder is carried to the screen") {
  Catalog c;
  c.root = "/nowhere";
  c.error = "the folder does not exist";
  const PacksModel m = packsModelFromCatalog(c);
  CHECK(m.folderError == "the folder does not exist");
  CHECK(m.rows.empty());
}
