// The teacher's signing key: the Ed25519 key pair (libsodium crypto_sign) that signs
// pupil erasures (pupil.erased tombstones) and the published class list, so that a
// pupil who can write to the school folder can neither erase records nor change the
// class list the game PCs show.
//   - The teacher's store holds the pair in its `meta` table, the secret key sealed
//     (crypto_secretbox) under a key derived from the teacher PIN with Argon2id
//     (crypto_pwhash, a random salt per sealing). It is made on first need, with the
//     PIN. When the teacher PIN changes, resealTeacherKey() must be called with the
//     old and the new PIN, or the key can no longer be opened.
//   - An unsealed secret key lives only in a TeacherSigner, which wipes it
//     (sodium_memzero) when destroyed.
//   - The bytes signed: tombstoneSignedBytes() for a tombstone, the class list's
//     exact text (with a prefix of its own, so one signature can never pass for the
//     other) for classlist.json.
// Which key a PC trusts is results/teacher_trust's job.
// Depends on: results/results_store, results/event, nlohmann_json and libsodium (in
// the .cpp only).
#pragma once

#include "results/event.hpp"

#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace sq {

class ResultsStore;

// The Argon2id cost of turning the PIN into the sealing key. The default is
// libsodium's interactive limits (2 passes, 64 MiB); tests pass fastPwhashLimits().
struct PwhashLimits {
  std::uint64_t opsLimit = 2;
  std::size_t memLimit = 64u * 1024 * 1024;
};
// libsodium's minimum: for tests only, where Argon2 at full cost would be slow.
PwhashLimits fastPwhashLimits();

// An unsealed teacher key. Not copyable; the secret key is wiped on destruction.
class TeacherSigner {
public:
  // A fresh key pair that is kept nowhere (tests and tools).
  static std::unique_ptr<TeacherSigner> generate();
  ~TeacherSigner();
  TeacherSigner(const TeacherSigner&) = delete;
  TeacherSigner& operator=(const TeacherSigner&) = delete;

  // The public key, 64 lowercase hex digits.
  const std::string& publicKey() const { return mPublicKey; }
  // A detached Ed25519 signature over `message`, 128 lowercase hex digits.
  std::string sign(std::string_view message) const;

private:
  TeacherSigner() = default;
  friend struct TeacherKeyAccess;

  std::array<unsigned char, 64> mSecret{};
  std::string mPublicKey;
};

// True when `key` is 64 lowercase hex digits (an Ed25519 public key as written here).
bool isTeacherPublicKey(std::string_view key);

// True when `signatureHex` is a valid signature by `publicKeyHex` over `message`.
// Malformed hex of either is simply not valid.
bool verifyTeacherSignature(std::string_view publicKeyHex, std::string_view signatureHex,
                            std::string_view message);

// The bytes a tombstone's signature covers: its uuid, pupil id, time, device id and
// kind, each length-prefixed after a fixed label, so no two tombstones share them.
std::string tombstoneSignedBytes(const Event& e);
// The bytes a class list's signature covers: a fixed label, then its exact text.
std::string classListSignedBytes(std::string_view classListText);

// ---- the key pair in the store --------------------------------------------------

// True when the store holds a (sealed) teacher key pair.
bool hasTeacherKey(const ResultsStore& store);
// The public key of the store's own pair; "" when it holds none.
std::string storedTeacherPublicKey(const ResultsStore& store);

// Opens the store's teacher key with `pin`, making and sealing a new pair on first
// need (and trusting it on this store, results/teacher_trust). Refuses, with a
// reason, a wrong PIN, a damaged key record, and making a pair on a store that
// already trusts another teacher's key (erasing belongs on the teacher's machine).
// The caller checks the PIN against the teacher PIN first (settings/teacher_pin):
// this only proves it opens the seal. `limits` is the cost of a new sealing; an
// existing one is opened with the cost it was made with.
std::unique_ptr<TeacherSigner> unlockTeacherKey(ResultsStore& store, std::string_view pin,
                                                std::string& error,
                                                const PwhashLimits& limits = {});

// Seals the store's teacher key again under `newPin`. MUST be called whenever the
// teacher PIN changes (the PIN-change code calls it with the old and the new PIN);
// otherwise the key stays sealed under the old PIN. False, with a reason and nothing
// changed, when `oldPin` does not open the key. A store with no key has nothing to
// reseal: true.
bool resealTeacherKey(ResultsStore& store, std::string_view oldPin, std::string_view newPin,
                      std::string& error, const PwhashLimits& limits = {});

} // namespace sq
