#!/usr/bin/env bash
# The packaging sources against the program: the desktop entry and the AppStream
# metainfo pass their validators, the man page renders without a groff warning
# and names every option and exit code that `pasarela --help`,
# `pasarela request --help` and `pasarela run --help` list, and the versions agree.
# usage: check_packaging.sh PATH_TO_PASARELA PACKAGING_LINUX_DIR
# Exit 77 (skipped) when a validator is not installed, unless CI=true.
set -euo pipefail

pasarela=${1:?usage: check_packaging.sh PATH_TO_PASARELA PACKAGING_LINUX_DIR}
dir=${2:?usage: check_packaging.sh PATH_TO_PASARELA PACKAGING_LINUX_DIR}
app_id=dev.pasarela.Pasarela
failures=0
ok() { echo "ok   $*"; }
fail() { echo "FAIL $*"; failures=$((failures + 1)); }

missing=()
for tool in desktop-file-validate appstreamcli groff; do
    command -v "$tool" >/dev/null || missing+=("$tool")
done
if [ ${#missing[@]} -gt 0 ]; then
    message="not installed: ${missing[*]} (Debian: desktop-file-utils, appstream, groff-base)"
    [ "${CI:-}" = true ] && { echo "FAIL $message"; exit 1; }
    echo "skipped: $message"
    exit 77
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Validators: hints count too, so the entry stays clean.
if out=$(desktop-file-validate "$dir/$app_id.desktop" 2>&1) && [ -z "$out" ]; then
    ok "desktop-file-validate $app_id.desktop"
else
    fail "desktop-file-validate $app_id.desktop: $out"
fi
if out=$(appstreamcli validate --no-net "$dir/$app_id.metainfo.xml" 2>&1); then
    ok "appstreamcli validate --no-net $app_id.metainfo.xml"
else
    fail "appstreamcli validate --no-net $app_id.metainfo.xml: $out"
fi
grep -qx "Icon=$app_id" "$dir/$app_id.desktop" && ok "desktop entry: Icon=$app_id" \
    || fail "desktop entry: Icon= is not $app_id"
grep -q "<launchable type=\"desktop-id\">$app_id.desktop</launchable>" "$dir/$app_id.metainfo.xml" \
    && ok "metainfo: launchable $app_id.desktop" || fail "metainfo: no launchable $app_id.desktop"

# Help texts in English, whatever the machine's language.
export LC_ALL=C LANG=C LANGUAGE=
"$pasarela" --help > "$work/help.txt"
"$pasarela" request --help > "$work/request-help.txt"
"$pasarela" run --help > "$work/run-help.txt"
version=$("$pasarela" --version | awk '{print $2}')

grep -q "^\.TH PASARELA 1 [0-9-]* \"pasarela $version\"" "$dir/pasarela.1" \
    && ok "man page: version $version" || fail "man page: .TH does not say \"pasarela $version\""
grep -q "<release version=\"$version\" date=\"[0-9-]*\">" "$dir/$app_id.metainfo.xml" \
    && ok "metainfo: release $version" || fail "metainfo: no <release version=\"$version\">"

if groff -man -Tutf8 -ww -z "$dir/pasarela.1" > "$work/groff.err" 2>&1 && [ ! -s "$work/groff.err" ]; then
    ok "man page: groff -ww renders it without warnings"
else
    fail "man page: groff -ww: $(cat "$work/groff.err")"
fi
# Plain text, lines never broken, so an option is never hyphenated across two lines.
groff -man -Tascii -P-cbou -rLL=2000n "$dir/pasarela.1" > "$work/man.txt" 2>/dev/null

# section FROM TO: the rendered lines after the heading FROM up to the next heading or TO.
section() {
    awk -v from="$1" -v to="$2" '$0 == from { on = 1; next } on && ($0 ~ /^[A-Z]/ || (to != "" && $0 == to)) { on = 0 } on' \
        "$work/man.txt"
}
section "OPTIONS" "   Options of pasarela request" > "$work/man-options.txt"
section "   Options of pasarela request" "" > "$work/man-request-options.txt"
section "EXIT STATUS" "   Exit status of pasarela request" > "$work/man-exit.txt"
section "   Exit status of pasarela request" "" > "$work/man-request-exit.txt"
section "   Options of pasarela run" "" > "$work/man-run-options.txt"
section "   Exit status of pasarela run" "" > "$work/man-run-exit.txt"

# check_help HELP MAN_OPTIONS MAN_EXIT NAME [MIN_OPTIONS]: every option and exit code of HELP is in
# the man page.
check_help() {
    local help=$1 man_options=$2 man_exit=$3 name=$4 min_options=${5:-8} option code options=0 codes=0
    # Option lines start with two spaces and a dash; the names end at the first double space.
    for option in $(grep -E '^  -' "$help" | sed -E 's/^  //; s/  .*//' | grep -oE -- '--?[A-Za-z][A-Za-z-]*'); do
        options=$((options + 1))
        grep -qE -- "(^|[^A-Za-z-])$option([^A-Za-z-]|\$)" "$man_options" \
            || fail "man page: $name option $option is not in its OPTIONS"
    done
    for code in $(sed -n '/^Exit codes:/,$p' "$help" | grep -oE '^  [0-9]+  ' | tr -d ' '); do
        codes=$((codes + 1))
        grep -qE "^ +$code( {2,}|\$)" "$man_exit" || fail "man page: $name exit code $code is not in EXIT STATUS"
    done
    # A help text the parsing above misreads must not pass as "nothing to document".
    if [ "$options" -lt "$min_options" ] || [ "$codes" -lt 3 ]; then
        fail "$name --help: read only $options options and $codes exit codes"
    else
        ok "man page: the $options options and $codes exit codes of $name --help checked"
    fi
}
check_help "$work/help.txt" "$work/man-options.txt" "$work/man-exit.txt" "pasarela"
check_help "$work/request-help.txt" "$work/man-request-options.txt" "$work/man-request-exit.txt" "pasarela request"
check_help "$work/run-help.txt" "$work/man-run-options.txt" "$work/man-run-exit.txt" "pasarela run" 6

if [ "$failures" -gt 0 ]; then
    echo "$failures check(s) failed"
    exit 1
fi
echo "all packaging source checks passed"
