pasarela_add_test(tst_httpmessage SOURCES tst_httpmessage.cpp LABELS unit)
pasarela_add_test(tst_jsontree SOURCES tst_jsontree.cpp LABELS unit)
pasarela_add_test(tst_curlcommand SOURCES tst_curlcommand.cpp LABELS unit)
pasarela_add_test(tst_httphistory SOURCES tst_httphistory.cpp LABELS unit)
pasarela_add_test(tst_requestcollections SOURCES tst_requestcollections.cpp LABELS unit)
# The one atomic file writer the history, the collections, the rules and every export use.
pasarela_add_test(tst_atomicfile SOURCES tst_atomicfile.cpp LABELS unit)
# Replay's comparison (#19): two answers' status, headers and bodies (JSON trees, text lines,
# bytes), with their Content-Encoding undone.
pasarela_add_test(tst_responsediff SOURCES tst_responsediff.cpp LABELS unit)
# Collections' environments, {{variables}} and assertions (#19): substitution, secrets kept
# out of the history and exports, each assertion kind, the JSON path subset, collection files.
pasarela_add_test(tst_variables SOURCES tst_variables.cpp LABELS unit)
pasarela_add_test(tst_assertions SOURCES tst_assertions.cpp LABELS unit)
pasarela_add_test(tst_collectionfile SOURCES tst_collectionfile.cpp LABELS unit)
