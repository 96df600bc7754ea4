# The Share dialog's entries, warnings and Ingress lines, and the QR code (issue #18).
pasarela_add_test(tst_shareinfo SOURCES tst_shareinfo.cpp LABELS unit TIMEOUT 60)
