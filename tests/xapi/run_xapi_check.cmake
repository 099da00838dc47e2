# CTest driver for the xAPI check: makes a small school (make_report_data), exports
# it with `safequest-cli report --format xapi`, then validates every statement with
# node tests/xapi/validate.mjs (Learning Locker's xapi-validation, pinned in
# tests/package-lock.json). Run with cmake -P and:
#   -DGEN=<make_report_data> -DCLI=<safequest-cli> -DNODE=<node>
#   -DSCRIPT=<validate.mjs> -DWORK=<scratch folder>
foreach(var GEN CLI NODE SCRIPT WORK)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "run_xapi_check.cmake needs -D${var}=...")
  endif()
endforeach()

execute_process(COMMAND "${GEN}" "${WORK}"
                OUTPUT_VARIABLE expected OUTPUT_STRIP_TRAILING_WHITESPACE
                RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "make_report_data failed (${rc})")
endif()

execute_process(COMMAND "${CLI}" report --format xapi --academic-year 2026
                        --data "${WORK}/data"
                OUTPUT_FILE "${WORK}/statements.json"
                ERROR_VARIABLE cli_err
                RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "safequest-cli report --format xapi exited ${rc}: ${cli_err}")
endif()

execute_process(COMMAND "${NODE}" "${SCRIPT}" --expect "${expected}" "${WORK}/statements.json"
                OUTPUT_VARIABLE node_out
                ERROR_VARIABLE node_err
                RESULT_VARIABLE rc)
message("${node_out}${node_err}")
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "xAPI validation failed (${rc})")
endif()
file(REMOVE_RECURSE "${WORK}")
