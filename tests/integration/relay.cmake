# Relay and engine tests: real sockets on loopback, the engine's worker threads.
pasarela_add_test(tst_relay SOURCES tst_relay.cpp LIBS pasarela_testsupport LABELS integration)
pasarela_add_test(tst_engine SOURCES tst_engine.cpp LIBS pasarela_testsupport LABELS integration)
