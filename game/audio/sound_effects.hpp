// The game's few sound effects, synthesised in code so there is nothing to
// license or load: a soft two-note chime for "well done", one warm low note for
// "try again" and a quiet tick for choosing. All are short, quiet (well below
// full scale), start and end at silence (no clicks) and carry nothing above a
// few kHz, so they stay calm in a classroom of 4 to 11-year-olds.
// Depends on: audio/audio_decode (Pcm) only; no SDL.
#pragma once

#include "audio/audio_decode.hpp"

#include <string_view>

namespace sq {

enum class SoundEffect { WellDone, TryAgain, Select };
constexpr int SOUND_EFFECT_COUNT = 3;

std::string_view soundEffectId(SoundEffect e); // "well-done", "try-again", "select"

// Mono PCM at `rate` (8000..192000; other rates are clamped into that range).
Pcm synthesiseEffect(SoundEffect effect, int rate);

} // namespace sq
