// The screens' SoundOutput over the audio module's AudioPlayer: narration files
// and the "select" effect, honouring the pupil's sound settings. With no audio
// device the player is silent and so is this; narration asked for then counts
// as playing until it is stopped, so a toggle (the assembly's R) behaves the
// same with or without speakers, and scripts can check what was asked for.
// Depends on: audio/audio_player, ui/screen (SoundOutput).
#pragma once

#include "audio/audio_player.hpp"
#include "ui/screen.hpp"

namespace sq {

class AudioOutput final : public SoundOutput {
public:
  void setEffectsEnabled(bool on) { mPlayer.setEffectsEnabled(on); }
  // Tests: SDL's dummy driver plays (silently, in real time) and ends sounds.
  void setAcceptSilentDrivers(bool on) { mPlayer.setAcceptSilentDrivers(on); }
  void playNarration(const std::string& path) override;
  void stopNarration() override;
  void playEffect(std::string_view name) override;
  bool narrationPlaying() override;
  // The file last asked to play, "" once stopped: what a script's
  // expect-narration checks.
  const std::string& narrationAsked() const { return mAsked; }
  // Once a frame: lets the player free finished sound and close an idle device.
  void update() { mPlayer.update(); }

private:
  AudioPlayer mPlayer;
  std::string mAsked;
  bool mSilent = false; // mAsked could not play: there is no sound device
};

} // namespace sq
