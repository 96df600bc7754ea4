# Requests tab: the request log model, the panel (filter, export, replay) and the Connections tab's detail pane.
pasarela_add_ui_test(tst_requestspanel SOURCES tst_requestspanel.cpp TIMEOUT 60)
# Replay… (#19): a captured exchange of the demo ingress sent again and compared (JSON paths,
# ignored fields, hide unchanged, a refused replay). PASARELA_REPLAY_SCREENSHOT=FILE.png saves
# the dialog as docs/replay.png was made.
pasarela_add_ui_test(tst_replaydialog SOURCES tst_replaydialog.cpp TIMEOUT 60)
