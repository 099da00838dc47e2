// Two records stores claiming one device id: noticed when publishing, before this
// PC's snapshot replaces results/<device-id>.sqlite on the share. A data folder
// copied before instance ids existed, a PC restored from an older backup at the
// same place, or PCs made from one disk image all keep their home fingerprint
// (results/store_identity), so the copies meet only here. The snapshot already on
// the share says which instance wrote it, since when, how far its counter got,
// and (its rows) which event it gave each sequence number; compared with this
// store's own, that decides whether this store may replace the file or must take
// a fresh device id first, and which of its own events then move to the new id.
// Depends on: results/snapshot_reader, results/uuid, sqlite3 (inside the .cpp only).
#pragma once

#include "results/snapshot_reader.hpp"

#include <chrono>
#include <cstdint>
#include <limits>
#include <string>
#include <utility>
#include <vector>

namespace sq {

// What one store (this one, or the snapshot on the share) says about a device id.
struct DeviceClaim {
  std::string deviceId;
  std::string instanceId;         // "" from a build before instance ids
  std::int64_t instanceSince = 0; // Unix seconds; 0 when not known
  std::int64_t localSeq = 0;      // the counter; 0 when not known
  // (seq, uuid) of the events carrying deviceId, by seq.
  std::vector<std::pair<std::int64_t, std::string>> rows;
};

enum class ClaimRead {
  Read,    // `claim` holds what the file says
  Missing, // there is no file
  Refused, // no merge could read it either (damaged, foreign, over a limit)
  TooSlow, // not read in the time given: the file must not be replaced unread
};

// Reads what the snapshot at `path` claims about `deviceId`: the file read-only
// and immutable, checked first as the merge checks it (SnapshotReader::open),
// values limited in size, every statement given up at `timeLimit` from now.
ClaimRead readDeviceClaim(const std::string& path, const std::string& deviceId,
                          const SnapshotLimits& limits,
                          std::chrono::steady_clock::duration timeLimit, DeviceClaim& claim,
                          std::string& error);

struct ClaimDecision {
  bool takeFreshId = false;
  // This store's events with seq >= renumberFrom move to the fresh id.
  std::int64_t renumberFrom = std::numeric_limits<std::int64_t>::max();
  std::string reason; // why, for people, when takeFreshId
};

// Decides for the store publishing now (`own`) against the file on the share.
// Another instance, or the same instance whose rows differ from ours or go on
// past ours (a restored backup, an imaged PC), claims the id too: the newer of
// the two (the later instanceSince; when equal, this one) takes a fresh id,
// moving the events it recorded itself after the two parted (from the first seq
// with a different uuid, and past the share's highest seq when the instances
// differ). The older replaces its own file as before.
ClaimDecision decideClaim(const DeviceClaim& own, const DeviceClaim& share);

} // namespace sq
