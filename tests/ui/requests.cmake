# Requests tab: the request log model, the panel (filter, export, replay) and the Connections tab's detail pane.
pasarela_add_ui_test(tst_requestspanel SOURCES tst_requestspanel.cpp TIMEOUT 60)
