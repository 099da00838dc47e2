#include "results/teacher_key.hpp"

#include "results/event_kinds.hpp"
#include "results/results_store.hpp"
#include "results/sqlite_statement.hpp"
#include "results/store_meta.hpp"
#include "results/teacher_trust.hpp"

#include <nlohmann/json.hpp>
#include <sodium.h>

#include <vector>

namespace sq {

static_assert(crypto_sign_SECRETKEYBYTES == 64);
static_assert(crypto_sign_PUBLICKEYBYTES == 32);

struct TeacherKeyAccess {
  static std::unique_ptr<TeacherSigner> make() {
    return std::unique_ptr<TeacherSigner>(new TeacherSigner());
  }
  static unsigned char* secret(TeacherSigner& s) { return s.mSecret.data(); }
  static void setPublic(TeacherSigner& s, std::string key) { s.mPublicKey = std::move(key); }
};

namespace {

constexpr const char* kKeyMeta = "teacher_key";
constexpr const char* kKeyFormat = "safequest-teacher-key/1";
// The costs a stored sealing may ask for: a damaged or edited record must not make
// opening the key take minutes or gigabytes.
constexpr std::uint64_t kMaxOpsLimit = 8;
constexpr std::size_t kMaxMemLimit = 256u * 1024 * 1024;

bool sodiumReady() {
  static const bool ready = sodium_init() >= 0;
  return ready;
}

std::string toHex(const unsigned char* bytes, std::size_t n) {
  std::string out(n * 2 + 1, '\0');
  sodium_bin2hex(out.data(), out.size(), bytes, n);
  out.pop_back();
  return out;
}

// Exactly `n` bytes from 2n lowercase hex digits, else nullopt.
std::optional<std::vector<unsigned char>> fromHex(std::string_view hex, std::size_t n) {
  if (hex.size() != n * 2) {
    return std::nullopt;
  }
  for (char c : hex) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
      return std::nullopt;
    }
  }
  std::vector<unsigned char> out(n);
  std::size_t len = 0;
  if (sodium_hex2bin(out.data(), n, hex.data(), hex.size(), nullptr, &len, nullptr) != 0 ||
      len != n) {
    return std::nullopt;
  }
  return out;
}

std::string readMeta(const ResultsStore& store, const char* key) {
  return readMetaValue(store.handle(), key);
}

bool writeMeta(ResultsStore& store, const char* key, const std::string& value, std::string& error) {
  return writeMetaValue(store.handle(), key, value, "could not save the teacher key", error);
}

// The sealing key from the PIN. Wiped by the caller.
bool deriveKey(std::string_view pin, const unsigned char* salt, std::uint64_t ops, std::size_t mem,
               unsigned char (&key)[crypto_secretbox_KEYBYTES]) {
  return crypto_pwhash(key, sizeof key, pin.data(), pin.size(), salt,
                       static_cast<unsigned long long>(ops), mem,
                       crypto_pwhash_ALG_ARGON2ID13) == 0;
}

// The key record as kept in meta: the public key, and the secret key sealed.
std::optional<std::string> sealRecord(const unsigned char* secret, const std::string& publicKey,
                                      std::string_view pin, const PwhashLimits& limits,
                                      std::string& error) {
  unsigned char salt[crypto_pwhash_SALTBYTES];
  unsigned char nonce[crypto_secretbox_NONCEBYTES];
  randombytes_buf(salt, sizeof salt);
  randombytes_buf(nonce, sizeof nonce);
  unsigned char key[crypto_secretbox_KEYBYTES];
  if (!deriveKey(pin, salt, limits.opsLimit, limits.memLimit, key)) {
    sodium_memzero(key, sizeof key);
    error = "could not derive a key from the PIN (out of memory?)";
    return std::nullopt;
  }
  unsigned char sealed[crypto_secretbox_MACBYTES + crypto_sign_SECRETKEYBYTES];
  crypto_secretbox_easy(sealed, secret, crypto_sign_SECRETKEYBYTES, nonce, key);
  sodium_memzero(key, sizeof key);
  nlohmann::ordered_json j;
  j["format"] = kKeyFormat;
  j["publicKey"] = publicKey;
  j["opsLimit"] = limits.opsLimit;
  j["memLimit"] = limits.memLimit;
  j["salt"] = toHex(salt, sizeof salt);
  j["nonce"] = toHex(nonce, sizeof nonce);
  j["sealed"] = toHex(sealed, sizeof sealed);
  return j.dump();
}

