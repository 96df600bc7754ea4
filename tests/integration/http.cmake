# The HTTP client: in process against the test server, the `request` verb as a
# user runs it, and against real nginx compared with curl.
foreach(name tst_httpclient tst_httpfailures)
    pasarela_add_test(${name} SOURCES ${name}.cpp LABELS integration TIMEOUT 120)
endforeach()

pasarela_add_test(tst_requestcommand SOURCES tst_requestcommand.cpp LABELS integration TIMEOUT 120)
target_compile_definitions(tst_requestcommand PRIVATE PASARELA_BINARY="$<TARGET_FILE:pasarela>")
add_dependencies(tst_requestcommand pasarela)

# Real nginx (Host routing, gzip, TLS with the test certificate); skipped (77) without nginx or curl.
add_test(NAME http_nginx
         COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/http_nginx.sh $<TARGET_FILE:pasarela>
                 ${CMAKE_CURRENT_SOURCE_DIR}/../support/tls)
set_tests_properties(http_nginx PROPERTIES LABELS integration SKIP_RETURN_CODE 77 TIMEOUT 180)
