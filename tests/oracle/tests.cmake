# Differential tests against .NET's own code, run under Mono: TimeSpan.Parse on 100,000+ generated
# strings (oracle.timespan) and System.Configuration on generated CustomSettings.config files
# (oracle.appsettings). The C# halves are compiled with mcs into the build folder when the tests
# run. Without Mono each test exits 77 and CTest reports it skipped; CI installs Mono
# (SESSIONTOOL_ORACLE=1 scripts/setup). Native builds only: included from tests/CMakeLists.txt.

set(oracle_dir ${CMAKE_CURRENT_LIST_DIR})
add_executable(timespan_oracle_driver ${oracle_dir}/timespan_driver.cpp)
target_link_libraries(timespan_oracle_driver PRIVATE sessiontool_lib)

add_test(NAME oracle.timespan
  COMMAND ${Python3_EXECUTABLE} ${oracle_dir}/timespan_oracle.py $<TARGET_FILE:timespan_oracle_driver>
          ${oracle_dir}/timespan_oracle.cs ${CMAKE_CURRENT_BINARY_DIR}/oracle/timespan)
add_test(NAME oracle.appsettings
  COMMAND ${Python3_EXECUTABLE} ${oracle_dir}/appsettings_oracle.py $<TARGET_FILE:sessiontool>
          ${oracle_dir}/appsettings_oracle.cs ${PROJECT_SOURCE_DIR}/lib/read/catalog.cpp
          ${CMAKE_CURRENT_BINARY_DIR}/oracle/appsettings)
set_tests_properties(oracle.timespan oracle.appsettings PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 300)
