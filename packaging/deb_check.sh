#!/usr/bin/env bash
# Builds the Debian package from a build tree and checks it as a user gets it:
# the file name, the control fields (Depends computed by dpkg-shlibdeps), the
# file list; then installs it with apt-get, runs the installed program (its
# version, and a headless forward relaying 1 MiB over loopback), validates the
# installed desktop entry, metainfo and man page, and removes the package.
# usage: bash packaging/deb_check.sh BUILD_DIR      (as root; CI runs it after the build)
# Needs: cmake (cpack), dpkg-dev, file (cpack -G DEB), desktop-file-utils, appstream, man-db, socat,
# iproute2, procps.
set -euo pipefail

build=${1:?usage: deb_check.sh BUILD_DIR}
app_id=dev.pasarela.Pasarela
failures=0
installed=0
# The scratch folder, background processes, free_port and wait_for of the shell tests.
source "$(dirname "${BASH_SOURCE[0]}")/../tests/support/scratch.sh"

ok() { echo "ok   $*"; }
fail() { echo "FAIL $*"; failures=$((failures + 1)); }
die() { echo "FAIL $*"; exit 1; }

deb_cleanup() {
    cleanup
    # Only a package this script installed: it refuses to start when one was there before.
    if [ "$installed" = 1 ]; then
        DEBIAN_FRONTEND=noninteractive apt-get remove -y -qq pasarela >/dev/null 2>&1 || true
    fi
}
trap deb_cleanup EXIT

[ "$(id -u)" = 0 ] || die "deb_check.sh installs and removes the package: run it as root (sudo bash packaging/deb_check.sh $build)"
[ -f "$build/CPackConfig.cmake" ] || die "$build is not a configured build tree (no CPackConfig.cmake): build first"
if [[ "$(dpkg-query -W -f='${Status}' pasarela 2>/dev/null || true)" == *" installed" ]] || [ -e /usr/bin/pasarela ]; then
    die "pasarela is already installed here; this check would remove it. Remove it yourself first (apt-get remove pasarela) or run the check on a CI machine"
fi
missing=()
for tool in cpack file dpkg-deb dpkg-shlibdeps apt-get desktop-file-validate appstreamcli man socat ss pkill; do
    command -v "$tool" >/dev/null || missing+=("$tool")
