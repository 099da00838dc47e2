# The register and report tests, and the xAPI validation check.
# Included from tests/CMakeLists.txt after sq_logic_tests is defined.

# A small school on disk (records store + content pack) for the CLI checks.
add_executable(make_report_data ${CMAKE_CURRENT_LIST_DIR}/../xapi/make_report_data.cpp)
target_link_libraries(make_report_data PRIVATE sq_logic sq_warnings)

target_sources(sq_logic_tests PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/register_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/report_test.cpp
)
target_compile_definitions(sq_logic_tests PRIVATE
  SQ_MAKE_REPORT_DATA="$<TARGET_FILE:make_report_data>")
add_dependencies(sq_logic_tests make_report_data)

# `safequest-cli report --format xapi` checked with npm xapi-validation. Needs node
# and tests/node_modules (tools/setup.sh runs npm ci); prints "N passed, M failed".
find_program(SQ_NODE node)
if(SQ_NODE)
  add_test(NAME "xapi: report statements pass xapi-validation"
           COMMAND ${CMAKE_COMMAND}
                   -DGEN=$<TARGET_FILE:make_report_data>
                   -DCLI=$<TARGET_FILE:safequest-cli>
                   -DNODE=${SQ_NODE}
                   -DSCRIPT=${CMAKE_CURRENT_LIST_DIR}/../xapi/validate.mjs
                   -DWORK=${CMAKE_CURRENT_BINARY_DIR}/xapi-check
                   -P ${CMAKE_CURRENT_LIST_DIR}/../xapi/run_xapi_check.cmake)
else()
  message(STATUS "node not found: the xAPI validation test is not added (run tools/setup.sh)")
endif()
