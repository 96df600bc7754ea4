# JSON and HAR files of inspected requests, and their replay in the HTTP client.
pasarela_add_test(tst_requestexport SOURCES tst_requestexport.cpp LABELS unit)
