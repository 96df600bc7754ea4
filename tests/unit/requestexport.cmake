# JSON and HAR files of inspected requests, and their replay in the HTTP client.
pasarela_add_test(tst_requestexport SOURCES tst_requestexport.cpp LABELS unit)
# CSV and JSON files of connections (the Connections tab's export).
pasarela_add_test(tst_connectionexport SOURCES tst_connectionexport.cpp LABELS unit)
