# What of the web build runs without a browser or emscripten: web/pack-content.py,
# which packs content packs for the page (the build's content/core, and a school's
# own). The browser tests themselves run from web/test.sh (tests/README.md).
# Included from tests/CMakeLists.txt.
find_program(SQ_TEST_PYTHON3 python3)
if(SQ_TEST_PYTHON3)
  add_test(NAME "web: pack-content.py packs a school's own packs for the browser"
           COMMAND ${SQ_TEST_PYTHON3} ${CMAKE_CURRENT_LIST_DIR}/pack_content_test.py
                   ${PROJECT_SOURCE_DIR} ${CMAKE_CURRENT_BINARY_DIR}/pack-content-test)
endif()
