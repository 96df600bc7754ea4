#!/usr/bin/env bash
# `pasarela request` against real nginx, compared with what curl saves:
# server_name routing as an ingress does it, gzip, a 5 MB JSON file, a redirect,
# a 404 with --fail, and TLS (HTTP/2 offered) with the self-signed test certificate.
# usage: http_nginx.sh PATH_TO_PASARELA TLS_DIR     (exit 77: nginx or curl not installed)
set -euo pipefail

pasarela=${1:?usage: http_nginx.sh PATH_TO_PASARELA TLS_DIR}
tls_dir=${2:?usage: http_nginx.sh PATH_TO_PASARELA TLS_DIR}
source "$(dirname "${BASH_SOURCE[0]}")/../support/scratch.sh"
source "$(dirname "${BASH_SOURCE[0]}")/../support/nginx.sh"

fail() {
    echo "FAIL: $*"
    for f in p.err error.log; do
        [ -s "$work/$f" ] && { echo "--- $f"; cat "$work/$f"; }
    done
    exit 1
}

# A 5 MB JSON document, served from disk.
mkdir -p "$work/www/files"
{
    printf '{"items":[\n'
    awk 'BEGIN { for (i = 10000; i < 125000; i++) printf "{\"id\":%d,\"name\":\"pasarela\",\"tags\":[\"a\"]},\n", i }'
    printf '{"id":0}]}\n'
} > "$work/www/files/big.json"
chmod -R a+rX "$work/www"

write_nginx_conf() {
    tls_port=$(free_port)
    [ "$tls_port" != "$nginx_port" ] || return 1   # nginx_start picks others
    nginx_conf <<CONF
    absolute_redirect off;   # Location: /api/items, not http://api.local/...
    gzip on;
    gzip_types application/json;
    gzip_min_length 16;
    ssl_certificate $tls_dir/selfsigned.crt;
    ssl_certificate_key $tls_dir/selfsigned.key;

    server {
        listen 127.0.0.1:$nginx_port default_server;
        listen 127.0.0.1:$tls_port ssl http2 default_server;
        server_name _;
        location / { return 404 '{"error":"default backend - 404"}'; }
    }
    server {
        listen 127.0.0.1:$nginx_port;
        listen 127.0.0.1:$tls_port ssl http2;
        server_name api.local;
        location = /api/items { return 200 '{"service":"api","items":[{"id":1,"name":"alpha"},{"id":2,"name":"beta"}]}'; }
        location = /old { return 302 /api/items; }
        location /files/ { root $work/www; }
        location / { return 404 '{"error":"not found","path":"\$uri"}'; }
    }
    server {
        listen 127.0.0.1:$nginx_port;
        server_name web.local;
        location / { return 200 '{"service":"web"}'; }
    }
CONF
}
nginx_start write_nginx_conf
echo "ok: nginx on 127.0.0.1:$nginx_port (http) and 127.0.0.1:$tls_port (https, http2)"

http="http://127.0.0.1:$nginx_port"
https="https://127.0.0.1:$tls_port"
api=(-H 'Host: api.local')

# preq EXPECTED_EXIT ARGS...: runs pasarela request; stdout in p.out, stderr in p.err.
preq() {
    local expected=$1 rc=0
    shift
    "$pasarela" request --timeout 20000 "$@" > "$work/p.out" 2> "$work/p.err" || rc=$?
    [ "$rc" -eq "$expected" ] || fail "pasarela request $* exited with $rc, expected $expected"
}

# same_as_curl NAME URL ARGS...: what pasarela saves with -o equals what curl saves with -o.
same_as_curl() {
    local name=$1 url=$2
    shift 2
    curl -sS --max-time 20 -o "$work/$name.curl" "$@" "$url" || fail "curl $url failed"
    preq 0 -o "$work/$name.pasarela" "$@" "$url"
    cmp "$work/$name.curl" "$work/$name.pasarela" || fail "$name: pasarela saved other bytes than curl"
    echo "ok: $name: $(stat -c %s "$work/$name.pasarela") bytes, same as curl ($(head -n 1 "$work/p.err"))"
}

same_as_curl items "$http/api/items" "${api[@]}"
same_as_curl big "$http/files/big.json" "${api[@]}"
[ "$(stat -c %s "$work/big.pasarela")" -ge 5000000 ] || fail "big.json is not 5 MB"
same_as_curl missing "$http/missing" "${api[@]}"
same_as_curl redirect "$http/old" "${api[@]}"
same_as_curl redirect-followed "$http/old" -L "${api[@]}"
cmp -s "$work/redirect-followed.pasarela" "$work/items.pasarela" || fail "-L did not end at /api/items"
same_as_curl web "$http/" -H 'Host: web.local'
same_as_curl tls "$https/api/items" -k "${api[@]}"
cmp -s "$work/tls.pasarela" "$work/items.pasarela" || fail "https with Host api.local did not reach api.local"

# pasarela asked for gzip (curl did not) and decoded it: the bytes above match anyway.
preq 0 --export "$work/big.exchange.json" -o /dev/null "${api[@]}" "$http/files/big.json"
grep -q '"Content-Encoding"' "$work/big.exchange.json" && grep -q '"gzip"' "$work/big.exchange.json" \
    || fail "nginx did not gzip the 5 MB JSON for pasarela"
echo "ok: 5 MB JSON came gzip-encoded and was saved decoded"

# Host routing.
preq 0 "${api[@]}" "$http/api/items"
grep -q '"service":"api"' "$work/p.out" || fail "Host api.local got: $(cat "$work/p.out")"
preq 0 -H 'Host: web.local' "$http/api/items"
grep -q '"service":"web"' "$work/p.out" || fail "Host web.local got: $(cat "$work/p.out")"
preq 0 -H 'Host: shop.local' "$http/api/items"
grep -q '^HTTP/1.1 404 Not Found' "$work/p.err" || fail "unknown host: $(cat "$work/p.err")"
grep -q 'default backend' "$work/p.out" || fail "unknown host did not reach the default server"
echo "ok: Host routing (api.local, web.local, unknown -> default 404)"

# 404 with --fail.
preq 1 --fail "${api[@]}" "$http/missing"
[ ! -s "$work/p.out" ] || fail "--fail wrote the body"
echo "ok: 404 with --fail -> exit 1"

# TLS: refused while verifying, accepted with --insecure.
preq 3 "${api[@]}" "$https/api/items"
grep -q 'certificate is self-signed' "$work/p.err" || fail "TLS refusal message: $(cat "$work/p.err")"
[ ! -s "$work/p.out" ] || fail "a refused TLS exchange wrote a body"
echo "ok: self-signed refused: $(cat "$work/p.err")"
preq 0 --insecure "${api[@]}" "$https/api/items"
grep -q '^HTTP/1.1 200 OK' "$work/p.err" || fail "with a Host header, HTTP/1.1 is expected: $(cat "$work/p.err")"
echo "ok: accepted with --insecure: $(cat "$work/p.err")"
# Without a Host header Qt may use HTTP/2 (nginx offers it): the address picks the default server.
preq 0 -k "$https/api/items"
grep -q '^HTTP/2 404' "$work/p.err" || fail "without a Host header, HTTP/2 is expected: $(cat "$work/p.err")"
echo "ok: HTTP/2 without a Host header: $(cat "$work/p.err")"

echo "PASS"
