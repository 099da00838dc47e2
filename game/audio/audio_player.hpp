// Plays narration and the synthesised sound effects through SDL audio. The SDL
// audio subsystem and the device are opened lazily, on the first call that needs
// them, so start-up stays fast; the device is closed again once everything has
// finished, so an idle game costs no audio wake-ups. With no usable device every
// call quietly does nothing and available() is false: sound never stops the game.
// Threads: none of our own. SDL's callback thread mixes under SDL_LockAudioDevice,
// which every other member takes too. Call everything from the main thread.
// Depends on: audio/audio_decode, audio/audio_mixer, SDL2 (inside the .cpp only).
#pragma once

#include "audio/audio_decode.hpp"
#include "audio/sound_effects.hpp"

#include <cstdint>
#include <memory>
#include <string>

namespace sq {

class AudioMixer;

struct AudioPlayerOptions {
  int preferredRate = 44100; // SDL may give the device's own rate instead
  // SDL's "dummy" driver discards sound and "disk" writes it to a file, so both
  // count as no device. Tests accept them to run the real callback headless.
  bool acceptSilentDrivers = false;
};

// user.code of the SDL_USEREVENT-range events the player posts from the audio
// thread, so a main loop blocked in SDL_WaitEvent wakes to redraw or update().
enum class AudioWake : std::int32_t { NarrationEnded = 1, FellSilent = 2 };

class AudioPlayer {
public:
  explicit AudioPlayer(AudioPlayerOptions options = {});
  // Before the first sound: the dummy and disk drivers count as a device (tests).
  void setAcceptSilentDrivers(bool on) { mOptions.acceptSilentDrivers = on; }
  ~AudioPlayer();
  AudioPlayer(const AudioPlayer&) = delete;
  AudioPlayer& operator=(const AudioPlayer&) = delete;

  // Whether sound can play; opens the device on the first call (tens of
  // milliseconds on some systems), so call it after the first frame is shown.
  bool available();
  // The PCM format narration is best decoded to (mono, the device's rate).
  PcmFormat format() const;

  // Replaces any narration. Any rate or channel count is converted. Returns false
  // when there is no device or the PCM is empty.
  bool playNarration(Pcm pcm);
  // Decodes a WAV or Ogg Vorbis file and plays it. False with `error` set when
  // the file is refused or there is no device (then the file is not even read).
  bool playNarrationFile(const std::string& path, std::string& error);
  void stopNarration();
  // True while narration plays: keep drawing a "speaking" indicator until false.
  bool isPlaying();

  void playEffect(SoundEffect effect); // ignored while effects are off
  void setEffectsEnabled(bool on);     // off also fades out effects now playing
  bool effectsEnabled() const { return mEffectsEnabled; }

  // Call once a frame: frees finished narration and closes the device once
  // everything has been silent for a moment. The audio thread posts an event
  // (see wakeEventType) when that moment comes, so an idle loop still wakes.
  void update();
  // The SDL event type the player posts, or 0 before the device first opened.
  std::uint32_t wakeEventType() const { return mWakeEvent; }
  // Whether the device is open right now (for tests and diagnostics).
  bool deviceOpen() const { return mDevice != 0; }

private:
  bool ensureOpen();
  void closeDevice();
  static void fill(void* self, std::uint8_t* stream, int len);

  AudioPlayerOptions mOptions;
  std::unique_ptr<AudioMixer> mMixer;
  std::uint32_t mDevice = 0; // SDL_AudioDeviceID
  std::uint32_t mWakeEvent = 0;
  int mRate = 0;
  bool mEffectsEnabled = true;
  bool mFailed = false;
  bool mOwnsSubsystem = false;
};

} // namespace sq
