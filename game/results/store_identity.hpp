// Where a records store lives, so a copied data folder is noticed. A store keeps
// in its `meta` a random instance id (taken with each device id), since when it
// has it, and its "home": a fingerprint of this machine's identity (systemd's
// /etc/machine-id, else D-Bus's machine id, else the host name; nothing on
// platforms without them, such as Windows and the web) plus the store file's
// canonical path. When a store opens somewhere its home does not match, the
// folder was copied to another PC or restored elsewhere: it takes a fresh device
// and instance id before recording anything (ResultsStore, store_identity.cpp).
// Depends on: core (fnv_hash), results/results_store, sqlite3 (in the .cpp only).
#pragma once

#include "results/results_store.hpp"

#include <string>

namespace sq {

// This machine's identity as the operating system keeps it; "" when none is known.
std::string machineIdentity();

// The home fingerprint of the store file at `storePath` (16 hex digits):
// options.homeFingerprint when set, else machineIdentity() plus the canonical path.
std::string homeFingerprint(const std::string& storePath, const StoreOptions& options);

} // namespace sq
