// Autosave: a teacher's unsaved changes are written every few seconds to a
// recovery file outside the pack, so a crash, a power cut or a killed editor loses
// at most those seconds. Reopening the pack finds the file and offers the work back;
// taking it is one undoable edit. Saving (with nothing left unsaved) or choosing to
// discard removes the file.
// The recovery file is outside data on the next run (it may be damaged or left by
// an older editor), so reading it has limits and checks every field.
// Depends on: core (atomic writes, hashing), authoring/pack_document, authoring/edit_ops.
#pragma once

#include "authoring/edit_ops.hpp"
#include "authoring/pack_document.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace sq::authoring {

struct RecoveredFile {
  std::string path;
  std::optional<FileState> state; // nullopt: the file had been removed
  // False when the file on disk is no longer the one the work started from
  // (someone saved it since): the teacher is told before taking the work.
  bool diskUnchanged = true;
};

struct Recovery {
  std::string pack;
  std::string written; // when, as the writer's clock said (ISO 8601 UTC)
  std::vector<RecoveredFile> files;
};

struct RecoveryLimits {
  std::uint64_t maxFileBytes = 64ull * 1024 * 1024;
  std::size_t maxFiles = 5000;
  std::uint64_t maxTextBytes = 1024 * 1024; // per pack file, as the loader allows
};

// <dir>/<hash of the pack folder>.json
std::string recoveryPathFor(const std::string& dir, const std::string& packFolder);

// Writes the document's unsaved files; removes the recovery file when there are
// none. `now` is written into the file for the teacher to see.
bool writeRecovery(const std::string& dir, const PackDocument& doc, const std::string& now,
                   std::string& error);

// The recovery file for `doc`'s folder, compared with `doc`'s disk state; nullopt
// when there is none, and nullopt with `error` set when it is unusable.
std::optional<Recovery> readRecovery(const std::string& dir, const PackDocument& doc,
                                     std::string& error, const RecoveryLimits& limits = {});
// The same, from bytes (fuzzing and tests).
std::optional<Recovery> parseRecovery(std::string_view bytes, const PackDocument& doc,
                                      std::string& error, const RecoveryLimits& limits = {});

// The edit that puts the recovered work into the document.
Edit recoveryEdit(const Recovery& recovery);

void discardRecovery(const std::string& dir, const std::string& packFolder);

// When to autosave: at most every `intervalMs`, and only after a change.
class AutosaveTimer {
public:
  explicit AutosaveTimer(std::uint64_t intervalMs = 3000) : mInterval(intervalMs) {}
  bool due(std::uint64_t nowMs, std::uint64_t revision) const {
    return revision != mRevision && nowMs >= mLastMs + mInterval;
  }
  bool pending(std::uint64_t revision) const { return revision != mRevision; }
  void written(std::uint64_t nowMs, std::uint64_t revision) {
    mLastMs = nowMs;
    mRevision = revision;
  }

private:
  std::uint64_t mInterval;
  std::uint64_t mLastMs = 0;
  std::uint64_t mRevision = 0;
};

} // namespace sq::authoring
