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
set(expected
  bin/sessiontool${EXE_SUFFIX}
  share/man/man1/sessiontool.1
  share/bash-completion/completions/sessiontool
  share/zsh/site-functions/_sessiontool
  share/fish/vendor_completions.d/sessiontool.fish
  share/sessiontool/sessiontool.ps1
  share/sessiontool/schemas/navsettings.schema.json
  share/sessiontool/schemas/show-output.schema.json
  share/sessiontool/schemas/lint-output.schema.json
  share/sessiontool/schemas/sessiontool-config.schema.json)
foreach(file ${expected})
  if(NOT EXISTS ${root}/${file})
    message(SEND_ERROR "not installed: ${PREFIX}/${file}")
  endif()
endforeach()

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
