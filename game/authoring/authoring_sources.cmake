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
  ${CMAKE_CURRENT_LIST_DIR}/scenario_graph.cpp
)
