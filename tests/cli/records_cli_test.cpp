// safequest-cli's records commands, run as a user would: record, publish, merge,
// erase, export-pupil, retention, and the guard on moving the class list up twice.
#include "results/event_payload.hpp"
#include "results/results_store.hpp"
#include "results/uuid.hpp"
#include "support/run_program.hpp"
#include "support/temp_dir.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <sqlite3.h>

#include <filesystem>
#include <fstream>

using sq::test::ProgramRun;
using sq::test::TempDir;

namespace {

ProgramRun cli(const TempDir& dir, std::vector<std::string> args) {
  return sq::test::runProgram(SQ_CLI_PATH, args, dir.path());
}

} // namespace

TEST_CASE("record prints the new event id only once it is saved, and refuses bad input") {
  TempDir dir;
  const std::string data = dir.str() + "/data";
  const std::string pupil = sq::newUuid();
  const ProgramRun ok = cli(dir, {"record", "--data", data, "--kind", "lesson.completed", "--pupil",
                                  pupil, "--pack", "core", "--activity", "not-a-known-lesson"});
  REQUIRE(ok.status == 0);
  REQUIRE(ok.lines().size() == 1);
  CHECK(sq::isUuid(ok.lines()[0]));

  const ProgramRun signedAup =
      cli(dir, {"record", "--data", data, "--kind", "aup.signed", "--pupil", pupil, "--aup-version",
                "2026.1", "--phase", "ks2"});
  CHECK(signedAup.status == 0);

  CHECK(cli(dir, {"record", "--data", data, "--kind", "aup.signed", "--pupil", pupil}).status == 1);
  CHECK(
      cli(dir, {"record", "--data", data, "--kind", "lesson.completed", "--pupil", "Ava"}).status ==
      1);
  CHECK(cli(dir,
            {"record", "--data", data, "--kind", "help.asked", "--pupil", pupil, "--class", "3B"})
            .status == 1); // the butterfly button is never about one pupil
  CHECK(cli(dir, {"record", "--data", data, "--kind", "activity.completed", "--pupil", pupil,
                  "--score", "5", "--max", "3"})
            .status == 1);
  CHECK(cli(dir, {"record", "--data", data, "--kind", "nonsense"}).status == 2);
  CHECK(cli(dir, {"record", "--data", data, "--frobnicate"}).status == 2);
}

TEST_CASE("publish, merge, erase and export work across two PCs") {
  TempDir dir;
  const std::string pcA = dir.str() + "/pc-a";
  const std::string pcB = dir.str() + "/pc-b";
  const std::string share = dir.str() + "/share";
  const std::string pupil = sq::newUuid();
  for (const auto& pc : {pcA, pcB}) {
    REQUIRE(cli(dir, {"record", "--data", pc, "--kind", "lesson.completed", "--pupil", pupil,
                      "--activity", "y3-a"})
                .status == 0);
    REQUIRE(cli(dir, {"publish", "--data", pc, "--school-folder", share}).status == 0);
  }
  const std::string teacher = dir.str() + "/teacher";
  const ProgramRun merged = cli(dir, {"merge", "--data", teacher, "--school-folder", share});
  CHECK(merged.status == 0);
  CHECK(merged.out.find("merged 2 new events from 2 snapshots") != std::string::npos);
  CHECK(cli(dir, {"merge", "--data", teacher, "--school-folder", share}).out.find("merged 0 new") !=
        std::string::npos);

  // A pupil not in the class list has nothing to export; erasing leaves a tombstone,
  // signed with the teacher's key, which only the teacher PIN opens.
  CHECK(cli(dir, {"export-pupil", "--data", teacher, "--pupil", pupil}).status == 1);
  const ProgramRun noPin =
      cli(dir, {"erase", "--data", teacher, "--pupil", pupil, "--pin", "2468"});
  CHECK(noPin.status == 1);
  CHECK(noPin.err.find("no teacher PIN is set") != std::string::npos);
  REQUIRE(cli(dir, {"pin", "set", "--pin", "2468", "--data", teacher}).status == 0);
  const ProgramRun wrong =
      cli(dir, {"erase", "--data", teacher, "--pupil", pupil, "--pin", "1357"});
  CHECK(wrong.status == 1);
  CHECK(wrong.err.find("wrong teacher PIN") != std::string::npos);
  CHECK(cli(dir, {"erase", "--data", teacher, "--pupil", pupil, "--pin", "2468"}).status == 0);
  CHECK(cli(dir, {"erase", "--data", teacher, "--pupil", "not-an-id"}).status == 1);
  // Merging the old snapshots again cannot bring the erased pupil back.
  REQUIRE(cli(dir, {"merge", "--data", teacher, "--school-folder", share}).status == 0);
  const ProgramRun exported = cli(dir, {"export-pupil", "--data", teacher, "--pupil", pupil});
  CHECK(exported.status == 1);
  CHECK(cli(dir, {"merge", "--data", teacher}).status == 2); // no --school-folder

  // Changing the PIN reseals the key: the new PIN erases, the old one no longer does.
  REQUIRE(
      cli(dir, {"pin", "set", "--pin", "3579", "--old-pin", "2468", "--data", teacher}).status ==
      0);
  const std::string second = sq::newUuid();
  const ProgramRun oldPin =
      cli(dir, {"erase", "--data", teacher, "--pupil", second, "--pin", "2468"});
  CHECK(oldPin.status == 1);
  const ProgramRun newPin =
      cli(dir, {"erase", "--data", teacher, "--pupil", second, "--pin", "3579"});
  INFO(newPin.err);
  CHECK(newPin.status == 0);
}

