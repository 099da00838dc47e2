// The mixing half of the audio player: one narration voice and a few effect
// voices summed into mono 16-bit PCM. AudioPlayer owns one and calls mix() from
// SDL's audio callback, holding SDL_LockAudioDevice around every other call, so
// this class needs no locks of its own and tests can drive it with no device.
// Depends on: audio/audio_decode, audio/sound_effects; no SDL.
#pragma once

#include "audio/audio_decode.hpp"
#include "audio/sound_effects.hpp"

#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace sq {

// What changed during one mix() call, so the caller can wake the main loop.
struct MixEvents {
  bool narrationEnded = false; // the narration voice ran out or finished fading
  bool fellSilent = false;     // nothing has sounded for quietTailFrames()
};

class AudioMixer {
public:
  // Effects are synthesised here once, at `rate`.
  explicit AudioMixer(int rate);

  int rate() const { return mRate; }

  // Replaces the narration with `mono` (samples at rate()). Returns the previous
  // buffer so the caller can free it after releasing the audio lock.
  std::vector<std::int16_t> startNarration(std::vector<std::int16_t> mono);
  // Fades the narration out over a few milliseconds (no click).
  void stopNarration();
  // Once the narration has finished, hands its buffer back to be freed; else empty.
  std::vector<std::int16_t> takeFinishedNarration();

  // Ignored while effects are off. A fifth overlapping effect replaces the oldest.
  void playEffect(SoundEffect effect);
  // Turning effects off fades out any that are playing.
  void setEffectsEnabled(bool on);
  bool effectsEnabled() const { return mEffectsEnabled; }

  bool narrating() const;
  bool sounding() const; // any voice still has samples to play
  // Sounding, or less than quietTailFrames() since the last sound: the device's
  // own buffers may still be playing it, so the device must stay open.
  bool busy() const;
  std::size_t quietTailFrames() const { return mTailFrames; }

  // Stops every voice at once and forgets the narration (the device is closed,
  // so there is nothing to click).
  void reset();

  // Writes `frames` mono samples (silence when idle) and advances every voice.
  MixEvents mix(std::int16_t* out, std::size_t frames);

private:
  struct Voice {
    const std::int16_t* data = nullptr;
    std::size_t length = 0;
    std::size_t pos = 0;
    std::size_t fadeLeft = 0; // frames of fade-out left; 0 when not fading
    std::uint64_t started = 0;

    bool active() const { return pos < length; }
    void fadeOut(std::size_t fadeFrames);
    int next(std::size_t fadeFrames);
  };

  int mRate;
  std::size_t mFadeFrames;
  std::size_t mTailFrames;
  std::array<Pcm, SOUND_EFFECT_COUNT> mEffects;
  std::vector<std::int16_t> mNarrationSamples;
  Voice mNarration;
  std::array<Voice, 4> mVoices;
  bool mEffectsEnabled = true;
  std::size_t mQuietFrames;
  std::uint64_t mStarts = 0;
};

} // namespace sq
