#!/usr/bin/env bash
# Real nginx as the ingress stand-in, real curl as the external client:
#   curl -> pasarela --headless --forward P=127.0.0.1:N -> nginx on 127.0.0.1:N
# Checks Host-based routing, the default server's 404, a 5 MiB upload and a
# 5 MiB download byte for byte, and a clean stop on SIGTERM.
# usage: nginx_curl.sh PATH_TO_PASARELA     (exit 77: nginx or curl not installed)
set -euo pipefail

pasarela=${1:?usage: nginx_curl.sh PATH_TO_PASARELA}
nginx=/usr/sbin/nginx
[ -x "$nginx" ] || nginx=$(command -v nginx || true)
if [ -z "$nginx" ] || [ ! -x "$nginx" ]; then
    echo "SKIP: nginx is not installed (apt-get install nginx)"
    exit 77
fi
if ! command -v curl >/dev/null 2>&1; then
    echo "SKIP: curl is not installed (apt-get install curl)"
    exit 77
fi

tmp=$(mktemp -d)
chmod 755 "$tmp"
nginx_pid=
pasarela_pid=

cleanup() {
    [ -n "$pasarela_pid" ] && kill -KILL "$pasarela_pid" 2>/dev/null
    [ -n "$nginx_pid" ] && kill -TERM "$nginx_pid" 2>/dev/null && wait "$nginx_pid" 2>/dev/null
    rm -rf "$tmp"
}
trap cleanup EXIT

fail() {
    echo "FAIL: $*"
    for f in pasarela.out pasarela.err error.log; do
        [ -s "$tmp/$f" ] && { echo "--- $f"; cat "$tmp/$f"; }
    done
    exit 1
}

# Below the kernel's ephemeral range, so no outgoing connection holds the port.
read -r ephemeral_low _ < /proc/sys/net/ipv4/ip_local_port_range 2>/dev/null || ephemeral_low=32768
port_low=20000
port_high=$((ephemeral_low - 1))
[ "$port_high" -gt $((port_low + 1000)) ] || port_high=60000

port_is_free() {
    if command -v ss >/dev/null 2>&1; then
        [ -z "$(ss -Htan "sport = :$1")" ]
    else
        ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
    fi
}

free_port() {
    local p i
    for i in $(seq 200); do
        p=$((port_low + (RANDOM * 32768 + RANDOM) % (port_high - port_low + 1)))
        if [ "$p" != "${1:-}" ] && port_is_free "$p"; then
            echo "$p"
            return 0
        fi
    done
    echo "no free port found" >&2
    return 1
}

# Polls "$@" every 0.1 s until it succeeds; gives up after $deadline seconds.
wait_until() {
    local deadline=$1 end
    shift
    end=$((SECONDS + deadline))
    until "$@"; do
        [ "$SECONDS" -lt "$end" ] || return 1
        sleep 0.1
    done
}

mkdir -p "$tmp/www/files" "$tmp/up"
head -c $((5 * 1024 * 1024)) /dev/urandom > "$tmp/www/files/static.bin"
head -c $((5 * 1024 * 1024)) /dev/urandom > "$tmp/upload.bin"
chmod -R a+rX "$tmp"

user_line=
[ "$(id -u)" -eq 0 ] && user_line="user root;"   # workers would drop to nobody otherwise

write_nginx_conf() {
    cat > "$tmp/nginx.conf" <<CONF
$user_line
worker_processes 1;
daemon off;
pid $tmp/nginx.pid;
error_log $tmp/error.log warn;
events { worker_connections 64; }
http {
    access_log $tmp/access.log;
    client_body_temp_path $tmp/client_body;
    proxy_temp_path $tmp/proxy;
    fastcgi_temp_path $tmp/fastcgi;
    uwsgi_temp_path $tmp/uwsgi;
    scgi_temp_path $tmp/scgi;
    default_type application/json;
    client_max_body_size 16m;

    server {
        listen 127.0.0.1:$nginx_port default_server;
        server_name _;
        location / { return 404 '{"error":"no ingress rule for this host"}'; }
    }
    server {
        listen 127.0.0.1:$nginx_port;
        server_name api.pasarela.test;
        location / { return 200 '{"service":"api","ok":true}'; }
        location /files/ { root $tmp/www; }
        location /up/ { root $tmp; dav_methods PUT; }
    }
    server {
        listen 127.0.0.1:$nginx_port;
        server_name web.pasarela.test;
        location / { return 200 '{"service":"web","ok":true}'; }
    }
}
CONF
}

