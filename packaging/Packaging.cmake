# Install rules for the desktop integration and the Debian package. After a build:
#   cpack -G DEB     (in the build tree) -> pasarela_<version>_<arch>.deb
# The program itself is installed by app/CMakeLists.txt.
set(pasarela_app_id dev.pasarela.Pasarela)
set(pasarela_linux_dir ${CMAKE_CURRENT_LIST_DIR}/linux)
set(pasarela_icon_dir ${PROJECT_SOURCE_DIR}/resources/icons)

install(FILES ${pasarela_linux_dir}/${pasarela_app_id}.desktop DESTINATION share/applications)
install(FILES ${pasarela_linux_dir}/${pasarela_app_id}.metainfo.xml DESTINATION share/metainfo)
install(FILES ${pasarela_icon_dir}/pasarela.svg
        DESTINATION share/icons/hicolor/scalable/apps RENAME ${pasarela_app_id}.svg)
foreach(size 16 22 24 32 48 64 128 256)
    install(FILES ${pasarela_icon_dir}/pasarela-${size}.png
            DESTINATION share/icons/hicolor/${size}x${size}/apps RENAME ${pasarela_app_id}.png)
endforeach()

# Compressed as Debian does: -n leaves out the name and time, so the bytes are reproducible.
set(pasarela_man ${PROJECT_BINARY_DIR}/packaging/pasarela.1)
add_custom_command(OUTPUT ${pasarela_man}.gz
    COMMAND ${CMAKE_COMMAND} -E copy ${pasarela_linux_dir}/pasarela.1 ${pasarela_man}
    COMMAND gzip -9nf ${pasarela_man}
    DEPENDS ${pasarela_linux_dir}/pasarela.1
    VERBATIM)
add_custom_target(pasarela_manpage ALL DEPENDS ${pasarela_man}.gz)
install(FILES ${pasarela_man}.gz DESTINATION share/man/man1)
install(FILES ${pasarela_linux_dir}/copyright ${PROJECT_SOURCE_DIR}/LICENSE DESTINATION share/doc/pasarela)

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME pasarela)
set(CPACK_PACKAGE_VENDOR "The Pasarela developers")
set(CPACK_PACKAGE_CONTACT "The Pasarela developers <dev@pasarela.invalid>")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION net)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE https://github.com/pasarela-dev/pasarela)
# Depends from the libraries the binary links (dpkg-shlibdeps, from dpkg-dev).
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# Qt's own strings (dialog buttons and the like) in the user's language.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS qt6-translations-l10n)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
# The summary line is the project's DESCRIPTION (CPACK_PACKAGE_DESCRIPTION_SUMMARY).
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
"Pasarela listens on ports of this PC and relays every TCP connection to a
local Kubernetes cluster's ingress (Minikube and friends) or any host:port,
byte for byte, both ways. It shows each connection with its addresses and
bytes each way, throughput over time, and has an HTTP client to test the
API through the exposed port and save its JSON answers.
.
It replaces a socat one-liner, Wireshark and curl on the host PC. It also
runs without a window (pasarela --headless) and sends single requests
from a shell (pasarela request).")
include(CPack)
