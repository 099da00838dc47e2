# The whiteboard assembly mode's screens (game/screens/assembly/), added to sq_engine.
# Included from game/engine.cmake; paths are relative to this file.
target_sources(sq_engine PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/assembly_pick_screen.cpp
  ${CMAKE_CURRENT_LIST_DIR}/assembly_record_screen.cpp
  ${CMAKE_CURRENT_LIST_DIR}/assembly_run.cpp
  ${CMAKE_CURRENT_LIST_DIR}/assembly_screen.cpp
  ${CMAKE_CURRENT_LIST_DIR}/assembly_show.cpp
  ${CMAKE_CURRENT_LIST_DIR}/presenter_view.cpp
  ${CMAKE_CURRENT_LIST_DIR}/projector_theme.cpp
)
