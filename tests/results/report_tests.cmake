# The register and report tests, and the xAPI validation check.
# Included from tests/CMakeLists.txt after sq_logic_tests is defined.
target_sources(sq_logic_tests PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/register_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/report_test.cpp
)
