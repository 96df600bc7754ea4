# UDP rules: datagrams through the engine on loopback, and --forward udp: on the real binary.
pasarela_add_test(tst_udp SOURCES tst_udp.cpp LABELS integration TIMEOUT 180)
target_compile_definitions(tst_udp PRIVATE PASARELA_BINARY="$<TARGET_FILE:pasarela>")
add_dependencies(tst_udp pasarela)
# The same cases on Qt's own event dispatcher (sessions watched through QSocketNotifiers).
add_test(NAME tst_udp_qtdispatcher COMMAND tst_udp)
set_tests_properties(tst_udp_qtdispatcher PROPERTIES TIMEOUT 180 LABELS integration
                     ENVIRONMENT PASARELA_DISPATCHER=qt)
