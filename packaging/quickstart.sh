#!/usr/bin/env bash
# Quick start on Debian 12 / Ubuntu 24.04: install what is missing, build, then
#   run [ARGS...]  start build/app/pasarela with ARGS
#   test           run the whole test suite (what CI runs)
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

build_packages=(cmake g++ make qt6-base-dev qt6-charts-dev libqt6opengl6-dev libgl-dev
                qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools)
test_packages=(nginx curl socat iproute2 xvfb xauth fonts-dejavu-core x11-utils imagemagick)

usage() {
    echo "usage: bash packaging/quickstart.sh run [ARGS...] | test" >&2
    exit 2
}

install_missing() {
    if ! command -v dpkg-query >/dev/null 2>&1; then
        echo "quickstart: not a Debian-based system; make sure these are installed: $*" >&2
        return 0
    fi
    local missing=() pkg
    for pkg in "$@"; do
        if [ "$(dpkg-query -W -f='${db:Status-Status}' "$pkg" 2>/dev/null)" != installed ]; then
            missing+=("$pkg")
        fi
    done
    [ ${#missing[@]} -eq 0 ] && return 0

    local sudo=()
    if [ "$(id -u)" -ne 0 ]; then
        if ! command -v sudo >/dev/null 2>&1; then
            echo "quickstart: missing packages: ${missing[*]}; run as root or install sudo" >&2
            exit 1
        fi
        sudo=(sudo)
    fi
    echo "quickstart: installing ${missing[*]}" >&2
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y "${missing[@]}"
}

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
        exec ctest --test-dir build --output-on-failure --no-tests=error -j2
        ;;
    *)
        usage
        ;;
esac
