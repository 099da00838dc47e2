// A class's picture password removed for every PC from the teachers' app: the time
// is saved with the class, travels in the class list published to the school folder
// (and only a well-formed time does), and the words said after it.
#include "records_admin/picture_password_removal.hpp"

#include "results/school_folder.hpp"
#include "results/uuid.hpp"
#include "support/fault_vfs.hpp"
#include "support/temp_dir.hpp"
#include "support/test_teacher.hpp"

#include <doctest/doctest.h>

using namespace sq;
using sq::test::TempDir;

namespace {

Roster twoClasses() {
  Roster r;
  r.classes.push_back({newUuid(), "3B"});
  r.classes.push_back({newUuid(), "4A"});
  r.pupils.push_back({newUuid(), "Amy", "Z", r.classes[0].id, YearGroup::Y3, "", ""});
  return r;
}

} // namespace

TEST_CASE("picture password removal: kept with the class and published with the class list") {
  TempDir dir;
  std::string error;
  auto store = ResultsStore::open(dir.str(), error, sq::test::trustingTestTeacher());
  REQUIRE(store);
  REQUIRE(store->saveRoster(twoClasses(), error));
  const std::string b3 = store->loadRoster().classes[0].id;
  CHECK(admin::removedLine(store->loadRoster().classes[0]).empty());

  REQUIRE(admin::removePicturePasswordEverywhere(*store, b3, "2026-12-07T09:30:00Z", error));
  const Roster after = store->loadRoster();
  REQUIRE(after.findClass(b3) != nullptr);
  CHECK(after.findClass(b3)->picturePasswordRemoved == "2026-12-07T09:30:00Z");
  CHECK(after.classes[1].picturePasswordRemoved.empty()); // per class
  CHECK(after.pupils.size() == 1);                        // nothing else changed
  CHECK(admin::removedLine(*after.findClass(b3)) == "Removed for every PC on 7 December 2026.");

  // The game PCs read it from the published list.
  const auto read = parseClassList(classListJson(after), error);
  REQUIRE(read);
  CHECK(read->findClass(b3)->picturePasswordRemoved == "2026-12-07T09:30:00Z");

  CHECK_FALSE(
      admin::removePicturePasswordEverywhere(*store, newUuid(), "2026-12-07T09:30:00Z", error));
  CHECK(error == "That class is no longer in the class list, so nothing changed.");
}

TEST_CASE("picture password removal: a list saying anything but a time removes nothing") {
  Roster r = twoClasses();
  std::string error;
  std::string text = classListJson(r);
  const std::string id = "\"id\": \"" + r.classes[0].id + "\"";
  const auto at = text.find(id);
  REQUIRE(at != std::string::npos);
  for (const char* odd : {"\"yesterday\"", "\"2026-13-40T09:30:00Z\"", "42", "[\"x\"]",
                          "\"2026-12-07T09:30:00Z and more\""}) {
    CAPTURE(odd);
    std::string changed = text;
    changed.insert(at + id.size(), std::string(", \"picturePasswordRemoved\": ") + odd);
    const auto read = parseClassList(changed, error);
    REQUIRE(read);
    CHECK(read->classes[0].picturePasswordRemoved.empty());
  }
}

TEST_CASE("picture password removal: the words, with and without a school folder") {
  CHECK(admin::removalResultLine("3B", "", false, "") ==
        "The picture password of 3B is removed. No school folder is set, so the classroom PCs "
        "will hear of it once one is set and the class list is published (Sharing).");
  CHECK(admin::removalResultLine("3B", "/srv/school", true, "") ==
        "The picture password of 3B is removed. The classroom PCs stop asking for it from their "
        "next sign-in.");
  CHECK(admin::removalResultLine("3B", "/srv/school", false, "the folder is read-only") ==
        "The picture password of 3B is removed. The school folder could not be updated (the "
        "folder is read-only), so the classroom PCs still ask for it: publish again from "
        "Sharing.");
}

TEST_CASE("picture password removal: a full disk removes nothing and says so") {
  struct FaultsOff {
    ~FaultsOff() { sq::test::setFaultPlan({}); }
  } faultsOff;
  TempDir dir;
  StoreOptions o = sq::test::trustingTestTeacher();
  o.vfs = sq::test::registerFaultVfs();
  std::string error;
  auto store = ResultsStore::open(dir.str(), error, o);
  REQUIRE(store);
  REQUIRE(store->saveRoster(twoClasses(), error));
  const std::string b3 = store->loadRoster().classes[0].id;
  sq::test::setFaultPlan({0, false, false, false});
  CHECK_FALSE(admin::removePicturePasswordEverywhere(*store, b3, "2026-12-07T09:30:00Z", error));
  sq::test::setFaultPlan({});
  CHECK(error.find("nothing changed") != std::string::npos);
  CHECK(error.find("the disk is full") != std::string::npos);
  CHECK(store->loadRoster().findClass(b3)->picturePasswordRemoved.empty());
}
