// The teacher's side as the screens see it (TeacherAccess, ui/services): the PIN
// and the game's configuration, over GameSettings. A saved configuration is read
// back at once, and the app is told (the full-screen lock, a new school folder's
// class list).
// Depends on: app/game_settings, ui/services.
#pragma once

#include "app/game_settings.hpp"
#include "ui/services.hpp"

#include <cstdint>
#include <functional>
#include <string>

namespace sq {

class TeacherService final : public TeacherAccess {
public:
  // `onSaved(previous)` runs after each configuration saved, with the one it replaced.
  TeacherService(GameSettings& settings, std::function<std::int64_t()> now)
      : mSettings(settings), mPin(settings, std::move(now)), mConfig(settings.gameConfig()) {}

  void onSaved(std::function<void(const GameConfig& previous)> f) { mOnSaved = std::move(f); }

  TeacherPin& teacherPin() override { return mPin; }
  const GameConfig& config() const override { return mConfig; }
  bool saveConfig(const GameConfig& next, std::string& error) override {
    if (!mSettings.save(next, error)) {
      return false;
    }
    const GameConfig previous = mConfig;
    mConfig = mSettings.gameConfig();
    if (mOnSaved) {
      mOnSaved(previous);
    }
    return true;
  }
  std::string configLocation() const override { return mSettings.userFile(); }

private:
  GameSettings& mSettings;
  SettingsPin mPin;
  GameConfig mConfig;
  std::function<void(const GameConfig&)> mOnSaved;
};

} // namespace sq
