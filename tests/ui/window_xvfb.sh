#!/usr/bin/env bash
# Starts the real window under Xvfb with a rule and a live connection through it,
# at 1280x800 and 1920x1080, and saves a screenshot of each.
#   window_xvfb.sh PASARELA_BINARY OUTPUT_DIR
# Exit 77 (skipped) when xvfb-run, socat, xwininfo or ImageMagick are missing.
set -euo pipefail

binary=$(realpath "$1")
out=$(mkdir -p "$2" && realpath "$2")
for tool in xvfb-run socat xwininfo import identify ss curl; do
    if ! command -v "$tool" >/dev/null; then
        echo "SKIP: $tool is not installed (packages: xvfb socat x11-utils imagemagick iproute2 curl)"
        exit 77
    fi
done

source "$(dirname "${BASH_SOURCE[0]}")/../support/scratch.sh"

target=$(free_port)
socat "TCP-LISTEN:$target,bind=127.0.0.1,reuseaddr,fork" EXEC:cat &
pids+=($!)
wait_for 5 listening "$target" || { echo "FAIL: the echo target did not start"; exit 1; }

shot() {
    local size=$1 listen
    listen=$(free_port)
    mkdir -p "$work/$size/config/pasarela"
    cat > "$work/$size/rules.json" <<JSON
{"version": 1, "rules": [
  {"name": "ingress http", "listen": "127.0.0.1:$listen", "target": "127.0.0.1:$target"},
  {"name": "ingress https", "listen": "0.0.0.0:$(free_port)", "target": "192.0.2.10:443", "allow": ["10.0.0.0/8"]},
  {"name": "dashboard", "listen": "127.0.0.1:$(free_port)", "target": "127.0.0.1:$target", "enabled": false}
]}
JSON
    XDG_CONFIG_HOME="$work/$size/config" xvfb-run -a -s "-screen 0 ${size}x24" \
        bash -c '
            set -euo pipefail
            "$0" --config "$1" & app=$!
            trap "kill $app 2>/dev/null || true" EXIT
            deadline=$((SECONDS + 20))
            until xwininfo -root -tree | grep -q "\"Pasarela\""; do
                [ $SECONDS -lt $deadline ] || { echo "FAIL: no window titled Pasarela appeared"; exit 1; }
                sleep 0.1
            done
            until exec 3<>"/dev/tcp/127.0.0.1/$2"; do
                [ $SECONDS -lt $deadline ] || { echo "FAIL: the rule never listened"; exit 1; }
                sleep 0.1
            done 2>/dev/null
            echo "hello through pasarela" >&3
            read -r -t 5 reply <&3
            [ "$reply" = "hello through pasarela" ] || { echo "FAIL: echo through the rule: \"$reply\""; exit 1; }
            # The connections table shows the connection at the next snapshot (250 ms).
            sleep 1
            import -window root "$3"
            kill -0 $app || { echo "FAIL: pasarela exited"; exit 1; }
            # SIGTERM quits like File > Quit: exit 0, layout saved.
            kill -TERM $app
            status=0
            wait $app || status=$?
            [ $status -eq 0 ] || { echo "FAIL: pasarela exited with $status on SIGTERM"; exit 1; }
            grep -q "geometry" "$XDG_CONFIG_HOME/pasarela/settings.ini" || { echo "FAIL: the layout was not saved"; exit 1; }
        ' "$binary" "$work/$size/rules.json" "$listen" "$out/window-$size.png"
    local colours
    colours=$(identify -format %k "$out/window-$size.png")
    echo "window-$size.png: $colours colours"
    [ "$colours" -gt 50 ] || { echo "FAIL: the $size screenshot looks blank"; exit 1; }
}

# The README's first command: `pasarela --demo` answers through 127.0.0.1:31042 and
# writes no rules file.
demo() {
    mkdir -p "$work/demo/config" "$work/demo/data"
    XDG_CONFIG_HOME="$work/demo/config" XDG_DATA_HOME="$work/demo/data" xvfb-run -a -s "-screen 0 1280x800x24" \
        bash -c '
            set -euo pipefail
            "$0" --demo --config "$1" & app=$!
            trap "kill $app 2>/dev/null || true" EXIT
            deadline=$((SECONDS + 20))
            until answer=$(curl -sf -H "Host: api.local" http://127.0.0.1:31042/api/v1/items); do
                [ $SECONDS -lt $deadline ] || { echo "FAIL: the demo did not answer on 127.0.0.1:31042"; exit 1; }
                sleep 0.1
            done
            case $answer in
                *\"service\":\"api\"*\"pod\":*) ;;
                *) echo "FAIL: unexpected demo answer: $answer"; exit 1 ;;
            esac
            code=$(curl -s -o /dev/null -w "%{http_code}" -H "Host: shop.local" http://127.0.0.1:31042/)
            [ "$code" = 404 ] || { echo "FAIL: an unknown host got $code, not 404"; exit 1; }
            import -window root "$2"
            kill -TERM $app
            wait $app
        ' "$binary" "$work/demo/rules.json" "$out/window-demo.png"
    [ ! -e "$work/demo/rules.json" ] || { echo "FAIL: the demo wrote the rules file"; exit 1; }
    echo "window-demo.png: the demo answered through 127.0.0.1:31042"
}

shot 1280x800
shot 1920x1080
demo
echo "PASS: screenshots in $out"
