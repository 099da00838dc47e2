# sq_engine_tests: text layout, fonts, themes, headless drawing (SDL's dummy video
# driver and the software renderer), the command line, and the real programs run
# with --screenshot. Included from tests/CMakeLists.txt; paths are relative to this file.

set(SQ_ENGINE_TEST_DIR ${CMAKE_CURRENT_LIST_DIR}/engine)
get_filename_component(SQ_ENGINE_TEST_REPO ${CMAKE_CURRENT_LIST_DIR}/.. ABSOLUTE)

add_executable(sq_engine_tests
  ${SQ_ENGINE_TEST_DIR}/main_engine_test.cpp
  ${SQ_ENGINE_TEST_DIR}/layout_test.cpp
  ${SQ_ENGINE_TEST_DIR}/font_test.cpp
  ${SQ_ENGINE_TEST_DIR}/theme_test.cpp
  ${SQ_ENGINE_TEST_DIR}/command_line_test.cpp
  ${SQ_ENGINE_TEST_DIR}/packs_model_test.cpp
  ${SQ_ENGINE_TEST_DIR}/render_test.cpp
  ${SQ_ENGINE_TEST_DIR}/executables_test.cpp
  ${SQ_ENGINE_TEST_DIR}/app_test.cpp
  ${SQ_ENGINE_TEST_DIR}/engine_architecture_test.cpp
  ${SQ_ENGINE_TEST_DIR}/strings_test.cpp
  ${SQ_ENGINE_TEST_DIR}/ui_framework_test.cpp
  ${SQ_ENGINE_TEST_DIR}/keyboard_test.cpp
  ${SQ_ENGINE_TEST_DIR}/home_model_test.cpp
  ${SQ_ENGINE_TEST_DIR}/script_test.cpp
  ${SQ_ENGINE_TEST_DIR}/screens_test.cpp
  ${SQ_ENGINE_TEST_DIR}/sign_in_marks_test.cpp
  ${SQ_ENGINE_TEST_DIR}/sign_in_cues_test.cpp
  ${SQ_ENGINE_TEST_DIR}/accessibility_test.cpp
  ${SQ_ENGINE_TEST_DIR}/golden_test.cpp
  ${SQ_ENGINE_TEST_DIR}/text_fit_test.cpp
  ${SQ_ENGINE_TEST_DIR}/picture_test.cpp
  ${SQ_ENGINE_TEST_DIR}/event_pump_test.cpp
  ${SQ_ENGINE_TEST_DIR}/lesson_preview_test.cpp
  ${SQ_ENGINE_TEST_DIR}/window_events_test.cpp
  ${SQ_ENGINE_TEST_DIR}/lesson_flow_test.cpp
  ${SQ_ENGINE_TEST_DIR}/slides_scenario_screen_test.cpp
  ${SQ_ENGINE_TEST_DIR}/quiz_screen_test.cpp
  ${SQ_ENGINE_TEST_DIR}/butterfly_aup_screen_test.cpp
  ${SQ_ENGINE_TEST_DIR}/records_service_test.cpp
  ${SQ_ENGINE_TEST_DIR}/pupil_session_service_test.cpp
  ${SQ_ENGINE_TEST_DIR}/class_records_screens_test.cpp
  ${SQ_ENGINE_TEST_DIR}/browser_files_screen_test.cpp
)
target_include_directories(sq_engine_tests PRIVATE ${SQ_ENGINE_TEST_DIR})
target_link_libraries(sq_engine_tests PRIVATE sq_app sq_engine sq_test_support PkgConfig::STB doctest::doctest
                                              sq_warnings sq_test_code)
target_compile_definitions(sq_engine_tests PRIVATE
  SQ_SOURCE_DIR="${SQ_ENGINE_TEST_REPO}"
  SQ_TEST_ASSETS_DIR="${CMAKE_BINARY_DIR}/assets"
  SQ_GAME_PATH="$<TARGET_FILE:safequest>"
  SQ_EDITOR_PATH="$<TARGET_FILE:safequest-editor>")
add_dependencies(sq_engine_tests sq_assets safequest safequest-editor)
doctest_discover_tests(sq_engine_tests
  TEST_PREFIX "engine: "
  PROPERTIES ENVIRONMENT "SDL_VIDEODRIVER=dummy;SDL_AUDIODRIVER=dummy")

