#include "records_context.hpp"

#include "results/civil_time.hpp"

#include <chrono>

namespace sq {

namespace {
StoreOptions storeOptions(const GameSettings* settings) {
  StoreOptions options;
  if (settings != nullptr) {
    // As safequest-cli: the key IT set is the only one trusted for erasures.
    options.teacherPublicKey = settings->effective().teacherPublicKey.value;
  }
  return options;
}
} // namespace

bool RecordsContext::open() {
  if (!now) {
    now = [] {
      return static_cast<std::int64_t>(std::chrono::duration_cast<std::chrono::seconds>(
                                           std::chrono::system_clock::now().time_since_epoch())
                                           .count());
    };
  }
  storeError.clear();
  store = ResultsStore::open(dataDir, storeError, storeOptions());
  if (!store) {
    return false;
  }
  reloadRoster();
  return true;
}

StoreOptions RecordsContext::storeOptions() const {
  return sq::storeOptions(settings);
}

void RecordsContext::reloadRoster() {
  if (store) {
    roster = store->loadRoster();
  }
}

std::string RecordsContext::today() const {
  return formatUtc(now ? now() : 0).substr(0, 10);
}

std::string RecordsContext::schoolFolder() const {
  return settings != nullptr ? settings->effective().schoolFolder.value : std::string();
}

std::unique_ptr<TeacherSigner> RecordsContext::teacherSigner(std::string& error) {
  if (!store) {
    error = storeError.empty() ? "the records could not be opened" : storeError;
    return nullptr;
  }
  if (pin.empty()) {
    error = "no teacher PIN is set: set one (Privacy, Teacher PIN) before erasing or publishing";
    return nullptr;
  }
  return unlockTeacherKey(*store, pin, error);
}

} // namespace sq
