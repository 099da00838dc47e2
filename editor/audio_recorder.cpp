#include "audio_recorder.hpp"

#include <SDL.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>

namespace sq {

AudioRecorder::~AudioRecorder() {
  stop();
  if (mOpenedSubsystem) {
    SDL_QuitSubSystem(SDL_INIT_AUDIO);
  }
}

bool AudioRecorder::start(std::string& error) {
  stop();
  if (!mOpenedSubsystem) {
    if (SDL_InitSubSystem(SDL_INIT_AUDIO) != 0) {
      error = std::string("sound is not available: ") + SDL_GetError();
      return false;
    }
    mOpenedSubsystem = true;
  }
  SDL_AudioSpec want{};
  want.freq = kRate;
  want.format = AUDIO_S16SYS;
  want.channels = 1;
  want.samples = 1024;
  want.callback = &AudioRecorder::callback;
  want.userdata = this;
  SDL_AudioSpec have{};
  // SDL converts to what we asked for, so the callback always gets S16 mono at kRate.
  const SDL_AudioDeviceID dev = SDL_OpenAudioDevice(nullptr, 1, &want, &have, 0);
  if (dev == 0) {
    error = std::string("no microphone could be opened: ") + SDL_GetError();
    return false;
  }
  mSamples.clear();
  mSamples.reserve(static_cast<std::size_t>(kRate) * 30);
  mLevel = 0.0f;
  mRate = have.freq;
  mDevice = dev;
  SDL_PauseAudioDevice(dev, 0);
  return true;
}

void AudioRecorder::stop() {
  if (mDevice != 0) {
    SDL_CloseAudioDevice(mDevice); // waits for the callback to finish
    mDevice = 0;
  }
}

void AudioRecorder::callback(void* self, std::uint8_t* stream, int len) {
  auto* r = static_cast<AudioRecorder*>(self);
  const auto max = static_cast<std::size_t>(kMaxSeconds * r->mRate);
  const std::size_t count = static_cast<std::size_t>(std::max(len, 0)) / 2;
  int peak = 0;
  for (std::size_t i = 0; i < count && r->mSamples.size() < max; ++i) {
    std::int16_t s = 0;
    std::memcpy(&s, stream + i * 2, 2);
    r->mSamples.push_back(s);
    peak = std::max(peak, std::abs(static_cast<int>(s)));
  }
  r->mLevel = static_cast<float>(peak) / 32768.0f;
}

double AudioRecorder::seconds() const {
  if (mDevice != 0) {
    SDL_LockAudioDevice(mDevice);
  }
  const double s = static_cast<double>(mSamples.size()) / mRate;
  if (mDevice != 0) {
    SDL_UnlockAudioDevice(mDevice);
  }
  return s;
}

float AudioRecorder::level() const {
  return mDevice != 0 ? mLevel : 0.0f;
}

bool AudioRecorder::reachedLimit() const {
  return seconds() >= kMaxSeconds - 0.01;
}

std::vector<std::int16_t> AudioRecorder::samples() const {
  if (mDevice != 0) {
    SDL_LockAudioDevice(mDevice);
  }
  std::vector<std::int16_t> out = mSamples;
  if (mDevice != 0) {
    SDL_UnlockAudioDevice(mDevice);
  }
  return out;
}

} // namespace sq
