# The "Expose cluster" dialog (issue #9) against the fake minikube and kubectl.
pasarela_add_ui_test(tst_exposedialog SOURCES tst_exposedialog.cpp ../integration/fakecluster.h TIMEOUT 120)
target_compile_definitions(tst_exposedialog PRIVATE FAKE_CLUSTER_DIR="${PROJECT_SOURCE_DIR}/tests/support/fakecluster")
target_include_directories(tst_exposedialog PRIVATE ${PROJECT_SOURCE_DIR}/tests/integration)
