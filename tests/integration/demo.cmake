# The demo ingress (issue #5) over loopback sockets, also through a real ForwardEngine,
# and the MiniHttpServer under it (shared with the HTTP client tests' TestHttpServer).
pasarela_add_test(tst_demoingress SOURCES tst_demoingress.cpp LABELS integration TIMEOUT 60)
pasarela_add_test(tst_minihttpserver SOURCES tst_minihttpserver.cpp LABELS integration TIMEOUT 60)
