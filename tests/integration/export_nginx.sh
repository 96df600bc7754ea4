#!/usr/bin/env bash
# `pasarela export --format nginx` run by a real nginx, as is, with only a prefix
# directory for its pid file and error log: `nginx -t`, then a connection relayed
# to an echo server (with a half-close), and a client outside the allow-list refused.
# usage: export_nginx.sh PATH_TO_PASARELA   (exit 77: nginx or socat missing, unless CI=true)
set -euo pipefail

pasarela=${1:?usage: export_nginx.sh PATH_TO_PASARELA}
here=$(dirname "${BASH_SOURCE[0]}")
source "$here/../support/scratch.sh"
source "$here/export_tools.sh"

nginx=/usr/sbin/nginx
[ -x "$nginx" ] || nginx=$(command -v nginx || echo nginx)
need "$nginx -v" nginx
need "test -e /usr/lib/nginx/modules/ngx_stream_module.so" libnginx-mod-stream  # the export loads it
need "socat -V" socat
chmod 755 "$work"   # nginx workers may run as another user
start_echo

write_rules() {
    cat > "$work/rules.json" <<JSON
{
  "version": 2,
  "rules": [
    {"name": "echo", "listen": "127.0.0.1:$open_port", "target": "127.0.0.1:$echo_port",
     "allow": ["127.0.0.0/8"], "connectTimeoutMs": 2000, "idleTimeoutS": 30, "maxConnections": 10},
    {"name": "closed", "listen": "127.0.0.1:$closed_port", "target": "127.0.0.1:$echo_port",
     "allow": ["10.0.0.0/8"]},
    {"name": "off", "listen": "127.0.0.1:$closed_port", "target": "127.0.0.1:9", "enabled": false},
    {"name": "ha", "listen": "127.0.0.1:$ha_port", "target": ["127.0.0.1:$dead_port", "127.0.0.1:$echo_port"]},
    {"name": "dns", "listen": "127.0.0.1:$ha_port", "target": "127.0.0.1:$dead_port", "protocol": "udp"}
  ]
}
JSON
}

nginx_ready() {
    kill -0 "$nginx_pid" 2>/dev/null || return 0   # exited: stop waiting
    [ -s "$work/prefix/pasarela-nginx.pid" ] && listening "$open_port" && listening "$closed_port" \
        && listening "$ha_port"
}

nginx_pid=
for attempt in 1 2 3 4 5; do
    open_port=$(free_port)
    closed_port=$(free_port)
    ha_port=$(free_port)
    dead_port=$(free_port)   # nothing listens there: the first target refuses
    [ "$(printf '%s\n' "$open_port" "$closed_port" "$ha_port" "$dead_port" | sort -u | wc -l)" = 4 ] || continue
    write_rules
    "$pasarela" export --format nginx --config "$work/rules.json" --output "$work/nginx.conf" \
        || fail "pasarela export --format nginx exited with $?"
    grep -q '^#   rule "off": disabled$' "$work/nginx.conf" || fail "the disabled rule is not named in the comment"
    rm -rf "$work/prefix"
    mkdir -p "$work/prefix"
    "$nginx" -t -p "$work/prefix/" -c "$work/nginx.conf" > "$work/nginx-t.log" 2>&1 \
        || fail "nginx -t rejects the export: $(cat "$work/nginx-t.log")"
    # In the foreground only so that the test holds its pid; the file itself is unchanged.
    "$nginx" -p "$work/prefix/" -c "$work/nginx.conf" -g 'daemon off;' 2> "$work/nginx-stderr.log" &
    nginx_pid=$!
    pids+=("$nginx_pid")
    wait_for 15 nginx_ready || fail "nginx did not listen within 15 s"
    kill -0 "$nginx_pid" 2>/dev/null && break
    wait "$nginx_pid" || true
    nginx_pid=
    grep -q 'Address already in use' "$work/prefix/pasarela-nginx-error.log" "$work/nginx-stderr.log" \
        || fail "nginx exited at start"
done
[ -n "$nginx_pid" ] || fail "nginx found no free ports in 5 attempts"

relay_check "$open_port"
# Several targets: the first refuses, the backup server relays.
relay_check "$ha_port"

# Outside the allow-list: accepted, then closed without a byte.
echo hello | timeout 30 socat -t 5 - "TCP:127.0.0.1:$closed_port" > "$work/refused.out" 2>/dev/null || true
[ ! -s "$work/refused.out" ] || fail "a client outside the allow-list got an answer: $(cat "$work/refused.out")"
wait_for 10 grep -q 'access forbidden by rule' "$work/prefix/pasarela-nginx-error.log" \
    || fail "nginx did not log the refused client"

echo "PASS: nginx ran the export (a UDP rule among them), relayed 256 KiB with a half-close directly and through a"
echo "      backup target after the first refused, and refused a client outside the allow-list"
