// A data folder copied to a second PC, restored from an older backup, or PCs made
// from one disk image: two records stores claiming one device id. Each case ends
// with a teacher's store merging the school folder and holding every event both
// copies recorded, each at one (device, seq), none lost. Also the tidying of
// temporary files killed publishes leave on the share.
// Sections:
//   1. helpers: a PC, copying its folder, recording, the teacher's merge
//   2. at open: the home fingerprint and a copied folder
//   3. at publish: restored backups, imaged PCs, copies from before instance ids
//   4. the decision: two claims to one device id
//   5. the share: damaged and slow files, orphaned temporaries, the command line
#include "results/device_claim.hpp"
#include "results/school_folder.hpp"
#include "results/store_identity.hpp"
#include "results/uuid.hpp"
#include "support/run_program.hpp"
#include "support/temp_dir.hpp"
#include "support/test_teacher.hpp"

#include <doctest/doctest.h>
#include <sqlite3.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>

namespace fs = std::filesystem;
using namespace sq;
using sq::test::TempDir;

// ---- helpers ---------------------------------------------------------------------

namespace {

// A PC: its data folder, and the home fingerprint and clock it opens with.
struct Pc {
  explicit Pc(fs::path dataFolder, std::string homeGiven = "", std::int64_t clock = 1'790'000'000)
      : data(std::move(dataFolder)), home(std::move(homeGiven)), now(clock) {}
  fs::path data;
  std::string home; // "" for the real one (machine id plus path)
  std::int64_t now;

  std::unique_ptr<ResultsStore> open() const {
    StoreOptions options;
    if (!home.empty()) {
      const std::string h = home;
      options.homeFingerprint = [h] { return h; };
    }
    const std::int64_t t = now;
    options.now = [t] { return t; };
    std::string error;
    auto store = ResultsStore::open(data.string(), error, options);
    INFO(error);
    REQUIRE(store);
    return store;
  }
};

// The store must be closed: its file is copied as a backup or a cloned disk would be.
void copyFolder(const fs::path& from, const fs::path& to) {
  fs::remove_all(to);
  fs::copy(from, to, fs::copy_options::recursive);
}

std::vector<Event> recordSome(ResultsStore& store, int n) {
  std::vector<Event> out;
  for (int i = 0; i < n; ++i) {
    EventDraft d;
    d.kind = EventKind::ActivityCompleted;
    d.pupilId = newUuid();
    d.activityId = "quiz";
    std::string error;
    auto e = store.record(d, error);
    INFO(error);
    REQUIRE(e);
    out.push_back(*e);
  }
  return out;
}

std::set<std::string> uuidsOf(const std::vector<Event>& events) {
  std::set<std::string> out;
  for (const auto& e : events) {
    out.insert(e.uuid);
  }
  return out;
}

// Merges the share into a fresh teacher store and checks that it holds exactly the
// events in `expected` (by uuid), every file read, no (device, seq) twice.
void teacherHasExactly(const fs::path& root, const std::string& share,
                       const std::set<std::string>& expected) {
  Pc teacher{root / ("teacher-" + newUuid()), "teacher"};
  auto store = teacher.open();
  const MergeResult m = merge(*store, share);
  REQUIRE(m.ok);
  for (const auto& f : m.files) {
    CHECK_MESSAGE(f.error.empty(), f.file << ": " << f.error);
  }
  const auto events = store->events();
  std::set<std::pair<std::string, std::int64_t>> slots;
  for (const auto& e : events) {
    CHECK_MESSAGE(slots.insert({e.deviceId, e.seq}).second, e.deviceId << " #" << e.seq);
  }
  const std::set<std::string> got = uuidsOf(events);
  std::vector<std::string> missing;
  for (const auto& u : expected) {
    if (got.count(u) == 0) {
      missing.push_back(u);
    }
  }
  CHECK(missing.empty());
  CHECK(got.size() == expected.size());
}

void eraseInstanceMeta(const fs::path& data) {
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open((data / "safequest.sqlite").string().c_str(), &db) == SQLITE_OK);
  CHECK(sqlite3_exec(db, "DELETE FROM meta WHERE key IN ('instance_id', 'instance_since', 'home')",
                     nullptr, nullptr, nullptr) == SQLITE_OK);
  sqlite3_close(db);
}

std::string fileBytes(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

} // namespace

// ---- at open ---------------------------------------------------------------------

TEST_CASE("a store keeps its device and instance ids where it was made") {
  TempDir dir;
  Pc pc{dir.path() / "pc"};
  std::string device;
  std::string instance;
  {
    auto store = pc.open();
    device = store->deviceId();
    instance = store->instanceId();
    CHECK(isUuid(instance));
    CHECK(store->instanceSince() == pc.now);
    CHECK_FALSE(store->changedOnOpen());
    recordSome(*store, 2);
  }
  pc.now += 3600;
  auto again = pc.open();
  CHECK(again->deviceId() == device);
  CHECK(again->instanceId() == instance);
  CHECK(again->instanceSince() == pc.now - 3600);
  CHECK(again->previousDeviceIds().empty());
  CHECK_FALSE(again->changedOnOpen());
  CHECK(again->localSeq() == 2);
}

TEST_CASE("a data folder copied to another folder takes a fresh device id when it opens") {
  // The real home fingerprint: this machine's identity and the store's path.
  TempDir dir;
  Pc original{dir.path() / "pc"};
  std::vector<Event> before;
  std::string device;
  {
    auto store = original.open();
    device = store->deviceId();
    before = recordSome(*store, 3);
  }
  Pc copy{dir.path() / "copy"};
  copyFolder(original.data, copy.data);
  auto cloned = copy.open();
  REQUIRE(cloned->changedOnOpen());
  CHECK(cloned->changedOnOpen()->previousDeviceId == device);
  CHECK(cloned->changedOnOpen()->renumbered == 0);
  CHECK(cloned->deviceId() != device);
  CHECK(isUuid(cloned->deviceId()));
  CHECK(cloned->previousDeviceIds() == std::vector<std::string>{device});
  // Its history keeps the old id; its own counter starts again under the new one.
  for (const auto& e : cloned->events()) {
    CHECK(e.deviceId == device);
  }
  const auto next = recordSome(*cloned, 1);
  CHECK(next[0].deviceId == cloned->deviceId());
  CHECK(next[0].seq == 1);
  // Opened again where it now is, it keeps its new id.
  const std::string newId = cloned->deviceId();
  cloned.reset();
  auto reopened = copy.open();
  CHECK(reopened->deviceId() == newId);
  CHECK_FALSE(reopened->changedOnOpen());
  // The original, at its home, is unchanged.
  auto home = original.open();
  CHECK(home->deviceId() == device);
  CHECK_FALSE(home->changedOnOpen());
  CHECK(recordSome(*home, 1)[0].seq == 4);
}

TEST_CASE("a data folder cloned to a second PC: both record, the teacher has every event") {
  TempDir dir;
  const std::string share = (dir.path() / "share").string();
  Pc a{dir.path() / "pc-a", "machine-a"};
  Pc b{dir.path() / "pc-b", "machine-b"};
  std::set<std::string> all;
  std::string device;
  {
    auto store = a.open();
    device = store->deviceId();
    all.merge(std::set<std::string>(uuidsOf(recordSome(*store, 5))));
    REQUIRE(publish(*store, share, nullptr).ok);
  }
  copyFolder(a.data, b.data); // the same folder path layout on another machine
  auto storeA = a.open();
  auto storeB = b.open();
  CHECK_FALSE(storeA->changedOnOpen());
  REQUIRE(storeB->changedOnOpen());
  CHECK(storeA->deviceId() == device);
  CHECK(storeB->deviceId() != device);
  all.merge(std::set<std::string>(uuidsOf(recordSome(*storeA, 4))));
  all.merge(std::set<std::string>(uuidsOf(recordSome(*storeB, 3))));
  const PublishResult pa = publish(*storeA, share, nullptr);
  const PublishResult pb = publish(*storeB, share, nullptr);
  REQUIRE(pa.ok);
  REQUIRE(pb.ok);
  CHECK_FALSE(pa.deviceIdChange);
  CHECK_FALSE(pb.deviceIdChange);
  CHECK(pa.snapshotPath != pb.snapshotPath);
  teacherHasExactly(dir.path(), share, all);
  // Each PC merges the other's records too: the clone's old device id is no longer
  // its own, so the original's new rows under it come in.
  REQUIRE(merge(*storeB, share).ok);
  REQUIRE(merge(*storeA, share).ok);
  CHECK(uuidsOf(storeA->events()) == all);
  CHECK(uuidsOf(storeB->events()) == all);
  // And both go on recording and publishing without a clash.
  all.merge(std::set<std::string>(uuidsOf(recordSome(*storeA, 2))));
  all.merge(std::set<std::string>(uuidsOf(recordSome(*storeB, 2))));
  REQUIRE(publish(*storeA, share, nullptr).ok);
  REQUIRE(publish(*storeB, share, nullptr).ok);
  teacherHasExactly(dir.path(), share, all);
}

// ---- at publish ------------------------------------------------------------------

TEST_CASE("an older backup restored at the same place takes a fresh id when it publishes") {
  TempDir dir;
  const std::string share = (dir.path() / "share").string();
  Pc pc{dir.path() / "pc", "machine"};
  std::set<std::string> all;
  std::string device;
  {
    auto store = pc.open();
    device = store->deviceId();
    all.merge(std::set<std::string>(uuidsOf(recordSome(*store, 3))));
  }
  copyFolder(pc.data, dir.path() / "backup");
  {
    auto store = pc.open();
    all.merge(std::set<std::string>(uuidsOf(recordSome(*store, 4)))); // only on the share now
    REQUIRE(publish(*store, share, nullptr).ok);
  }
  const fs::path sharedFile = fs::path(share) / "results" / (device + ".sqlite");
  const std::string sharedBytes = fileBytes(sharedFile);

  SUBCASE("it records before it publishes") {
    copyFolder(dir.path() / "backup", pc.data);
    auto restored = pc.open();
    CHECK_FALSE(restored->changedOnOpen()); // same machine, same path
    const auto after = recordSome(*restored, 2);
    CHECK(after[0].seq == 4); // the same numbers the lost events had
    all.merge(std::set<std::string>(uuidsOf(after)));
    const PublishResult r = publish(*restored, share, nullptr);
    REQUIRE(r.ok);
    REQUIRE(r.deviceIdChange);
    CHECK(r.deviceIdChange->previousDeviceId == device);
    CHECK(r.deviceIdChange->renumbered == 2);
    CHECK_FALSE(r.deviceIdReason.empty());
    CHECK(restored->deviceId() != device);
    // The two recorded after the restore moved, uuids kept, numbered afresh.
    for (const auto& e : restored->events()) {
      if (uuidsOf(after).count(e.uuid) != 0) {
        CHECK(e.deviceId == restored->deviceId());
      } else {
        CHECK(e.deviceId == device);
        CHECK(e.seq <= 3);
      }
    }
    CHECK(recordSome(*restored, 1)[0].seq == 3);
    all.merge(std::set<std::string>(uuidsOf(restored->events())));
    REQUIRE(publish(*restored, share, nullptr).ok);
  }
  SUBCASE("it publishes straight away") {
    copyFolder(dir.path() / "backup", pc.data);
    auto restored = pc.open();
    const PublishResult r = publish(*restored, share, nullptr);
    REQUIRE(r.ok);
    REQUIRE(r.deviceIdChange);
    CHECK(r.deviceIdChange->renumbered == 0);
    // Publishing again changes nothing more.
    const PublishResult again = publish(*restored, share, nullptr);
    REQUIRE(again.ok);
    CHECK_FALSE(again.deviceIdChange);
  }
  // The share's file of the old id, with the events the backup lacks, is untouched.
  CHECK(fileBytes(sharedFile) == sharedBytes);
  teacherHasExactly(dir.path(), share, all);
}

TEST_CASE("PCs made from one disk image: the one publishing second takes a fresh id") {
  TempDir dir;
  const std::string share = (dir.path() / "share").string();
  // The same machine identity and path on both: their home fingerprints match.
  Pc first{dir.path() / "pc-1", "imaged"};
  Pc second{dir.path() / "pc-2", "imaged"};
  std::set<std::string> all;
  {
    auto image = first.open();
    all.merge(std::set<std::string>(uuidsOf(recordSome(*image, 2))));
  }
  copyFolder(first.data, second.data);
  auto one = first.open();
  auto two = second.open();
  CHECK(one->deviceId() == two->deviceId());
  CHECK(one->instanceId() == two->instanceId());
  const std::string device = one->deviceId();
  all.merge(std::set<std::string>(uuidsOf(recordSome(*one, 3))));
  all.merge(std::set<std::string>(uuidsOf(recordSome(*two, 5))));
  const PublishResult r1 = publish(*one, share, nullptr);
  REQUIRE(r1.ok);
  CHECK_FALSE(r1.deviceIdChange);
  const PublishResult r2 = publish(*two, share, nullptr);
  REQUIRE(r2.ok);
  REQUIRE(r2.deviceIdChange);
  CHECK(r2.deviceIdChange->renumbered == 5); // all it recorded after the image
  CHECK(two->deviceId() != device);
  // From now on each publishes its own file with no more changes of id.
  all.merge(std::set<std::string>(uuidsOf(recordSome(*one, 1))));
  all.merge(std::set<std::string>(uuidsOf(recordSome(*two, 1))));
  const PublishResult again1 = publish(*one, share, nullptr);
  const PublishResult again2 = publish(*two, share, nullptr);
  REQUIRE(again1.ok);
  REQUIRE(again2.ok);
  CHECK_FALSE(again1.deviceIdChange);
  CHECK_FALSE(again2.deviceIdChange);
  CHECK(one->deviceId() == device);
  teacherHasExactly(dir.path(), share, all);
}

TEST_CASE("copies made before instance ids: the newer instance takes a fresh id, either order") {
  for (const bool newerFirst : {false, true}) {
    CAPTURE(newerFirst);
    TempDir dir;
    const std::string share = (dir.path() / "share").string();
    Pc older{dir.path() / "pc-old", "machine-old", 1'790'000'000};
    Pc newer{dir.path() / "pc-new", "machine-new", 1'790'000'500};
    std::set<std::string> all;
    {
      auto store = older.open();
      all.merge(std::set<std::string>(uuidsOf(recordSome(*store, 3))));
    }
    eraseInstanceMeta(older.data); // as a store from before instance ids
    copyFolder(older.data, newer.data);
    auto o = older.open();
    auto n = newer.open();
    CHECK_FALSE(o->changedOnOpen());
    CHECK_FALSE(n->changedOnOpen());
    REQUIRE(o->deviceId() == n->deviceId());
    CHECK(o->instanceId() != n->instanceId());
    const std::string device = o->deviceId();
    all.merge(std::set<std::string>(uuidsOf(recordSome(*o, 2))));
    all.merge(std::set<std::string>(uuidsOf(recordSome(*n, 4))));
    if (newerFirst) {
      // The newer publishes first (nothing on the share to see); the older then
      // replaces the file; the newer, publishing again, sees it and moves.
      REQUIRE(publish(*n, share, nullptr).ok);
      const PublishResult ro = publish(*o, share, nullptr);
      REQUIRE(ro.ok);
      CHECK_FALSE(ro.deviceIdChange);
    } else {
      REQUIRE(publish(*o, share, nullptr).ok);
    }
    const PublishResult rn = publish(*n, share, nullptr);
    REQUIRE(rn.ok);
    REQUIRE(rn.deviceIdChange);
    CHECK(rn.deviceIdChange->renumbered == 4);
    CHECK(o->deviceId() == device);
    CHECK(n->deviceId() != device);
    const PublishResult ro2 = publish(*o, share, nullptr);
    REQUIRE(ro2.ok);
    CHECK_FALSE(ro2.deviceIdChange);
    teacherHasExactly(dir.path(), share, all);
  }
}

TEST_CASE("publishing again and again, with merges between, never changes the id") {
  TempDir dir;
  const std::string share = (dir.path() / "share").string();
  Pc a{dir.path() / "a", "a"};
  Pc b{dir.path() / "b", "b"};
  auto sa = a.open();
  auto sb = b.open();
  const std::string device = sa->deviceId();
  for (int round = 0; round < 4; ++round) {
    recordSome(*sa, 2);
    recordSome(*sb, 1);
    const PublishResult r = publish(*sa, share, nullptr);
    REQUIRE(r.ok);
    CHECK_FALSE(r.deviceIdChange);
    REQUIRE(publish(*sb, share, nullptr).ok);
    REQUIRE(merge(*sa, share).ok);
  }
  // Erasing a pupil deletes rows the share's copy still has: still no change.
  std::string pupil;
  for (const auto& e : sa->events()) {
    pupil = e.deviceId == device ? e.pupilId : pupil;
  }
  std::string error;
  REQUIRE(sa->erasePupil(pupil, sq::test::testTeacher(), error));
  const PublishResult r = publish(*sa, share, nullptr);
  REQUIRE(r.ok);
  CHECK_FALSE(r.deviceIdChange);
  CHECK(sa->deviceId() == device);
}

TEST_CASE("a fresh id taken by one process is used by another process on the same store") {
  // The game and safequest-cli may have the store open at once.
  TempDir dir;
  Pc pc{dir.path() / "pc", "pc"};
  auto game = pc.open();
  auto cli = pc.open();
  recordSome(*game, 3);
  const std::string old = game->deviceId();
  std::string error;
  const auto change = cli->takeFreshDeviceId(3, error);
  REQUIRE(change);
  CHECK(change->renumbered == 1);
  const auto e = recordSome(*game, 1);
  CHECK(e[0].deviceId == change->newDeviceId);
  CHECK(e[0].seq == 2);
  CHECK(game->deviceId() == change->newDeviceId);
  // A store that has not seen the change yet is refused, and catches up.
  auto stale = pc.open();
  const auto third = game->takeFreshDeviceId(1, error);
  REQUIRE(third);
  CHECK_FALSE(stale->takeFreshDeviceId(1, error).has_value());
  CHECK(stale->deviceId() == third->newDeviceId);
  CHECK(game->previousDeviceIds() == std::vector<std::string>{old, change->newDeviceId});
}

// ---- the decision ----------------------------------------------------------------

TEST_CASE("the decision between two claims to one device id") {
  DeviceClaim own;
  own.deviceId = newUuid();
  own.instanceId = newUuid();
  own.instanceSince = 100;
  own.localSeq = 4;
  own.rows = {{1, "u1"}, {2, "u2"}, {3, "u3"}, {4, "u4"}};
  DeviceClaim share = own;

  SUBCASE("its own earlier snapshot") {
    share.localSeq = 2;
    share.rows.resize(2);
    CHECK_FALSE(decideClaim(own, share).takeFreshId);
    CHECK_FALSE(decideClaim(own, own).takeFreshId);
  }
  SUBCASE("its own snapshot, rows since erased here") {
    own.rows.erase(own.rows.begin() + 1);
    CHECK_FALSE(decideClaim(own, share).takeFreshId);
  }
  SUBCASE("a file from before instance ids, with the same rows") {
    share.instanceId.clear();
    share.instanceSince = 0;
    CHECK_FALSE(decideClaim(own, share).takeFreshId);
  }
  SUBCASE("the same instance, parted at 3") {
    share.rows[2].second = "other";
    const auto d = decideClaim(own, share);
    CHECK(d.takeFreshId);
    CHECK(d.renumberFrom == 3);
  }
  SUBCASE("the same instance, the share ahead") {
    share.localSeq = 9;
    const auto d = decideClaim(own, share);
    CHECK(d.takeFreshId);
    CHECK(d.renumberFrom == 5);
  }
  SUBCASE("another instance, older: this one moves its rows past the share's") {
    share.instanceId = newUuid();
    share.instanceSince = 50;
    share.localSeq = 2;
    share.rows.resize(2);
    const auto d = decideClaim(own, share);
    CHECK(d.takeFreshId);
    CHECK(d.renumberFrom == 3);
  }
  SUBCASE("another instance, as old: this one moves") {
    share.instanceId = newUuid();
    share.rows[3].second = "other";
    const auto d = decideClaim(own, share);
    CHECK(d.takeFreshId);
    CHECK(d.renumberFrom == 4);
  }
  SUBCASE("another instance, newer: this one keeps the id") {
    share.instanceId = newUuid();
    share.instanceSince = 101;
    share.rows[0].second = "other";
    CHECK_FALSE(decideClaim(own, share).takeFreshId);
  }
}

// ---- the share -------------------------------------------------------------------

TEST_CASE("publish replaces a damaged file at its name and leaves one it cannot check in time") {
  TempDir dir;
  const std::string share = (dir.path() / "share").string();
  Pc pc{dir.path() / "pc", "pc"};
  auto store = pc.open();
  recordSome(*store, 400);
  const fs::path target = fs::path(share) / "results" / (store->deviceId() + ".sqlite");
  fs::create_directories(target.parent_path());
  {
    std::ofstream out(target, std::ios::binary);
    out << "not a database at all";
  }
  const PublishResult r = publish(*store, share, nullptr);
  REQUIRE(r.ok);
  CHECK_FALSE(r.deviceIdChange);
  CHECK(readSnapshot(target.string()).events.size() == 400);

  // A snapshot claiming this id that cannot be read in the time given is left.
  Pc other{dir.path() / "other", "other"};
  copyFolder(pc.data, other.data);
  store.reset();
  auto copy = other.open();
  REQUIRE(copy->changedOnOpen());
  const std::string before = fileBytes(target);
  PublishOptions hurried;
  hurried.checkTime = std::chrono::nanoseconds(0);
  // The copy's new id has no file yet: nothing to check, so it publishes.
  REQUIRE(publish(*copy, share, nullptr, hurried).ok);
  auto original = pc.open();
  const PublishResult slow = publish(*original, share, nullptr, hurried);
  CHECK_FALSE(slow.ok);
  CHECK(slow.error.find("in time") != std::string::npos);
  CHECK(fileBytes(target) == before);
  CHECK(publish(*original, share, nullptr).ok);
}

TEST_CASE("publish removes its own orphaned temporary files, old enough, a bounded number") {
  TempDir dir;
  const fs::path results = dir.path() / "share" / "results";
  fs::create_directories(results);
  const auto old = fs::file_time_type::clock::now() - std::chrono::hours(2);
  const auto make = [&](const std::string& name, bool isOld) {
    const fs::path p = results / name;
    std::ofstream(p, std::ios::binary) << "partial snapshot";
    if (isOld) {
      fs::last_write_time(p, old);
    }
    return p;
  };
  std::vector<fs::path> orphans;
  for (int i = 0; i < 70; ++i) {
    orphans.push_back(make("." + newUuid() + "." + newUuid() + ".tmp", true));
  }
  orphans.push_back(make("." + newUuid() + "." + newUuid() + ".tmp-journal", true));
  const fs::path young = make("." + newUuid() + "." + newUuid() + ".tmp", false);
  const std::vector<fs::path> others = {
      make("notes.tmp", true),
      make(".notauuid." + newUuid() + ".tmp", true),
      make("." + newUuid() + "." + newUuid() + ".tmp.bak", true),
      make(newUuid() + ".sqlite", true),
      make("." + newUuid() + ".tmp", true),
  };
  // A link with the pattern's name, to a file elsewhere, and a folder with one.
  const fs::path elsewhere = dir.path() / "precious.txt";
  std::ofstream(elsewhere) << "keep me";
  const fs::path link = results / ("." + newUuid() + "." + newUuid() + ".tmp");
  fs::create_symlink(elsewhere, link);
  const fs::path folder = results / ("." + newUuid() + "." + newUuid() + ".tmp");
  fs::create_directory(folder);

  Pc pc{dir.path() / "pc", "pc"};
  auto store = pc.open();
  recordSome(*store, 1);
  const std::string share = (dir.path() / "share").string();
  const PublishResult first = publish(*store, share, nullptr);
  REQUIRE(first.ok);
  CHECK(first.temporariesRemoved == 64);
  const PublishResult second = publish(*store, share, nullptr);
  REQUIRE(second.ok);
  CHECK(second.temporariesRemoved == 7);
  CHECK(publish(*store, share, nullptr).temporariesRemoved == 0);
  for (const auto& p : orphans) {
    CHECK_FALSE(fs::exists(fs::symlink_status(p)));
  }
  CHECK(fs::exists(young));
  for (const auto& p : others) {
    CHECK(fs::exists(p));
  }
  CHECK(fs::is_symlink(fs::symlink_status(link)));
  CHECK(fs::exists(elsewhere));
  CHECK(fs::is_directory(folder));
  // Names are recognised exactly.
  CHECK(isPublishTemporaryName("." + newUuid() + "." + newUuid() + ".tmp"));
  CHECK_FALSE(isPublishTemporaryName("." + newUuid() + "." + newUuid() + ".TMP"));
  CHECK_FALSE(isPublishTemporaryName(".." + newUuid() + ".tmp"));
  CHECK_FALSE(isPublishTemporaryName(""));
}

TEST_CASE("safequest-cli publish says when the PC's records were copied from another PC") {
  TempDir dir;
  const std::string pc = dir.str() + "/pc";
  const std::string copy = dir.str() + "/copy";
  const std::string share = dir.str() + "/share";
  const auto cli = [&](std::vector<std::string> args) {
    return sq::test::runProgram(SQ_CLI_PATH, args, dir.path());
  };
  REQUIRE(cli({"record", "--data", pc, "--kind", "lesson.completed", "--pupil", newUuid(), "--pack",
               "core", "--activity", "a"})
              .status == 0);
  const auto plain = cli({"publish", "--data", pc, "--school-folder", share, "--no-class-list"});
  REQUIRE(plain.status == 0);
  CHECK(plain.out.find("copied") == std::string::npos);
  copyFolder(pc, copy);
  const auto copied = cli({"publish", "--data", copy, "--school-folder", share, "--no-class-list"});
  REQUIRE(copied.status == 0);
  REQUIRE(!copied.lines().empty());
  const std::string line = copied.lines()[0];
  const std::string said = "this PC's records were copied from another PC; it now publishes as ";
  REQUIRE(line.rfind(said, 0) == 0);
  const std::string id = line.substr(said.size());
  CHECK(isUuid(id));
  CHECK(fs::exists(fs::path(share) / "results" / (id + ".sqlite")));
  const auto again = cli({"publish", "--data", copy, "--school-folder", share, "--no-class-list"});
  REQUIRE(again.status == 0);
  CHECK(again.out.find("copied") == std::string::npos);
}