# End-to-end: the real game, scripted, against a real records folder (tests/e2e/).
add_executable(sq_e2e_helper ${SQ_ENGINE_TEST_REPO}/tests/e2e/e2e_helper.cpp)
target_link_libraries(sq_e2e_helper PRIVATE sq_test_support sq_logic sq_warnings sq_test_code)
add_test(NAME "e2e: sign in, home, butterfly, progress survives a restart, teacher PIN, a whole lesson and the AUP"
         COMMAND bash ${SQ_ENGINE_TEST_REPO}/tests/e2e/run_e2e.sh
                 $<TARGET_FILE:safequest> $<TARGET_FILE:safequest-cli>
                 $<TARGET_FILE:sq_e2e_helper> ${SQ_ENGINE_TEST_REPO}/content
                 ${SQ_ENGINE_TEST_REPO}/tests/e2e ${CMAKE_BINARY_DIR}/e2e-work)
set_tests_properties("e2e: sign in, home, butterfly, progress survives a restart, teacher PIN, a whole lesson and the AUP"
                     PROPERTIES TIMEOUT 120)
add_dependencies(sq_engine_tests sq_e2e_helper safequest-cli)
# The teachers' editor end to end: a pack made and mended in the editor, validated,
# played in the game (tests/e2e/editor_e2e.sh).
add_test(NAME "e2e: the editor makes, mends and saves a pack that validates and plays in the game"
         COMMAND bash ${SQ_ENGINE_TEST_REPO}/tests/e2e/editor_e2e.sh
                 $<TARGET_FILE:safequest-editor> $<TARGET_FILE:safequest>
                 $<TARGET_FILE:safequest-cli> $<TARGET_FILE:sq_e2e_helper>
                 ${SQ_ENGINE_TEST_REPO}/content ${SQ_ENGINE_TEST_REPO}/tests/e2e
                 ${CMAKE_BINARY_DIR}/editor-e2e-work)
set_tests_properties("e2e: the editor makes, mends and saves a pack that validates and plays in the game"
                     PROPERTIES TIMEOUT 600)
add_test(NAME "e2e: the preview plays in the age band chosen beside its button" COMMAND bash ${SQ_ENGINE_TEST_REPO}/tests/e2e/lesson_preview_band.sh $<TARGET_FILE:safequest-editor> ${SQ_ENGINE_TEST_REPO}/content ${SQ_ENGINE_TEST_REPO}/tests/e2e ${CMAKE_BINARY_DIR}/preview-band-work)
add_test(NAME "e2e: a long text typed in its wrapped box is saved exactly as typed and copied without the box's line breaks" COMMAND bash ${SQ_ENGINE_TEST_REPO}/tests/e2e/lesson_text_wrap.sh $<TARGET_FILE:safequest-editor> ${SQ_ENGINE_TEST_REPO}/content ${SQ_ENGINE_TEST_REPO}/tests/e2e ${CMAKE_BINARY_DIR}/text-wrap-work)
add_test(NAME "e2e: the story map keeps a good share of its column at 1280x720 and 1920x1080" COMMAND bash ${SQ_ENGINE_TEST_REPO}/tests/e2e/editor_story_map.sh $<TARGET_FILE:safequest-editor> ${SQ_ENGINE_TEST_REPO}/content ${SQ_ENGINE_TEST_REPO}/tests/e2e ${CMAKE_BINARY_DIR}/story-map-work)
add_test(NAME "e2e: the editor by keyboard alone makes a scene and a question, saves, undoes and previews" COMMAND bash ${SQ_ENGINE_TEST_REPO}/tests/e2e/editor_keyboard.sh $<TARGET_FILE:safequest-editor> ${SQ_ENGINE_TEST_REPO}/content ${SQ_ENGINE_TEST_REPO}/tests/e2e ${CMAKE_BINARY_DIR}/keyboard-work)
add_test(NAME "e2e: a picture dropped on the editor's real X11 window lands in the chosen field" COMMAND bash ${SQ_ENGINE_TEST_REPO}/tests/e2e/editor_drop_xvfb.sh $<TARGET_FILE:safequest-editor> ${SQ_ENGINE_TEST_REPO}/content ${CMAKE_BINARY_DIR}/drop-xvfb-work)
# The Classes tab of the school records end to end (tests/e2e/records_classes_e2e.sh).
add_test(NAME "e2e: the editor's Classes tab imports, edits and moves up the class list the CLI then lists"
         COMMAND bash ${SQ_ENGINE_TEST_REPO}/tests/e2e/records_classes_e2e.sh
                 $<TARGET_FILE:safequest-editor> $<TARGET_FILE:safequest-cli>
                 ${SQ_ENGINE_TEST_REPO}/tests/e2e ${CMAKE_BINARY_DIR}/records-classes-e2e-work)
set_tests_properties("e2e: the editor's Classes tab imports, edits and moves up the class list the CLI then lists"
                     PROPERTIES TIMEOUT 180)
