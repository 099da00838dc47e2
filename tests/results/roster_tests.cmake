# Class-list import tests (results/text_encoding, csv_reader, roster_import,
# roster_merge) and the CSV fixture corpus with safequest-cli roster. Included from tests/CMakeLists.txt after
# sq_logic_tests is defined and before any early return().

target_sources(sq_logic_tests PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/text_encoding_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/csv_reader_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/roster_import_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/roster_merge_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/csv_fixtures_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/class_emblem_test.cpp
)

# The fuzz_csv_import target is defined with the other fuzzers in tests/fuzz/CMakeLists.txt.
