// game/audio playback: the synthesised effects are calm, the mixer plays, fades
// and falls silent, effects can be turned off, and the player is silent and
// unavailable without a real device yet runs SDL's callback when allowed to use
// the dummy driver. Everything runs headless (SDL_AUDIODRIVER=dummy).
#include "audio/audio_mixer.hpp"
#include "audio/audio_player.hpp"
#include "audio/sound_effects.hpp"

#include <SDL.h>
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <vector>

namespace {

// Every player test runs on SDL's dummy audio driver, whatever the environment says.
void useDummyAudio() {
  SDL_SetHintWithPriority(SDL_HINT_AUDIODRIVER, "dummy", SDL_HINT_OVERRIDE);
}

std::vector<std::int16_t> mixFrames(sq::AudioMixer& mixer, std::size_t frames,
                                    sq::MixEvents* events = nullptr) {
  std::vector<std::int16_t> out(frames, 12345);
  const sq::MixEvents e = mixer.mix(out.data(), out.size());
  if (events != nullptr) {
    events->narrationEnded = events->narrationEnded || e.narrationEnded;
    events->fellSilent = events->fellSilent || e.fellSilent;
  }
  return out;
}

int peak(const std::vector<std::int16_t>& s) {
  int p = 0;
  for (auto v : s) {
    p = std::max(p, std::abs(static_cast<int>(v)));
  }
  return p;
}

sq::Pcm constantPcm(int rate, std::size_t frames, std::int16_t value) {
  sq::Pcm pcm;
  pcm.rate = rate;
  pcm.channels = 1;
  pcm.samples.assign(frames, value);
  return pcm;
}

} // namespace

TEST_CASE("audio: sound effects are short, quiet, click-free and repeatable") {
  for (int e = 0; e < sq::SOUND_EFFECT_COUNT; ++e) {
    const auto effect = static_cast<sq::SoundEffect>(e);
    CAPTURE(sq::soundEffectId(effect));
    for (int rate : {22050, 44100, 48000}) {
      const sq::Pcm pcm = sq::synthesiseEffect(effect, rate);
      REQUIRE(pcm.frames() > 0);
      CHECK(pcm.rate == rate);
      CHECK(pcm.channels == 1);
      CHECK(pcm.seconds() <= 1.0);
      // Well below full scale: a chime, never a blast.
      CHECK(peak(pcm.samples) <= static_cast<int>(0.3 * 32767));
      CHECK(peak(pcm.samples) >= static_cast<int>(0.05 * 32767));
      // Starts and ends at silence, and no step between samples is a click.
      CHECK(std::abs(pcm.samples.front()) < 100);
      CHECK(pcm.samples.back() == 0);
      int step = 0;
      for (std::size_t i = 1; i < pcm.samples.size(); ++i) {
        step = std::max(step, std::abs(pcm.samples[i] - pcm.samples[i - 1]));
      }
      CHECK(step < static_cast<int>(0.1 * 32767 * 44100 / rate));
      CHECK(sq::synthesiseEffect(effect, rate).samples == pcm.samples);
    }
  }
  CHECK(sq::soundEffectId(sq::SoundEffect::WellDone) == "well-done");
  CHECK(sq::soundEffectId(sq::SoundEffect::TryAgain) == "try-again");
  // "Try again" is the quieter, calmer one.
  CHECK(peak(sq::synthesiseEffect(sq::SoundEffect::TryAgain, 44100).samples) <
        peak(sq::synthesiseEffect(sq::SoundEffect::WellDone, 44100).samples));
}

TEST_CASE("audio: mixer plays narration, then says so, then falls silent") {
  sq::AudioMixer mixer(22050);
  CHECK_FALSE(mixer.busy());
  CHECK(peak(mixFrames(mixer, 256)) == 0);

  CHECK(mixer.startNarration(constantPcm(22050, 1000, 1000).samples).empty());
  CHECK(mixer.narrating());
  sq::MixEvents events;
  const auto first = mixFrames(mixer, 600, &events);
  CHECK(std::all_of(first.begin(), first.end(), [](std::int16_t v) { return v == 1000; }));
  CHECK_FALSE(events.narrationEnded);
  CHECK(mixer.takeFinishedNarration().empty()); // still playing: kept

  const auto rest = mixFrames(mixer, 600, &events);
  CHECK(rest[399] == 1000);
  CHECK(rest[400] == 0);
  CHECK(events.narrationEnded);
  CHECK_FALSE(mixer.narrating());
  // The device may still be playing its buffers: busy for the quiet tail.
  CHECK(mixer.busy());
  CHECK_FALSE(events.fellSilent);
  mixFrames(mixer, mixer.quietTailFrames(), &events);
  CHECK(events.fellSilent);
  CHECK_FALSE(mixer.busy());
  CHECK(mixer.takeFinishedNarration().size() == 1000);
}

TEST_CASE("audio: stopping narration fades it out rather than clicking") {
  sq::AudioMixer mixer(44100);
  mixer.startNarration(constantPcm(44100, 44100, 20000).samples);
  mixFrames(mixer, 100);
  mixer.stopNarration();
  const auto out = mixFrames(mixer, 1000);
  CHECK(out[0] == 20000);
  int step = 0;
  for (std::size_t i = 1; i < out.size(); ++i) {
    step = std::max(step, std::abs(out[i] - out[i - 1]));
  }
  CHECK(step <= 20000 / 400); // spread over 10 ms (441 frames)
  CHECK(out[500] == 0);
  CHECK_FALSE(mixer.narrating());

  // A new narration replaces the old one and hands the old buffer back to free.
  mixer.startNarration(constantPcm(44100, 10, 1).samples);
  CHECK(mixer.startNarration(constantPcm(44100, 20, 2).samples).size() == 10);
  CHECK(mixFrames(mixer, 1)[0] == 2);
}

