# Installs the build into a staging directory (DESTDIR), checks that every file is in its
# conventional place, and runs the installed binary: what `make install` or the .deb gives a user.
# -DBUILD_DIR, -DSTAGE, -DPREFIX, -DEXE_SUFFIX, -DEMULATOR (wine for a cross build).
file(REMOVE_RECURSE ${STAGE})
execute_process(COMMAND ${CMAKE_COMMAND} -E env DESTDIR=${STAGE} ${CMAKE_COMMAND} --install ${BUILD_DIR} --prefix ${PREFIX}
                OUTPUT_QUIET ERROR_VARIABLE err RESULT_VARIABLE code)
if(NOT code STREQUAL "0")
  message(FATAL_ERROR "cmake --install failed: ${err}")
endif()
set(root ${STAGE}${PREFIX})
# The man page is gzipped where the build found gzip (cmake/packaging.cmake).
find_program(GZIP gzip)
set(man_page share/man/man1/sessiontool.1)
if(GZIP)
  set(man_page ${man_page}.gz)
endif()
set(expected
  bin/sessiontool${EXE_SUFFIX}
  ${man_page}
  share/bash-completion/completions/sessiontool
  share/zsh/site-functions/_sessiontool
  share/fish/vendor_completions.d/sessiontool.fish
  share/sessiontool/sessiontool.ps1
  share/sessiontool/schemas/navsettings.schema.json
  share/sessiontool/schemas/show-output.schema.json
  share/sessiontool/schemas/lint-output.schema.json
  share/sessiontool/schemas/diff-output.schema.json
  share/sessiontool/schemas/set-output.schema.json
  share/sessiontool/schemas/sessiontool-config.schema.json)
foreach(file ${expected})
  if(NOT EXISTS ${root}/${file})
    message(SEND_ERROR "not installed: ${PREFIX}/${file}")
  endif()
endforeach()

# `man sessiontool` reads the page from the repository, byte for byte.
if(GZIP AND EXISTS ${root}/${man_page})
  execute_process(COMMAND ${GZIP} -dc ${root}/${man_page} OUTPUT_VARIABLE page RESULT_VARIABLE code)
  file(READ ${CMAKE_CURRENT_LIST_DIR}/../../man/sessiontool.1 source_page)
  if(NOT code STREQUAL "0" OR NOT page STREQUAL source_page)
    message(SEND_ERROR "the installed ${man_page} is not man/sessiontool.1 gzipped (gzip -dc exited ${code})")
  endif()
endif()

set(binary ${root}/bin/sessiontool${EXE_SUFFIX})
execute_process(COMMAND ${EMULATOR} ${binary} --version OUTPUT_VARIABLE version RESULT_VARIABLE code)
if(NOT code STREQUAL "0" OR NOT version MATCHES "^sessiontool [0-9]+\\.[0-9]+\\.[0-9]+")
  message(SEND_ERROR "installed binary: --version exited ${code} and printed '${version}'")
endif()
execute_process(COMMAND ${EMULATOR} ${binary} show testdata/sample OUTPUT_VARIABLE shown RESULT_VARIABLE code)
if(NOT code STREQUAL "0" OR NOT shown MATCHES "BC230")
  message(SEND_ERROR "installed binary: show testdata/sample exited ${code}")
endif()
# The installed completion is the one this binary prints.
execute_process(COMMAND ${EMULATOR} ${binary} completions bash OUTPUT_VARIABLE printed RESULT_VARIABLE code)
string(REPLACE "\r\n" "\n" printed "${printed}")
file(READ ${root}/share/bash-completion/completions/sessiontool installed)
if(NOT printed STREQUAL installed)
  message(SEND_ERROR "the installed bash completion differs from `sessiontool completions bash`")
endif()
message(STATUS "installed ${PREFIX} in ${STAGE}: ${version}")
