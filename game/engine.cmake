# The engine half of the game: sq_engine (platform, render, text, ui, screens), the app
# library and the `safequest` executable, plus the fonts copied next to it.
# Included from game/CMakeLists.txt after sq_logic. Paths are relative to this
# file, so it works whichever list includes it.
#
# Dependency rule (ARCHITECTURE.md): only platform/, render/, text/ and audio/
# include <SDL.h>; ui/, screens/ and app/ see the engine's own types; sq_logic never sees SDL.

set(SQ_GAME_DIR ${CMAKE_CURRENT_LIST_DIR})
get_filename_component(SQ_REPO_DIR ${CMAKE_CURRENT_LIST_DIR}/.. ABSOLUTE)

# Executables and their assets/ folder sit together at the top of the build tree
# (build/<preset>/safequest, build/<preset>/assets/fonts/...), so the game finds its
# assets next to itself and the repository's content/ two folders up.
set(SQ_RUNTIME_DIR ${CMAKE_BINARY_DIR})
set(SQ_ASSETS_BUILD_DIR ${SQ_RUNTIME_DIR}/assets)

# --- assets: fonts from Debian packages, our own interface art from assets/ ---------
# Nothing third-party lives in the repository: fonts are copied at build time from
# the installed packages (fonts-sil-andika, fonts-opendyslexic, fonts-dejavu-core).
set(SQ_FONT_SOURCES
  /usr/share/fonts/truetype/andika/Andika-Regular.ttf
  /usr/share/fonts/truetype/andika/Andika-Bold.ttf
  /usr/share/fonts/opentype/opendyslexic/OpenDyslexic-Regular.otf
  /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf
)
set(SQ_ASSET_OUTPUTS)
foreach(font ${SQ_FONT_SOURCES})
  if(NOT EXISTS ${font})
    message(FATAL_ERROR "Font ${font} is missing: install fonts-sil-andika, "
                        "fonts-opendyslexic and fonts-dejavu-core (tools/ setup script).")
  endif()
  get_filename_component(font_name ${font} NAME)
  set(out ${SQ_ASSETS_BUILD_DIR}/fonts/${font_name})
  add_custom_command(OUTPUT ${out}
    COMMAND ${CMAKE_COMMAND} -E make_directory ${SQ_ASSETS_BUILD_DIR}/fonts
    COMMAND ${CMAKE_COMMAND} -E copy_if_different ${font} ${out}
    DEPENDS ${font}
    COMMENT "Copying font ${font_name}"
    VERBATIM)
  list(APPEND SQ_ASSET_OUTPUTS ${out})
endforeach()

