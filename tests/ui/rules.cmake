# Rules table model and rule editor dialog.
pasarela_add_ui_test(tst_ruletablemodel SOURCES tst_ruletablemodel.cpp TIMEOUT 60)
pasarela_add_ui_test(tst_ruleeditordialog SOURCES tst_ruleeditordialog.cpp TIMEOUT 60)
