#include "support/fault_vfs.hpp"

#include <sqlite3.h>

#include <cerrno>
#include <cstring>
#include <mutex>

namespace sq::test {

namespace {

struct FaultFile {
  sqlite3_file base;
  sqlite3_file* real; // the wrapped file, allocated right after this struct
};

sqlite3_vfs gVfs;
sqlite3_vfs* gReal = nullptr;
FaultPlan gPlan;
int gRefused = 0;
std::mutex gMutex;

sqlite3_file* real(sqlite3_file* f) {
  return reinterpret_cast<FaultFile*>(f)->real;
}

int xClose(sqlite3_file* f) {
  return real(f)->pMethods->xClose(real(f));
}
int xRead(sqlite3_file* f, void* b, int n, sqlite3_int64 o) {
  return real(f)->pMethods->xRead(real(f), b, n, o);
}
int xWrite(sqlite3_file* f, const void* b, int n, sqlite3_int64 o) {
  bool fail = false;
  bool torn = false;
  {
    std::lock_guard<std::mutex> lock(gMutex);
    if (gPlan.writesBeforeFailure == 0) {
      fail = true;
      torn = gPlan.tornWrite;
      ++gRefused;
    } else if (gPlan.writesBeforeFailure > 0) {
      --gPlan.writesBeforeFailure;
    }
  }
  if (!fail) {
    return real(f)->pMethods->xWrite(real(f), b, n, o);
  }
  if (torn) {
    real(f)->pMethods->xWrite(real(f), b, n / 2, o);
    return SQLITE_IOERR_WRITE;
  }
  return SQLITE_FULL;
}
int xTruncate(sqlite3_file* f, sqlite3_int64 s) {
  return real(f)->pMethods->xTruncate(real(f), s);
}
int xSync(sqlite3_file* f, int flags) {
  return real(f)->pMethods->xSync(real(f), flags);
}
int xFileSize(sqlite3_file* f, sqlite3_int64* s) {
  return real(f)->pMethods->xFileSize(real(f), s);
}
int xLock(sqlite3_file* f, int l) {
  return real(f)->pMethods->xLock(real(f), l);
}
int xUnlock(sqlite3_file* f, int l) {
  return real(f)->pMethods->xUnlock(real(f), l);
}
int xCheckReservedLock(sqlite3_file* f, int* r) {
  return real(f)->pMethods->xCheckReservedLock(real(f), r);
}
int xFileControl(sqlite3_file* f, int op, void* a) {
  return real(f)->pMethods->xFileControl(real(f), op, a);
}
int xSectorSize(sqlite3_file* f) {
  return real(f)->pMethods->xSectorSize(real(f));
}
int xDeviceCharacteristics(sqlite3_file* f) {
  return real(f)->pMethods->xDeviceCharacteristics(real(f));
}
int xShmMap(sqlite3_file* f, int pg, int sz, int ext, void volatile** p) {
  {
    std::lock_guard<std::mutex> lock(gMutex);
    if (gPlan.shmFull) {
      ++gRefused;
      errno = ENOSPC; // what SQLite reads back through the VFS's xGetLastError
      return SQLITE_IOERR_SHMSIZE;
    }
  }
  return real(f)->pMethods->xShmMap(real(f), pg, sz, ext, p);
}
int xShmLock(sqlite3_file* f, int o, int n, int fl) {
  return real(f)->pMethods->xShmLock(real(f), o, n, fl);
}
void xShmBarrier(sqlite3_file* f) {
  real(f)->pMethods->xShmBarrier(real(f));
}
int xShmUnmap(sqlite3_file* f, int d) {
  return real(f)->pMethods->xShmUnmap(real(f), d);
}
int xFetch(sqlite3_file* f, sqlite3_int64 o, int n, void** p) {
  return real(f)->pMethods->xFetch(real(f), o, n, p);
}
int xUnfetch(sqlite3_file* f, sqlite3_int64 o, void* p) {
  return real(f)->pMethods->xUnfetch(real(f), o, p);
}

const sqlite3_io_methods kMethods = {3,
                                     xClose,
                                     xRead,
                                     xWrite,
                                     xTruncate,
                                     xSync,
                                     xFileSize,
                                     xLock,
                                     xUnlock,
                                     xCheckReservedLock,
                                     xFileControl,
                                     xSectorSize,
                                     xDeviceCharacteristics,
                                     xShmMap,
                                     xShmLock,
                                     xShmBarrier,
                                     xShmUnmap,
                                     xFetch,
                                     xUnfetch};

int xOpen(sqlite3_vfs*, sqlite3_filename name, sqlite3_file* f, int flags, int* outFlags) {
  {
    std::lock_guard<std::mutex> lock(gMutex);
    if (gPlan.readOnly && (flags & (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE))) {
      return SQLITE_CANTOPEN;
    }
  }
  auto* ff = reinterpret_cast<FaultFile*>(f);
  ff->real = reinterpret_cast<sqlite3_file*>(ff + 1);
  const int rc = gReal->xOpen(gReal, name, ff->real, flags, outFlags);
  // SQLite calls xClose only when pMethods is set, so leave it null on failure.
  ff->base.pMethods = ff->real->pMethods ? &kMethods : nullptr;
  return rc;
}

} // namespace

const char* registerFaultVfs() {
  static std::once_flag once;
  std::call_once(once, [] {
    gReal = sqlite3_vfs_find(nullptr);
    gVfs = *gReal;
    gVfs.zName = kFaultVfsName;
    gVfs.szOsFile = static_cast<int>(sizeof(FaultFile)) + gReal->szOsFile;
    gVfs.xOpen = xOpen;
    gVfs.pNext = nullptr;
    sqlite3_vfs_register(&gVfs, 0);
  });
  return kFaultVfsName;
}

void setFaultPlan(const FaultPlan& plan) {
  std::lock_guard<std::mutex> lock(gMutex);
  gPlan = plan;
  gRefused = 0;
}

int refusedWrites() {
  std::lock_guard<std::mutex> lock(gMutex);
  return gRefused;
}

} // namespace sq::test