# The repository's own files (everything in assets/ except READMEs and the script
# that draws the interface's pictures) are copied as they are.
file(GLOB_RECURSE SQ_OWN_ASSETS CONFIGURE_DEPENDS RELATIVE ${SQ_REPO_DIR}/assets
     ${SQ_REPO_DIR}/assets/*)
list(FILTER SQ_OWN_ASSETS EXCLUDE REGEX "(^|/)README\\.md$")
list(FILTER SQ_OWN_ASSETS EXCLUDE REGEX "\\.py$")
foreach(rel ${SQ_OWN_ASSETS})
  set(out ${SQ_ASSETS_BUILD_DIR}/${rel})
  add_custom_command(OUTPUT ${out}
    COMMAND ${CMAKE_COMMAND} -E copy_if_different ${SQ_REPO_DIR}/assets/${rel} ${out}
    DEPENDS ${SQ_REPO_DIR}/assets/${rel}
    VERBATIM)
  list(APPEND SQ_ASSET_OUTPUTS ${out})
endforeach()
add_custom_target(sq_assets ALL DEPENDS ${SQ_ASSET_OUTPUTS})

# --- sq_engine: platform, render, text, ui, screens (audio adds its own files) ----
add_library(sq_engine STATIC
  ${SQ_GAME_DIR}/platform/browser_storage.cpp
  ${SQ_GAME_DIR}/platform/clock.cpp
  ${SQ_GAME_DIR}/platform/event_inject.cpp
  ${SQ_GAME_DIR}/platform/event_pump.cpp
  ${SQ_GAME_DIR}/platform/paths.cpp
  ${SQ_GAME_DIR}/platform/window.cpp
  ${SQ_GAME_DIR}/render/image.cpp
  ${SQ_GAME_DIR}/render/picture.cpp
  ${SQ_GAME_DIR}/render/renderer.cpp
  ${SQ_GAME_DIR}/text/font.cpp
  ${SQ_GAME_DIR}/text/layout.cpp
  ${SQ_GAME_DIR}/text/text_renderer.cpp
  # ui: the framework
  ${SQ_GAME_DIR}/ui/chrome.cpp
  ${SQ_GAME_DIR}/ui/controls.cpp
  ${SQ_GAME_DIR}/ui/focus.cpp
  ${SQ_GAME_DIR}/ui/grid.cpp
  ${SQ_GAME_DIR}/ui/scanner.cpp
  ${SQ_GAME_DIR}/ui/screen_stack.cpp
  ${SQ_GAME_DIR}/ui/strings.cpp
  ${SQ_GAME_DIR}/ui/theme.cpp
  ${SQ_GAME_DIR}/ui/widget.cpp
  ${SQ_GAME_DIR}/ui/widgets.cpp
  # screens: the pupil screens, a lesson's steps, the teacher screens
  ${SQ_GAME_DIR}/screens/avatar_screen.cpp
  ${SQ_GAME_DIR}/screens/butterfly_screen.cpp
  ${SQ_GAME_DIR}/screens/fetching_screen.cpp
  ${SQ_GAME_DIR}/screens/home_model.cpp
  ${SQ_GAME_DIR}/screens/home_screen.cpp
  ${SQ_GAME_DIR}/screens/name_marks.cpp
  ${SQ_GAME_DIR}/screens/picture_password.cpp
  ${SQ_GAME_DIR}/screens/pupil_settings_screen.cpp
  ${SQ_GAME_DIR}/screens/sign_in_screen.cpp
  ${SQ_GAME_DIR}/screens/lesson/activity_parts.cpp
  ${SQ_GAME_DIR}/screens/lesson/aup_screen.cpp
  ${SQ_GAME_DIR}/screens/lesson/badge_screen.cpp
  ${SQ_GAME_DIR}/screens/lesson/butterfly_practice_screen.cpp
  ${SQ_GAME_DIR}/screens/lesson/lesson_play.cpp
  ${SQ_GAME_DIR}/screens/lesson/lesson_screen.cpp
  ${SQ_GAME_DIR}/screens/lesson/quiz_draw.cpp
  ${SQ_GAME_DIR}/screens/lesson/quiz_layout.cpp
  ${SQ_GAME_DIR}/screens/lesson/quiz_screen.cpp
  ${SQ_GAME_DIR}/screens/lesson/scenario_screen.cpp
  ${SQ_GAME_DIR}/screens/lesson/slides_screen.cpp
  ${SQ_GAME_DIR}/screens/teacher/aup_records_screen.cpp
  ${SQ_GAME_DIR}/screens/teacher/butterfly_teacher_screen.cpp
  ${SQ_GAME_DIR}/screens/teacher/class_lesson_screen.cpp
  ${SQ_GAME_DIR}/screens/teacher/packs_page.cpp
  ${SQ_GAME_DIR}/screens/teacher/packs_screen.cpp
  ${SQ_GAME_DIR}/screens/teacher/picture_password_screen.cpp
  ${SQ_GAME_DIR}/screens/teacher/teacher_pin_screen.cpp
  ${SQ_GAME_DIR}/screens/teacher/teacher_settings_screen.cpp
  ${SQ_GAME_DIR}/screens/teacher/browser_files.cpp
  ${SQ_GAME_DIR}/screens/teacher/browser_files_screen.cpp
)
target_include_directories(sq_engine PUBLIC ${SQ_GAME_DIR})
target_link_libraries(sq_engine
  PUBLIC sq_logic SDL2::SDL2
  PRIVATE PkgConfig::STB sq_warnings)
include(${SQ_GAME_DIR}/audio/audio_sources.cmake)
include(${SQ_GAME_DIR}/screens/assembly/assembly_sources.cmake)

# --- the app: App::runOneFrame() and the command line, shared by desktop and web -----
add_library(sq_app STATIC
  ${SQ_GAME_DIR}/app/app.cpp
  ${SQ_GAME_DIR}/app/audio_output.cpp
  ${SQ_GAME_DIR}/app/command_line.cpp
  ${SQ_GAME_DIR}/app/default_dirs.cpp
  ${SQ_GAME_DIR}/app/game_settings.cpp
  ${SQ_GAME_DIR}/app/lesson_preview.cpp
  ${SQ_GAME_DIR}/app/pupil_session_service.cpp
  ${SQ_GAME_DIR}/app/records_service.cpp
  ${SQ_GAME_DIR}/app/script.cpp
  ${SQ_GAME_DIR}/app/script_player.cpp
  ${SQ_GAME_DIR}/app/window_events.cpp
)
target_link_libraries(sq_app PUBLIC sq_engine PRIVATE sq_warnings)
target_compile_definitions(sq_app PRIVATE
  SQ_SOURCE_CONTENT_DIR="${SQ_REPO_DIR}/content"
  SQ_BUILD_ASSETS_DIR="${SQ_ASSETS_BUILD_DIR}")

add_executable(safequest ${SQ_GAME_DIR}/app/main_desktop.cpp)
target_link_libraries(safequest PRIVATE sq_app sq_warnings)
set_target_properties(safequest PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${SQ_RUNTIME_DIR})
add_dependencies(safequest sq_assets)
