# Tests of what sessiontool gives its surroundings: files generated from the CLI definition
# and the catalog (completions, man page, schemas) kept in step with the binary, the
# completion scripts driven like their shells drive them, the schemas against real output,
# and an installation into a staging directory. Included from tests/CMakeLists.txt.

set(eco_dir ${CMAKE_CURRENT_LIST_DIR})

# File in the repository <- arguments of the binary that print it ("|" between arguments).
set(generated_files
  "completions/sessiontool.bash=completions|bash"
  "completions/_sessiontool=completions|zsh"
  "completions/sessiontool.fish=completions|fish"
  "completions/sessiontool.ps1=completions|powershell"
  "man/sessiontool.1=man"
  "schemas/navsettings.schema.json=schema|navsettings"
  "schemas/show-output.schema.json=schema|show"
  "schemas/lint-output.schema.json=schema|lint"
  "schemas/diff-output.schema.json=schema|diff"
  "schemas/set-output.schema.json=schema|set")
foreach(entry ${generated_files})
  string(REPLACE "=" ";" parts ${entry})
  list(GET parts 0 file)
  list(GET parts 1 args)
  string(REGEX REPLACE "[/.]" "_" test_name ${file})
  add_test(NAME generated.${test_name}
    COMMAND ${CMAKE_COMMAND} -DBINARY=$<TARGET_FILE:sessiontool> "-DEMULATOR=${CMAKE_CROSSCOMPILING_EMULATOR}"
            -DFILE=${PROJECT_SOURCE_DIR}/${file} -DARGS=${args} -DOUT_DIR=${CMAKE_CURRENT_BINARY_DIR}
            -P ${eco_dir}/check_generated.cmake
    WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
endforeach()

# The rest runs the binary from Python: native builds only.
if(NOT CMAKE_CROSSCOMPILING)
  find_package(Python3 COMPONENTS Interpreter REQUIRED)
  foreach(shell bash fish zsh)
    add_test(NAME completions.${shell}
      COMMAND ${Python3_EXECUTABLE} ${eco_dir}/completion_test.py $<TARGET_FILE:sessiontool> ${shell}
      WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
    set_tests_properties(completions.${shell} PROPERTIES SKIP_RETURN_CODE 77)
  endforeach()
  add_test(NAME schemas.validate
    COMMAND ${Python3_EXECUTABLE} ${eco_dir}/validate_schemas.py $<TARGET_FILE:sessiontool>
    WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
  add_test(NAME man.page
    COMMAND ${Python3_EXECUTABLE} ${eco_dir}/check_man_page.py $<TARGET_FILE:sessiontool>
    WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
  add_test(NAME readme.release_artifacts
    COMMAND ${Python3_EXECUTABLE} ${eco_dir}/readme_artifacts_test.py $<TARGET_FILE:sessiontool>
    WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
  add_test(NAME readme.deployment_script
    COMMAND ${Python3_EXECUTABLE} ${eco_dir}/readme_recipe_test.py $<TARGET_FILE:sessiontool>
    WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
  add_test(NAME readme.diff_recipes
    COMMAND ${Python3_EXECUTABLE} ${eco_dir}/readme_diff_recipe_test.py $<TARGET_FILE:sessiontool>
    WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
  set_tests_properties(readme.diff_recipes PROPERTIES SKIP_RETURN_CODE 77)
endif()

# Installation into a staging directory, and the Debian package.
add_test(NAME install.staging
  COMMAND ${CMAKE_COMMAND} -DBUILD_DIR=${CMAKE_BINARY_DIR} -DSTAGE=${CMAKE_CURRENT_BINARY_DIR}/install-stage
          -DPREFIX=/usr/local -DEXE_SUFFIX=${CMAKE_EXECUTABLE_SUFFIX} "-DEMULATOR=${CMAKE_CROSSCOMPILING_EMULATOR}"
          -P ${eco_dir}/install_test.cmake
  WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
if(NOT CMAKE_CROSSCOMPILING)
  add_test(NAME install.deb_package
    COMMAND ${CMAKE_COMMAND} -DBUILD_DIR=${CMAKE_BINARY_DIR} -DOUT_DIR=${CMAKE_CURRENT_BINARY_DIR}/package
            -DCMAKE_CPACK_COMMAND=${CMAKE_CPACK_COMMAND} -P ${eco_dir}/package_test.cmake)
  set_tests_properties(install.deb_package PROPERTIES SKIP_REGULAR_EXPRESSION "dpkg-deb is not installed: skipped")
  # Both install the build directory (and write its install_manifest.txt).
  set_tests_properties(install.staging install.deb_package PROPERTIES RESOURCE_LOCK install)
endif()
