#include "app/game_settings.hpp"

#include "results/pin_guard.hpp"
#include "results/school_folder.hpp"
#include "screens/picture_password.hpp"

#include <nlohmann/json.hpp>

#include <cstdlib>
#include <fstream>
#include <iterator>

namespace sq {

GameSettings::GameSettings(std::string machineConfigPath, std::string settingsDir,
                           std::string dataOverride)
    : mMachinePath(std::move(machineConfigPath)), mSettingsDir(std::move(settingsDir)),
      mDataOverride(std::move(dataOverride)) {
  reload();
}

void GameSettings::reload() {
  mLoad = loadConfig(mMachinePath, mSettingsDir);
}

std::string GameSettings::recordsDir() const {
  return !mDataOverride.empty() ? mDataOverride : mLoad.effective.dataFolder.value;
}

std::string GameSettings::stringsLanguage() const {
  return mLoad.effective.language.value == "cy" ? "cy-GB" : "en-GB";
}

GameConfig GameSettings::gameConfig() const {
  const EffectiveConfig& e = mLoad.effective;
  GameConfig c;
  c.dataDir = recordsDir();
  c.schoolFolder = e.schoolFolder.value;
  c.lock = e.fullScreenLock.value;
  c.unlockedBands = e.unlockedBands.value;
  c.dataDirFixed = e.dataFolder.locked();
  c.dataDirFromCommandLine = !mDataOverride.empty();
  c.schoolFolderFixed = e.schoolFolder.locked();
  c.lockFixed = e.fullScreenLock.locked();
  c.bandsFixed = e.unlockedBands.locked();
  for (const Diagnostic& d : mLoad.diagnostics.all()) {
    c.problems.push_back(formatDiagnostic(d));
  }
  return c;
}

bool GameSettings::save(const GameConfig& next, std::string& error) {
  const GameConfig now = gameConfig();
  ConfigLayer changes;
  std::set<ConfigField> remove;
  if (next.dataDir != now.dataDir && !now.dataDirFixed && !now.dataDirFromCommandLine) {
    changes.dataFolder = next.dataDir;
  }
  if (next.schoolFolder != now.schoolFolder && !now.schoolFolderFixed) {
    if (next.schoolFolder.empty()) {
      remove.insert(ConfigField::SchoolFolder);
    } else {
      changes.schoolFolder = next.schoolFolder;
    }
  }
  if (next.lock != now.lock && !now.lockFixed) {
    changes.fullScreenLock = next.lock;
  }
  if (next.unlockedBands != now.unlockedBands && !now.bandsFixed) {
    std::vector<Band> bands = next.unlockedBands;
    std::sort(bands.begin(), bands.end());
    bands.erase(std::unique(bands.begin(), bands.end()), bands.end());
    changes.unlockedBands = bands;
  }
  if (!updateConfigFile(userFile(), changes, remove, error)) {
    return false;
  }
  reload();
  return true;
}

bool SettingsPin::isSet() const {
  return pinState(mSettings.effective()) == PinState::Set;
}

bool SettingsPin::unusable() const {
  return pinState(mSettings.effective()) == PinState::Unusable;
}

PinResult SettingsPin::verify(const std::string& pin) {
  mSettings.reload(); // IT may have set the PIN since the game started
  const std::int64_t now = mNow();
  const PinGuardAnswer check = guard().check(pin, mSettings.effective(), now);
  PinResult r;
  switch (check.result) {
  case PinCheck::Accepted:
    r.result = PinResult::Result::Accepted;
    break;
  case PinCheck::Wrong:
    r.result = PinResult::Result::Wrong;
    break;
  case PinCheck::LockedOut:
    r.result = PinResult::Result::LockedOut;
    r.waitSeconds = static_cast<int>(check.secondsLeft);
    break;
  case PinCheck::NotSet:
    r.result = PinResult::Result::NotSet;
    break;
  case PinCheck::Unusable:
    r.result = PinResult::Result::Unusable;
    break;
  case PinCheck::Blocked:
    r.result = PinResult::Result::Blocked;
    r.error = check.problem;
    break;
  }
  return r;
}

bool SettingsPin::set(const std::string& pin, std::string& error) {
  mSettings.reload();
  if (pinState(mSettings.effective()) != PinState::NotSet) {
    // The first-run screen only: changing a PIN needs the old one.
    error = "a teacher PIN is set already";
    return false;
  }
  const PinChange change = guard().change("", pin, mSettings.effective(),
                                          PinTarget{mSettings.userFile(), false}, mNow());
  mSettings.reload();
  if (change.result != PinChangeResult::Changed) {
    error = change.message;
    return false;
  }
  return true;
}

PinGuard SettingsPin::guard() const {
  PinGuardOptions options;
  options.legacyLockoutFile = pinLockoutPath(mSettings.settingsDir());
  return PinGuard(mSettings.recordsDir(), options);
}

bool PicturePasswordFile::load(std::string& error) {
  mByClass.clear();
  mSetAt.clear();
  std::ifstream in(mPath, std::ios::binary);
  if (!in) {
    return true; // none set yet
  }
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (text.size() > 256 * 1024) {
    error = mPath + " is too large";
    return false;
  }
  const auto doc = nlohmann::json::parse(text, nullptr, false);
  const auto classes = doc.is_object() ? doc.find("classes") : doc.end();
  if (doc.is_discarded() || !doc.is_object() || classes == doc.end() || !classes->is_object()) {
    error = mPath + " is not a picture-password file";
    return false;
  }
  for (auto it = classes->begin(); it != classes->end(); ++it) {
    std::vector<int> pics;
    if (it.value().is_array()) {
      for (const auto& v : it.value()) {
        pics.push_back(v.is_number_integer() ? v.get<int>() : 0);
      }
    }
    if (validPicturePassword(pics)) {
      mByClass[it.key()] = pics; // a damaged entry is left out: that class has none
    }
  }
  const auto setAt = doc.find("setAt");
  if (setAt != doc.end() && setAt->is_object()) {
    for (auto it = setAt->begin(); it != setAt->end(); ++it) {
      if (it.value().is_string() && mByClass.count(it.key()) != 0) {
        mSetAt[it.key()] = it.value().get<std::string>();
      }
    }
  }
  return true;
}

std::vector<int> PicturePasswordFile::get(const std::string& classId) const {
  const auto it = mByClass.find(classId);
  return it == mByClass.end() ? std::vector<int>{} : it->second;
}

std::string PicturePasswordFile::setAt(const std::string& classId) const {
  const auto it = mSetAt.find(classId);
  return it == mSetAt.end() ? std::string() : it->second;
}

bool PicturePasswordFile::set(const std::string& classId, const std::vector<int>& pictures,
                              std::string& error, const std::string& setAtUtc) {
  if (!pictures.empty() && !validPicturePassword(pictures)) {
    error = "a picture password is three of the six pictures";
    return false;
  }
  auto next = mByClass;
  auto nextSetAt = mSetAt;
  nextSetAt.erase(classId);
  if (pictures.empty()) {
    next.erase(classId);
  } else {
    next[classId] = pictures;
    if (!setAtUtc.empty()) {
      nextSetAt[classId] = setAtUtc;
    }
  }
  nlohmann::ordered_json doc;
  doc["formatVersion"] = 1;
  doc["classes"] = nlohmann::ordered_json::object();
  for (const auto& [id, pics] : next) {
    doc["classes"][id] = pics;
  }
  if (!nextSetAt.empty()) {
    doc["setAt"] = nextSetAt;
  }
  if (!writeFileAtomically(mPath, doc.dump(2) + "\n", error)) {
    return false;
  }
  mByClass = std::move(next);
  mSetAt = std::move(nextSetAt);
  return true;
}

} // namespace sq
