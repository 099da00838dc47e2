# What the teacher's app shows and asks before it changes records: the class-list
# import preview, the register grid and histories, erase and retention previews.
target_sources(sq_logic PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/import_preview.cpp
  ${CMAKE_CURRENT_LIST_DIR}/register_grid.cpp
  ${CMAKE_CURRENT_LIST_DIR}/privacy_preview.cpp
  ${CMAKE_CURRENT_LIST_DIR}/class_list_file.cpp
  ${CMAKE_CURRENT_LIST_DIR}/pupil_edits.cpp
  ${CMAKE_CURRENT_LIST_DIR}/promote_preview.cpp
  ${CMAKE_CURRENT_LIST_DIR}/aup_agreements.cpp
  ${CMAKE_CURRENT_LIST_DIR}/aup_sheet.cpp
  ${CMAKE_CURRENT_LIST_DIR}/file_url.cpp
  ${CMAKE_CURRENT_LIST_DIR}/register_data.cpp
  ${CMAKE_CURRENT_LIST_DIR}/privacy_actions.cpp
  ${CMAKE_CURRENT_LIST_DIR}/pin_change.cpp
  ${CMAKE_CURRENT_LIST_DIR}/school_settings_edit.cpp
  ${CMAKE_CURRENT_LIST_DIR}/picture_password_removal.cpp
)
# The Reports and Sharing tabs: the report request, the merge off the window's
# thread, and the sharing tab's words and list of PCs.
target_sources(sq_logic PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/report_request.cpp
  ${CMAKE_CURRENT_LIST_DIR}/background_merge.cpp
  ${CMAKE_CURRENT_LIST_DIR}/sharing_status.cpp
  ${CMAKE_CURRENT_LIST_DIR}/browser_files.cpp
)
# Reports and publishing off the window's thread; the browser opened without a shell.
target_sources(sq_logic PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/background_job.cpp
  ${CMAKE_CURRENT_LIST_DIR}/records_jobs.cpp
  ${CMAKE_CURRENT_LIST_DIR}/open_in_browser.cpp
)
