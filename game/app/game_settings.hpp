// The game's view of the settings module (game/settings): the layered machine and
// teacher configuration, the teacher PIN with its lockout, each pupil's own
// preferences, and the per-class picture passwords (a small JSON file kept by the
// game itself, picture-passwords.json in the data folder).
// Depends on: settings (machine_config, teacher_pin, pupil_settings),
// results/school_folder (atomic writes), results/pin_guard (the PIN's lockout, in
// the records store), ui/teacher_access (the interfaces the screens use),
// nlohmann_json (in the .cpp).
#pragma once

#include "settings/machine_config.hpp"
#include "settings/pupil_settings.hpp"
#include "settings/teacher_pin.hpp"
#include "ui/teacher_access.hpp"

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

namespace sq {

class PinGuard;

class GameSettings {
public:
  // `settingsDir` holds teacher.json (the --data folder, else the user's data
  // folder); `dataOverride` (--data) wins over the configured data folder.
  GameSettings(std::string machineConfigPath, std::string settingsDir, std::string dataOverride);

  void reload();
  const ConfigLoad& loaded() const { return mLoad; }
  const EffectiveConfig& effective() const { return mLoad.effective; }
  // Where the records (and pupils' preferences) are.
  std::string recordsDir() const;
  const std::string& settingsDir() const { return mSettingsDir; }
  // "en-GB" or "cy-GB", for the string tables.
  std::string stringsLanguage() const;

  GameConfig gameConfig() const;
  // Writes what changed (and IT has not fixed) into teacher.json, then reloads.
  bool save(const GameConfig& next, std::string& error);
  std::string userFile() const { return userConfigPath(mSettingsDir); }

private:
  std::string mMachinePath;
  std::string mSettingsDir;
  std::string mDataOverride;
  ConfigLoad mLoad;
};

// The teacher PIN as the screens see it, over settings/teacher_pin and the
// lockout in the records store (results/pin_guard), shared with safequest-cli.
class SettingsPin final : public TeacherPin {
public:
  SettingsPin(GameSettings& settings, std::function<std::int64_t()> now)
      : mSettings(settings), mNow(std::move(now)) {}
  bool isSet() const override;
  bool unusable() const override;
  PinResult verify(const std::string& pin) override;
  bool set(const std::string& pin, std::string& error) override;

private:
  PinGuard guard() const;

  GameSettings& mSettings;
  std::function<std::int64_t()> mNow;
};

// Picture passwords: class id -> three picture numbers, and when each was set
// (UTC; "" for one set before the file kept it), so a removal from the teachers'
// app (SchoolClass::picturePasswordRemoved) can tell whether it came later.
class PicturePasswordFile {
public:
  explicit PicturePasswordFile(std::string path = {}) : mPath(std::move(path)) {}
  // A missing file is no passwords; a damaged one is reported and ignored.
  bool load(std::string& error);
  std::vector<int> get(const std::string& classId) const;
  std::string setAt(const std::string& classId) const;
  // An empty list removes the class's password. Written atomically. `setAtUtc`:
  // when it was set ("YYYY-MM-DDTHH:MM:SSZ").
  bool set(const std::string& classId, const std::vector<int>& pictures, std::string& error,
           const std::string& setAtUtc = {});
  const std::string& path() const { return mPath; }

private:
  std::string mPath;
  std::map<std::string, std::vector<int>> mByClass;
  std::map<std::string, std::string> mSetAt;
};

} // namespace sq
