#include "audio/audio_mixer.hpp"

#include <algorithm>
#include <utility>

namespace sq {

void AudioMixer::Voice::fadeOut(std::size_t fadeFrames) {
  if (active() && fadeLeft == 0) {
    fadeLeft = std::min(fadeFrames, length - pos);
  }
}

int AudioMixer::Voice::next(std::size_t fadeFrames) {
  int v = data[pos++];
  if (fadeLeft > 0) {
    v = static_cast<int>(static_cast<long long>(v) * static_cast<long long>(fadeLeft) /
                         static_cast<long long>(fadeFrames));
    if (--fadeLeft == 0) {
      pos = length; // the fade is over: the voice stops here
    }
  }
  return v;
}

AudioMixer::AudioMixer(int rate)
    : mRate(std::clamp(rate, MIN_SAMPLE_RATE, MAX_SAMPLE_RATE)),
      // 10 ms is long enough to avoid a click and short enough to feel instant.
      mFadeFrames(static_cast<std::size_t>(mRate / 100)),
      // Device buffers (SDL's, then the sound server's) hold up to a few hundred
      // milliseconds; closing the device before they drain would cut off a chime.
      mTailFrames(static_cast<std::size_t>(mRate / 4)), mQuietFrames(mTailFrames) {
  for (int e = 0; e < SOUND_EFFECT_COUNT; ++e) {
    mEffects[static_cast<std::size_t>(e)] = synthesiseEffect(static_cast<SoundEffect>(e), mRate);
  }
}

std::vector<std::int16_t> AudioMixer::startNarration(std::vector<std::int16_t> mono) {
  std::swap(mNarrationSamples, mono);
  mNarration = Voice{};
  mNarration.data = mNarrationSamples.data();
  mNarration.length = mNarrationSamples.size();
  mNarration.started = ++mStarts;
  return mono;
}

void AudioMixer::stopNarration() {
  mNarration.fadeOut(mFadeFrames);
}

std::vector<std::int16_t> AudioMixer::takeFinishedNarration() {
  if (mNarration.active()) {
    return {};
  }
  mNarration = Voice{};
  return std::exchange(mNarrationSamples, {});
}

void AudioMixer::playEffect(SoundEffect effect) {
  const auto index = static_cast<std::size_t>(effect);
  if (!mEffectsEnabled || index >= mEffects.size()) {
    return;
  }
  // A free voice, or else the one that started longest ago.
  Voice* slot = &mVoices[0];
  for (Voice& v : mVoices) {
    if (!v.active()) {
      slot = &v;
      break;
    }
    if (v.started < slot->started) {
      slot = &v;
    }
  }
  const Pcm& pcm = mEffects[index];
  *slot = Voice{};
  slot->data = pcm.samples.data();
  slot->length = pcm.samples.size();
  slot->started = ++mStarts;
}

void AudioMixer::setEffectsEnabled(bool on) {
  mEffectsEnabled = on;
  if (!on) {
    for (Voice& v : mVoices) {
      v.fadeOut(mFadeFrames);
    }
  }
}

void AudioMixer::reset() {
  mNarration = Voice{};
  mNarrationSamples = {};
  mVoices = {};
  mQuietFrames = mTailFrames;
}

bool AudioMixer::narrating() const {
  return mNarration.active();
}

bool AudioMixer::sounding() const {
  return mNarration.active() ||
         std::any_of(mVoices.begin(), mVoices.end(), [](const Voice& v) { return v.active(); });
}

bool AudioMixer::busy() const {
  return sounding() || mQuietFrames < mTailFrames;
}

MixEvents AudioMixer::mix(std::int16_t* out, std::size_t frames) {
  MixEvents events;
  const bool wasNarrating = narrating();
  const bool wasBusy = busy();
  for (std::size_t i = 0; i < frames; ++i) {
    int sum = 0;
    bool any = false;
    if (mNarration.active()) {
      sum += mNarration.next(mFadeFrames);
      any = true;
    }
    for (Voice& v : mVoices) {
      if (v.active()) {
        sum += v.next(mFadeFrames);
        any = true;
      }
    }
    out[i] = static_cast<std::int16_t>(std::clamp(sum, -32768, 32767));
    if (any) {
      mQuietFrames = 0;
    } else if (mQuietFrames < mTailFrames) {
      ++mQuietFrames;
    }
  }
  events.narrationEnded = wasNarrating && !narrating();
  events.fellSilent = wasBusy && !busy();
  return events;
}

} // namespace sq