TEST_CASE("merge exits 1 naming a file with conflicts, until the teacher keeps a version") {
  TempDir dir;
  const std::string pcA = dir.str() + "/pc-a";
  const std::string share = dir.str() + "/share";
  const std::string teacher = dir.str() + "/teacher";
  REQUIRE(cli(dir, {"record", "--data", pcA, "--kind", "lesson.completed", "--pupil", sq::newUuid(),
                    "--activity", "y3-a"})
              .status == 0);
  REQUIRE(cli(dir, {"publish", "--data", pcA, "--school-folder", share}).status == 0);
  // A copy of the PC's snapshot, under a name sorting first, with its event altered.
  std::filesystem::path genuine;
  for (const auto& f : std::filesystem::directory_iterator(share + "/results")) {
    genuine = f.path();
  }
  const std::string forgedName = "00000000-0000-4000-8000-000000000000.sqlite";
  const auto forged = genuine.parent_path() / forgedName;
  std::filesystem::copy_file(genuine, forged);
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(forged.string().c_str(), &db) == SQLITE_OK);
  const int rc =
      sqlite3_exec(db, "UPDATE events SET activity_id = 'y3-b'", nullptr, nullptr, nullptr);
  sqlite3_close(db);
  REQUIRE(rc == SQLITE_OK);

  const ProgramRun merged = cli(dir, {"merge", "--data", teacher, "--school-folder", share});
  CHECK(merged.status == 1);
  // The forged copy came in first, then the genuine event took its place.
  CHECK(merged.out.find(forgedName + ": 1 new events\n") != std::string::npos);
  CHECK(merged.out.find(genuine.filename().string() + ": 1 new events, 1 in conflict") !=
        std::string::npos);
  CHECK(merged.err.find(forgedName + ": 1 versions kept aside in quarantine") != std::string::npos);
  CHECK(merged.err.find(genuine.filename().string() + ": 1 rows clash") != std::string::npos);
  // Merging again still reports it, naming the forged file itself.
  const ProgramRun again = cli(dir, {"merge", "--data", teacher, "--school-folder", share});
  CHECK(again.status == 1);
  CHECK(again.out.find(forgedName + ": 0 new events, 1 in conflict") != std::string::npos);

  const ProgramRun listed = cli(dir, {"quarantine", "list", "--data", teacher});
  CHECK(listed.status == 1);
  REQUIRE(listed.lines().size() == 2);
  CHECK(listed.lines()[0].find(forgedName) != std::string::npos);
  const std::string id = listed.lines()[0].substr(0, listed.lines()[0].find('\t'));
  CHECK(cli(dir, {"quarantine", "keep", "999", "--data", teacher}).status == 1);
  CHECK(cli(dir, {"quarantine", "keep", "--data", teacher}).status == 2);
  CHECK(cli(dir, {"quarantine", "keep", id, "--data", teacher}).status == 0);
  CHECK(cli(dir, {"quarantine", "list", "--data", teacher}).status == 0);
  // Resolved: the dropped version does not come back, and the merge is clean.
  const ProgramRun settled = cli(dir, {"merge", "--data", teacher, "--school-folder", share});
  CHECK(settled.status == 0);
  CHECK(settled.err.empty());
}

TEST_CASE("a corrupt records file is refused with a message and left untouched") {
  TempDir dir;
  const std::string data = dir.str() + "/data";
  std::filesystem::create_directories(data);
  std::ofstream(data + "/safequest.sqlite", std::ios::binary) << std::string(3000, 'z');
  const ProgramRun r =
      cli(dir, {"record", "--data", data, "--kind", "lesson.completed", "--pupil", sq::newUuid()});
  CHECK(r.status == 2);
  CHECK_FALSE(r.err.empty());
  std::ifstream in(data + "/safequest.sqlite", std::ios::binary);
  const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  CHECK(bytes == std::string(3000, 'z'));
}

