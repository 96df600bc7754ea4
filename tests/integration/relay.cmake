# Relay and engine tests: real sockets on loopback, the engine's worker threads.
pasarela_add_test(tst_relay SOURCES tst_relay.cpp LABELS integration)
# The same cases on Qt's own event dispatcher, where sessions are watched through
# QSocketNotifiers (PASARELA_DISPATCHER=qt, as the benchmark's comparison runs them).
add_test(NAME tst_relay_qtdispatcher COMMAND tst_relay)
set_tests_properties(tst_relay_qtdispatcher PROPERTIES TIMEOUT 300 LABELS integration
                     ENVIRONMENT PASARELA_DISPATCHER=qt)
pasarela_add_test(tst_engine SOURCES tst_engine.cpp LABELS integration)
# Several targets per rule: failover, cool-down, moving a started rule.
pasarela_add_test(tst_failover SOURCES tst_failover.cpp LABELS integration TIMEOUT 120)
target_compile_definitions(tst_failover PRIVATE PASARELA_BINARY="$<TARGET_FILE:pasarela>")
add_dependencies(tst_failover pasarela)

# Descriptor exhaustion, on the real binary run with a low RLIMIT_NOFILE.
pasarela_add_test(tst_fdlimit SOURCES tst_fdlimit.cpp LABELS integration TIMEOUT 120)
target_compile_definitions(tst_fdlimit PRIVATE PASARELA_BINARY="$<TARGET_FILE:pasarela>")
add_dependencies(tst_fdlimit pasarela)

# Resident memory of the real binary under backpressure and with many idle connections.
pasarela_add_test(tst_memory SOURCES tst_memory.cpp LABELS integration TIMEOUT 180)
target_compile_definitions(tst_memory PRIVATE PASARELA_BINARY="$<TARGET_FILE:pasarela>")
add_dependencies(tst_memory pasarela)
