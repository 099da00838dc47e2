# Audio tests (game/audio): WAV and Ogg Vorbis decoding, resampling, refusal of
# bad files, the synthesised effects, the mixer, and the player with SDL's dummy
# audio driver. Added to sq_engine_tests; included from tests/engine_tests.cmake.
# Test names start with "audio:", so `ctest -R audio` runs just these.
target_sources(sq_engine_tests PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/audio_decode_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/audio_player_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/narration_check_test.cpp
  # The editor's microphone recorder, on SDL's disk driver.
  ${CMAKE_CURRENT_LIST_DIR}/audio_recorder_test.cpp
  ${PROJECT_SOURCE_DIR}/editor/audio_recorder.cpp
)
target_include_directories(sq_engine_tests PRIVATE ${PROJECT_SOURCE_DIR}/editor)
