# Discovery (issue #9): the parsers over the fake tools' fixtures, readCluster
# against the fake minikube and kubectl, and `pasarela cluster` as a user runs it.
set(fake_cluster_dir ${PROJECT_SOURCE_DIR}/tests/support/fakecluster)
foreach(name tst_clusterparsers tst_clusterreader tst_clustercommand)
    pasarela_add_test(${name} SOURCES ${name}.cpp fakecluster.h LABELS integration TIMEOUT 120)
    target_compile_definitions(${name} PRIVATE FAKE_CLUSTER_DIR="${fake_cluster_dir}")
endforeach()
target_compile_definitions(tst_clustercommand PRIVATE PASARELA_BINARY="$<TARGET_FILE:pasarela>")
add_dependencies(tst_clustercommand pasarela)
