#!/usr/bin/env bash
# Real nginx as the ingress stand-in, real curl as the external client:
#   curl -> pasarela --headless --forward P=127.0.0.1:N -> nginx on 127.0.0.1:N
# Checks Host-based routing, the default server's 404, a 5 MiB upload and a
# 5 MiB download byte for byte, and a clean stop on SIGTERM.
# usage: nginx_curl.sh PATH_TO_PASARELA     (exit 77: nginx or curl not installed)
set -euo pipefail

pasarela=${1:?usage: nginx_curl.sh PATH_TO_PASARELA}
source "$(dirname "${BASH_SOURCE[0]}")/../support/scratch.sh"
source "$(dirname "${BASH_SOURCE[0]}")/../support/nginx.sh"
pasarela_pid=

fail() {
    echo "FAIL: $*"
    for f in pasarela.out pasarela.err error.log; do
        [ -s "$work/$f" ] && { echo "--- $f"; cat "$work/$f"; }
    done
    exit 1
}

mkdir -p "$work/www/files" "$work/up"
head -c $((5 * 1024 * 1024)) /dev/urandom > "$work/www/files/static.bin"
head -c $((5 * 1024 * 1024)) /dev/urandom > "$work/upload.bin"
chmod -R a+rX "$work"

write_nginx_conf() {
    nginx_conf <<CONF
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
        location /files/ { root $work/www; }
        location /up/ { root $work; dav_methods PUT; }
    }
    server {
        listen 127.0.0.1:$nginx_port;
        server_name web.pasarela.test;
        location / { return 200 '{"service":"web","ok":true}'; }
    }
CONF
}
nginx_start write_nginx_conf

mkdir -p "$work/config"
pasarela_ready() {
    kill -0 "$pasarela_pid" 2>/dev/null || return 0   # exited: stop waiting
    grep -q "^listening 127.0.0.1:$port -> 127.0.0.1:$nginx_port\$" "$work/pasarela.out"
}
for attempt in 1 2 3 4 5; do
    port=$(free_port)
    XDG_CONFIG_HOME="$work/config" "$pasarela" --headless --forward "$port=127.0.0.1:$nginx_port" \
        > "$work/pasarela.out" 2> "$work/pasarela.err" &
    pasarela_pid=$!
    pids+=("$pasarela_pid")
    wait_for 15 pasarela_ready || fail "no 'listening' line from pasarela within 15 s"
    kill -0 "$pasarela_pid" 2>/dev/null && break
    rc=0
    wait "$pasarela_pid" || rc=$?
    pasarela_pid=
    [ "$rc" -eq 3 ] && grep -q 'already in use' "$work/pasarela.err" \
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
code=$(curl "${curl_opts[@]}" -o /dev/null -w '%{http_code}' -X PUT --data-binary "@$work/upload.bin" \
       -H 'Host: api.pasarela.test' "$url/up/upload.bin") || fail "upload failed"
case "$code" in 201|204) ;; *) fail "upload got HTTP $code" ;; esac
[ "$(sha256sum < "$work/upload.bin")" = "$(sha256sum < "$work/up/upload.bin")" ] \
    || fail "uploaded 5 MiB body differs from what nginx stored"
echo "ok: 5 MiB upload arrived intact"

curl "${curl_opts[@]}" -o "$work/download.bin" -H 'Host: api.pasarela.test' "$url/files/static.bin" \
    || fail "download failed"
[ "$(sha256sum < "$work/www/files/static.bin")" = "$(sha256sum < "$work/download.bin")" ] \
    || fail "downloaded 5 MiB file differs from the original"
echo "ok: 5 MiB download arrived intact"

# Clean stop.
kill -TERM "$pasarela_pid"
pasarela_gone() { ! kill -0 "$pasarela_pid" 2>/dev/null; }
wait_for 10 pasarela_gone || fail "pasarela still running 10 s after SIGTERM"
rc=0
wait "$pasarela_pid" || rc=$?
pasarela_pid=
[ "$rc" -eq 0 ] || fail "pasarela exited with $rc after SIGTERM, expected 0"
echo "ok: SIGTERM -> exit 0"
echo "PASS"