# The School and Classes tabs' settings reaching a classroom PC (tests/e2e/records_school_e2e.sh).
add_test(NAME "e2e: the safeguarding lead, incident steps and a removed picture password reach a classroom PC" COMMAND bash ${SQ_ENGINE_TEST_REPO}/tests/e2e/records_school_e2e.sh $<TARGET_FILE:safequest> $<TARGET_FILE:safequest-editor> $<TARGET_FILE:safequest-cli> ${SQ_ENGINE_TEST_REPO}/tests/e2e ${SQ_ENGINE_TEST_REPO}/content ${CMAKE_BINARY_DIR}/records-school-e2e-work)
set_tests_properties("e2e: the safeguarding lead, incident steps and a removed picture password reach a classroom PC" PROPERTIES TIMEOUT 240)
add_test(NAME "e2e: the editor register shows who did what, confirms the class AUP and records parent agreements" COMMAND bash ${SQ_ENGINE_TEST_REPO}/tests/e2e/records_register_e2e.sh $<TARGET_FILE:safequest-editor> $<TARGET_FILE:safequest-cli> ${SQ_ENGINE_TEST_REPO}/content ${SQ_ENGINE_TEST_REPO}/tests/e2e ${CMAKE_BINARY_DIR}/records-register-e2e-work)
set_tests_properties("e2e: the editor register shows who did what, confirms the class AUP and records parent agreements" PROPERTIES TIMEOUT 180)
# The school records' Privacy and School tabs end to end (tests/e2e/records_privacy_e2e.sh).
add_test(NAME "e2e: the editor erases a pupil, exports another, applies retention, changes the PIN and sets the school's terms and staff"
         COMMAND bash ${SQ_ENGINE_TEST_REPO}/tests/e2e/records_privacy_e2e.sh
                 $<TARGET_FILE:safequest-editor> $<TARGET_FILE:safequest-cli>
                 ${SQ_ENGINE_TEST_REPO}/tests/e2e ${CMAKE_BINARY_DIR}/records-privacy-e2e-work)
set_tests_properties("e2e: the editor erases a pupil, exports another, applies retention, changes the PIN and sets the school's terms and staff"
                     PROPERTIES TIMEOUT 180)
# The school records' Reports and Sharing tabs: two PCs share a school folder; the
# editor merges, reports with and without names, and names a corrupt snapshot
# (tests/e2e/records_reports_e2e.sh).
add_test(NAME "e2e: the school records merge the school folder and save reports with and without names"
         COMMAND bash ${SQ_ENGINE_TEST_REPO}/tests/e2e/records_reports_e2e.sh
                 $<TARGET_FILE:safequest-editor> $<TARGET_FILE:safequest-cli>
                 $<TARGET_FILE:sq_e2e_helper> ${SQ_ENGINE_TEST_REPO}/content
                 ${CMAKE_BINARY_DIR}/records-reports-e2e-work)
set_tests_properties("e2e: the school records merge the school folder and save reports with and without names"
                     PROPERTIES TIMEOUT 300)
# A school year of records: the class list imported, two pupils' lessons played on a
# classroom PC, merged, registered, reported and one pupil erased (tests/e2e/records_year_e2e.sh).
add_test(NAME "e2e: a school year of records from the class list to a pupil erased"
         COMMAND bash ${SQ_ENGINE_TEST_REPO}/tests/e2e/records_year_e2e.sh
                 $<TARGET_FILE:safequest> $<TARGET_FILE:safequest-editor> $<TARGET_FILE:safequest-cli>
                 $<TARGET_FILE:sq_e2e_helper> ${SQ_ENGINE_TEST_REPO}/content
                 ${SQ_ENGINE_TEST_REPO}/tests/e2e ${CMAKE_BINARY_DIR}/records-year-e2e-work)
set_tests_properties("e2e: a school year of records from the class list to a pupil erased"
                     PROPERTIES TIMEOUT 300)

# The class list saved for browsers, a game reading it, its results file added in
# the teachers' app (tests/e2e/records_browser_e2e.sh).
add_test(NAME "e2e: the class list for browsers and a browser's results file"
         COMMAND bash ${SQ_ENGINE_TEST_REPO}/tests/e2e/records_browser_e2e.sh
                 $<TARGET_FILE:safequest> $<TARGET_FILE:safequest-editor> $<TARGET_FILE:safequest-cli>
                 $<TARGET_FILE:sq_e2e_helper> ${SQ_ENGINE_TEST_REPO}/content
                 ${SQ_ENGINE_TEST_REPO}/tests/e2e ${CMAKE_BINARY_DIR}/records-browser-e2e-work)
set_tests_properties("e2e: the class list for browsers and a browser's results file"
                     PROPERTIES TIMEOUT 300)

# Audio tests (game/audio) list their own files.
include(${CMAKE_CURRENT_LIST_DIR}/engine/audio_tests.cmake)
include(${CMAKE_CURRENT_LIST_DIR}/engine/assembly_tests.cmake)