# A port can be taken between the check and the bind: then try another one.
nginx_ready() {
    kill -0 "$nginx_pid" 2>/dev/null || return 0   # exited: stop waiting
    curl -s -o /dev/null "http://127.0.0.1:$nginx_port/"
}
for attempt in 1 2 3 4 5; do
    nginx_port=$(free_port)
    write_nginx_conf
    : > "$tmp/error.log"
    "$nginx" -e "$tmp/error.log" -p "$tmp/" -c "$tmp/nginx.conf" &
    nginx_pid=$!
    wait_until 15 nginx_ready || fail "nginx did not answer on 127.0.0.1:$nginx_port within 15 s"
    kill -0 "$nginx_pid" 2>/dev/null && break
    wait "$nginx_pid" || true
    nginx_pid=
    grep -q 'Address already in use' "$tmp/error.log" || fail "nginx exited at start"
done
[ -n "$nginx_pid" ] || fail "nginx found no free port in 5 attempts"

mkdir -p "$tmp/config"
pasarela_ready() {
    kill -0 "$pasarela_pid" 2>/dev/null || return 0   # exited: stop waiting
    grep -q "^listening 127.0.0.1:$port -> 127.0.0.1:$nginx_port\$" "$tmp/pasarela.out"
}
for attempt in 1 2 3 4 5; do
    port=$(free_port "$nginx_port")
    XDG_CONFIG_HOME="$tmp/config" "$pasarela" --headless --forward "$port=127.0.0.1:$nginx_port" \
        > "$tmp/pasarela.out" 2> "$tmp/pasarela.err" &
    pasarela_pid=$!
    wait_until 15 pasarela_ready || fail "no 'listening' line from pasarela within 15 s"
    kill -0 "$pasarela_pid" 2>/dev/null && break
    rc=0
    wait "$pasarela_pid" || rc=$?
    pasarela_pid=
    [ "$rc" -eq 3 ] && grep -q 'already in use' "$tmp/pasarela.err" \
        || fail "pasarela exited at start with $rc"
done
[ -n "$pasarela_pid" ] || fail "pasarela found no free port in 5 attempts"
echo "ok: pasarela listening on 127.0.0.1:$port -> nginx on 127.0.0.1:$nginx_port"

url="http://127.0.0.1:$port"
curl_opts=(-sS --max-time 30)

# Host-based routing, as an ingress does it.
for host in api web; do
    body=$(curl "${curl_opts[@]}" -H "Host: $host.pasarela.test" "$url/") || fail "curl to $host failed"
    [ "$body" = "{\"service\":\"$host\",\"ok\":true}" ] || fail "Host $host.pasarela.test got: $body"
    type=$(curl "${curl_opts[@]}" -o /dev/null -w '%{content_type}' -H "Host: $host.pasarela.test" "$url/")
    [ "$type" = application/json ] || fail "Host $host.pasarela.test Content-Type: $type"
    echo "ok: Host $host.pasarela.test -> $body"
done

code=$(curl "${curl_opts[@]}" -o /dev/null -w '%{http_code}' -H 'Host: nobody.pasarela.test' "$url/")
[ "$code" = 404 ] || fail "unknown host got HTTP $code, expected 404"
echo "ok: unknown host -> 404"

# 5 MiB up (stored by nginx's WebDAV PUT), 5 MiB down (static file).
code=$(curl "${curl_opts[@]}" -o /dev/null -w '%{http_code}' -X PUT --data-binary "@$tmp/upload.bin" \
       -H 'Host: api.pasarela.test' "$url/up/upload.bin") || fail "upload failed"
case "$code" in 201|204) ;; *) fail "upload got HTTP $code" ;; esac
[ "$(sha256sum < "$tmp/upload.bin")" = "$(sha256sum < "$tmp/up/upload.bin")" ] \
    || fail "uploaded 5 MiB body differs from what nginx stored"
echo "ok: 5 MiB upload arrived intact"

curl "${curl_opts[@]}" -o "$tmp/download.bin" -H 'Host: api.pasarela.test' "$url/files/static.bin" \
    || fail "download failed"
[ "$(sha256sum < "$tmp/www/files/static.bin")" = "$(sha256sum < "$tmp/download.bin")" ] \
    || fail "downloaded 5 MiB file differs from the original"
echo "ok: 5 MiB download arrived intact"

# Clean stop.
kill -TERM "$pasarela_pid"
pasarela_gone() { ! kill -0 "$pasarela_pid" 2>/dev/null; }
wait_until 10 pasarela_gone || fail "pasarela still running 10 s after SIGTERM"
rc=0
wait "$pasarela_pid" || rc=$?
pasarela_pid=
[ "$rc" -eq 0 ] || fail "pasarela exited with $rc after SIGTERM, expected 0"
echo "ok: SIGTERM -> exit 0"
echo "PASS"
