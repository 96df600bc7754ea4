# HTTP client tab: the JSON tree model and the panel driven against TestHttpServer.
pasarela_add_ui_test(tst_jsontreemodel SOURCES tst_jsontreemodel.cpp TIMEOUT 120)
pasarela_add_ui_test(tst_httpclientpanel SOURCES tst_httpclientpanel.cpp TIMEOUT 180)
