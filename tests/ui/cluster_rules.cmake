# Rules made from the cluster (issue #9): stale targets against the fake minikube
# and kubectl, and the rules table's exports.
pasarela_add_ui_test(tst_clusterrules SOURCES tst_clusterrules.cpp TIMEOUT 120)
