// The screens' SoundOutput over the audio module's AudioPlayer: narration files
// and the "select" effect, honouring the pupil's sound settings. With no audio
// device the player is silent and so is this.
// Depends on: audio/audio_player, ui/screen (SoundOutput).
#pragma once

#include "audio/audio_player.hpp"
#include "ui/screen.hpp"

namespace sq {

class AudioOutput final : public SoundOutput {
public:
  void setEffectsEnabled(bool on) { mPlayer.setEffectsEnabled(on); }
  void playNarration(const std::string& path) override;
  void stopNarration() override { mPlayer.stopNarration(); }
  void playEffect(std::string_view name) override;
  // Once a frame: lets the player free finished sound and close an idle device.
  void update() { mPlayer.update(); }

private:
  AudioPlayer mPlayer;
};

} // namespace sq