TEST_CASE("retention can be set and applied; moving the class list up twice needs --again") {
  TempDir dir;
  const std::string data = dir.str() + "/data";
  const std::string pupil = sq::newUuid();
  REQUIRE(cli(dir, {"record", "--data", data, "--kind", "lesson.completed", "--pupil", pupil,
                    "--time", "2023-10-01T09:00:00Z"})
              .status == 0);
  REQUIRE(cli(dir, {"record", "--data", data, "--kind", "lesson.completed", "--pupil", pupil,
                    "--time", "2026-10-01T09:00:00Z"})
              .status == 0);
  const ProgramRun r =
      cli(dir, {"retention", "--data", data, "--set-years", "2", "--academic-year", "2026"});
  CHECK(r.status == 0);
  CHECK(r.out.find("removed 1 older events") != std::string::npos);
  CHECK(cli(dir, {"retention", "--data", data, "--set-years", "0"}).status == 1);

  const auto csv = dir.path() / "class.csv";
  std::ofstream(csv) << "Forename,Surname,Reg Group,Year\nAva,Khan,3B,3\n";
  REQUIRE(cli(dir, {"roster", "import", csv.string(), "--data", data, "--today", "2026-09-02"})
              .status == 0);
  CHECK(cli(dir, {"roster", "promote", "--data", data, "--today", "2027-07-20"}).status == 0);
  const ProgramRun twice = cli(dir, {"roster", "promote", "--data", data, "--today", "2027-07-21"});
  CHECK(twice.status == 1);
  CHECK(twice.err.find("--again") != std::string::npos);
  CHECK(cli(dir, {"roster", "list", "--data", data}).out.find("\ty4\t") != std::string::npos);
}

TEST_CASE("record keeps each kind's own fields, and says when a completion counts for nothing") {
  TempDir dir;
  const std::string data = dir.str() + "/data";
  const std::string pupil = sq::newUuid();
  // An option the kind has no field for is refused, not stored where nothing reads it.
  const ProgramRun stray = cli(dir, {"record", "--data", data, "--kind", "help.asked", "--class",
                                     "3B", "--presenter", "Mrs Jones"});
  CHECK(stray.status == 1);
  CHECK(stray.err.find("--presenter is not recorded for help.asked") != std::string::npos);
  CHECK(cli(dir, {"record", "--data", data, "--kind", "aup.signed", "--pupil", pupil,
                  "--aup-version", "2026.1", "--phase", "ks2", "--signed-by", "parent"})
            .status == 1);
  // Without --pack a lesson.completed is kept, but completes no lesson: it says so.
  const ProgramRun bare = cli(dir, {"record", "--data", data, "--kind", "lesson.completed",
                                    "--pupil", pupil, "--activity", "y3-smart-explorers"});
  CHECK(bare.status == 0);
  CHECK(bare.err.find("completes no lesson") != std::string::npos);
  const ProgramRun full =
      cli(dir, {"record", "--data", data, "--kind", "lesson.completed", "--pupil", pupil, "--pack",
                "core", "--activity", "y3-smart-explorers", "--whole-class", "--class", "3B"});
  CHECK(full.status == 0);
  CHECK(full.err.empty());
  std::string error;
  auto store = sq::ResultsStore::open(data, error);
  REQUIRE(store);
  const auto events = store->events();
  REQUIRE(events.size() == 2);
  const auto payload = sq::payloadAs<sq::LessonCompletedData>(events[1]);
  REQUIRE(payload.has_value());
  CHECK(payload->wholeClass);
  CHECK(payload->classId == "3B");
}

