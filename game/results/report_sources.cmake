# The register (who has completed what) and the reports built from it: CSV, the
# governors' HTML report, xAPI statements and the printable AUP.
target_sources(sq_logic PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/register.cpp
  ${CMAKE_CURRENT_LIST_DIR}/report_csv.cpp
  ${CMAKE_CURRENT_LIST_DIR}/report_html.cpp
  ${CMAKE_CURRENT_LIST_DIR}/report_xapi.cpp
  ${CMAKE_CURRENT_LIST_DIR}/aup_print.cpp
)
# The xAPI outbox and its sender (the transport is the caller's: cli/, web/).
target_sources(sq_logic PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/xapi_config.cpp
  ${CMAKE_CURRENT_LIST_DIR}/xapi_backoff.cpp
  ${CMAKE_CURRENT_LIST_DIR}/xapi_outbox.cpp
  ${CMAKE_CURRENT_LIST_DIR}/xapi_sender.cpp
  ${CMAKE_CURRENT_LIST_DIR}/xapi_pump.cpp
)
