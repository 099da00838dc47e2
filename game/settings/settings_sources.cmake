# Settings: the machine-wide configuration and the teacher settings file, the
# teacher PIN (Argon2id hash and lockout) and a pupil's own preferences. Logic only:
# no SDL, no clock. See game/settings/README.md for the file formats.
target_sources(sq_logic PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/settings_json.cpp
  ${CMAKE_CURRENT_LIST_DIR}/machine_config.cpp
  ${CMAKE_CURRENT_LIST_DIR}/default_dirs.cpp
  ${CMAKE_CURRENT_LIST_DIR}/teacher_pin.cpp
  ${CMAKE_CURRENT_LIST_DIR}/pin_rules.cpp
  ${CMAKE_CURRENT_LIST_DIR}/pupil_settings.cpp
)
