# The teacher's app's view models (game/records_admin), tested without a window.
# Included from tests/CMakeLists.txt after sq_logic_tests is defined.
target_sources(sq_logic_tests PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/import_preview_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/register_grid_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/privacy_preview_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/class_list_file_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/pupil_edits_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/promote_preview_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/aup_agreements_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/privacy_actions_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/pin_change_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/school_settings_edit_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/report_request_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/sharing_status_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/records_jobs_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/open_in_browser_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/picture_password_removal_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/browser_files_test.cpp
)
