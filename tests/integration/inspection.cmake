# HTTP and TLS inspection through a real engine (issue #10): records, TLS names, bytes intact.
pasarela_add_test(tst_inspection SOURCES tst_inspection.cpp LABELS integration TIMEOUT 120)
