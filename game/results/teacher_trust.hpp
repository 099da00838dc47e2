// Which teacher key a PC trusts, and what that decides: the erasures a merge may
// apply and the class list a game PC may show.
//   - The trusted key is the machine configuration's `teacherPublicKey` (set by IT,
//     handed to the store as StoreOptions::teacherPublicKey) when there is one;
//     else the key pinned in the store's `meta` (trust on first use: the teacher's
//     own store pins its key when it makes it, a game PC pins the key of the first
//     signed class list it reads). A different key is refused, never taken in its
//     place; `safequest-cli teacher-key forget` (IT) clears a pinned key.
//   - A tombstone (pupil.erased) from another device counts only when its signature
//     verifies against the trusted key. Tombstones never pin a key: a self-signed
//     set of erasures planted on the share before the first class list must not
//     become the trusted teacher.
//   - A class list counts only when it is signed by the trusted key; the last one
//     accepted is kept in the store, so a refused one leaves the PC with it. Pupils
//     with a tombstone held in the store are left out of every class list read, so a
//     list published before an erasure had been merged never brings a pupil back.
// Depends on: results/results_store, results/teacher_key, results/school_folder
// (parseClassList), results/roster, results/event_payload, nlohmann_json (in the .cpp).
#pragma once

#include "results/event.hpp"
#include "results/roster.hpp"
#include "results/snapshot_reader.hpp"

#include <optional>
#include <set>
#include <string>
#include <string_view>

namespace sq {

class ResultsStore;
class TeacherSigner;

enum class TrustSource { None, Machine, Pinned };

struct TrustedKey {
  std::string key; // "" when none
  TrustSource source = TrustSource::None;
};

// The key this store trusts, and where it comes from.
TrustedKey trustedTeacherKey(const ResultsStore& store);

// Pins `key` on a store that trusts none yet. True when `key` is (now) the trusted
// key; false, with a reason, when the store trusts another one.
bool pinTeacherKey(ResultsStore& store, const std::string& key, std::string& error);
// Forgets the pinned key (IT, when the teacher's key really changed). The machine
// configuration's key is not in the store and is unaffected.
bool forgetPinnedTeacherKey(ResultsStore& store, std::string& error);

// Why a tombstone is, or is not, honoured.
enum class TombstoneCheck {
  Valid,        // signed by the trusted key
  Unsigned,     // no signature (written before signing, or forged)
  NoTrustedKey, // signed, but this PC trusts no teacher key yet
  OtherKey,     // signed by a key that is not the trusted one
  BadSignature, // the signature does not verify
};
TombstoneCheck checkTombstone(const Event& e, const std::string& trustedKey);

// The signature of a tombstone with its uuid, pupil, time and device id set: the
// data text to record it with.
std::string signedTombstoneData(const Event& tombstone, const TeacherSigner& signer);

// Pupils whose erasure this store holds: a tombstone this device recorded, or one
// signed by the trusted key.
std::set<std::string> heldErasures(const ResultsStore& store);
// Takes every pupil in `erased` off the class list.
void leaveOutErased(Roster& roster, const std::set<std::string>& erased);

// classlist.json as the teacher signs it: {"format":"safequest-signed-classlist/1",
// "classList": <the class list's JSON text, as a string>, "teacherKey", "signature"}.
std::string signedClassListJson(const std::string& classListText, const TeacherSigner& signer);

// A class list as a game PC reads it from the school folder.
struct ClassListRead {
  std::optional<Roster> roster; // nullopt: neither the folder's nor a kept one
  // Why the folder's list was refused ("" when it was taken); when it was refused,
  // `roster` (if any) is the last list this PC accepted.
  std::string refused;
  std::string notice; // e.g. a key pinned on first use, to log
};
// Reads <schoolFolder>/classlist.json: the signature must verify against the trusted
// key (pinning it when the store trusts none yet), then the list is checked as
// parseClassList does and kept in the store; every held erasure is left out.
ClassListRead readTrustedClassList(ResultsStore& store, const std::string& schoolFolder,
                                   const SnapshotLimits& limits = {});
// The same for class-list bytes already read (tests, fuzzing).
ClassListRead acceptClassListBytes(ResultsStore& store, std::string_view bytes,
                                   const SnapshotLimits& limits = {});

} // namespace sq
