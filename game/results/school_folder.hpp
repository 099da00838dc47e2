// The school folder: how 30 PCs share one record without ever opening SQLite for
// writing on a network share. Each device publishes an immutable snapshot of its
// events (results/<device-id>.sqlite) by writing a temporary file in the same
// folder and renaming it into place; the teacher's machine merges every snapshot
// by event uuid. The class list is published the same way (classlist.json) for
// the game PCs to read.
// Depends on: results/results_store, results/roster, nlohmann_json and sqlite3 (in the .cpp).
#pragma once

#include "core/atomic_file.hpp" // writeFileAtomically, for the callers that save through this header
#include "results/event.hpp"
#include "results/results_store.hpp"
#include "results/roster.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace sq {

struct SnapshotLimits {
  std::uint64_t maxFileBytes = 1024ull * 1024 * 1024;
  std::size_t maxEvents = 5'000'000;
  std::size_t maxFiles = 2000;
  std::uint64_t maxClassListBytes = 8ull * 1024 * 1024;
};

// Events read from one snapshot file, with what was wrong about it.
struct SnapshotRead {
  std::vector<Event> events;
  std::string error;   // set when the whole file was refused
  int skippedRows = 0; // rows with malformed fields, left out
};

// Reads a snapshot read-only (immutable: SQLite writes nothing beside it). A cut-off,
// corrupt or foreign file is refused with a message, never merged in part.
SnapshotRead readSnapshot(const std::string& path, const SnapshotLimits& limits = {});

struct PublishResult {
  bool ok = false;
  std::string error;
  std::string snapshotPath;
  std::string classListPath;
};

// Writes results/<device-id>.sqlite and, when `withClassList`, classlist.json.
PublishResult publish(const ResultsStore& store, const std::string& schoolFolder,
                      bool withClassList);

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
};

// Merges every snapshot in <schoolFolder>/results into the store. Idempotent and
// order-free: events are keyed by uuid and tombstones are applied after each batch.
MergeResult merge(ResultsStore& store, const std::string& schoolFolder,
                  const SnapshotLimits& limits = {});

// The published class list, as JSON text, and its reader. The reader is a loader of
// outside data: limits first, every field checked, never throws.
std::string classListJson(const Roster& roster);
std::optional<Roster> parseClassList(std::string_view bytes, std::string& error,
                                     const SnapshotLimits& limits = {});
std::optional<Roster> readClassList(const std::string& schoolFolder, std::string& error,
                                    const SnapshotLimits& limits = {});

} // namespace sq
