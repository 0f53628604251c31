# Fails when a file kept in the repository differs from what the binary generates now
# (completions, man page, schemas): the CLI, the catalog or the rules changed without it.
# With UPDATE_GENERATED set in the environment, the file is rewritten instead.
# -DEMULATOR=... runs a cross-built binary (wine). ARGS is a |-separated argument list.
string(REPLACE "|" ";" args "${ARGS}")
execute_process(COMMAND ${EMULATOR} ${BINARY} ${args} OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE code)
if(NOT code STREQUAL "0")
  message(FATAL_ERROR "sessiontool ${args} exited ${code}: ${err}")
endif()
string(REPLACE "\r\n" "\n" out "${out}")  # Windows console output
if(DEFINED ENV{UPDATE_GENERATED})
  file(WRITE ${FILE} "${out}")
  return()
endif()
file(READ ${FILE} want)
if(NOT out STREQUAL want)
  get_filename_component(name ${FILE} NAME)
  file(WRITE ${OUT_DIR}/${name} "${out}")
  message(FATAL_ERROR "${FILE} is out of date: `sessiontool ${args}` prints something else (written to "
                      "${OUT_DIR}/${name}). Run `UPDATE_GENERATED=1 ctest -R generated` and review the diff.")
endif()