TEST_CASE("the class list is published signed, with the PIN; unsigned erasures are reported") {
  TempDir dir;
  const std::string teacher = dir.str() + "/teacher";
  const std::string pc = dir.str() + "/pc";
  const std::string share = dir.str() + "/share";
  const std::string csv = dir.str() + "/class.csv";
  std::ofstream(csv) << "Forename,Surname,Reg Group,Year\nAva,Khan,3B,3\nBen,Ode,3B,3\n";
  REQUIRE(cli(dir, {"roster", "import", csv, "--data", teacher, "--today", "2026-09-02"}).status ==
          0);
  REQUIRE(cli(dir, {"pin", "set", "--pin", "2468", "--data", teacher}).status == 0);

  // Without the PIN only the snapshot goes out, and the teacher is told why.
  const ProgramRun snapshotOnly =
      cli(dir, {"publish", "--data", teacher, "--school-folder", share});
  CHECK(snapshotOnly.status == 0);
  CHECK(snapshotOnly.out.find("the class list was not published") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(share + "/classlist.json"));
  CHECK(
      cli(dir, {"publish", "--data", teacher, "--school-folder", share, "--pin", "1111"}).status ==
      1);
  CHECK_FALSE(std::filesystem::exists(share + "/classlist.json"));

  const ProgramRun published =
      cli(dir, {"publish", "--data", teacher, "--school-folder", share, "--pin", "2468"});
  INFO(published.err);
  REQUIRE(published.status == 0);
  std::ifstream in(share + "/classlist.json");
  const auto list = nlohmann::json::parse(in, nullptr, false);
  REQUIRE(list.is_object());
  CHECK(list["format"] == "safequest-signed-classlist/1");
  CHECK(list["signature"].get<std::string>().size() == 128);
  const std::string key = list["teacherKey"].get<std::string>();
  const ProgramRun show = cli(dir, {"teacher-key", "show", "--data", teacher});
  CHECK(show.out.find("this store's teacher key: " + key) != std::string::npos);
  CHECK(published.out.find(key) != std::string::npos);

  // A PC that writes a bare pupil.erased for everyone (record refuses to) erases nothing.
  CHECK(cli(dir, {"record", "--data", pc, "--kind", "pupil.erased", "--pupil", sq::newUuid()})
            .status == 1);
  std::vector<std::string> pupils;
  {
    std::string error;
    auto t = sq::ResultsStore::open(teacher, error);
    REQUIRE(t);
    for (const auto& p : t->loadRoster().pupils) {
      pupils.push_back(p.id);
    }
    auto s = sq::ResultsStore::open(pc, error);
    REQUIRE(s);
    for (const auto& p : pupils) {
      sq::EventDraft d;
      d.kind = sq::EventKind::PupilErased;
      d.pupilId = p;
      REQUIRE(s->record(d, error));
    }
  }
  REQUIRE(pupils.size() == 2);
  REQUIRE(cli(dir, {"publish", "--data", pc, "--school-folder", share}).status == 0);
  const ProgramRun merged = cli(dir, {"merge", "--data", teacher, "--school-folder", share});
  CHECK(merged.status == 1);
  CHECK(merged.err.find("2 erasures not applied") != std::string::npos);
  for (const auto& p : pupils) {
    CHECK(cli(dir, {"export-pupil", "--data", teacher, "--pupil", p}).status == 0);
  }
  // The signed erasure does: after it, the class list published leaves the pupil out.
  REQUIRE(cli(dir, {"erase", "--data", teacher, "--pupil", pupils[0], "--pin", "2468"}).status ==
          0);
  REQUIRE(
      cli(dir, {"publish", "--data", teacher, "--school-folder", share, "--pin", "2468"}).status ==
      0);
  std::ifstream again(share + "/classlist.json");
  const std::string text((std::istreambuf_iterator<char>(again)), std::istreambuf_iterator<char>());
  CHECK(text.find(pupils[0]) == std::string::npos);
  CHECK(text.find(pupils[1]) != std::string::npos);
}

TEST_CASE("butterfly lists every press, a quick close said on its press") {
  TempDir dir;
  const std::string data = dir.str() + "/data";
  {
    std::string error;
    auto store = sq::ResultsStore::open(data, error);
    REQUIRE(store);
    const auto at = [](sq::EventDraft d, const std::string& time) {
      d.timeUtc = time;
      return d;
    };
    REQUIRE(store->record(at(sq::makeHelpAsked("3B"), "2026-11-18T10:00:00Z"), error));
    REQUIRE(store->record(
        at(sq::makeHelpClosedQuickly("3B", "2026-11-18T10:00:00Z"), "2026-11-18T10:00:02Z"),
        error));
    REQUIRE(store->record(at(sq::makeHelpAsked("3B"), "2026-11-18T11:00:00Z"), error));
    REQUIRE(store->record(at(sq::makeHelpAsked("Oak"), "2026-11-18T12:00:00Z"), error));
  }
  const ProgramRun all = cli(dir, {"butterfly", "--data", data});
  REQUIRE(all.status == 0);
  const auto lines = all.lines();
  REQUIRE(lines.size() == 3); // the mark is said on its press, not as a press of its own
  CHECK(lines[0] == "2026-11-18T10:00:00Z  3B  closed quickly (left within 3 s with nothing "
                    "chosen, at 2026-11-18T10:00:02Z)");
  CHECK(lines[1] == "2026-11-18T11:00:00Z  3B  asked for help");
  CHECK(lines[2] == "2026-11-18T12:00:00Z  Oak  asked for help");
  const ProgramRun oak = cli(dir, {"butterfly", "--data", data, "--class", "Oak"});
  REQUIRE(oak.lines().size() == 1);
  CHECK(oak.lines()[0].find("Oak") != std::string::npos);
  CHECK(cli(dir, {"butterfly", "--data", data, "--frobnicate"}).status == 2);
}
