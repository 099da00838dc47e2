# The whiteboard assembly mode (game/screens/assembly/): its run and controls, the
# screens driven by clicker keys, the type-size rule and clipping at 1920x1080 and
# 3840x2160, the real game scripted (screenshots into <build>/assembly-shots), the
# assembly.given record and the report's term table, and the idle rule. Added to
# sq_engine_tests; included from tests/engine_tests.cmake. Test names start with
# "assembly:", so `ctest -R assembly` runs just these.
target_sources(sq_engine_tests PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/assembly_narration_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/assembly_run_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/assembly_screen_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/assembly_script_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/assembly_terms_test.cpp
)
set_source_files_properties(${CMAKE_CURRENT_LIST_DIR}/assembly_script_test.cpp PROPERTIES
  COMPILE_DEFINITIONS "SQ_ASSEMBLY_SHOTS=\"${CMAKE_BINARY_DIR}/assembly-shots\"")
