#include "app/audio_output.hpp"

#include <cstdio>

namespace sq {

void AudioOutput::playNarration(const std::string& path) {
  std::string error;
  mAsked = path;
  mSilent = false;
  if (!path.empty() && !mPlayer.playNarrationFile(path, error)) {
    mSilent = !mPlayer.available();
    if (!mSilent) {
      std::fprintf(stderr, "safequest: narration %s: %s\n", path.c_str(), error.c_str());
    }
  }
}

void AudioOutput::stopNarration() {
  mPlayer.stopNarration();
  mAsked.clear();
}

bool AudioOutput::narrationPlaying() {
  if (mAsked.empty()) {
    return false;
  }
  return mSilent || mPlayer.isPlaying();
}

void AudioOutput::playEffect(std::string_view name) {
  // Only the tap of a choice for now; "well done" and "try again" come with the
  // lesson players. The player ignores effects while they are switched off.
  if (name == "press" && mPlayer.effectsEnabled()) {
    mPlayer.playEffect(SoundEffect::Select);
  }
}

} // namespace sq
