pasarela_add_test(tst_streaminspector SOURCES tst_streaminspector.cpp LABELS unit TIMEOUT 120)
target_compile_definitions(tst_streaminspector PRIVATE INSPECT_DATA_DIR="${CMAKE_CURRENT_SOURCE_DIR}/inspect_data")
