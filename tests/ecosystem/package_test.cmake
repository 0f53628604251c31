# Builds the Debian package with CPack into a directory of its own and checks what it holds:
# the binary and the files a user expects under /usr, and the library dependencies.
# -DBUILD_DIR, -DOUT_DIR. Skipped without dpkg-deb.
find_program(DPKG_DEB dpkg-deb)
if(NOT DPKG_DEB)
  message("dpkg-deb is not installed: skipped")
  return()
endif()
file(REMOVE_RECURSE ${OUT_DIR})
execute_process(COMMAND ${CMAKE_CPACK_COMMAND} -G DEB --config ${BUILD_DIR}/CPackConfig.cmake -B ${OUT_DIR}
                OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE code)
file(GLOB debs ${OUT_DIR}/*.deb)
if(NOT code STREQUAL "0" OR NOT debs)
  message(FATAL_ERROR "cpack -G DEB failed: ${out}${err}")
endif()
execute_process(COMMAND ${DPKG_DEB} --contents ${debs} OUTPUT_VARIABLE contents)
foreach(file ./usr/bin/sessiontool ./usr/share/man/man1/sessiontool.1.gz
             ./usr/share/bash-completion/completions/sessiontool ./usr/share/zsh/vendor-completions/_sessiontool
             ./usr/share/fish/vendor_completions.d/sessiontool.fish ./usr/share/sessiontool/sessiontool.ps1
             ./usr/share/sessiontool/schemas/navsettings.schema.json)
  string(FIND "${contents}" " ${file}\n" at)
  if(at EQUAL -1)
    message(SEND_ERROR "${debs} lacks ${file}")
  endif()
endforeach()
execute_process(COMMAND ${DPKG_DEB} --field ${debs} Package Depends OUTPUT_VARIABLE fields)
if(NOT fields MATCHES "Package: sessiontool" OR NOT fields MATCHES "libpugixml")
  message(SEND_ERROR "unexpected control fields:\n${fields}")
endif()
message(STATUS "${debs}\n${fields}")
