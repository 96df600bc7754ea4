#!/usr/bin/env bash
# Quick start on Debian 12 / Ubuntu 24.04: install what is missing, build, then
#   run [ARGS...]  start build/app/pasarela with ARGS
#   test           run the whole test suite (what CI runs); with CI=true or
#                  PASARELA_SANITIZE=1, then again in build-sanitize/ under
#                  AddressSanitizer and UndefinedBehaviorSanitizer; with CI=true,
#                  then build, install, try and remove the Debian package
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

build_packages=(cmake g++ make pkg-config qt6-base-dev qt6-charts-dev libqt6opengl6-dev libgl-dev
                qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools libqrencode-dev zlib1g-dev)
# Everything the tests and deb_check.sh run that a minimal Debian root (essential and
# required packages only) lacks, e.g. procps (pkill, sysctl), file (cpack -G DEB),
# groff-base (the man page check), python3 (the YAML export check).
test_packages=(nginx curl socat iproute2 procps xvfb xauth fonts-dejavu-core x11-utils imagemagick tshark openssl
               qt6-translations-l10n dpkg-dev file desktop-file-utils appstream man-db groff-base python3 python3-yaml
               systemd libnginx-mod-stream zbar-tools libxml2-utils)

usage() {
    echo "usage: bash packaging/quickstart.sh run [ARGS...] | test   (PASARELA_SANITIZE=1: also under ASan+UBSan)" >&2
    exit 2
}

source packaging/install_missing.sh

jobs=$(nproc 2>/dev/null || echo 2)

verb=${1:-}
[ $# -gt 0 ] && shift
case "$verb" in
    run)
        install_missing "${build_packages[@]}"
        cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo
        cmake --build build -j"$jobs" --target pasarela
        exec build/app/pasarela "$@"
        ;;
    test)
        [ $# -eq 0 ] || usage
        install_missing "${build_packages[@]}" "${test_packages[@]}"
        werror=OFF
        [ "${CI:-}" = true ] && werror=ON
        cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo \
              -DPASARELA_BUILD_TESTS=ON -DPASARELA_WERROR="$werror"
        cmake --build build -j"$jobs"
        # Two at a time: the timing-sensitive tests (timeouts, stats ticks) stay stable
        # even on a small CI machine.
        status=0
        ctest --test-dir build --output-on-failure --no-tests=error -j2 || status=$?
        if [ "${CI:-}" = true ] || [ "${PASARELA_SANITIZE:-}" = 1 ]; then
            # A second tree; CTest there sets the sanitizer options (tests/sanitizers/).
            sanitize_status=0
            cmake -S . -B build-sanitize -DCMAKE_BUILD_TYPE=RelWithDebInfo \
                  -DPASARELA_BUILD_TESTS=ON -DPASARELA_WERROR="$werror" -DPASARELA_SANITIZE=ON
            cmake --build build-sanitize -j"$jobs"
            ctest --test-dir build-sanitize --output-on-failure --no-tests=error -j2 || sanitize_status=$?
            if [ "$sanitize_status" -ne 0 ]; then
                echo "quickstart: the test suite failed under the sanitizers" >&2
                [ "$status" -ne 0 ] || status=$sanitize_status
            fi
        fi
        if [ "${CI:-}" = true ]; then
            # The Debian package: built, installed, used and removed again (needs root).
            bash packaging/deb_check.sh build || status=$?
        fi
        exit "$status"
        ;;
    *)
        usage
        ;;
esac
