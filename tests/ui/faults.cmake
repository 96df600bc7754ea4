# Faults per rule in the window (#19): the editor's Faults tab, the rules table's mark,
# Clear faults, and a live edit of a started rule relaying to an echo server.
# PASARELA_FAULTS_SCREENSHOT=FILE.png saves the editor's Faults tab as docs/faults.png was made.
pasarela_add_ui_test(tst_rulefaults SOURCES tst_rulefaults.cpp TIMEOUT 60)
