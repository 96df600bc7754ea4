# The "Expose cluster" dialog (issue #9) against the fake minikube and kubectl.
pasarela_add_ui_test(tst_exposedialog SOURCES tst_exposedialog.cpp TIMEOUT 120)
