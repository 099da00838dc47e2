# Class-list import: CSV reading, encodings, MIS CSV and OneRoster import, re-import matching.
target_sources(sq_logic PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/text_encoding.cpp
  ${CMAKE_CURRENT_LIST_DIR}/csv_reader.cpp
  ${CMAKE_CURRENT_LIST_DIR}/roster_import.cpp
  ${CMAKE_CURRENT_LIST_DIR}/roster_merge.cpp
  ${CMAKE_CURRENT_LIST_DIR}/name_clashes.cpp
  ${CMAKE_CURRENT_LIST_DIR}/class_emblem.cpp
)
