// The school folder: how 30 PCs share one record without ever opening SQLite for
// writing on a network share. Each device publishes an immutable snapshot of its
// events (results/<device-id>.sqlite) by writing a temporary file in the same
// folder and renaming it into place; the teacher's machine merges every snapshot
// by event uuid (results/merge_job does it in slices; merge() here runs it to the
// end). The class list is published the same way (classlist.json) for the game
// PCs to read.
// Depends on: results/results_store, results/roster, results/snapshot_reader,
// results/merge_job (in the .cpp), nlohmann_json.
#pragma once

#include "core/atomic_file.hpp" // writeFileAtomically, for the callers that save through this header
#include "results/event.hpp"
#include "results/results_store.hpp"
#include "results/roster.hpp"
#include "results/snapshot_reader.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace sq {

class TeacherSigner;

// Events read from one snapshot file, with what was wrong about it.
struct SnapshotRead {
  std::vector<Event> events;
  std::string error;   // set when the whole file was refused
  int skippedRows = 0; // rows with malformed fields, left out
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
};

// Writes results/<device-id>.sqlite and, when given the teacher's key,
// classlist.json signed with it (results/teacher_trust: signedClassListJson).
PublishResult publish(const ResultsStore& store, const std::string& schoolFolder,
                      const TeacherSigner* classListSigner);

struct MergeFileReport {
  std::string file;
  int added = 0;
  int skippedRows = 0;
  std::string error; // the snapshot was refused
};

struct MergeResult {
  bool ok = false; // false only when the local store could not be written
  std::string error;
  std::vector<MergeFileReport> files;
  int added = 0;
  // pupil.erased rows not signed by the trusted teacher key (results/teacher_trust):
  // left out, so they erase nothing.
  int tombstonesRefused = 0;
};

// Merges every snapshot in <schoolFolder>/results into the store, in one call: a
// MergeJob run to the end (in slices of up to a quarter of a second each, so even
// a hostile snapshot is given up within seconds). Idempotent and order-free:
// events are keyed by uuid and tombstones always win. The game runs a MergeJob a
// step a frame instead.
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
