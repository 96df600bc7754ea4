# The Share dialog (issue #18): the URL per address, its QR code (read back with
# zbarimg from zbar-tools when installed), copying, and the Ingress hosts read
# from the fake minikube and kubectl. PASARELA_SHARE_SCREENSHOT=FILE.png saves
# the dialog as docs/share.png was made.
pasarela_add_ui_test(tst_sharedialog SOURCES tst_sharedialog.cpp TIMEOUT 120)
