// A SQLite VFS for tests that wraps the default one and injects the faults a
// school PC meets: a full disk, a read-only folder, a write torn half-way. CI runs
// as root, so file permissions cannot simulate these; a VFS can, deterministically.
// SQLite registers VFSes process-wide, so the fault plan is process-wide too.
#pragma once

namespace sq::test {

inline constexpr const char* kFaultVfsName = "sq-fault";

struct FaultPlan {
  // Writes allowed before every later write fails; -1 never fails.
  int writesBeforeFailure = -1;
  // When failing: write half the bytes first (a torn write), then report an I/O error.
  bool tornWrite = false;
  // Every open for writing fails, as in a read-only folder.
  bool readOnly = false;
  // Mapping the shared-memory index fails as the unix VFS fails on a full disk
  // (SQLITE_IOERR_SHMSIZE with errno ENOSPC): what opening a store meets at 100%.
  bool shmFull = false;
};

// Registers the VFS (once) and returns its name for StoreOptions::vfs.
const char* registerFaultVfs();
void setFaultPlan(const FaultPlan& plan);
// How many writes have been refused since the plan was set.
int refusedWrites();

} // namespace sq::test
