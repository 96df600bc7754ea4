# Faults and load from issue #7. The engine in-process for faults; the real binary
# where its own descriptors are counted. "heavy" cases still run in CI.
pasarela_add_test(tst_faults SOURCES tst_faults.cpp LABELS integration TIMEOUT 120)
pasarela_add_test(tst_ruleedits SOURCES tst_ruleedits.cpp LABELS integration TIMEOUT 60)

pasarela_add_test(tst_load SOURCES tst_load.cpp LABELS "integration;heavy" TIMEOUT 300)
target_compile_definitions(tst_load PRIVATE PASARELA_BINARY="$<TARGET_FILE:pasarela>")
add_dependencies(tst_load pasarela)

# Faults a rule injects (#19): latency, bandwidth, reset, timeout, slicer, toxicity;
# measured at the client on real sockets, and --fault on the real binary.
pasarela_add_test(tst_faultinjection SOURCES tst_faultinjection.cpp LABELS integration TIMEOUT 180)
target_compile_definitions(tst_faultinjection PRIVATE PASARELA_BINARY="$<TARGET_FILE:pasarela>")
add_dependencies(tst_faultinjection pasarela)
# The same cases on Qt's own event dispatcher (level-triggered: what a held or full
# direction asks for matters there).
add_test(NAME tst_faultinjection_qtdispatcher COMMAND tst_faultinjection)
set_tests_properties(tst_faultinjection_qtdispatcher PROPERTIES TIMEOUT 180 LABELS integration
                     ENVIRONMENT PASARELA_DISPATCHER=qt)