TEST_CASE("audio: effects toggle off and on, and off fades those playing") {
  sq::AudioMixer mixer(44100);
  CHECK(mixer.effectsEnabled());
  mixer.setEffectsEnabled(false);
  mixer.playEffect(sq::SoundEffect::WellDone);
  CHECK_FALSE(mixer.sounding());
  CHECK(peak(mixFrames(mixer, 4410)) == 0);

  mixer.setEffectsEnabled(true);
  mixer.playEffect(sq::SoundEffect::WellDone);
  CHECK(mixer.sounding());
  CHECK(peak(mixFrames(mixer, 4410)) > 1000);
  CHECK_FALSE(mixer.narrating()); // effects never count as narration

  mixer.setEffectsEnabled(false);
  mixFrames(mixer, 441);
  CHECK_FALSE(mixer.sounding());
  CHECK(peak(mixFrames(mixer, 4410)) == 0);

  // Narration plays on regardless of the effects setting.
  mixer.startNarration(constantPcm(44100, 100, 500).samples);
  CHECK(peak(mixFrames(mixer, 100)) == 500);
}

TEST_CASE("audio: mixer sums voices without wrapping and replaces the oldest effect") {
  sq::AudioMixer mixer(8000);
  mixer.startNarration(constantPcm(8000, 400, 32000).samples);
  for (int i = 0; i < 6; ++i) {
    mixer.playEffect(sq::SoundEffect::WellDone);
  }
  const auto out = mixFrames(mixer, 400);
  // Four chimes (the fifth and sixth replaced the oldest) on top of loud narration:
  // the peaks clip at full scale instead of wrapping round to large negatives.
  CHECK(peak(out) == 32767);
  CHECK(*std::min_element(out.begin(), out.end()) > 32000 - 4 * 10000);
}

TEST_CASE("audio: player with no device is silent, unavailable and never fails") {
  useDummyAudio();
  sq::AudioPlayer player;
  CHECK_FALSE(player.isPlaying());
  CHECK_FALSE(player.deviceOpen()); // nothing opened before it is needed
  CHECK_FALSE(player.available());
  CHECK_FALSE(player.deviceOpen());
  CHECK_FALSE(player.playNarration(constantPcm(22050, 2205, 1000)));
  CHECK_FALSE(player.isPlaying());
  std::string error;
  CHECK_FALSE(player.playNarrationFile("/nonexistent/narration.ogg", error));
  CHECK(error == "no sound device");
  player.playEffect(sq::SoundEffect::WellDone);
  player.stopNarration();
  player.update();
  CHECK(player.format().rate == 44100);
  CHECK(player.format().channels == 1);

  CHECK(player.effectsEnabled());
  player.setEffectsEnabled(false);
  CHECK_FALSE(player.effectsEnabled());
  player.setEffectsEnabled(true);
  CHECK(player.effectsEnabled());
  CHECK_FALSE(player.available()); // asked again: still no, and no retry storm
}

TEST_CASE("audio: player runs SDL's callback and closes the device once silent") {
  useDummyAudio();
  sq::AudioPlayerOptions options;
  options.acceptSilentDrivers = true; // the dummy driver still runs the callback thread
  sq::AudioPlayer player(options);
  player.setEffectsEnabled(false);
  REQUIRE(player.available());
  REQUIRE(player.deviceOpen());
  CHECK(player.format().rate >= sq::MIN_SAMPLE_RATE);
  CHECK(player.wakeEventType() != 0);
  CHECK_FALSE(player.effectsEnabled());

  // A tenth of a second at another rate: converted, played, finished.
  REQUIRE(player.playNarration(constantPcm(22050, 2205, 1000)));
  CHECK(player.isPlaying());
  const Uint64 start = SDL_GetTicks64();
  while (player.isPlaying() && SDL_GetTicks64() - start < 5000) {
    SDL_Delay(10);
  }
  CHECK_FALSE(player.isPlaying());

  // The audio thread posted wake-ups for the end of narration and the silence.
  bool ended = false;
  bool silent = false;
  while (SDL_GetTicks64() - start < 5000 && !(ended && silent)) {
    SDL_Event e;
    while (SDL_PollEvent(&e) != 0) {
      if (e.type == player.wakeEventType()) {
        ended = ended || e.user.code == static_cast<Sint32>(sq::AudioWake::NarrationEnded);
        silent = silent || e.user.code == static_cast<Sint32>(sq::AudioWake::FellSilent);
      }
    }
    SDL_Delay(10);
  }
  CHECK(ended);
  CHECK(silent);
  player.update();
  CHECK_FALSE(player.deviceOpen()); // idle: no audio thread left running

  // Used again, it reopens by itself; stopping ends narration at once.
  REQUIRE(player.playNarration(constantPcm(44100, 44100 * 5, 1000)));
  CHECK(player.deviceOpen());
  CHECK(player.isPlaying());
  player.stopNarration();
  const Uint64 stopAt = SDL_GetTicks64();
  while (player.isPlaying() && SDL_GetTicks64() - stopAt < 2000) {
    SDL_Delay(5);
  }
  CHECK_FALSE(player.isPlaying());
  player.playEffect(sq::SoundEffect::Select); // off: ignored
  player.setEffectsEnabled(true);
  player.playEffect(sq::SoundEffect::Select);
}
