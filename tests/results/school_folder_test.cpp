#include "results/school_folder.hpp"

#include "results/teacher_trust.hpp"
#include "results/uuid.hpp"
#include "support/temp_dir.hpp"
#include "support/test_teacher.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <random>
#include <set>

namespace fs = std::filesystem;
using namespace sq;
using sq::test::TempDir;

namespace {

std::unique_ptr<ResultsStore> openStore(const std::string& dir) {
  std::string error;
  auto s = ResultsStore::open(dir, error, sq::test::trustingTestTeacher());
  INFO(error);
  REQUIRE(s);
  return s;
}

std::set<std::string> uuids(const ResultsStore& s) {
  std::set<std::string> out;
  for (const auto& e : s.events()) {
    out.insert(e.uuid);
  }
  return out;
}

void record(ResultsStore& s, const std::string& pupil,
            EventKind kind = EventKind::LessonCompleted) {
  EventDraft d;
  d.kind = kind;
  d.pupilId = pupil;
  d.activityId = "lesson";
  std::string error;
  REQUIRE(s.record(d, error));
}

// One folder per device, each holding that device's snapshot only, so a test can
// merge them in any order.
struct Devices {
  TempDir root;
  std::vector<std::unique_ptr<ResultsStore>> stores;
  std::vector<std::string> folders;
  std::vector<std::string> pupils;

  explicit Devices(int n, unsigned seed) {
    std::mt19937 rng(seed);
    for (int i = 0; i < 6; ++i) {
      pupils.push_back(newUuid());
    }
    for (int i = 0; i < n; ++i) {
      stores.push_back(openStore(root.str() + "/device" + std::to_string(i)));
      const int events = 3 + static_cast<int>(rng() % 8);
      for (int e = 0; e < events; ++e) {
        record(*stores.back(), pupils[rng() % pupils.size()]);
      }
    }
    // Device 0 erases pupil 0: no merge order may bring them back.
    std::string error;
    REQUIRE(stores[0]->erasePupil(pupils[0], sq::test::testTeacher(), error));
    for (int i = 0; i < n; ++i) {
      folders.push_back(root.str() + "/share" + std::to_string(i));
      REQUIRE(publish(*stores[static_cast<std::size_t>(i)], folders.back(), nullptr).ok);
    }
  }

  // Events about pupil 0 that a device still holds, other than the tombstone: a
  // merge must not keep them once device 0's tombstone is in.
  static bool erasedByTombstone(const Event& e, const std::string& pupil) {
    return e.pupilId == pupil && e.kind != EventKind::PupilErased;
  }
  std::size_t doomed(std::size_t device) const {
    std::size_t n = 0;
    for (const auto& e : stores[device]->events()) {
      n += erasedByTombstone(e, pupils[0]) ? 1 : 0;
    }
    return n;
  }
  // What merging every device's snapshot must leave: all their events but the doomed.
  std::set<std::string> survivors() const {
    std::set<std::string> out;
    for (const auto& store : stores) {
      for (const auto& e : store->events()) {
        if (!erasedByTombstone(e, pupils[0])) {
          out.insert(e.uuid);
        }
      }
    }
    return out;
  }
};

} // namespace

TEST_CASE("publish writes one snapshot per device and leaves no temporary files") {
  TempDir dir;
  auto store = openStore(dir.str() + "/data");
  record(*store, newUuid());
  const std::string share = dir.str() + "/share";
  const PublishResult r = publish(*store, share, &sq::test::testTeacher());
  REQUIRE(r.ok);
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(share + "/results")) {
    names.push_back(e.path().filename().string());
  }
  CHECK(names == std::vector<std::string>{store->deviceId() + ".sqlite"});
  CHECK(fs::exists(share + "/classlist.json"));
  // Publishing again replaces the snapshot in place.
  record(*store, newUuid());
  REQUIRE(publish(*store, share, &sq::test::testTeacher()).ok);
  CHECK(readSnapshot(r.snapshotPath).events.size() == 2);
}

TEST_CASE("snapshots carry events only: no names, no roster key") {
  TempDir dir;
  auto store = openStore(dir.str() + "/data");
  Roster roster;
  roster.classes.push_back({newUuid(), "1A"});
  roster.pupils.push_back({newUuid(), "Zoë", "W", roster.classes[0].id, YearGroup::Y1, "", ""});
  std::string error;
  REQUIRE(store->saveRoster(roster, error));
  record(*store, roster.pupils[0].id);
  const PublishResult r = publish(*store, dir.str() + "/share", nullptr);
  REQUIRE(r.ok);
  std::ifstream in(r.snapshotPath, std::ios::binary);
  const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  CHECK(bytes.find("Zo\xC3\xAB") == std::string::npos);
  CHECK(bytes.find(store->rosterKey()) == std::string::npos);
  CHECK(bytes.find(roster.pupils[0].id) != std::string::npos);
}

