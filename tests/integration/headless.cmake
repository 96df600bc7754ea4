# The command line (`pasarela --headless ...`) driven as a user would drive it.
pasarela_add_test(tst_headless SOURCES tst_headless.cpp LABELS integration TIMEOUT 180)
target_compile_definitions(tst_headless PRIVATE PASARELA_BINARY="$<TARGET_FILE:pasarela>")
add_dependencies(tst_headless pasarela)
# The demo's rule listens on the fixed port 31042.
set_tests_properties(tst_headless PROPERTIES RESOURCE_LOCK demo_port)

# Real nginx as the ingress stand-in, real curl as the client; skipped (77) without them.
add_test(NAME nginx_curl
         COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/nginx_curl.sh $<TARGET_FILE:pasarela>)
set_tests_properties(nginx_curl PROPERTIES LABELS integration SKIP_RETURN_CODE 77 TIMEOUT 180)
