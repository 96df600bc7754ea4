# Desktop integration: one window per user and rules file, start at login.
pasarela_add_ui_test(tst_singleinstance SOURCES tst_singleinstance.cpp)
target_compile_definitions(tst_singleinstance PRIVATE PASARELA_BINARY="$<TARGET_FILE:pasarela>")
add_dependencies(tst_singleinstance pasarela)
pasarela_add_ui_test(tst_autostart SOURCES tst_autostart.cpp)
