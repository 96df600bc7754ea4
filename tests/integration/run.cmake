# `pasarela run` (#19) on the real binary: collections against the demo ingress and the
# test server, the JUnit file validated by xmllint (package libxml2-utils) against
# junit.xsd, secrets from the process environment, --through a rule of a headless pasarela.
pasarela_add_test(tst_runcommand SOURCES tst_runcommand.cpp LABELS integration TIMEOUT 120)
target_compile_definitions(tst_runcommand PRIVATE PASARELA_BINARY="$<TARGET_FILE:pasarela>"
                           PASARELA_JUNIT_XSD="${CMAKE_CURRENT_SOURCE_DIR}/junit.xsd")
add_dependencies(tst_runcommand pasarela)

# CollectionRunner in process, as the window drives it: signals, a request not sent, cancel.
pasarela_add_test(tst_collectionrunner SOURCES tst_collectionrunner.cpp LABELS integration TIMEOUT 120)
