# Installation in the conventional places, and a Debian package (`cpack -G DEB` in the build
# directory). The completions, man page and schemas are the files kept in the repository
# (tests/ecosystem checks they match the binary), so a cross build installs them too.
include(GNUInstallDirs)

install(TARGETS sessiontool RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
# The man page gzipped, as Debian's policy has it (`gzip -9n`: no name or time in the header, so
# the same page gives the same bytes); as it is where gzip is missing.
find_program(SESSIONTOOL_GZIP gzip)
if(SESSIONTOOL_GZIP)
  set(man_page_gz ${CMAKE_BINARY_DIR}/sessiontool.1.gz)
  add_custom_command(OUTPUT ${man_page_gz}
    COMMAND ${SESSIONTOOL_GZIP} -9n -c ${PROJECT_SOURCE_DIR}/man/sessiontool.1 > ${man_page_gz}
    DEPENDS ${PROJECT_SOURCE_DIR}/man/sessiontool.1)
  add_custom_target(sessiontool_man_page ALL DEPENDS ${man_page_gz})
  install(FILES ${man_page_gz} DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
else()
  install(FILES ${PROJECT_SOURCE_DIR}/man/sessiontool.1 DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
endif()
install(FILES ${PROJECT_SOURCE_DIR}/completions/sessiontool.bash
        DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions RENAME sessiontool)
install(FILES ${PROJECT_SOURCE_DIR}/completions/sessiontool.fish
        DESTINATION ${CMAKE_INSTALL_DATADIR}/fish/vendor_completions.d)
install(FILES ${PROJECT_SOURCE_DIR}/completions/sessiontool.ps1 DESTINATION ${CMAKE_INSTALL_DATADIR}/sessiontool)
file(GLOB schema_files ${PROJECT_SOURCE_DIR}/schemas/*.schema.json)
install(FILES ${schema_files} DESTINATION ${CMAKE_INSTALL_DATADIR}/sessiontool/schemas)
install(FILES ${PROJECT_SOURCE_DIR}/README.md DESTINATION ${CMAKE_INSTALL_DOCDIR})

# zsh looks in site-functions under /usr/local, but Debian's zsh reads packages' completions
# from vendor-completions under /usr. The prefix is only known at install time (cpack installs
# with /usr whatever the build was configured with).
install(CODE "
  if(CMAKE_INSTALL_PREFIX STREQUAL \"/usr\")
    set(zsh_dir \"\${CMAKE_INSTALL_PREFIX}/share/zsh/vendor-completions\")
  else()
    set(zsh_dir \"\${CMAKE_INSTALL_PREFIX}/share/zsh/site-functions\")
  endif()
  file(INSTALL \"${PROJECT_SOURCE_DIR}/completions/_sessiontool\" DESTINATION \"\${zsh_dir}\")
")

set(CPACK_PACKAGE_NAME sessiontool)
set(CPACK_PACKAGE_VENDOR "sessiontool")
set(CPACK_PACKAGE_CONTACT "sessiontool maintainers <sessiontool@example.org>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
    "Effective session timeouts of Business Central and Finance & Operations: show, lint, set")
set(CPACK_PACKAGE_DESCRIPTION
    "Reads CustomSettings.config, navsettings.json and web.config, tells when sessions really close and why, checks the files in CI and rewrites values byte-exact.")
set(CPACK_PACKAGE_HOMEPAGE_URL "https://example.org/sessiontool")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION admin)
set(CPACK_STRIP_FILES ON)
find_program(DPKG_SHLIBDEPS dpkg-shlibdeps)
if(SESSIONTOOL_STATIC)
  # One static executable (scripts/release): it needs no package at all.
elseif(DPKG_SHLIBDEPS)
  set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)  # libpugixml1v5, libfmt9, libstdc++6 at the versions built with
else()
  set(CPACK_DEBIAN_PACKAGE_DEPENDS "libc6, libstdc++6, libgcc-s1, libpugixml1v5, libfmt9")
endif()
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "bash-completion")
set(CPACK_GENERATOR TGZ)
if(CMAKE_SYSTEM_NAME STREQUAL "Linux")
  set(CPACK_GENERATOR DEB)
elseif(WIN32)
  set(CPACK_GENERATOR ZIP)
endif()
include(CPack)
