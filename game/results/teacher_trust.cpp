#include "results/teacher_trust.hpp"

#include "content/json_limits.hpp"
#include "results/event_payload.hpp"
#include "results/results_store.hpp"
#include "results/school_folder.hpp"
#include "results/sqlite_statement.hpp"
#include "results/store_meta.hpp"
#include "results/teacher_key.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>

namespace fs = std::filesystem;

namespace sq {

namespace {

constexpr const char* kPinnedMeta = "teacher_key_trusted";
constexpr const char* kAcceptedListMeta = "classlist_accepted";
constexpr const char* kSignedFormat = "safequest-signed-classlist/1";

std::string readMeta(const ResultsStore& store, const char* key) {
  return readMetaValue(store.handle(), key);
}

bool writeMeta(ResultsStore& store, const char* key, const std::string& value, std::string& error) {
  return writeMetaValue(store.handle(), key, value, "records store", error);
}

struct Envelope {
  std::string classList;
  std::string teacherKey;
  std::string signature;
};

// The signed class list's outer object; every field checked, nothing thrown.
std::optional<Envelope> parseEnvelope(std::string_view bytes, std::string& error,
                                      const SnapshotLimits& limits) {
  if (bytes.size() > limits.maxClassListBytes) {
    error = "the class list is larger than the limit";
    return std::nullopt;
  }
  // The envelope is one flat object; anything nested deeper is not ours, and is
  // refused before the parser sees it.
  if (findExcessNesting(bytes, 4)) {
    error = "the class list is not a SafeQuest class list";
    return std::nullopt;
  }
  const auto j = nlohmann::json::parse(bytes.begin(), bytes.end(), nullptr, false);
  const auto str = [&](const char* key) -> std::string {
    const auto it = j.find(key);
    return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
  };
  if (j.is_discarded() || !j.is_object()) {
    error = "the class list is not a SafeQuest class list";
    return std::nullopt;
  }
  if (str("format") == "safequest-classlist/1") {
    error = "the class list is not signed by the teacher (it was published by an older "
            "SafeQuest, or by someone else); publish it again from the teacher's machine";
    return std::nullopt;
  }
  if (str("format") != kSignedFormat) {
    error = "the class list is not a SafeQuest class list";
    return std::nullopt;
  }
  Envelope e{str("classList"), str("teacherKey"), str("signature")};
  if (e.classList.empty() || e.signature.empty() || !isTeacherPublicKey(e.teacherKey)) {
    error = "the class list is not signed by the teacher";
    return std::nullopt;
  }
  return e;
}

// The class list in `bytes` when it is signed by the trusted key, pinning the key
// when `mayPin` and the store trusts none yet.
std::optional<Roster> verifiedList(ResultsStore& store, std::string_view bytes, bool mayPin,
                                   std::string& error, std::string& notice,
                                   const SnapshotLimits& limits) {
  const auto env = parseEnvelope(bytes, error, limits);
  if (!env) {
    return std::nullopt;
  }
  if (!verifyTeacherSignature(env->teacherKey, env->signature,
                              classListSignedBytes(env->classList))) {
    error = "the class list's signature does not match its contents (it was changed after "
            "the teacher signed it)";
    return std::nullopt;
  }
  const TrustedKey trusted = trustedTeacherKey(store);
  if (!trusted.key.empty() && trusted.key != env->teacherKey) {
    error = "WARNING: the class list is signed by the teacher key " + env->teacherKey +
            ", but this PC trusts " + trusted.key +
            (trusted.source == TrustSource::Machine
                 ? " (the machine configuration's teacherPublicKey)"
                 : " (pinned on first use; if the teacher's key really changed, IT runs "
                   "safequest-cli teacher-key forget on this PC)");
    return std::nullopt;
  }
  auto roster = parseClassList(env->classList, error, limits);
  if (!roster) {
    return std::nullopt;
  }
  if (trusted.key.empty()) {
    if (!mayPin) {
      error = "no teacher key is trusted yet";
      return std::nullopt;
    }
    if (!pinTeacherKey(store, env->teacherKey, error)) {
      return std::nullopt;
    }
    notice = "trusting the teacher key " + env->teacherKey +
             " from now on (first signed class list read on this PC)";
  }
  return roster;
}

} // namespace

TrustedKey trustedTeacherKey(const ResultsStore& store) {
  if (!store.configuredTeacherKey().empty()) {
    return {store.configuredTeacherKey(), TrustSource::Machine};
  }
  std::string pinned = readMeta(store, kPinnedMeta);
  if (isTeacherPublicKey(pinned)) {
    return {std::move(pinned), TrustSource::Pinned};
  }
  return {};
}

bool pinTeacherKey(ResultsStore& store, const std::string& key, std::string& error) {
  if (!isTeacherPublicKey(key)) {
    error = "not a teacher key";
    return false;
  }
  const std::string pinned = readMeta(store, kPinnedMeta);
  if (isTeacherPublicKey(pinned)) {
    if (pinned == key) {
      return true;
    }
    error = "this PC already trusts the teacher key " + pinned;
    return false;
  }
  return writeMeta(store, kPinnedMeta, key, error);
}

bool forgetPinnedTeacherKey(ResultsStore& store, std::string& error) {
  SqlStatement s(store.handle(), "DELETE FROM meta WHERE key IN (?, ?)");
  s.bind(1, std::string(kPinnedMeta));
  s.bind(2, std::string(kAcceptedListMeta));
  if (!s.ok() || s.step() != SQLITE_DONE) {
    error = std::string("records store: ") + sqlite3_errmsg(store.handle());
    return false;
  }
  return true;
}

TombstoneCheck checkTombstone(const Event& e, const std::string& trustedKey) {
  const auto data = payloadOrEmpty<PupilErasedData>(e);
  if (data.signature.empty()) {
    return TombstoneCheck::Unsigned;
  }
  if (trustedKey.empty()) {
    return TombstoneCheck::NoTrustedKey;
  }
  if (data.teacherKey != trustedKey) {
    return TombstoneCheck::OtherKey;
  }
  return verifyTeacherSignature(trustedKey, data.signature, tombstoneSignedBytes(e))
             ? TombstoneCheck::Valid
             : TombstoneCheck::BadSignature;
}

std::string signedTombstoneData(const Event& tombstone, const TeacherSigner& signer) {
  PupilErasedData d;
  d.signature = signer.sign(tombstoneSignedBytes(tombstone));
  d.teacherKey = signer.publicKey();
  return encodePayload(d);
}

std::set<std::string> heldErasures(const ResultsStore& store) {
  const std::string trusted = trustedTeacherKey(store).key;
  std::set<std::string> out;
  SqlStatement s(store.handle(), (std::string("SELECT ") + kEventColumns +
                                  " FROM events WHERE kind = 'pupil.erased'")
                                     .c_str());
  while (s.ok() && s.step() == SQLITE_ROW) {
    const Event e = readEvent(s);
    if (e.deviceId == store.deviceId() || checkTombstone(e, trusted) == TombstoneCheck::Valid) {
      out.insert(e.pupilId);
    }
  }
  return out;
}

void leaveOutErased(Roster& roster, const std::set<std::string>& erased) {
  roster.pupils.erase(std::remove_if(roster.pupils.begin(), roster.pupils.end(),
                                     [&](const Pupil& p) { return erased.count(p.id) != 0; }),
                      roster.pupils.end());
}

std::string signedClassListJson(const std::string& classListText, const TeacherSigner& signer) {
  nlohmann::ordered_json j;
  j["format"] = kSignedFormat;
  j["classList"] = classListText;
  j["teacherKey"] = signer.publicKey();
  j["signature"] = signer.sign(classListSignedBytes(classListText));
  return j.dump(1);
}

ClassListRead acceptClassListBytes(ResultsStore& store, std::string_view bytes,
                                   const SnapshotLimits& limits) {
  ClassListRead r;
  std::string error;
  r.roster = verifiedList(store, bytes, true, error, r.notice, limits);
  if (r.roster) {
    // Kept, so that a list refused later leaves this PC with this one.
    if (readMeta(store, kAcceptedListMeta) != bytes) {
      std::string ignored;
      writeMeta(store, kAcceptedListMeta, std::string(bytes), ignored);
    }
  } else {
    r.refused = error;
    const std::string kept = readMeta(store, kAcceptedListMeta);
    std::string keptError;
    std::string ignored;
    if (!kept.empty()) {
      r.roster = verifiedList(store, kept, false, keptError, ignored, limits);
    }
  }
  if (r.roster) {
    leaveOutErased(*r.roster, heldErasures(store));
  }
  return r;
}

ClassListRead readTrustedClassList(ResultsStore& store, const std::string& schoolFolder,
                                   const SnapshotLimits& limits) {
  const fs::path p = fs::path(schoolFolder) / "classlist.json";
  std::error_code ec;
  const auto size = fs::file_size(p, ec);
  std::string bytes;
  std::string problem;
  if (ec) {
    problem = "no class list has been published to " + schoolFolder;
  } else if (size > limits.maxClassListBytes) {
    problem = "the class list is larger than the limit";
  } else {
    std::ifstream in(p, std::ios::binary);
    bytes.assign(static_cast<std::size_t>(size), '\0');
    in.read(bytes.data(), static_cast<std::streamsize>(size));
    if (!in) {
      problem = "could not read " + p.string();
    }
  }
  if (problem.empty()) {
    return acceptClassListBytes(store, bytes, limits);
  }
  // Nothing to check: the kept list, if any, stands.
  ClassListRead r = acceptClassListBytes(store, "", limits);
  r.refused = problem;
  return r;
}

} // namespace sq
