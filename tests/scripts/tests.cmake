# Tests of the scripts in scripts/, run by bash on the build machine. Included from
# tests/CMakeLists.txt.

find_program(SESSIONTOOL_BASH bash)
if(SESSIONTOOL_BASH AND NOT CMAKE_CROSSCOMPILING)
  # A failing stage says which and why in its last lines.
  add_test(NAME scripts.stage_report
    COMMAND ${SESSIONTOOL_BASH} ${CMAKE_CURRENT_LIST_DIR}/stage_report_test.sh ${PROJECT_SOURCE_DIR})
endif()
if(SESSIONTOOL_BASH AND WIN32 AND CMAKE_CROSSCOMPILING)
  # The Windows stage's wine, from a prefix folder that does not exist yet.
  add_test(NAME scripts.wine_fresh_prefix
    COMMAND ${SESSIONTOOL_BASH} ${CMAKE_CURRENT_LIST_DIR}/wine_prefix_test.sh ${PROJECT_SOURCE_DIR} $<TARGET_FILE:sessiontool>)
  set_tests_properties(scripts.wine_fresh_prefix PROPERTIES SKIP_RETURN_CODE 77)
endif()
if(SESSIONTOOL_BASH AND WIN32 AND CMAKE_CROSSCOMPILING)
  # Paths in Greek, Polish and Japanese under wine sessions in those three locales.
  add_test(NAME scripts.wine_unicode
    COMMAND ${SESSIONTOOL_BASH} ${CMAKE_CURRENT_LIST_DIR}/wine_unicode_test.sh ${PROJECT_SOURCE_DIR} $<TARGET_FILE:unit_tests>)
  set_tests_properties(scripts.wine_unicode PROPERTIES SKIP_RETURN_CODE 77)
endif()
if(SESSIONTOOL_BASH AND NOT CMAKE_CROSSCOMPILING)
  # show --installed on a fake drive C: named by ProgramFiles, windir and SystemDrive.
  add_test(NAME scripts.installed
    COMMAND ${SESSIONTOOL_BASH} ${CMAKE_CURRENT_LIST_DIR}/installed_test.sh ${PROJECT_SOURCE_DIR} $<TARGET_FILE:sessiontool>)
  set_tests_properties(scripts.installed PROPERTIES SKIP_RETURN_CODE 77)
endif()
if(SESSIONTOOL_BASH AND WIN32 AND CMAKE_CROSSCOMPILING)
  # sessiontool.exe show --installed in a wine prefix whose drive_c is laid out the standard way.
  add_test(NAME scripts.wine_installed
    COMMAND ${SESSIONTOOL_BASH} ${CMAKE_CURRENT_LIST_DIR}/installed_test.sh ${PROJECT_SOURCE_DIR} $<TARGET_FILE:sessiontool> wine)
  set_tests_properties(scripts.wine_installed PROPERTIES SKIP_RETURN_CODE 77)
endif()
