# Settings tests (game/settings and the pin and config subcommands), the
# bad-config fixture corpus and the fuzz_machine_config libFuzzer target.
# Included from tests/CMakeLists.txt right after sq_logic_tests is defined.

get_filename_component(sq_settings_root ${CMAKE_CURRENT_LIST_DIR}/../.. ABSOLUTE)

target_sources(sq_logic_tests PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/machine_config_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/default_dirs_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/teacher_pin_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/pin_rules_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/pupil_settings_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/bad_config_fixtures_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/settings_cli_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/settings_docs_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/data_folder_test.cpp
)
# The pin and config subcommands are tested in-process (standard input, the time
# and the environment passed in), through the sq_cli library.
target_link_libraries(sq_logic_tests PRIVATE sq_cli)

if(SQ_FUZZ)
  # Built like the targets of tests/fuzz/CMakeLists.txt (sq_add_fuzzer is defined
  # there, after this file is read): only the executable links libFuzzer, and the
  # seed corpus is copied into the build tree before each build so that a run adds
  # its discoveries there, never to the repository.
  set(sq_mc_src ${sq_settings_root}/tests/fuzz)
  set(sq_mc_corpus ${CMAKE_CURRENT_BINARY_DIR}/fuzz/corpus/machine_config)
  set(sq_mc_artifacts ${CMAKE_CURRENT_BINARY_DIR}/fuzz/artifacts/machine_config)
  add_executable(fuzz_machine_config ${sq_mc_src}/fuzz_machine_config.cpp)
  target_link_libraries(fuzz_machine_config PRIVATE sq_logic sq_warnings)
  target_link_options(fuzz_machine_config PRIVATE -fsanitize=fuzzer,address,undefined)
  add_custom_target(fuzz_machine_config_corpus
    COMMAND ${CMAKE_COMMAND} -E make_directory ${sq_mc_corpus} ${sq_mc_artifacts}
    COMMAND ${CMAKE_COMMAND} -E copy_directory ${sq_mc_src}/corpus/machine_config ${sq_mc_corpus}
    COMMENT "Copying the machine_config seed corpus into the build tree"
    VERBATIM)
  add_dependencies(fuzz_machine_config fuzz_machine_config_corpus)

  # -timeout: one input taking 10 s is a hang, and a failure. A crash's input is
  # kept in fuzz/artifacts/machine_config/ (replay: fuzz_machine_config <that file>).
  add_test(NAME "fuzz: machine_config (15 s)"
    COMMAND fuzz_machine_config -max_total_time=15 -rss_limit_mb=2048 -max_len=70000 -timeout=10
            -print_final_stats=1 -dict=${CMAKE_CURRENT_LIST_DIR}/machine_config.dict
            -artifact_prefix=${sq_mc_artifacts}/ ${sq_mc_corpus})
  set_tests_properties("fuzz: machine_config (15 s)" PROPERTIES TIMEOUT 120 LABELS fuzz)
endif()
