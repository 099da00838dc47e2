# The editor's logic: the document model over a pack's JSON, edit commands with
# their inverses, undo history, the format-keeping writer and autosave recovery.
target_sources(sq_logic PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/json_spans.cpp
  ${CMAKE_CURRENT_LIST_DIR}/json_rewrite.cpp
  ${CMAKE_CURRENT_LIST_DIR}/pack_document.cpp
  ${CMAKE_CURRENT_LIST_DIR}/edit_ops.cpp
  ${CMAKE_CURRENT_LIST_DIR}/edit_history.cpp
  ${CMAKE_CURRENT_LIST_DIR}/recovery.cpp
  ${CMAKE_CURRENT_LIST_DIR}/document_source.cpp
  ${CMAKE_CURRENT_LIST_DIR}/editing_session.cpp
  ${CMAKE_CURRENT_LIST_DIR}/field_hints.cpp
  ${CMAKE_CURRENT_LIST_DIR}/pack_templates.cpp
  ${CMAKE_CURRENT_LIST_DIR}/asset_files.cpp
  ${CMAKE_CURRENT_LIST_DIR}/picture_import.cpp
  ${CMAKE_CURRENT_LIST_DIR}/narration_tools.cpp
  ${CMAKE_CURRENT_LIST_DIR}/voice_job.cpp
  ${CMAKE_CURRENT_LIST_DIR}/soft_wrap.cpp
  ${CMAKE_CURRENT_LIST_DIR}/file_browse.cpp
  ${CMAKE_CURRENT_LIST_DIR}/editor_settings.cpp
  ${CMAKE_CURRENT_LIST_DIR}/form_vocabulary.cpp
  ${CMAKE_CURRENT_LIST_DIR}/new_items.cpp
  ${CMAKE_CURRENT_LIST_DIR}/find_text.cpp
  ${CMAKE_CURRENT_LIST_DIR}/preview_target.cpp
  ${CMAKE_CURRENT_LIST_DIR}/scenario_graph.cpp
  ${CMAKE_CURRENT_LIST_DIR}/story_quiz_edits.cpp
)
# picture_import compiles stb's image decoder, scaler and encoder in as static
# functions (no libstb), so the logic-only sanitizer and fuzz build has them too.
pkg_check_modules(SQ_AUTHORING_STB REQUIRED stb)
list(TRANSFORM SQ_AUTHORING_STB_INCLUDE_DIRS PREPEND "-isystem" OUTPUT_VARIABLE sq_stb_flags)
set_source_files_properties(${CMAKE_CURRENT_LIST_DIR}/picture_import.cpp TARGET_DIRECTORY sq_logic
                            PROPERTIES COMPILE_OPTIONS "${sq_stb_flags}")
