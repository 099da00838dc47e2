# The teacher's app's view models (game/records_admin), tested without a window.
# Included from tests/CMakeLists.txt after sq_logic_tests is defined.
target_sources(sq_logic_tests PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/import_preview_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/register_grid_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/privacy_preview_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/report_request_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/sharing_status_test.cpp
)
