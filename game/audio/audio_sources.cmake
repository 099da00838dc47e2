# game/audio: narration (WAV, Ogg Vorbis via libstb's stb_vorbis) and synthesised
# sound effects over SDL audio. Included from game/engine.cmake after sq_engine is
# defined; paths are relative to this file.
#
# audio_decode, sound_effects and audio_mixer are plain C++ (no SDL) so the fuzzer,
# built with SQ_LOGIC_ONLY, can compile them by listing the files; only
# audio_player.cpp includes <SDL.h>.
target_sources(sq_engine PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/audio_decode.cpp
  ${CMAKE_CURRENT_LIST_DIR}/audio_mixer.cpp
  ${CMAKE_CURRENT_LIST_DIR}/audio_player.cpp
  ${CMAKE_CURRENT_LIST_DIR}/sound_effects.cpp
)
