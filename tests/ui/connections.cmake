# Connections tab: the live table model and the panel around it.
pasarela_add_ui_test(tst_connectiontablemodel SOURCES tst_connectiontablemodel.cpp TIMEOUT 60)
pasarela_add_ui_test(tst_connectionspanel SOURCES tst_connectionspanel.cpp TIMEOUT 60)
