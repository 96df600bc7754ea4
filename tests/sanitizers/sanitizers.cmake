# Included from the top-level CMakeLists.txt when PASARELA_SANITIZE is ON.
# CTest reads the generated file before it runs any test, so every test and every
# process a test starts (the pasarela binary, the shell scripts' children)
# inherits these options, whether CTest is run by quickstart.sh or by hand.

set(sanitizer_dir ${CMAKE_CURRENT_LIST_DIR})
set(sanitizer_env ${CMAKE_BINARY_DIR}/sanitizer_environment.cmake)
file(WRITE ${sanitizer_env}
    "set(ENV{ASAN_OPTIONS} \"halt_on_error=1:abort_on_error=0:detect_leaks=1:print_stacktrace=1\")\n"
    "set(ENV{UBSAN_OPTIONS} \"suppressions=${sanitizer_dir}/ubsan.supp:halt_on_error=1:abort_on_error=0:print_stacktrace=1\")\n"
    "set(ENV{LSAN_OPTIONS} \"suppressions=${sanitizer_dir}/lsan.supp:print_suppressions=0\")\n")
set_property(DIRECTORY ${CMAKE_SOURCE_DIR} APPEND PROPERTY TEST_INCLUDE_FILES ${sanitizer_env})
