# The xAPI outbox and sender (results/xapi_*), and `safequest-cli xapi send` against
# a test LRS on 127.0.0.1 (test_lrs.mjs) that checks every statement with npm
# xapi-validation. Included from tests/CMakeLists.txt after report_tests.cmake.
target_sources(sq_logic_tests PRIVATE ${CMAKE_CURRENT_LIST_DIR}/xapi_sender_test.cpp
                                      ${CMAKE_CURRENT_LIST_DIR}/xapi_pump_test.cpp)

if(SQ_NODE)
  add_test(NAME "xapi: safequest-cli xapi send to a test LRS"
           COMMAND ${SQ_NODE} ${CMAKE_CURRENT_LIST_DIR}/send_test.mjs
                   --cli $<TARGET_FILE:safequest-cli>
                   --work ${CMAKE_CURRENT_BINARY_DIR}/xapi-send)
endif()
