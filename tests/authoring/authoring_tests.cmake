# The editor's logic (game/authoring), tested without a window. Included from
# tests/CMakeLists.txt after sq_logic_tests is defined.
target_sources(sq_logic_tests PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/json_rewrite_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/edit_ops_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/pack_document_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/recovery_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/document_source_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/editing_session_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/field_hints_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/pack_templates_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/asset_files_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/picture_import_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/narration_tools_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/voice_job_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/soft_wrap_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/file_browse_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/editor_settings_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/form_vocabulary_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/new_items_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/find_text_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/preview_target_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/story_map_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/story_quiz_edits_test.cpp
)
