// The Sharing tab's logic: the merge run off the window's thread adds what the
// one-shot merge adds and reports it in the same numbers; the result line's words
// and thousands; the PCs that published and when; what a refused snapshot says.
#include "records_admin/background_merge.hpp"
#include "records_admin/sharing_status.hpp"

#include "results/civil_time.hpp"
#include "results/register.hpp"
#include "results/uuid.hpp"
#include "support/temp_dir.hpp"
#include "support/test_teacher.hpp"

#include <doctest/doctest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

using namespace sq;
using sq::test::TempDir;
namespace fs = std::filesystem;

namespace {

// A PC of the school: its own store with the class list and `events` completions.
std::unique_ptr<ResultsStore> pcWith(const fs::path& dir, const Roster& roster, int events) {
  std::string error;
  auto store = ResultsStore::open(dir.string(), error, sq::test::trustingTestTeacher());
  REQUIRE(store != nullptr);
  REQUIRE(store->saveRoster(roster, error));
  for (int i = 0; i < events; ++i) {
    EventDraft d;
    d.kind = EventKind::ActivityCompleted;
    d.pupilId = roster.pupils[static_cast<std::size_t>(i) % roster.pupils.size()].id;
    d.packId = "core";
    d.activityId = "y3-smart-explorers";
    d.timeUtc = "2026-10-05T10:00:00Z";
    REQUIRE(store->record(d, error));
  }
  return store;
}

Roster aClass() {
  Roster r;
  r.classes = {{newUuid(), "3B"}};
  r.pupils = {{newUuid(), "Amy", "K", r.classes[0].id, YearGroup::Y3, "", ""},
              {newUuid(), "Ben", "L", r.classes[0].id, YearGroup::Y3, "", ""}};
  return r;
}

MergeResult waitFor(admin::BackgroundMerge& job) {
  const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (!job.finished() && std::chrono::steady_clock::now() < until) {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  REQUIRE(job.finished());
  CHECK(job.progress().finished);
  CHECK(admin::mergeFraction(job.progress()) == doctest::Approx(1.0));
  return job.result();
}

} // namespace

TEST_CASE("background merge: adds what the one-shot merge adds, a corrupt snapshot refused") {
  TempDir work;
  const std::string school = (work.path() / "school").string();
  const Roster roster = aClass();
  auto pcA = pcWith(work.path() / "a", roster, 30);
  auto pcC = pcWith(work.path() / "c", roster, 12);
  REQUIRE(publish(*pcA, school, nullptr).ok);
  REQUIRE(publish(*pcC, school, nullptr).ok);
  {
    std::ofstream broken(fs::path(school) / "results" / "broken.sqlite", std::ios::binary);
    broken << "this is not a SQLite file at all, but it is in the school folder";
  }

  auto pcB = pcWith(work.path() / "b", roster, 0);
  auto pcD = pcWith(work.path() / "d", roster, 0);
  const MergeResult oneShot = merge(*pcD, school);

  admin::BackgroundMerge job((work.path() / "b").string(), school, sq::test::trustingTestTeacher());
  const MergeResult r = waitFor(job);
  REQUIRE(r.ok);
  CHECK(r.added == 42);
  CHECK(r.added == oneShot.added);
  CHECK(r.files.size() == 3);
  CHECK(pcB->events().size() == 42); // the window's own connection sees them
  const std::string line = admin::mergeResultLine(r);
  CHECK(line == "Merged 42 events from 2 PCs; 1 snapshot could not be read: broken.sqlite.");
  CHECK(line == admin::mergeResultLine(oneShot));
  CHECK(admin::mergeNeedsAttention(r));
  CHECK(fs::exists(fs::path(school) / "results" / "broken.sqlite")); // nothing is deleted
  // The list of PCs says why it was refused.
  std::string why;
  for (const MergeFileReport& f : r.files) {
    why += f.file == "broken.sqlite" ? f.error : "";
  }
  REQUIRE_FALSE(why.empty());
  admin::PublishedPcs pcs = admin::listPublishedPcs(school, pcB->deviceId(), 0);
  REQUIRE(pcs.pcs.size() == 3);
  admin::markRefused(pcs, r);
  for (const admin::PublishedPc& pc : pcs.pcs) {
    INFO(pc.file);
    CHECK(pc.problem == (pc.file == "broken.sqlite" ? "could not be read: " + why : ""));
  }

  // Again: nothing new, nothing lost.
  admin::BackgroundMerge again((work.path() / "b").string(), school,
                               sq::test::trustingTestTeacher());
  CHECK(admin::mergeResultLine(waitFor(again)).rfind("Merged 0 events from 2 PCs; 1 snapshot", 0) ==
        0);
  CHECK(pcB->events().size() == 42);
}

TEST_CASE("background merge: a school folder with nothing published says so") {
  TempDir work;
  auto pc = pcWith(work.path() / "a", aClass(), 0);
  admin::BackgroundMerge job((work.path() / "a").string(), (work.path() / "empty").string(),
                             sq::test::trustingTestTeacher());
  const MergeResult r = waitFor(job);
  CHECK_FALSE(r.ok);
  CHECK(admin::mergeResultLine(r).rfind("The merge did not finish: no results folder in", 0) == 0);
}

TEST_CASE("background merge: stopping early keeps what was added and a later merge adds the rest") {
  TempDir work;
  const std::string school = (work.path() / "school").string();
  const Roster roster = aClass();
  auto pcA = pcWith(work.path() / "a", roster, 400);
  REQUIRE(publish(*pcA, school, nullptr).ok);
  auto pcB = pcWith(work.path() / "b", roster, 0);
  {
    admin::BackgroundMerge job((work.path() / "b").string(), school,
                               sq::test::trustingTestTeacher());
  } // destroyed at once: stopped wherever it was
  admin::BackgroundMerge rest((work.path() / "b").string(), school,
                              sq::test::trustingTestTeacher());
  const MergeResult r = waitFor(rest);
  REQUIRE(r.ok);
  CHECK(pcB->events().size() == 400);
}

TEST_CASE("merge result line: counts with thousands, and what waits for the teacher") {
  MergeResult r;
  r.ok = true;
  r.added = 1204;
  for (int i = 0; i < 25; ++i) {
    MergeFileReport f;
    f.file = "pc" + std::to_string(i) + ".sqlite";
    if (i >= 23) {
      f.error = "not a SafeQuest snapshot";
    }
    r.files.push_back(f);
  }
  CHECK(admin::mergeResultLine(r) ==
        "Merged 1,204 events from 23 PCs; 2 snapshots could not be read: pc23.sqlite, "
        "pc24.sqlite.");
  r.files.resize(1);
  r.added = 1;
  r.openConflicts = 2;
  r.heldRows = 1;
  CHECK(admin::mergeResultLine(r) ==
        "Merged 1 event from 1 PC. 2 records have two versions and wait for a teacher to choose "
        "(safequest-cli quarantine list). 1 record is about a pupil not on this PC's class "
        "list: it counts once the pupil is added.");
  CHECK(admin::mergeNeedsAttention(r));
  r.openConflicts = 0;
  CHECK_FALSE(admin::mergeNeedsAttention(r));
}

TEST_CASE("merge progress: a fraction and words for the bar") {
  MergeProgress p;
  CHECK(admin::mergeFraction(p) == doctest::Approx(0.0));
  CHECK(admin::mergeProgressLine(p) == "Looking in the school folder...");
  p.listed = true;
  p.snapshotsTotal = 23;
  p.snapshotsDone = 2;
  p.eventsRead = 5310;
  p.eventsNew = 1204;
  CHECK(admin::mergeFraction(p) == doctest::Approx(2.0 / 23.0));
  CHECK(admin::mergeProgressLine(p) == "Reading PC 3 of 23: 5,310 records read, 1,204 new");
  p.snapshotsDone = 23; // the last file done, the job not yet finished
  CHECK(admin::mergeProgressLine(p) == "Reading PC 23 of 23: 5,310 records read, 1,204 new");
  p.finished = true;
  CHECK(admin::mergeFraction(p) == doctest::Approx(1.0));
}

TEST_CASE("published PCs: each snapshot with when it was last published, this PC named") {
  TempDir work;
  const std::string school = (work.path() / "school").string();
  const Roster roster = aClass();
  auto pcA = pcWith(work.path() / "a", roster, 1);
  auto pcB = pcWith(work.path() / "b", roster, 1);
  REQUIRE(publish(*pcA, school, nullptr).ok);
  REQUIRE(publish(*pcB, school, nullptr).ok);
  const fs::path results = fs::path(school) / "results";
  // A publish in progress (a temporary file) is not a PC.
  std::ofstream(results / ".abc.1234.tmp") << "x";
  // PC A published two days before "now".
  const std::int64_t now = 1'796'640'000; // 2026-12-07T...
  const auto fileTime = [](std::int64_t unix) {
    using namespace std::chrono;
    return time_point_cast<fs::file_time_type::duration>(
        system_clock::from_time_t(static_cast<std::time_t>(unix)) - system_clock::now() +
        fs::file_time_type::clock::now());
  };
  fs::last_write_time(results / (pcA->deviceId() + ".sqlite"), fileTime(now - 2 * 86400));
  fs::last_write_time(results / (pcB->deviceId() + ".sqlite"), fileTime(now - 60));

  const admin::PublishedPcs list = admin::listPublishedPcs(school, pcB->deviceId(), now);
  REQUIRE(list.error.empty());
  REQUIRE(list.pcs.size() == 2);
  CHECK(list.pcs[0].thisPc);
  CHECK(list.pcs[0].label == "This PC");
  CHECK(list.pcs[0].when.rfind("today at ", 0) == 0);
  CHECK_FALSE(list.pcs[1].thisPc);
  CHECK(list.pcs[1].label == "PC " + pcA->deviceId().substr(0, 8));
  CHECK(list.pcs[1].when == longDate(formatUtc(now - 2 * 86400).substr(0, 10)));

  CHECK(admin::listPublishedPcs((work.path() / "nowhere").string(), "", now).error ==
        "The school folder " + (work.path() / "nowhere").string() +
            " cannot be reached: check the network, or ask IT.");
  fs::create_directories(work.path() / "new-school");
  CHECK(admin::listPublishedPcs((work.path() / "new-school").string(), "", now).error ==
        "No PC has published to the school folder yet.");
}

TEST_CASE("when published: today, yesterday, else the date") {
  const std::int64_t noon = 1'796'644'800; // 2026-12-07T12:00:00Z
  REQUIRE(formatUtc(noon) == "2026-12-07T12:00:00Z");
  CHECK(admin::whenPublished(noon - 3600, noon) == "today at 11:00");
  CHECK(admin::whenPublished(noon - 86400 + 60, noon) == "yesterday at 12:01");
  CHECK(admin::whenPublished(noon - 5 * 86400, noon) == "2 December 2026");
}

TEST_CASE("publish result line: plain words, and the class list only with the key") {
  PublishResult r;
  r.ok = true;
  CHECK(admin::publishResultLine(r, true) ==
        "Published this PC's records to the school folder (the class list was not published: "
        "it needs the teacher key).");
  r.classListPath = "/school/classlist.json";
  CHECK(admin::publishResultLine(r, true) ==
        "Published this PC's records to the school folder, with the class list signed with the "
        "teacher key.");
  r.ok = false;
  r.error = "the school folder cannot be written";
  CHECK(admin::publishResultLine(r, true) ==
        "This PC's records were not published: the school folder cannot be written. Nothing was "
        "changed.");
  CHECK(admin::noSchoolFolderHelp().find("Teacher settings") != std::string::npos);
}