TEST_CASE("merging is idempotent and order-free, and tombstones always win") {
  std::size_t doomedElsewhere = 0;
  for (unsigned seed = 1; seed <= 8; ++seed) {
    Devices devices(4, seed);
    const std::set<std::string> expected = devices.survivors();
    REQUIRE(expected.size() > 1); // at least the tombstone and one event survive
    for (std::size_t i = 1; i < devices.stores.size(); ++i) {
      doomedElsewhere += devices.doomed(i);
    }
    CHECK(devices.doomed(0) == 0); // device 0 erased its own copy
    std::vector<int> order = {0, 1, 2, 3};
    std::mt19937 rng(seed);
    for (int round = 0; round < 4; ++round) {
      std::shuffle(order.begin(), order.end(), rng);
      CAPTURE(seed);
      CAPTURE(round);
      TempDir target;
      auto merged = openStore(target.str());
      // Each snapshot's events are new on their first merge, except pupil 0's once
      // device 0's tombstone is already in: those are never imported.
      int added = 0;
      std::size_t expectedAdded = expected.size();
      bool tombstoneIn = false;
      for (int i : order) {
        const auto device = static_cast<std::size_t>(i);
        if (!tombstoneIn) {
          expectedAdded += devices.doomed(device); // imported, then removed by the tombstone
        }
        tombstoneIn = tombstoneIn || device == 0;
        const MergeResult m = merge(*merged, devices.folders[device]);
        REQUIRE(m.ok);
        added += m.added;
      }
      CHECK(static_cast<std::size_t>(added) == expectedAdded);
      CHECK(uuids(*merged) == expected);
      // Merging everything a second time imports nothing and changes nothing.
      for (int i : order) {
        const MergeResult again = merge(*merged, devices.folders[static_cast<std::size_t>(i)]);
        REQUIRE(again.ok);
        CHECK(again.added == 0);
      }
      CHECK(uuids(*merged) == expected);
      bool tombstoneKept = false;
      for (const auto& e : merged->events()) {
        if (e.pupilId == devices.pupils[0]) {
          CHECK(e.kind == EventKind::PupilErased);
          tombstoneKept = true;
        }
      }
      CHECK(tombstoneKept);
    }
  }
  CHECK(doomedElsewhere > 0); // the seeds give the tombstone something to remove
}

TEST_CASE("a snapshot cut off mid-file is refused whole; the others still merge") {
  Devices devices(2, 42);
  const std::string share = devices.root.str() + "/together";
  fs::create_directories(share + "/results");
  for (const auto& f : devices.folders) {
    for (const auto& e : fs::directory_iterator(f + "/results")) {
      fs::copy_file(e.path(), share + "/results/" + e.path().filename().string());
    }
  }
  // Cut device 1's snapshot in half, as an interrupted copy would.
  const std::string victim = share + "/results/" + devices.stores[1]->deviceId() + ".sqlite";
  const auto size = fs::file_size(victim);
  fs::resize_file(victim, size / 2);
  // A temporary file from a publish in progress is never read.
  std::ofstream(share + "/results/.half-written.tmp") << "partial";

  TempDir target;
  auto merged = openStore(target.str());
  const MergeResult m = merge(*merged, share);
  REQUIRE(m.ok);
  REQUIRE(m.files.size() == 2);
  int refused = 0;
  for (const auto& f : m.files) {
    refused += f.error.empty() ? 0 : 1;
  }
  CHECK(refused == 1);
  CHECK(uuids(*merged).size() == devices.stores[0]->events().size());
  // Once the device publishes again, the merge completes.
  REQUIRE(publish(*devices.stores[1], share, nullptr).ok);
  REQUIRE(merge(*merged, share).ok);
  // Every event of both devices, except pupil 0's from device 1: device 0's
  // tombstone removes those.
  const std::set<std::string> expected = devices.survivors();
  CHECK(expected.size() > devices.stores[0]->events().size());
  CHECK(uuids(*merged) == expected);
}

TEST_CASE("a foreign or junk file in the results folder is refused, not merged") {
  TempDir dir;
  fs::create_directories(dir.path() / "results");
  std::ofstream(dir.path() / "results" / "junk.sqlite", std::ios::binary)
      << std::string(4096, '\x01');
  auto merged = openStore(dir.str() + "/data");
  const MergeResult m = merge(*merged, dir.str());
  REQUIRE(m.ok);
  REQUIRE(m.files.size() == 1);
  CHECK_FALSE(m.files[0].error.empty());
  CHECK(merged->events().empty());
}

TEST_CASE("the class list is published for game PCs and read back strictly") {
  TempDir dir;
  auto store = openStore(dir.str() + "/data");
  Roster roster;
  roster.settings.schoolName = "Pentre Primary";
  roster.settings.safeguardingLead = "Mrs Rees";
  roster.settings.incidentSteps = {"Stay calm and listen", "Tell Mrs Rees today"};
  roster.classes.push_back({newUuid(), "Dosbarth Derw"});
  roster.pupils.push_back({newUuid(), "Siân", "E", roster.classes[0].id, YearGroup::Y2, "k", ""});
  roster.pupils.push_back(
      {newUuid(), "Left", "L", roster.classes[0].id, YearGroup::Y6, "", "2026-07-20"});
  std::string error;
  REQUIRE(store->saveRoster(roster, error));
  REQUIRE(publish(*store, dir.str() + "/share", &sq::test::testTeacher()).ok);
  const auto read = readTrustedClassList(*store, dir.str() + "/share");
  INFO(read.refused);
  const auto& back = read.roster;
  REQUIRE(back);
  CHECK(back->settings.schoolName == "Pentre Primary");
  CHECK(back->settings.safeguardingLead == "Mrs Rees");
  CHECK(back->settings.incidentSteps == roster.settings.incidentSteps);
  REQUIRE(back->pupils.size() == 1); // archived pupils stay off the game PCs
  CHECK(back->pupils[0].firstName == "Siân");
  CHECK(back->pupils[0].misKey.empty());

  for (const char* bad :
       {"", "[]", "{\"format\":\"safequest-classlist/1\"}",
        "{\"format\":7,\"classes\":[],\"pupils\":[]}",
        "{\"format\":\"safequest-classlist/1\",\"classes\":[{\"id\":1}],\"pupils\":[]}",
        "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["}) {
    CHECK_FALSE(parseClassList(bad, error).has_value());
  }
}
