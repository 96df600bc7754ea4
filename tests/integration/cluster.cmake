# Discovery (issue #9): the parsers over the fake tools' fixtures, readCluster
# against the fake minikube and kubectl, `pasarela cluster` as a user runs it, and
# ClusterFollower (issue #18) on its own.
foreach(name tst_clusterparsers tst_clusterreader tst_clustercommand tst_clusterfollower)
    pasarela_add_test(${name} SOURCES ${name}.cpp LABELS integration TIMEOUT 120)
endforeach()
target_compile_definitions(tst_clustercommand PRIVATE PASARELA_BINARY="$<TARGET_FILE:pasarela>")
add_dependencies(tst_clustercommand pasarela)
# Following the cluster (issue #18): the headless binary while the fake cluster's node IP
# and node port move, the cluster cannot be read, and a failed connection asks for a check.
pasarela_add_test(tst_follow SOURCES tst_follow.cpp LABELS integration TIMEOUT 180)
target_compile_definitions(tst_follow PRIVATE PASARELA_BINARY="$<TARGET_FILE:pasarela>")
add_dependencies(tst_follow pasarela)
