# HTTP client tab: the JSON tree model and the panel driven against TestHttpServer.
pasarela_add_ui_test(tst_jsontreemodel SOURCES tst_jsontreemodel.cpp TIMEOUT 120)
pasarela_add_ui_test(tst_httpclientpanel SOURCES tst_httpclientpanel.cpp TIMEOUT 180)
# Environments and assertions in the HTTP client (#19): {{variables}} from the chosen
# environment, unknown ones sending nothing, secrets kept out of files, assertions marked
# passed or failed and kept in their collection.
# PASARELA_ENV_SCREENSHOT=FILE.png saves the tab as docs/assertions.png was made.
pasarela_add_ui_test(tst_httpenvironments SOURCES tst_httpenvironments.cpp TIMEOUT 120)
