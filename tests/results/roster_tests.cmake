# Class-list import tests (results/text_encoding, csv_reader, roster_import,
# roster_merge), the CSV fixture corpus with safequest-cli roster, and the
# fuzz_csv_import libFuzzer target. Included from tests/CMakeLists.txt after
# sq_logic_tests is defined and before any early return().

target_sources(sq_logic_tests PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/text_encoding_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/csv_reader_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/roster_import_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/roster_merge_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/csv_fixtures_test.cpp
)

if(SQ_FUZZ)
  # Built like fuzz_pack_loader (tests/fuzz/CMakeLists.txt): only the executable
  # links libFuzzer; its seed corpus is copied into the build tree before each
  # build so a run adds its discoveries there, not to the repository.
  get_filename_component(sq_fuzz_src ${CMAKE_CURRENT_LIST_DIR}/../fuzz ABSOLUTE)
  add_executable(fuzz_csv_import ${sq_fuzz_src}/fuzz_csv_import.cpp)
  target_link_libraries(fuzz_csv_import PRIVATE sq_logic sq_warnings)
  target_link_options(fuzz_csv_import PRIVATE -fsanitize=fuzzer,address,undefined)

  set(sq_csv_import_corpus ${CMAKE_CURRENT_BINARY_DIR}/fuzz/corpus/csv_import)
  set(sq_csv_import_artifacts ${CMAKE_CURRENT_BINARY_DIR}/fuzz/artifacts/csv_import)
  add_custom_target(fuzz_csv_import_corpus
    COMMAND ${CMAKE_COMMAND} -E make_directory ${sq_csv_import_corpus} ${sq_csv_import_artifacts}
    COMMAND ${CMAKE_COMMAND} -E copy_directory ${sq_fuzz_src}/corpus/csv_import
            ${sq_csv_import_corpus}
    COMMENT "Copying the csv_import seed corpus into the build tree"
    VERBATIM)
  add_dependencies(fuzz_csv_import fuzz_csv_import_corpus)

  # -timeout: one input taking 10 s is a hang, and a failure. A crash's input is
  # kept in fuzz/artifacts/csv_import/ (replay: fuzz_csv_import <that file>).
  add_test(NAME "fuzz: csv_import (15 s)"
    COMMAND fuzz_csv_import -max_total_time=15 -rss_limit_mb=2048 -max_len=65536 -timeout=10
            -print_final_stats=1 -artifact_prefix=${sq_csv_import_artifacts}/
            ${sq_csv_import_corpus})
  set_tests_properties("fuzz: csv_import (15 s)" PROPERTIES TIMEOUT 120 LABELS fuzz)
endif()
