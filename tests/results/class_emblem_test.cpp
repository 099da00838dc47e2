// A class's emblem (results/class_emblem): the default from the class's id is the
// same every time and differs between classes while pictures are left; the
// teacher's choice wins, is kept with the class list in the store, travels in the
// published class list, and is set with safequest-cli roster emblem.
#include "results/class_emblem.hpp"
#include "results/results_store.hpp"
#include "results/school_folder.hpp"
#include "support/run_program.hpp"
#include "support/temp_dir.hpp"

#include <doctest/doctest.h>

#include <fstream>
#include <set>

using namespace sq;

namespace {

std::vector<SchoolClass> someClasses() {
  return {{"0b6f7a6e-3c1d-4e55-9a53-2f1b7c9d8e01", "Reception"},
          {"1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f", "1A"},
          {"2d3e4f5a-6b7c-4d8e-9f0a-1b2c3d4e5f6a", "2B"},
          {"3e4f5a6b-7c8d-4e9f-0a1b-2c3d4e5f6a7b", "Dosbarth Derw"}};
}

} // namespace

TEST_CASE("class emblem: the default is stable, and classes get different pictures") {
  const auto classes = someClasses();
  const auto first = classEmblems(classes);
  REQUIRE(first.size() == classes.size());
  std::set<int> pictures;
  for (const SchoolClass& c : classes) {
    const ClassEmblem& e = first.at(c.id);
    CHECK(!e.chosen);
    CHECK(parseClassEmblem(e.id())); // a default is a real emblem
    pictures.insert(e.picture);
  }
  CHECK(pictures.size() == classes.size());
  // The same on every call, whatever order the classes come in.
  std::vector<SchoolClass> reversed(classes.rbegin(), classes.rend());
  const auto again = classEmblems(reversed);
  for (const SchoolClass& c : classes) {
    CHECK(again.at(c.id).id() == first.at(c.id).id());
  }
}

TEST_CASE("class emblem: the teacher's choice wins, and a bad one falls back to the default") {
  auto classes = someClasses();
  const auto defaults = classEmblems(classes);
  classes[1].emblem = "rocket/purple";
  classes[2].emblem = "dragon/blue"; // not a picture this build has
  const auto e = classEmblems(classes);
  CHECK(e.at(classes[1].id).chosen);
  CHECK(e.at(classes[1].id).id() == "rocket/purple");
  CHECK(e.at(classes[1].id).pictureName() == "rocket");
  CHECK(!e.at(classes[2].id).chosen);
  // No default takes the picture a teacher chose for another class.
  for (const SchoolClass& c : classes) {
    if (c.id != classes[1].id) {
      CHECK(e.at(c.id).pictureName() != "rocket");
    }
  }
  CHECK(!parseClassEmblem("rocket"));
  CHECK(!parseClassEmblem("rocket/"));
  CHECK(!parseClassEmblem("/blue"));
  CHECK(!parseClassEmblem("rocket/blue/x"));
  CHECK(defaults.size() == e.size());
}

TEST_CASE("class emblem: kept in the store and carried by the published class list") {
  test::TempDir dir;
  std::string error;
  auto store = ResultsStore::open(dir.str(), error);
  REQUIRE(store);
  Roster r;
  r.classes = someClasses();
  r.classes[0].emblem = "moon/blue";
  REQUIRE(store->saveRoster(r, error));
  const Roster back = store->loadRoster();
  const SchoolClass* c = back.findClass(r.classes[0].id);
  REQUIRE(c != nullptr);
  CHECK(c->emblem == "moon/blue");
  CHECK(back.findClass(r.classes[1].id)->emblem.empty());

  const std::string json = classListJson(back);
  CHECK(json.find("\"emblem\": \"moon/blue\"") != std::string::npos);
  const auto parsed = parseClassList(json, error);
  REQUIRE(parsed);
  CHECK(parsed->findClass(r.classes[0].id)->emblem == "moon/blue");
  CHECK(classEmblems(parsed->classes).at(r.classes[0].id).chosen);

  // A list from a newer build with an emblem this one does not know still reads,
  // and that class shows its default.
  std::string odd = json;
  odd.replace(odd.find("moon/blue"), 9, "comet/teal");
  const auto parsedOdd = parseClassList(odd, error);
  REQUIRE(parsedOdd);
  CHECK(parsedOdd->findClass(r.classes[0].id)->emblem.empty());
}

TEST_CASE("class emblem: safequest-cli roster emblem lists, sets and clears") {
  test::TempDir dir;
  const std::string data = dir.str() + "/data";
  const auto csv = dir.path() / "class.csv";
  std::ofstream(csv) << "Forename,Surname,Reg Group,Year\nAvalynne,Khan,3B,3\nBen,Ode,4C,4\n";
  const auto cli = [&](std::vector<std::string> args) {
    args.push_back("--data");
    args.push_back(data);
    return test::runProgram(SQ_CLI_PATH, args, dir.path());
  };
  REQUIRE(cli({"roster", "import", csv.string(), "--today", "2026-09-02"}).status == 0);
  const test::ProgramRun list = cli({"roster", "emblem"});
  REQUIRE(list.status == 0);
  REQUIRE(list.lines().size() == 2);
  CHECK(list.lines()[0].find("\tdefault") != std::string::npos);

  const test::ProgramRun set = cli({"roster", "emblem", "3B", "kite/green"});
  CHECK(set.status == 0);
  CHECK(set.out == "3B\tkite/green\tchosen\n");
  CHECK(cli({"roster", "emblem", "3B"}).out == "3B\tkite/green\tchosen\n");

  const test::ProgramRun bad = cli({"roster", "emblem", "3B", "kite/gold"});
  CHECK(bad.status == 1);
  CHECK(bad.err.find("rocket/blue") != std::string::npos);
  CHECK(cli({"roster", "emblem", "9Z", "kite/green"}).status == 1);

  const test::ProgramRun cleared = cli({"roster", "emblem", "3B", "default"});
  CHECK(cleared.status == 0);
  CHECK(cleared.out.find("\tdefault") != std::string::npos);
}
