# Charts and log: the rate history, the throughput panel, the log model and panel.
pasarela_add_ui_test(tst_ratehistory SOURCES tst_ratehistory.cpp)
pasarela_add_ui_test(tst_throughputpanel SOURCES tst_throughputpanel.cpp)
pasarela_add_ui_test(tst_logmodel SOURCES tst_logmodel.cpp)
