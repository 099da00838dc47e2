#include "audio/sound_effects.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

namespace sq {

namespace {

constexpr double PI = 3.14159265358979323846;

// A bell-like note: the fundamental with two quieter overtones that fade faster,
// so it sounds round rather than buzzy. A raised-cosine attack avoids a click.
struct Note {
  double start;  // seconds
  double freq;   // Hz
  double attack; // seconds
  double decay;  // time constant, seconds
  double level;  // relative loudness
};

std::vector<double> render(const std::vector<Note>& notes, double seconds, int rate) {
  const auto n = static_cast<std::size_t>(seconds * rate);
  std::vector<double> out(n, 0.0);
  for (const Note& note : notes) {
    for (std::size_t i = 0; i < n; ++i) {
      const double t = static_cast<double>(i) / rate - note.start;
      if (t < 0) {
        continue;
      }
      const double attack = t < note.attack ? 0.5 - 0.5 * std::cos(PI * t / note.attack) : 1.0;
      const double w = 2.0 * PI * note.freq * t;
      const double tone = std::sin(w) + 0.25 * std::exp(-t / (note.decay * 0.5)) * std::sin(2 * w) +
                          0.08 * std::exp(-t / (note.decay * 0.3)) * std::sin(3 * w);
      out[i] += note.level * attack * std::exp(-t / note.decay) * tone;
    }
  }
  return out;
}

// Fades the last `fade` seconds to exactly zero and scales the loudest sample to
// `peak` of full scale, then rounds to 16 bits.
Pcm finish(std::vector<double> wave, double fade, double peak, int rate) {
  const auto fadeN = std::min(wave.size(), static_cast<std::size_t>(fade * rate));
  for (std::size_t k = 0; k < fadeN; ++k) { // k frames before the end: 0 at the very end
    wave[wave.size() - 1 - k] *=
        0.5 - 0.5 * std::cos(PI * static_cast<double>(k) / static_cast<double>(fadeN));
  }
  double loudest = 0.0;
  for (double v : wave) {
    loudest = std::max(loudest, std::abs(v));
  }
  const double scale = loudest > 0 ? peak * 32767.0 / loudest : 0.0;
  Pcm pcm;
  pcm.rate = rate;
  pcm.channels = 1;
  pcm.samples.reserve(wave.size());
  for (double v : wave) {
    pcm.samples.push_back(static_cast<std::int16_t>(std::lround(v * scale)));
  }
  return pcm;
}

} // namespace

std::string_view soundEffectId(SoundEffect e) {
  switch (e) {
  case SoundEffect::WellDone:
    return "well-done";
  case SoundEffect::TryAgain:
    return "try-again";
  case SoundEffect::Select:
    return "select";
  }
  return "unknown";
}

Pcm synthesiseEffect(SoundEffect effect, int rate) {
  rate = std::clamp(rate, MIN_SAMPLE_RATE, MAX_SAMPLE_RATE);
  switch (effect) {
  case SoundEffect::WellDone:
    // G5 then C6, a rising fourth: bright and pleased, never a fanfare.
    return finish(
        render({{0.0, 783.99, 0.008, 0.22, 0.8}, {0.11, 1046.50, 0.008, 0.26, 1.0}}, 0.75, rate),
        0.08, 0.28, rate);
  case SoundEffect::TryAgain:
    // One soft G4 with a slow attack: a neutral "hmm", not a buzzer.
    return finish(render({{0.0, 392.00, 0.04, 0.18, 1.0}}, 0.45, rate), 0.08, 0.20, rate);
  case SoundEffect::Select:
    // A 50 ms A5 blip under a smooth window: felt more than heard.
    return finish(render({{0.0, 880.0, 0.012, 0.03, 1.0}}, 0.05, rate), 0.025, 0.12, rate);
  }
  return Pcm{rate, 1, {}};
}

} // namespace sq
