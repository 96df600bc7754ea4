# Discovery (issue #9): the parsers over the fake tools' fixtures, readCluster
# against the fake minikube and kubectl, and `pasarela cluster` as a user runs it.
foreach(name tst_clusterparsers tst_clusterreader tst_clustercommand)
    pasarela_add_test(${name} SOURCES ${name}.cpp LABELS integration TIMEOUT 120)
endforeach()
target_compile_definitions(tst_clustercommand PRIVATE PASARELA_BINARY="$<TARGET_FILE:pasarela>")
add_dependencies(tst_clustercommand pasarela)
