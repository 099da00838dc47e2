#include "audio/audio_player.hpp"

#include "audio/audio_mixer.hpp"

#include <SDL.h>

#include <cstring>
#include <utility>
#include <vector>

namespace sq {

namespace {

// Holds SDL's per-device lock, which its callback thread also holds while mixing.
class DeviceLock {
public:
  explicit DeviceLock(SDL_AudioDeviceID device) : mDevice(device) { SDL_LockAudioDevice(mDevice); }
  ~DeviceLock() { SDL_UnlockAudioDevice(mDevice); }
  DeviceLock(const DeviceLock&) = delete;
  DeviceLock& operator=(const DeviceLock&) = delete;

private:
  SDL_AudioDeviceID mDevice;
};

void postWake(std::uint32_t type, AudioWake what) {
  if (type == 0) {
    return;
  }
  SDL_Event e;
  SDL_zero(e);
  e.type = type;
  e.user.code = static_cast<Sint32>(what);
  SDL_PushEvent(&e); // thread-safe; fails harmlessly if events are not running
}

} // namespace

AudioPlayer::AudioPlayer(AudioPlayerOptions options) : mOptions(options) {}

AudioPlayer::~AudioPlayer() {
  closeDevice();
  if (mOwnsSubsystem) {
    SDL_QuitSubSystem(SDL_INIT_AUDIO);
  }
}

void AudioPlayer::fill(void* self, std::uint8_t* stream, int len) {
  auto* player = static_cast<AudioPlayer*>(self);
  // SDL holds the device lock around this call. The device is opened as mono
  // signed 16-bit in native byte order, so the buffer is an int16 array.
  const MixEvents events = player->mMixer->mix(reinterpret_cast<std::int16_t*>(stream),
                                               static_cast<std::size_t>(len) / 2);
  if (events.narrationEnded) {
    postWake(player->mWakeEvent, AudioWake::NarrationEnded);
  }
  if (events.fellSilent) {
    postWake(player->mWakeEvent, AudioWake::FellSilent);
  }
}

bool AudioPlayer::ensureOpen() {
  if (mDevice != 0) {
    // A device that was unplugged stops for good; drop it and open the default
    // one again rather than waiting for it forever.
    if (SDL_GetAudioDeviceStatus(mDevice) != SDL_AUDIO_STOPPED) {
      return true;
    }
    closeDevice();
  }
  if (mFailed) {
    return false;
  }
  if (SDL_WasInit(SDL_INIT_AUDIO) == 0) {
    if (SDL_InitSubSystem(SDL_INIT_AUDIO) != 0) {
      mFailed = true;
      return false;
    }
    mOwnsSubsystem = true;
  }
  const char* driver = SDL_GetCurrentAudioDriver();
  if (driver == nullptr || (!mOptions.acceptSilentDrivers && (std::strcmp(driver, "dummy") == 0 ||
                                                              std::strcmp(driver, "disk") == 0))) {
    mFailed = true;
    return false;
  }
  if (mWakeEvent == 0) {
    const Uint32 type = SDL_RegisterEvents(1);
    mWakeEvent = type == static_cast<Uint32>(-1) ? 0 : type;
  }

  SDL_AudioSpec want;
  SDL_zero(want);
  want.freq = mOptions.preferredRate;
  want.format = AUDIO_S16SYS;
  want.channels = 1;
  // About 23 ms at 44.1 kHz: effects feel immediate, yet the callback wakes
  // only ~40 times a second while sound plays.
  want.samples = 1024;
  want.callback = &AudioPlayer::fill;
  want.userdata = this;
  SDL_AudioSpec have;
  SDL_zero(have);
  // Only the rate may change (we resample ourselves); SDL converts anything else.
  const SDL_AudioDeviceID device =
      SDL_OpenAudioDevice(nullptr, 0, &want, &have, SDL_AUDIO_ALLOW_FREQUENCY_CHANGE);
  if (device == 0) {
    mFailed = true;
    return false;
  }
  if (have.freq < MIN_SAMPLE_RATE || have.freq > MAX_SAMPLE_RATE) {
    SDL_CloseAudioDevice(device);
    mFailed = true;
    return false;
  }
  // The device starts paused, so the callback cannot see the mixer until here.
  if (!mMixer || mMixer->rate() != have.freq) {
    mMixer = std::make_unique<AudioMixer>(have.freq);
  }
  mMixer->setEffectsEnabled(mEffectsEnabled);
  mRate = have.freq;
  mDevice = device;
  SDL_PauseAudioDevice(mDevice, 0);
  return true;
}

void AudioPlayer::closeDevice() {
  if (mDevice == 0) {
    return;
  }
  // Joins SDL's audio thread; afterwards nothing else touches the mixer, so it
  // can be reset without the lock.
  SDL_CloseAudioDevice(mDevice);
  mDevice = 0;
  if (mMixer) {
    mMixer->reset();
  }
}

bool AudioPlayer::available() {
  return ensureOpen();
}

PcmFormat AudioPlayer::format() const {
  return PcmFormat{mRate != 0 ? mRate : mOptions.preferredRate, 1};
}

bool AudioPlayer::playNarration(Pcm pcm) {
  if (pcm.frames() == 0 || !ensureOpen()) {
    return false;
  }
  if (pcm.rate != mRate || pcm.channels != 1) {
    pcm = convertPcm(pcm, PcmFormat{mRate, 1});
    if (pcm.samples.empty()) {
      return false;
    }
  }
  std::vector<std::int16_t> previous;
  {
    const DeviceLock lock(mDevice);
    previous = mMixer->startNarration(std::move(pcm.samples));
  }
  return true; // `previous` is freed here, outside the audio lock
}

bool AudioPlayer::playNarrationFile(const std::string& path, std::string& error) {
  if (!ensureOpen()) {
    error = "no sound device";
    return false;
  }
  auto pcm = loadAudioFile(path, format(), error);
  return pcm && playNarration(std::move(*pcm));
}

void AudioPlayer::stopNarration() {
  if (mDevice == 0) {
    return;
  }
  const DeviceLock lock(mDevice);
  mMixer->stopNarration();
}

bool AudioPlayer::isPlaying() {
  if (mDevice == 0) {
    return false;
  }
  if (SDL_GetAudioDeviceStatus(mDevice) == SDL_AUDIO_STOPPED) {
    closeDevice();
    return false;
  }
  const DeviceLock lock(mDevice);
  return mMixer->narrating();
}

void AudioPlayer::playEffect(SoundEffect effect) {
  if (!mEffectsEnabled || !ensureOpen()) {
    return;
  }
  const DeviceLock lock(mDevice);
  mMixer->playEffect(effect);
}

void AudioPlayer::setEffectsEnabled(bool on) {
  mEffectsEnabled = on;
  if (mDevice == 0) {
    return; // applied when the device next opens
  }
  const DeviceLock lock(mDevice);
  mMixer->setEffectsEnabled(on);
}

void AudioPlayer::update() {
  if (mDevice == 0) {
    return;
  }
  if (SDL_GetAudioDeviceStatus(mDevice) == SDL_AUDIO_STOPPED) {
    closeDevice();
    return;
  }
  std::vector<std::int16_t> finished;
  bool idle = false;
  {
    const DeviceLock lock(mDevice);
    finished = mMixer->takeFinishedNarration();
    idle = !mMixer->busy();
  }
  if (idle) {
    closeDevice();
  }
}

} // namespace sq
