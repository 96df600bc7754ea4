# Exports of the rules (issue #9): every format against golden files, in process;
# then the real tools: nginx runs its export and relays a connection, the YAML parses
# with python3-yaml, systemd-analyze verifies the unit, a socat line relays bytes.
# Shell tests skip (77) without a tool, and fail instead when CI=true.
pasarela_add_test(tst_ruleexport SOURCES tst_ruleexport.cpp LABELS unit TIMEOUT 60)
target_compile_definitions(tst_ruleexport PRIVATE EXPORT_GOLDEN_DIR="${CMAKE_CURRENT_LIST_DIR}/export_golden")

foreach(name export_nginx export_formats)
    add_test(NAME ${name} COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/${name}.sh $<TARGET_FILE:pasarela>)
    set_tests_properties(${name} PROPERTIES LABELS integration SKIP_RETURN_CODE 77 TIMEOUT 120)
endforeach()
