// The school folder: how 30 PCs share one record without ever opening SQLite for
// writing on a network share. Each device publishes an immutable snapshot of its
// events (results/<device-id>.sqlite) by writing a temporary file in the same
// folder and renaming it into place; the teacher's machine merges every snapshot
// by event uuid (results/merge_job does it in slices; merge() here runs it to the
// end). The class list is published the same way (classlist.json) for the game
// PCs to read.
// Depends on: results/results_store, results/roster, results/snapshot_reader,
// results/merge_job and results/device_claim (in the .cpp), nlohmann_json.
#pragma once

#include "core/atomic_file.hpp" // writeFileAtomically, for the callers that save through this header
#include "results/event.hpp"
#include "results/results_store.hpp"
#include "results/roster.hpp"
#include "results/snapshot_reader.hpp"

#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace sq {

class TeacherSigner;

// Events read from one snapshot file, with what was wrong about it.
struct SnapshotRead {
  std::vector<Event> events;
  std::string error;                         // set when the whole file was refused
  int skippedRows = 0;                       // rows with malformed fields, left out
  std::map<std::string, int> skippedReasons; // those rows counted by why
};

// Reads a whole snapshot read-only (immutable: SQLite writes nothing beside it). A
// cut-off, corrupt or foreign file is refused with a message. For tools and tests:
// the merge reads snapshots a page at a time (MergeJob).
SnapshotRead readSnapshot(const std::string& path, const SnapshotLimits& limits = {});

struct PublishResult {
  bool ok = false;
  std::string error;
  std::string snapshotPath;
  std::string classListPath;
  // Set when the share showed another store claiming this device id and this one
  // took a fresh id before publishing (results/device_claim), with why.
  std::optional<DeviceIdChange> deviceIdChange;
  std::string deviceIdReason;
  int temporariesRemoved = 0; // orphaned temporary files of killed publishes
};

struct PublishOptions {
  // The snapshot already on the share is read under these (as the merge would).
  SnapshotLimits limits;
  // Its claim must be read within this time, or nothing is replaced.
  std::chrono::steady_clock::duration checkTime = std::chrono::seconds(2);
  // Temporary files of a publish older than this were left by one that was killed
  // (a publish takes seconds); younger ones may be another PC's, in progress.
  std::chrono::seconds temporaryAge = std::chrono::hours(1);
  int maxTemporariesRemoved = 64; // per publish
};

// Writes results/<device-id>.sqlite and, when given the teacher's key,
// classlist.json signed with it (results/teacher_trust: signedClassListJson).
// Before it replaces the snapshot on the share it reads what that file claims: when
// another copy of this store records under the same device id (a copied folder, a
// restored backup, an imaged PC), the newer copy takes a fresh device id first
// (ResultsStore::takeFreshDeviceId) and leaves the other's file alone, so neither
// loses an event. It also removes orphaned temporary files of killed publishes.
PublishResult publish(ResultsStore& store, const std::string& schoolFolder,
                      const TeacherSigner* classListSigner, const PublishOptions& options = {});

// True for a name publish gives its temporary files (".<device>.<uuid>.tmp", and
// SQLite's "-journal" beside it), the only names its tidying removes.
bool isPublishTemporaryName(const std::string& name);

struct MergeFileReport {
  std::string file;
  int added = 0;
  int skippedRows = 0;
  int conflicts = 0; // rows clashing with another version of their event (quarantine)
  int held = 0;      // rows about pupils not on the class list, held
  std::map<std::string, int> skippedReasons; // the skipped rows counted by why
  std::string error;                         // the snapshot was refused
};

struct MergeResult {
  bool ok = false; // false only when the local store could not be written
  std::string error;
  std::vector<MergeFileReport> files;
  int added = 0;
  int released = 0; // held rows counted now their pupil is on the class list
  // What waits for the teacher once merge() is done (a MergeJob leaves these 0):
  // versions in quarantine and rows held, from this merge or earlier ones.
  int openConflicts = 0;
  int heldRows = 0;
  // The snapshot files the versions in quarantine came from, with how many each.
  std::vector<std::pair<std::string, int>> quarantineSources;
  // Every snapshot merged whole, no conflict in it or waiting in the store, and no
  // unsigned erasure left out.
  bool clean() const;
  // pupil.erased rows not signed by the trusted teacher key (results/teacher_trust):
  // left out, so they erase nothing.
  int tombstonesRefused = 0;
};

// Merges every snapshot in <schoolFolder>/results into the store, in one call: a
// MergeJob run to the end (in slices of up to a quarter of a second each, so even
// a hostile snapshot is given up within seconds). Idempotent and order-free:
// events are keyed by uuid, clashing versions are kept aside (results/merge_rows)
// and tombstones always win. The game runs a MergeJob a step a frame instead.
MergeResult merge(ResultsStore& store, const std::string& schoolFolder,
                  const SnapshotLimits& limits = {});

// The published class list, as JSON text, and its reader. The reader is a loader of
// outside data: limits first, every field checked, never throws. classlist.json
// holds this text inside the teacher's signed envelope; a game PC reads it with
// readTrustedClassList (results/teacher_trust), never unsigned.
std::string classListJson(const Roster& roster);
std::optional<Roster> parseClassList(std::string_view bytes, std::string& error,
                                     const SnapshotLimits& limits = {});

} // namespace sq
