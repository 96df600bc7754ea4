pasarela_add_ui_test(tst_mainwindow SOURCES tst_mainwindow.cpp)
# The demo's rule listens on the fixed port 31042.
set_tests_properties(tst_mainwindow PROPERTIES RESOURCE_LOCK demo_port)

# The real program under Xvfb, with a live connection; screenshots land in the build tree.
add_test(NAME window_xvfb
         COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/window_xvfb.sh $<TARGET_FILE:pasarela> ${CMAKE_BINARY_DIR}/screenshots)
set_tests_properties(window_xvfb PROPERTIES LABELS "ui;integration" SKIP_RETURN_CODE 77 TIMEOUT 180
                     RESOURCE_LOCK demo_port)
