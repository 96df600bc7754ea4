# Rules made from the cluster (issue #9): stale targets against the fake minikube
# and kubectl, and the rules table's exports.
pasarela_add_ui_test(tst_clusterrules SOURCES tst_clusterrules.cpp ../integration/fakecluster.h LIBS pasarela_testsupport TIMEOUT 120)
target_include_directories(tst_clusterrules PRIVATE ${PROJECT_SOURCE_DIR}/tests/integration)
target_compile_definitions(tst_clusterrules PRIVATE FAKE_CLUSTER_DIR="${PROJECT_SOURCE_DIR}/tests/support/fakecluster")