// Opens the store's key record with `pin`.
std::unique_ptr<TeacherSigner> openRecord(const std::string& record, std::string_view pin,
                                          std::string& error) {
  const auto j = nlohmann::json::parse(record, nullptr, false);
  const auto str = [&](const char* k) -> std::string {
    const auto it = j.is_object() ? j.find(k) : j.end();
    return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
  };
  const auto num = [&](const char* k) -> std::uint64_t {
    const auto it = j.is_object() ? j.find(k) : j.end();
    return it != j.end() && it->is_number_unsigned() ? it->get<std::uint64_t>() : 0;
  };
  const std::string publicKey = str("publicKey");
  const std::uint64_t ops = num("opsLimit");
  const std::uint64_t mem = num("memLimit");
  const auto salt = fromHex(str("salt"), crypto_pwhash_SALTBYTES);
  const auto nonce = fromHex(str("nonce"), crypto_secretbox_NONCEBYTES);
  const auto sealed =
      fromHex(str("sealed"), crypto_secretbox_MACBYTES + crypto_sign_SECRETKEYBYTES);
  if (j.is_discarded() || str("format") != kKeyFormat || !isTeacherPublicKey(publicKey) || !salt ||
      !nonce || !sealed || ops < crypto_pwhash_OPSLIMIT_MIN || ops > kMaxOpsLimit ||
      mem < crypto_pwhash_MEMLIMIT_MIN || mem > kMaxMemLimit) {
    error = "the teacher key kept in this store is damaged";
    return nullptr;
  }
  unsigned char key[crypto_secretbox_KEYBYTES];
  if (!deriveKey(pin, salt->data(), ops, static_cast<std::size_t>(mem), key)) {
    sodium_memzero(key, sizeof key);
    error = "could not derive a key from the PIN (out of memory?)";
    return nullptr;
  }
  auto signer = TeacherKeyAccess::make();
  unsigned char* secret = TeacherKeyAccess::secret(*signer);
  const int opened =
      crypto_secretbox_open_easy(secret, sealed->data(), sealed->size(), nonce->data(), key);
  sodium_memzero(key, sizeof key);
  if (opened != 0) {
    error = "the PIN does not open the teacher key (if the teacher PIN was changed, the key "
            "must be resealed with the old and the new PIN: safequest-cli teacher-key reseal)";
    return nullptr;
  }
  // The public key must be the secret key's own (its last 32 bytes in libsodium).
  if (toHex(secret + 32, crypto_sign_PUBLICKEYBYTES) != publicKey) {
    error = "the teacher key kept in this store is damaged";
    return nullptr;
  }
  TeacherKeyAccess::setPublic(*signer, publicKey);
  return signer;
}

} // namespace

PwhashLimits fastPwhashLimits() {
  return {crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN};
}

static_assert(crypto_pwhash_OPSLIMIT_INTERACTIVE == 2);
static_assert(crypto_pwhash_MEMLIMIT_INTERACTIVE == 64u * 1024 * 1024);

std::unique_ptr<TeacherSigner> TeacherSigner::generate() {
  if (!sodiumReady()) {
    return nullptr;
  }
  auto s = TeacherKeyAccess::make();
  unsigned char pk[crypto_sign_PUBLICKEYBYTES];
  crypto_sign_keypair(pk, s->mSecret.data());
  s->mPublicKey = toHex(pk, sizeof pk);
  return s;
}

TeacherSigner::~TeacherSigner() {
  sodium_memzero(mSecret.data(), mSecret.size());
}

std::string TeacherSigner::sign(std::string_view message) const {
  unsigned char sig[crypto_sign_BYTES];
  crypto_sign_detached(sig, nullptr, reinterpret_cast<const unsigned char*>(message.data()),
                       message.size(), mSecret.data());
  return toHex(sig, sizeof sig);
}

bool isTeacherPublicKey(std::string_view key) {
  return fromHex(key, crypto_sign_PUBLICKEYBYTES).has_value();
}

