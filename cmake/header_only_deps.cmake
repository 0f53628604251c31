# The five libraries, as the targets find_package would give, for a cross build (Windows from
# Debian) where Debian's compiled libfmt and libpugixml cannot be linked: CLI11, nlohmann/json
# and doctest are header-only anyway; fmt with FMT_HEADER_ONLY; pugixml compiled once from its
# own sources (PUGIXML_SOURCE_DIR, from Debian's source package: scripts/windows-deps fetches
# them), not header-only, which would compile it into every file that includes it.
set(PUGIXML_SOURCE_DIR "" CACHE PATH "pugixml source tree (with src/pugixml.cpp)")
if(NOT EXISTS "${PUGIXML_SOURCE_DIR}/src/pugixml.cpp")
  message(FATAL_ERROR "PUGIXML_SOURCE_DIR must hold pugixml's sources (src/pugixml.cpp): "
                      "`apt-get source --download-only pugixml` gives them (see scripts/windows-deps)")
endif()

# Debian's headers through links in a folder of their own: /usr/include itself on the cross
# compiler's path would pull in glibc's headers instead of mingw's.
set(deps_include ${CMAKE_BINARY_DIR}/deps-include)
file(MAKE_DIRECTORY ${deps_include})
foreach(dir CLI fmt nlohmann doctest)
  if(NOT EXISTS /usr/include/${dir})
    message(FATAL_ERROR "/usr/include/${dir} is missing: install the Debian -dev package that has it")
  endif()
  file(CREATE_LINK /usr/include/${dir} ${deps_include}/${dir} SYMBOLIC)
endforeach()

function(header_only_target name)
  cmake_parse_arguments(arg "" "" "INCLUDE;DEFINE" ${ARGN})
  add_library(${name} INTERFACE IMPORTED GLOBAL)
  set_target_properties(${name} PROPERTIES INTERFACE_INCLUDE_DIRECTORIES "${arg_INCLUDE}"
                                           INTERFACE_COMPILE_DEFINITIONS "${arg_DEFINE}")
endfunction()
header_only_target(CLI11::CLI11 INCLUDE ${deps_include})
header_only_target(nlohmann_json::nlohmann_json INCLUDE ${deps_include})
header_only_target(doctest::doctest INCLUDE ${deps_include})
header_only_target(fmt::fmt INCLUDE ${deps_include} DEFINE FMT_HEADER_ONLY)
add_library(sessiontool_pugixml STATIC ${PUGIXML_SOURCE_DIR}/src/pugixml.cpp)
target_include_directories(sessiontool_pugixml SYSTEM PUBLIC ${PUGIXML_SOURCE_DIR}/src)
target_compile_options(sessiontool_pugixml PRIVATE -w)  # its code, its warnings
add_library(pugixml::pugixml ALIAS sessiontool_pugixml)
# include(doctest) for doctest_discover_tests: a CMake script, the same for any target.
list(APPEND CMAKE_MODULE_PATH /usr/lib/cmake/doctest)