done
[ ${#missing[@]} -eq 0 ] || die "missing: ${missing[*]} (apt-get install cmake file dpkg-dev desktop-file-utils appstream man-db socat iproute2 procps)"

build=$(cd "$build" && pwd)
started=$SECONDS

# --- Build the package --------------------------------------------------------------
version=$(sed -n 's/^set(CPACK_PACKAGE_VERSION "\(.*\)")$/\1/p' "$build/CPackConfig.cmake")
deb_name="pasarela_${version}_$(dpkg --print-architecture).deb"
rm -f "$build"/pasarela_*.deb
cpack_started=$SECONDS
if (cd "$build" && cpack -G DEB) > "$work/cpack.log" 2>&1; then
    ok "cpack -G DEB ($((SECONDS - cpack_started)) s)"
else
    cat "$work/cpack.log"
    die "cpack -G DEB failed"
fi
deb="$build/$deb_name"
[ -f "$deb" ] && ok "package file $deb_name" || die "no $deb_name in $build: $(cd "$build" && ls ./*.deb 2>/dev/null)"

# --- Control fields -----------------------------------------------------------------
field() { dpkg-deb -f "$deb" "$1"; }
[ "$(field Package)" = pasarela ] && ok "Package: pasarela" || fail "Package: $(field Package)"
[ "$(field Version)" = "$version" ] && ok "Version: $version" || fail "Version: $(field Version), expected $version"
[ "$(field Section)" = net ] && ok "Section: net" || fail "Section: $(field Section)"
[ -n "$(field Maintainer)" ] && ok "Maintainer: $(field Maintainer)" || fail "no Maintainer"
depends=$(field Depends)
if [[ "$depends" == *libqt6core6* && "$depends" == *libqt6widgets6* && "$depends" == *libqrencode4* \
      && "$depends" == *libc6* ]]; then
    ok "Depends computed: $depends"
else
    fail "Depends not computed by dpkg-shlibdeps: '$depends'"
fi

# --- File list: exactly what is listed, no test programs or static libraries ---------
expected=(
    /usr/bin/pasarela
    "/usr/share/applications/$app_id.desktop"
    "/usr/share/metainfo/$app_id.metainfo.xml"
    "/usr/share/icons/hicolor/scalable/apps/$app_id.svg"
    /usr/share/man/man1/pasarela.1.gz
    /usr/share/doc/pasarela/copyright
    /usr/share/doc/pasarela/LICENSE
)
for size in 16 22 24 32 48 64 128 256; do
    expected+=("/usr/share/icons/hicolor/${size}x${size}/apps/$app_id.png")
done
# Listings go to files first: grep -q closing a pipe early would fail it under pipefail.
dpkg-deb -c "$deb" > "$work/contents.txt"
awk '$1 !~ /^d/ { sub(/^\./, "", $6); print $6 }' "$work/contents.txt" | sort > "$work/files.txt"
printf '%s\n' "${expected[@]}" | sort > "$work/expected.txt"
if cmp -s "$work/files.txt" "$work/expected.txt"; then
    ok "file list: the ${#expected[@]} expected files, nothing else"
else
    fail "file list differs (< in the package only, > expected only):"
    diff "$work/files.txt" "$work/expected.txt" | grep '^[<>]' || true
fi
grep -q '^-rwxr-xr-x root/root .* ./usr/bin/pasarela$' "$work/contents.txt" \
    && ok "/usr/bin/pasarela: root-owned, mode 755" || fail "/usr/bin/pasarela: wrong owner or mode"
dpkg-deb --fsys-tarfile "$deb" | tar -xOf - ./usr/share/man/man1/pasarela.1.gz | gzip -t \
    && ok "man page compressed with gzip" || fail "man page is not a valid gzip file"

# --- Install --------------------------------------------------------------------------
install_started=$SECONDS
installed=1
if (cd "$build" && DEBIAN_FRONTEND=noninteractive apt-get install -y "./$deb_name") > "$work/apt.log" 2>&1; then
    ok "apt-get install -y ./$deb_name ($((SECONDS - install_started)) s)"
else
    cat "$work/apt.log"
    die "apt-get install -y ./$deb_name failed"
fi
for file in "${expected[@]}"; do
    [ -e "$file" ] || fail "installed: $file missing"
done

# --- The installed program ------------------------------------------------------------
got=$(/usr/bin/pasarela --version 2>&1) || true
[ "$got" = "pasarela $version" ] && ok "/usr/bin/pasarela --version: $got" \
    || fail "/usr/bin/pasarela --version printed '$got', expected 'pasarela $version'"

target_port=$(free_port)
listen_port=$(free_port)
while [ "$listen_port" = "$target_port" ]; do listen_port=$(free_port); done
socat "TCP-LISTEN:$target_port,bind=127.0.0.1,reuseaddr,fork" EXEC:cat &
pids+=($!)
# Its own configuration folder: the rules file of the machine's root stays out of it.
XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data" \
    /usr/bin/pasarela --headless --log-connections --forward "127.0.0.1:$listen_port=127.0.0.1:$target_port" \
    > "$work/pasarela.out" 2> "$work/pasarela.err" &
pasarela_pid=$!
pids+=("$pasarela_pid")
line="listening 127.0.0.1:$listen_port -> 127.0.0.1:$target_port"
if wait_for 15 grep -qx "$line" "$work/pasarela.out"; then
    ok "headless: $line"
    head -c $((1024 * 1024)) /dev/urandom > "$work/payload"
    # EOF after the payload: the half-close travels to cat, whose close ends the connection.
    timeout 30 socat -t 10 - "TCP:127.0.0.1:$listen_port" < "$work/payload" > "$work/echoed" || true
    cmp -s "$work/payload" "$work/echoed" && ok "headless: 1 MiB relayed there and back, byte for byte" \
        || fail "headless: the echo differs ($(stat -c %s "$work/echoed") of 1048576 bytes back)"
    wait_for 10 grep -q "up 1048576 bytes, down 1048576 bytes" "$work/pasarela.out" \
        && ok "headless: --log-connections line with 1048576 bytes each way" \
        || fail "headless: no connection line with 1048576 bytes each way"
    kill -TERM "$pasarela_pid"
    status=0
    wait "$pasarela_pid" || status=$?
    [ "$status" = 0 ] && ok "headless: exit 0 on SIGTERM" || fail "headless: exit $status on SIGTERM"
else
    fail "headless: no '$line' within 15 s"
fi
if [ "$failures" -gt 0 ]; then
    echo "--- stdout of pasarela"; cat "$work/pasarela.out"
    echo "--- stderr of pasarela"; cat "$work/pasarela.err"
fi

# --- Installed desktop entry, metainfo and man page ------------------------------------
if out=$(desktop-file-validate "/usr/share/applications/$app_id.desktop" 2>&1) && [ -z "$out" ]; then
    ok "desktop-file-validate /usr/share/applications/$app_id.desktop"
else
    fail "desktop-file-validate: $out"
fi
if out=$(appstreamcli validate --no-net "/usr/share/metainfo/$app_id.metainfo.xml" 2>&1); then
    ok "appstreamcli validate --no-net /usr/share/metainfo/$app_id.metainfo.xml"
else
    fail "appstreamcli validate: $out"
fi
if MANWIDTH=80 man --warnings -E UTF-8 -l /usr/share/man/man1/pasarela.1.gz > "$work/man.txt" 2> "$work/man.err" \
    && [ ! -s "$work/man.err" ] && grep -q 'EXIT STATUS' "$work/man.txt"; then
    ok "man -l /usr/share/man/man1/pasarela.1.gz: rendered without warnings"
else
    fail "man -l pasarela.1.gz: $(cat "$work/man.err")"
fi
[ "$(man -w pasarela 2>/dev/null)" = /usr/share/man/man1/pasarela.1.gz ] && ok "man -w pasarela finds it" \
    || fail "man -w pasarela: '$(man -w pasarela 2>&1)'"

# --- Remove ---------------------------------------------------------------------------
if DEBIAN_FRONTEND=noninteractive apt-get remove -y pasarela > "$work/remove.log" 2>&1; then
    installed=0
    ok "apt-get remove -y pasarela"
else
    cat "$work/remove.log"
    fail "apt-get remove -y pasarela failed"
fi
[ ! -e /usr/bin/pasarela ] && ok "/usr/bin/pasarela is gone" || fail "/usr/bin/pasarela is still there"
[ ! -e "/usr/share/applications/$app_id.desktop" ] && ok "the desktop entry is gone" \
    || fail "/usr/share/applications/$app_id.desktop is still there"

echo "deb_check: $((SECONDS - started)) s in all"
if [ "$failures" -gt 0 ]; then
    echo "deb_check: $failures check(s) failed"
    exit 1
fi
echo "deb_check: $deb_name passed"