bool verifyTeacherSignature(std::string_view publicKeyHex, std::string_view signatureHex,
                            std::string_view message) {
  if (!sodiumReady()) {
    return false;
  }
  const auto pk = fromHex(publicKeyHex, crypto_sign_PUBLICKEYBYTES);
  const auto sig = fromHex(signatureHex, crypto_sign_BYTES);
  return pk && sig &&
         crypto_sign_verify_detached(sig->data(),
                                     reinterpret_cast<const unsigned char*>(message.data()),
                                     message.size(), pk->data()) == 0;
}

std::string tombstoneSignedBytes(const Event& e) {
  std::string out = "safequest-tombstone/1";
  for (const std::string_view field :
       {std::string_view(e.uuid), std::string_view(e.pupilId), std::string_view(e.timeUtc),
        std::string_view(e.deviceId), eventKindId(e.kind)}) {
    out += '\n';
    out += std::to_string(field.size());
    out += ':';
    out += field;
  }
  return out;
}

std::string classListSignedBytes(std::string_view classListText) {
  std::string out = "safequest-classlist/1";
  out += '\0';
  out += classListText;
  return out;
}

bool hasTeacherKey(const ResultsStore& store) {
  return !readMeta(store, kKeyMeta).empty();
}

std::string storedTeacherPublicKey(const ResultsStore& store) {
  const auto j = nlohmann::json::parse(readMeta(store, kKeyMeta), nullptr, false);
  const auto it = j.is_object() ? j.find("publicKey") : j.end();
  if (it == j.end() || !it->is_string() || !isTeacherPublicKey(it->get_ref<const std::string&>())) {
    return {};
  }
  return it->get<std::string>();
}

std::unique_ptr<TeacherSigner> unlockTeacherKey(ResultsStore& store, std::string_view pin,
                                                std::string& error, const PwhashLimits& limits) {
  if (!sodiumReady()) {
    error = "the cryptography library could not start";
    return nullptr;
  }
  const std::string record = readMeta(store, kKeyMeta);
  const TrustedKey trusted = trustedTeacherKey(store);
  if (!record.empty()) {
    auto signer = openRecord(record, pin, error);
    if (signer && !trusted.key.empty() && trusted.key != signer->publicKey()) {
      error = "this PC trusts another teacher key (" + trusted.key +
              (trusted.source == TrustSource::Machine ? ", set in the machine configuration"
                                                      : ", pinned in this store") +
              ") than the one this store holds (" + signer->publicKey() + ")";
      return nullptr;
    }
    // A store holding the key trusts it (one whose pin was forgotten, or a key
    // record restored from a backup).
    if (signer && trusted.key.empty() && !pinTeacherKey(store, signer->publicKey(), error)) {
      return nullptr;
    }
    return signer;
  }
  if (!trusted.key.empty()) {
    error = "this PC trusts the teacher key " + trusted.key +
            " and holds none of its own: erase and publish on the teacher's machine";
    return nullptr;
  }
  auto signer = TeacherSigner::generate();
  if (!signer) {
    error = "could not make a teacher key";
    return nullptr;
  }
  auto sealed =
      sealRecord(TeacherKeyAccess::secret(*signer), signer->publicKey(), pin, limits, error);
  if (!sealed) {
    return nullptr;
  }
  std::string ignored;
  sqlite3* db = store.handle();
  if (sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr) != SQLITE_OK) {
    error = std::string("could not save the teacher key: ") + sqlite3_errmsg(db);
    return nullptr;
  }
  if (!writeMeta(store, kKeyMeta, *sealed, error) ||
      !pinTeacherKey(store, signer->publicKey(), error) ||
      sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr) != SQLITE_OK) {
    if (error.empty()) {
      error = std::string("could not save the teacher key: ") + sqlite3_errmsg(db);
    }
    sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
    return nullptr;
  }
  return signer;
}

bool resealTeacherKey(ResultsStore& store, std::string_view oldPin, std::string_view newPin,
                      std::string& error, const PwhashLimits& limits) {
  if (!sodiumReady()) {
    error = "the cryptography library could not start";
    return false;
  }
  const std::string record = readMeta(store, kKeyMeta);
  if (record.empty()) {
    return true;
  }
  auto signer = openRecord(record, oldPin, error);
  if (!signer) {
    return false;
  }
  auto sealed =
      sealRecord(TeacherKeyAccess::secret(*signer), signer->publicKey(), newPin, limits, error);
  return sealed && writeMeta(store, kKeyMeta, *sealed, error);
}

} // namespace sq
