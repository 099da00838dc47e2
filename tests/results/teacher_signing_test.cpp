// The teacher's signing key and what it guards: the key sealed under the PIN,
// signed erasures (pupil.erased) honoured by both merges only when the trusted key
// signed them, the signed class list a game PC reads, and the trust in one key
// (machine configuration, else pinned on first use).
// Sections:
//   1. helpers: stores, a class, counting events, files
//   2. the key: sealed under the PIN, damaged records, resealing
//   3. signed erasures: unsigned, other keys, altered, trusted; retention
//   4. the signed class list: refused lists, erasures held, trust on first use,
//      the machine configuration's key
#include "results/event_payload.hpp"
#include "results/merge_job.hpp"
#include "results/school_folder.hpp"
#include "results/teacher_key.hpp"
#include "results/teacher_trust.hpp"
#include "results/uuid.hpp"
#include "support/temp_dir.hpp"

#include <doctest/doctest.h>
#include <sqlite3.h>

#include <filesystem>
#include <fstream>
#include <set>

namespace fs = std::filesystem;
using namespace sq;
using sq::test::TempDir;

// ---- helpers ---------------------------------------------------------------------

namespace {

std::unique_ptr<ResultsStore> openStore(const fs::path& dir, const std::string& itKey = "") {
  std::string error;
  StoreOptions options;
  options.teacherPublicKey = itKey;
  auto s = ResultsStore::open(dir.string(), error, options);
  INFO(error);
  REQUIRE(s);
  return s;
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

// A class of `n` pupils, saved in `store`.
Roster classOf(ResultsStore& store, int n) {
  Roster r;
  r.settings.schoolName = "Ysgol Test";
  r.classes.push_back({newUuid(), "Class 4"});
  for (int i = 0; i < n; ++i) {
    r.pupils.push_back(
        {newUuid(), "Pupil" + std::to_string(i), "P", r.classes[0].id, YearGroup::Y4, "", ""});
  }
  std::string error;
  REQUIRE(store.saveRoster(r, error));
  return r;
}

std::size_t eventsAbout(const ResultsStore& s, const std::string& pupil) {
  EventFilter f;
  f.pupilId = pupil;
  std::size_t n = 0;
  for (const Event& e : s.events(f)) {
    n += e.kind != EventKind::PupilErased ? 1 : 0;
  }
  return n;
}

std::size_t tombstones(const ResultsStore& s) {
  EventFilter f;
  f.kind = EventKind::PupilErased;
  return s.events(f).size();
}

void writeFile(const fs::path& p, const std::string& text) {
  fs::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary | std::ios::trunc) << text;
}

std::string readFile(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

std::set<std::string> idsOf(const Roster& r) {
  std::set<std::string> out;
  for (const Pupil& p : r.pupils) {
    out.insert(p.id);
  }
  return out;
}

std::string metaValue(const ResultsStore& s, const char* key) {
  sqlite3_stmt* st = nullptr;
  sqlite3_prepare_v2(s.handle(), "SELECT value FROM meta WHERE key = ?", -1, &st, nullptr);
  sqlite3_bind_text(st, 1, key, -1, SQLITE_TRANSIENT);
  std::string out;
  if (sqlite3_step(st) == SQLITE_ROW) {
    out = reinterpret_cast<const char*>(sqlite3_column_text(st, 0));
  }
  sqlite3_finalize(st);
  return out;
}

} // namespace

// ---- the key -----------------------------------------------------------------------

TEST_CASE("the teacher key is made on first need, sealed under the PIN, and opened only by it") {
  TempDir dir;
  auto store = openStore(dir.path() / "teacher");
  CHECK_FALSE(hasTeacherKey(*store));
  std::string error;
  auto first = unlockTeacherKey(*store, "2468", error, fastPwhashLimits());
  INFO(error);
  REQUIRE(first);
  CHECK(isTeacherPublicKey(first->publicKey()));
  CHECK(hasTeacherKey(*store));
  CHECK(storedTeacherPublicKey(*store) == first->publicKey());
  // The teacher's own store trusts its own key from the start.
  CHECK(trustedTeacherKey(*store).key == first->publicKey());
  CHECK(trustedTeacherKey(*store).source == TrustSource::Pinned);

  // Opened again, in a new session, by the right PIN only: the same key.
  store.reset();
  store = openStore(dir.path() / "teacher");
  auto again = unlockTeacherKey(*store, "2468", error, fastPwhashLimits());
  REQUIRE(again);
  CHECK(again->publicKey() == first->publicKey());
  const std::string message = "the same bytes";
  CHECK(verifyTeacherSignature(first->publicKey(), again->sign(message), message));
  error.clear();
  CHECK_FALSE(unlockTeacherKey(*store, "1357", error, fastPwhashLimits()));
  CHECK(error.find("PIN does not open") != std::string::npos);
  CHECK(storedTeacherPublicKey(*store) == first->publicKey()); // a wrong PIN makes no new key

  // The record holds the public key, the salt and the sealed box; never the PIN.
  const std::string record = metaValue(*store, "teacher_key");
  CHECK(record.find(first->publicKey()) != std::string::npos);
  CHECK(record.find("2468") == std::string::npos);
  // Nor does the sealed key leave the device in a published snapshot.
  const PublishResult published = publish(*store, (dir.path() / "share").string(), first.get());
  REQUIRE(published.ok);
  const std::string snapshot = readFile(published.snapshotPath);
  CHECK(snapshot.find("safequest-teacher-key") == std::string::npos);
  CHECK(snapshot.find(record.substr(record.find("\"sealed\""))) == std::string::npos);
}

TEST_CASE("a damaged key record is refused, not replaced") {
  TempDir dir;
  auto store = openStore(dir.path() / "teacher");
  std::string error;
  REQUIRE(unlockTeacherKey(*store, "2468", error, fastPwhashLimits()));
  for (const char* bad : {"not json", "{}", R"({"format":"safequest-teacher-key/1"})"}) {
    REQUIRE(sqlite3_exec(
                store->handle(),
                (std::string("UPDATE meta SET value = '") + bad + "' WHERE key = 'teacher_key'")
                    .c_str(),
                nullptr, nullptr, nullptr) == SQLITE_OK);
    error.clear();
    CHECK_FALSE(unlockTeacherKey(*store, "2468", error, fastPwhashLimits()));
    CHECK(error.find("damaged") != std::string::npos);
  }
}

TEST_CASE("resealing under a new PIN keeps the key; a wrong old PIN changes nothing") {
  TempDir dir;
  auto store = openStore(dir.path() / "teacher");
  std::string error;
  auto signer = unlockTeacherKey(*store, "2468", error, fastPwhashLimits());
  REQUIRE(signer);
  const std::string before = metaValue(*store, "teacher_key");
  CHECK_FALSE(resealTeacherKey(*store, "0000", "97531", error, fastPwhashLimits()));
  CHECK(metaValue(*store, "teacher_key") == before);

  REQUIRE(resealTeacherKey(*store, "2468", "97531", error, fastPwhashLimits()));
  CHECK_FALSE(unlockTeacherKey(*store, "2468", error, fastPwhashLimits()));
  auto resealed = unlockTeacherKey(*store, "97531", error, fastPwhashLimits());
  REQUIRE(resealed);
  CHECK(resealed->publicKey() == signer->publicKey());

  // A store with no key has nothing to reseal.
  auto empty = openStore(dir.path() / "pc");
  CHECK(resealTeacherKey(*empty, "1111", "2222", error, fastPwhashLimits()));
  CHECK_FALSE(hasTeacherKey(*empty));
}

TEST_CASE("a PC that trusts another teacher's key makes no key of its own") {
  TempDir dir;
  const auto teacher = TeacherSigner::generate();
  auto pc = openStore(dir.path() / "pc", teacher->publicKey());
  std::string error;
  CHECK_FALSE(unlockTeacherKey(*pc, "2468", error, fastPwhashLimits()));
  CHECK(error.find("teacher's machine") != std::string::npos);
  CHECK_FALSE(hasTeacherKey(*pc));
}

// ---- signed erasures -----------------------------------------------------------------

TEST_CASE("unsigned tombstones for every pupil erase nothing, in either merge, and are counted") {
  TempDir dir;
  const fs::path share = dir.path() / "share";
  std::string error;
  auto teacher = openStore(dir.path() / "teacher");
  REQUIRE(unlockTeacherKey(*teacher, "2468", error, fastPwhashLimits()));
  const Roster roster = classOf(*teacher, 6);
  for (const Pupil& p : roster.pupils) {
    record(*teacher, p.id);
  }
  // A pupil's copy of SafeQuest, or a hand-made snapshot: a bare pupil.erased for each.
  auto attacker = openStore(dir.path() / "attacker");
  for (const Pupil& p : roster.pupils) {
    record(*attacker, p.id, EventKind::PupilErased);
  }
  REQUIRE(publish(*attacker, share.string(), nullptr).ok);

  const MergeResult m = merge(*teacher, share.string());
  REQUIRE(m.ok);
  CHECK(m.tombstonesRefused == 6);
  CHECK(m.added == 0);
  CHECK(teacher->loadRoster().pupils.size() == 6);
  for (const Pupil& p : roster.pupils) {
    CHECK(eventsAbout(*teacher, p.id) == 1);
  }
  CHECK(tombstones(*teacher) == 0); // kept out, so they never spread from here

  // The store's own insertForeign decides the same.
  ForeignCounts counts;
  counts.tombstonesRefused = -1;
  REQUIRE(teacher->insertForeign(readSnapshot(m.files.empty()
                                                  ? std::string()
                                                  : (share / "results" / m.files[0].file).string())
                                     .events,
                                 error, "", &counts) == 0);
  CHECK(counts.tombstonesRefused == 6);
  CHECK(teacher->loadRoster().pupils.size() == 6);
}

TEST_CASE("a tombstone signed by another key, or altered after signing, erases nothing") {
  TempDir dir;
  const fs::path share = dir.path() / "share";
  std::string error;
  const auto teacherKey = TeacherSigner::generate();
  const auto otherKey = TeacherSigner::generate();
  auto pc = openStore(dir.path() / "pc", teacherKey->publicKey());
  const Roster roster = classOf(*pc, 3);
  for (const Pupil& p : roster.pupils) {
    record(*pc, p.id);
  }
  auto other = openStore(dir.path() / "other");
  REQUIRE(other->erasePupil(roster.pupils[0].id, *otherKey, error));
  REQUIRE(publish(*other, share.string(), nullptr).ok);
  MergeResult m = merge(*pc, share.string());
  CHECK(m.tombstonesRefused == 1);
  CHECK(eventsAbout(*pc, roster.pupils[0].id) == 1);

  // A real tombstone whose pupil was changed: the signature no longer covers it.
  auto teacher = openStore(dir.path() / "teacher", teacherKey->publicKey());
  REQUIRE(teacher->erasePupil(roster.pupils[1].id, *teacherKey, error));
  EventFilter f;
  f.kind = EventKind::PupilErased;
  Event forged = teacher->events(f).at(0);
  CHECK(checkTombstone(forged, teacherKey->publicKey()) == TombstoneCheck::Valid);
  forged.pupilId = roster.pupils[2].id;
  forged.uuid = newUuid();
  CHECK(checkTombstone(forged, teacherKey->publicKey()) == TombstoneCheck::BadSignature);
  ForeignCounts counts;
  CHECK(pc->insertForeign({forged}, error, "", &counts) == 0);
  CHECK(counts.tombstonesRefused == 1);
  CHECK(eventsAbout(*pc, roster.pupils[2].id) == 1);
  CHECK(pc->loadRoster().findPupil(roster.pupils[2].id) != nullptr);

  CHECK(checkTombstone(forged, "") == TombstoneCheck::NoTrustedKey);
  Event bare = forged;
  bare.data.clear();
  CHECK(checkTombstone(bare, teacherKey->publicKey()) == TombstoneCheck::Unsigned);
  CHECK(checkTombstone(teacher->events(f).at(0), otherKey->publicKey()) ==
        TombstoneCheck::OtherKey);
}

TEST_CASE("a tombstone signed by the trusted key erases the pupil everywhere") {
  TempDir dir;
  const fs::path share = dir.path() / "share";
  std::string error;
  auto teacher = openStore(dir.path() / "teacher");
  auto signer = unlockTeacherKey(*teacher, "2468", error, fastPwhashLimits());
  REQUIRE(signer);
  const Roster roster = classOf(*teacher, 3);
  auto pc = openStore(dir.path() / "pc", signer->publicKey());
  REQUIRE(pc->saveRoster(roster, error));
  for (const Pupil& p : roster.pupils) {
    record(*pc, p.id);
  }
  const std::string gone = roster.pupils[1].id;
  REQUIRE(teacher->erasePupil(gone, *signer, error));
  // The tombstone carries its signature and the key in its typed payload.
  EventFilter f;
  f.kind = EventKind::PupilErased;
  const auto data = payloadAs<PupilErasedData>(teacher->events(f).at(0));
  REQUIRE(data);
  CHECK(data->teacherKey == signer->publicKey());
  CHECK(data->signature.size() == 128);

  REQUIRE(publish(*teacher, share.string(), nullptr).ok);
  const MergeResult m = merge(*pc, share.string());
  CHECK(m.tombstonesRefused == 0);
  CHECK(eventsAbout(*pc, gone) == 0);
  CHECK(pc->loadRoster().findPupil(gone) == nullptr);
  CHECK(pc->loadRoster().pupils.size() == 2);
  CHECK(heldErasures(*pc) == std::set<std::string>{gone});
}

TEST_CASE("a tombstone never pins a key; once a class list has, the same tombstone is applied") {
  TempDir dir;
  const fs::path share = dir.path() / "share";
  std::string error;
  auto teacher = openStore(dir.path() / "teacher");
  auto signer = unlockTeacherKey(*teacher, "2468", error, fastPwhashLimits());
  REQUIRE(signer);
  const Roster roster = classOf(*teacher, 2);
  const std::string gone = roster.pupils[0].id;
  auto pc = openStore(dir.path() / "pc"); // trusts no key yet
  record(*pc, gone);
  REQUIRE(teacher->erasePupil(gone, *signer, error));
  REQUIRE(publish(*teacher, share.string(), nullptr).ok);
  MergeResult m = merge(*pc, share.string());
  CHECK(m.tombstonesRefused == 1);
  CHECK(eventsAbout(*pc, gone) == 1);
  CHECK(trustedTeacherKey(*pc).key.empty());

  REQUIRE(publish(*teacher, share.string(), signer.get()).ok);
  const ClassListRead read = readTrustedClassList(*pc, share.string());
  REQUIRE(read.roster);
  CHECK(read.notice.find("trusting") != std::string::npos);
  CHECK(trustedTeacherKey(*pc).key == signer->publicKey());
  m = merge(*pc, share.string());
  CHECK(m.tombstonesRefused == 0);
  CHECK(eventsAbout(*pc, gone) == 0);
}

TEST_CASE("retention erases leavers only with the teacher's key") {
  TempDir dir;
  std::string error;
  auto store = openStore(dir.path() / "teacher");
  Roster r = classOf(*store, 2);
  r.pupils[0].archivedOn = "2020-07-20";
  REQUIRE(store->saveRoster(r, error));
  CHECK(store->applyRetention(2026, nullptr, error) == -1);
  CHECK(error.find("PIN") != std::string::npos);
  CHECK(store->loadRoster().pupils.size() == 2);
  auto signer = unlockTeacherKey(*store, "2468", error, fastPwhashLimits());
  REQUIRE(signer);
  CHECK(store->applyRetention(2026, signer.get(), error) == 0);
  CHECK(store->loadRoster().pupils.size() == 1);
  EventFilter f;
  f.kind = EventKind::PupilErased;
  CHECK(checkTombstone(store->events(f).at(0), signer->publicKey()) == TombstoneCheck::Valid);
}

// ---- the signed class list -------------------------------------------------------------

TEST_CASE("a game PC takes only a signed class list, and keeps its last one otherwise") {
  TempDir dir;
  const fs::path share = dir.path() / "share";
  const fs::path list = share / "classlist.json";
  std::string error;
  auto teacher = openStore(dir.path() / "teacher");
  auto signer = unlockTeacherKey(*teacher, "2468", error, fastPwhashLimits());
  REQUIRE(signer);
  const Roster roster = classOf(*teacher, 3);
  REQUIRE(publish(*teacher, share.string(), signer.get()).ok);
  const std::string good = readFile(list);
  CHECK(good.find("safequest-signed-classlist/1") != std::string::npos);

  auto pc = openStore(dir.path() / "pc");
  ClassListRead read = readTrustedClassList(*pc, share.string());
  INFO(read.refused);
  REQUIRE(read.roster);
  CHECK(read.refused.empty());
  CHECK(idsOf(*read.roster) == idsOf(roster));
  CHECK(read.roster->settings.schoolName == "Ysgol Test");

  // Unsigned: the old format, as anyone can write it.
  writeFile(list, classListJson(Roster{}));
  read = readTrustedClassList(*pc, share.string());
  CHECK(read.refused.find("not signed") != std::string::npos);
  REQUIRE(read.roster);
  CHECK(idsOf(*read.roster) == idsOf(roster));

  // Signed, then one pupil's name changed in the text.
  std::string tampered = good;
  const auto at = tampered.find("Pupil0");
  REQUIRE(at != std::string::npos);
  tampered.replace(at, 6, "Intrud");
  writeFile(list, tampered);
  read = readTrustedClassList(*pc, share.string());
  CHECK(read.refused.find("signature does not match") != std::string::npos);
  REQUIRE(read.roster);
  CHECK(read.roster->pupils.size() == 3);
  for (const Pupil& p : read.roster->pupils) {
    CHECK(p.firstName != "Intrud");
  }

  // Malformed envelopes of every kind, and no file at all: refused, the last kept.
  for (const std::string& bad :
       {std::string(), std::string("[]"),
        std::string(R"({"format":"safequest-signed-classlist/1"})"),
        std::string(R"({"format":"safequest-signed-classlist/1","classList":"{}","teacherKey":)"
                    R"("zz","signature":"00"})"),
        std::string(5000, '[')}) {
    writeFile(list, bad);
    read = readTrustedClassList(*pc, share.string());
    CHECK_FALSE(read.refused.empty());
    REQUIRE(read.roster);
    CHECK(read.roster->pupils.size() == 3);
  }
  fs::remove(list);
  read = readTrustedClassList(*pc, share.string());
  CHECK_FALSE(read.refused.empty());
  REQUIRE(read.roster);
  CHECK(read.roster->pupils.size() == 3);

  // A PC that never accepted one has nothing to fall back on.
  auto fresh = openStore(dir.path() / "fresh");
  writeFile(list, classListJson(roster));
  read = readTrustedClassList(*fresh, share.string());
  CHECK_FALSE(read.refused.empty());
  CHECK_FALSE(read.roster);
  CHECK(trustedTeacherKey(*fresh).key.empty());
}

TEST_CASE("a class list republished without an erasure never brings the pupil back") {
  TempDir dir;
  const fs::path share = dir.path() / "share";
  std::string error;
  auto teacher = openStore(dir.path() / "teacher");
  auto signer = unlockTeacherKey(*teacher, "2468", error, fastPwhashLimits());
  REQUIRE(signer);
  const Roster roster = classOf(*teacher, 3);
  // A second store holding the teacher's key (the office PC, its key record
  // restored there) and the same class list, which has not merged the erasure.
  auto office = openStore(dir.path() / "office");
  REQUIRE(office->saveRoster(roster, error));
  const std::string keyRecord = metaValue(*teacher, "teacher_key");
  {
    sqlite3_stmt* st = nullptr;
    sqlite3_prepare_v2(office->handle(), "INSERT INTO meta(key, value) VALUES ('teacher_key', ?)",
                       -1, &st, nullptr);
    sqlite3_bind_text(st, 1, keyRecord.c_str(), -1, SQLITE_TRANSIENT);
    REQUIRE(sqlite3_step(st) == SQLITE_DONE);
    sqlite3_finalize(st);
  }
  const std::string gone = roster.pupils[2].id;
  REQUIRE(teacher->erasePupil(gone, *signer, error));
  REQUIRE(publish(*teacher, share.string(), signer.get()).ok);
  CHECK(readFile(share / "classlist.json").find(gone) == std::string::npos);

  auto pc = openStore(dir.path() / "pc");
  REQUIRE(readTrustedClassList(*pc, share.string()).roster);
  REQUIRE(merge(*pc, share.string()).ok);

  auto officeSigner = unlockTeacherKey(*office, "2468", error, fastPwhashLimits());
  REQUIRE(officeSigner);
  REQUIRE(officeSigner->publicKey() == signer->publicKey());
  REQUIRE(publish(*office, share.string(), officeSigner.get()).ok);
  CHECK(readFile(share / "classlist.json").find(gone) != std::string::npos);
  const ClassListRead read = readTrustedClassList(*pc, share.string());
  REQUIRE(read.roster);
  CHECK(read.refused.empty());
  CHECK(read.roster->findPupil(gone) == nullptr);
  CHECK(read.roster->pupils.size() == 2);

  // The office store, merging, drops the pupil too, and publishes without them.
  REQUIRE(merge(*office, share.string()).ok);
  CHECK(office->loadRoster().findPupil(gone) == nullptr);
  REQUIRE(publish(*office, share.string(), officeSigner.get()).ok);
  CHECK(readFile(share / "classlist.json").find(gone) == std::string::npos);
}

TEST_CASE("trust on first use: a class list signed by a new key is refused with a warning") {
  TempDir dir;
  const fs::path share = dir.path() / "share";
  std::string error;
  auto teacher = openStore(dir.path() / "teacher");
  const Roster roster = classOf(*teacher, 2);
  const auto first = TeacherSigner::generate();
  const auto second = TeacherSigner::generate();
  REQUIRE(publish(*teacher, share.string(), first.get()).ok);
  auto pc = openStore(dir.path() / "pc");
  ClassListRead read = readTrustedClassList(*pc, share.string());
  REQUIRE(read.roster);
  CHECK(trustedTeacherKey(*pc).key == first->publicKey());
  CHECK(trustedTeacherKey(*pc).source == TrustSource::Pinned);

  Roster changed = roster;
  changed.pupils.pop_back();
  REQUIRE(teacher->saveRoster(changed, error));
  REQUIRE(publish(*teacher, share.string(), second.get()).ok);
  read = readTrustedClassList(*pc, share.string());
  CHECK(read.refused.find("WARNING") != std::string::npos);
  CHECK(read.refused.find(second->publicKey()) != std::string::npos);
  CHECK(read.refused.find("teacher-key forget") != std::string::npos);
  REQUIRE(read.roster);
  CHECK(read.roster->pupils.size() == 2); // the first key's list, kept
  CHECK(trustedTeacherKey(*pc).key == first->publicKey());

  // IT resets the pin: the next list is trusted on first use again.
  REQUIRE(forgetPinnedTeacherKey(*pc, error));
  read = readTrustedClassList(*pc, share.string());
  CHECK(read.refused.empty());
  REQUIRE(read.roster);
  CHECK(read.roster->pupils.size() == 1);
  CHECK(trustedTeacherKey(*pc).key == second->publicKey());
}

TEST_CASE("the machine configuration's key wins over a pinned one") {
  TempDir dir;
  const fs::path share = dir.path() / "share";
  std::string error;
  const auto pinned = TeacherSigner::generate();
  const auto itKey = TeacherSigner::generate();
  auto teacher = openStore(dir.path() / "teacher");
  classOf(*teacher, 2);
  REQUIRE(publish(*teacher, share.string(), pinned.get()).ok);
  {
    auto pc = openStore(dir.path() / "pc");
    REQUIRE(readTrustedClassList(*pc, share.string()).roster);
    CHECK(trustedTeacherKey(*pc).key == pinned->publicKey());
  }
  // IT sets the key: the pinned one no longer counts, for class lists or erasures.
  auto pc = openStore(dir.path() / "pc", itKey->publicKey());
  CHECK(trustedTeacherKey(*pc).source == TrustSource::Machine);
  ClassListRead read = readTrustedClassList(*pc, share.string());
  CHECK(read.refused.find("machine configuration") != std::string::npos);
  const std::string pupil = teacher->loadRoster().pupils[0].id;
  record(*pc, pupil);
  auto eraser = openStore(dir.path() / "eraser");
  REQUIRE(eraser->erasePupil(pupil, *pinned, error));
  REQUIRE(publish(*eraser, share.string(), nullptr).ok);
  CHECK(merge(*pc, share.string()).tombstonesRefused == 1);
  CHECK(eventsAbout(*pc, pupil) == 1);

  REQUIRE(publish(*teacher, share.string(), itKey.get()).ok);
  read = readTrustedClassList(*pc, share.string());
  CHECK(read.refused.empty());
  REQUIRE(read.roster);
  CHECK(read.roster->pupils.size() == 2);

  // A key IT named but got wrong trusts nothing at all.
  auto damaged = openStore(dir.path() / "damaged", "damaged");
  read = readTrustedClassList(*damaged, share.string());
  CHECK_FALSE(read.refused.empty());
  CHECK_FALSE(read.roster);
}

TEST_CASE("publishing without the teacher's key writes no class list") {
  TempDir dir;
  const fs::path share = dir.path() / "share";
  auto store = openStore(dir.path() / "teacher");
  classOf(*store, 2);
  const PublishResult r = publish(*store, share.string(), nullptr);
  REQUIRE(r.ok);
  CHECK(r.classListPath.empty());
  CHECK_FALSE(fs::exists(share / "classlist.json"));
}
