#!/usr/bin/env bash
# The field scenario end to end, on three hosts made of network namespaces:
#
#   client 198.18.1.2 --LAN--> host PC 198.18.1.1:31042/31443   (pasarela --headless)
#                              host PC 198.18.0.1 ----> cluster 198.18.0.2:80/443 (nginx ingress -> pods)
#
# The host does not forward, so the client reaches the cluster only through
# Pasarela. Checks routing by Host and path, the default backend, `pasarela
# request -o` against curl, TLS with SNI and HTTP/2 passed through, the
# --log-connections line naming the client's address and port, and a capture on
# the host's two interfaces tying the client's connection to the upstream one.
# usage: minikube_e2e.sh PATH_TO_PASARELA     (exit 77: not root, outside CI)
set -euo pipefail

pasarela=${1:?usage: minikube_e2e.sh PATH_TO_PASARELA}
PATH=$PATH:/usr/sbin:/sbin
unset http_proxy https_proxy HTTP_PROXY HTTPS_PROXY all_proxy ALL_PROXY no_proxy NO_PROXY

if [ "$(id -u)" -ne 0 ]; then
    if [ "${CI:-}" = true ]; then
        echo "FAIL - needs root for network namespaces, and CI must run it (not skip it): run the tests as root"
        exit 1
    fi
    echo "needs root for network namespaces; skipped"
    exit 77
fi
# CI installs these: a missing one is a broken set-up, not a reason to skip.
for tool in ip:iproute2 nginx:nginx curl:curl tshark:tshark openssl:openssl; do
    command -v "${tool%%:*}" >/dev/null 2>&1 \
        || { echo "FAIL - ${tool%%:*} is not installed (apt-get install ${tool#*:})"; exit 1; }
done

source "$(dirname "${BASH_SOURCE[0]}")/../support/scratch.sh"
source "$(dirname "${BASH_SOURCE[0]}")/../support/nginx.sh"
source "$(dirname "${BASH_SOURCE[0]}")/cluster.sh"

ns_cluster=pe2e-$$-cluster
ns_host=pe2e-$$-host
ns_client=pe2e-$$-client
namespaces=()
e2e_cleanup() {
    local ns
    # Whatever still runs in our namespaces (a namespace lives on while a process is in it).
    for ns in "${namespaces[@]}"; do ip netns pids "$ns" 2>/dev/null | xargs -r kill 2>/dev/null || true; done
    cleanup
    for ns in "${namespaces[@]}"; do ip netns delete "$ns" 2>/dev/null || true; done
}
trap e2e_cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# Not for background processes: $! must be the program's pid (ip netns exec execs it), not a subshell's.
on_cluster() { ip netns exec "$ns_cluster" "$@"; }
on_host() { ip netns exec "$ns_host" "$@"; }
on_client() { ip netns exec "$ns_client" "$@"; }

# Pasarela's files (rules, HTTP history) stay in the scratch folder.
export HOME=$work/home XDG_CONFIG_HOME=$work/home/.config XDG_DATA_HOME=$work/home/.local/share \
    XDG_CACHE_HOME=$work/home/.cache
mkdir -p "$XDG_CONFIG_HOME" "$XDG_DATA_HOME" "$XDG_CACHE_HOME"

ingress=198.18.0.2
host_up=198.18.0.1     # the host PC on the cluster's network
host_lan=198.18.1.1    # the host PC on the client's network
client_ip=198.18.1.2
http_port=31042
https_port=31443
api_pod=api-6c9f7d8b5-x2kqp
web_pod=web-7d4b9c6f8-m5n2w

dump_logs() {
    for f in pasarela.out pasarela.err error.log tshark.err; do
        [ -s "$work/$f" ] && { echo "--- $f"; cat "$work/$f"; }
    done
    return 0
}

# A set-up step that failed: nothing after it can run.
fail() {
    echo "FAIL - $*"
    dump_logs
    exit 1
}

failures=0
pass() { echo "ok - $*"; }
check_failed() {
    echo "FAIL - $*"
    failures=$((failures + 1))
}

# net ARGS...: ip ARGS, or a failed set-up.
net() { ip "$@" || fail "ip $*: failed"; }

make_network() {
    local ns
    for ns in "$ns_cluster" "$ns_host" "$ns_client"; do
        ip netns add "$ns" || fail "cannot create the network namespace $ns (in a container without CAP_SYS_ADMIN?)"
        namespaces+=("$ns")
        net -n "$ns" link set lo up
    done
    net link add eth0 netns "$ns_cluster" type veth peer name to-cluster netns "$ns_host"
    net link add eth0 netns "$ns_client" type veth peer name to-client netns "$ns_host"

    net -n "$ns_cluster" addr add "$ingress/24" dev eth0
    net -n "$ns_host" addr add "$host_up/24" dev to-cluster
    net -n "$ns_host" addr add "$host_lan/24" dev to-client
    net -n "$ns_client" addr add "$client_ip/24" dev eth0
    net -n "$ns_cluster" link set eth0 up
    net -n "$ns_host" link set to-cluster up
    net -n "$ns_host" link set to-client up
    net -n "$ns_client" link set eth0 up
    # Both ends route through the host, as on a LAN and a Minikube network:
    # only the host not forwarding keeps the client away from the cluster.
    net -n "$ns_cluster" route add default via "$host_up"
    net -n "$ns_client" route add default via "$host_lan"
    on_host sysctl -qw net.ipv4.ip_forward=0 || fail "cannot turn forwarding off on the host PC"
}

# Answers from the host PC, which can reach the ingress (the client cannot).
ingress_ready() {
    kill -0 "$nginx_pid" 2>/dev/null || return 0   # exited: stop waiting
    [ -s "$work/nginx.pid" ] && on_host curl -s --max-time 2 -o /dev/null "http://$ingress/"
}

start_nginx() {
    write_nginx_conf
    on_cluster "$nginx" -t -q -e "$work/error.log" -p "$work/" -c "$work/nginx.conf" 2>>"$work/error.log" \
        || fail "nginx rejected its configuration"
    ip netns exec "$ns_cluster" "$nginx" -e "$work/error.log" -p "$work/" -c "$work/nginx.conf" &
    nginx_pid=$!
    pids+=("$nginx_pid")
    wait_for 15 ingress_ready || fail "the ingress did not answer on $ingress:80 from the host within 15 s"
    kill -0 "$nginx_pid" 2>/dev/null || fail "nginx exited at start"
    pass "cluster: nginx ingress on $ingress:80 and :443, pods on 127.0.0.1:8081-8083"
}

pasarela_ready() {
    kill -0 "$pasarela_pid" 2>/dev/null || return 0   # exited: stop waiting
    grep -qx "listening $host_lan:$http_port -> $ingress:80" "$work/pasarela.out" \
        && grep -qx "listening $host_lan:$https_port -> $ingress:443" "$work/pasarela.out"
}

start_pasarela() {
    cat > "$work/rules.json" <<JSON
{"version": 1, "rules": [
  {"name": "ingress http", "listen": "$host_lan:$http_port", "target": "$ingress:80", "enabled": true},
  {"name": "ingress https", "listen": "$host_lan:$https_port", "target": "$ingress:443", "enabled": true}]}
JSON
    ip netns exec "$ns_host" "$pasarela" --headless --config "$work/rules.json" --log-connections --log-requests \
        > "$work/pasarela.out" 2> "$work/pasarela.err" &
    pasarela_pid=$!
    pids+=("$pasarela_pid")
    wait_for 15 pasarela_ready || fail "no two 'listening' lines from pasarela within 15 s"
    kill -0 "$pasarela_pid" 2>/dev/null || fail "pasarela exited at start"
    pass "host PC: pasarela listening on $host_lan:$http_port -> $ingress:80 and $host_lan:$https_port -> $ingress:443"
}

capture_ready() {
    kill -0 "$tshark_pid" 2>/dev/null || return 0   # exited: stop waiting
    grep -q 'Capturing on' "$work/tshark.err"
}

start_capture() {
    ip netns exec "$ns_host" tshark -i to-client -i to-cluster -f tcp -w "$work/capture.pcapng" 2> "$work/tshark.err" &
    tshark_pid=$!
    pids+=("$tshark_pid")
    wait_for 15 capture_ready || fail "tshark did not start capturing within 15 s"
    kill -0 "$tshark_pid" 2>/dev/null || fail "tshark exited at start"
}

tshark_stopped() { ! kill -0 "$tshark_pid" 2>/dev/null; }

stop_capture() {
    kill -INT "$tshark_pid"
    wait_for 15 tshark_stopped || fail "tshark did not stop within 15 s of SIGINT"
    wait "$tshark_pid" || fail "tshark did not stop cleanly"
}

# fetch OUT ARGS...: curl from the client; the body to $work/OUT, and on stdout
# "STATUS HTTP_VERSION LOCAL_IP:LOCAL_PORT REQUEST_BYTES RESPONSE_HEADER_BYTES RESPONSE_BODY_BYTES".
fetch() {
    local out=$1
    shift
    on_client curl -sS --max-time 10 -o "$work/$out" \
        -w '%{http_code} %{http_version} %{local_ip}:%{local_port} %{size_request} %{size_header} %{size_download}' \
        "$@" 2> "$work/curl.err"
}

# fetch_failed WHAT: a check whose curl failed, with curl's reason.
fetch_failed() { check_failed "$1: $(cat "$work/curl.err")"; }

http_url=http://$host_lan:$http_port

check_services_by_host_and_path() {
    local host path service pod got expected
    while read -r host path service pod; do
        got=$(fetch body -H "Host: $host" "$http_url$path") || { fetch_failed "curl Host $host $path"; continue; }
        expected="{\"service\":\"$service\",\"pod\":\"$pod\",\"host\":\"$host\",\"path\":\"$path\"}"
        if [ "${got%% *}" = 200 ] && [ "$(cat "$work/body")" = "$expected" ]; then
            pass "Host $host, path $path -> $service service, pod $pod"
        else
            check_failed "Host $host, path $path: expected 200 $expected, got ${got%% *} $(cat "$work/body")"
        fi
    done <<CASES
api.local /api/v1/items api $api_pod
api.local /web/index.html web $web_pod
web.local / web $web_pod
web.local /api/v1/items web $web_pod
CASES
}

check_default_backend() {
    local got
    got=$(fetch body -H 'Host: shop.local' "$http_url/api/v1/items") || { fetch_failed "curl Host shop.local"; return; }
    if [ "${got%% *}" = 404 ] && [ "$(cat "$work/body")" = "default backend - 404" ]; then
        pass "unknown Host shop.local -> 404 from the default backend"
    else
        check_failed "unknown Host shop.local: expected 404 'default backend - 404', got ${got%% *} $(cat "$work/body")"
    fi
}

check_request_same_as_curl() {
    local url=$http_url/api/v1/items
    fetch items.curl -H 'Host: api.local' "$url" > /dev/null || { fetch_failed "curl $url"; return; }
    if ! on_client "$pasarela" request --timeout 10000 -H 'Host: api.local' -o "$work/items.pasarela" "$url" \
        > /dev/null 2> "$work/request.err"; then
        check_failed "pasarela request $url failed: $(cat "$work/request.err")"
    elif ! grep -q "\"pod\":\"$api_pod\"" "$work/items.curl"; then
        check_failed "curl did not get the api pod's answer: $(cat "$work/items.curl")"
    elif cmp -s "$work/items.curl" "$work/items.pasarela"; then
        pass "pasarela request -o saved the same $(stat -c %s "$work/items.curl") bytes as curl -o ($(head -n 1 "$work/request.err"))"
    else
        check_failed "pasarela request -o saved other bytes than curl: '$(cat "$work/items.pasarela")' vs '$(cat "$work/items.curl")'"
    fi
}

# The certificate verifies for the name only if nginx chose it by the SNI the
# client sent: both the server name and the certificate crossed Pasarela as they were.
check_https_sni_http2() {
    local host path pod got status version expected
    while read -r host path pod; do
        got=$(fetch body --http2 --cacert "$work/tls/ca.crt" --resolve "$host:$https_port:$host_lan" \
            "https://$host:$https_port$path") || { fetch_failed "https://$host:$https_port$path"; continue; }
        read -r status version _ <<< "$got"
        expected="{\"service\":\"${pod%%-*}\",\"pod\":\"$pod\",\"host\":\"$host\",\"path\":\"$path\"}"
        if [ "$status" = 200 ] && [ "$version" = 2 ] && [ "$(cat "$work/body")" = "$expected" ]; then
            pass "https://$host:$https_port$path: certificate for $host verified by the test CA, HTTP/2, pod $pod"
        else
            check_failed "https://$host:$https_port$path: expected 200 over HTTP/2 with $expected, got $status over HTTP/$version with $(cat "$work/body")"
        fi
    done <<CASES
api.local /api/v1/items $api_pod
web.local / $web_pod
CASES
}

# Set by check_connection_logged, read by check_capture.
client_port=
upstream_port=

connection_line() {
    grep -E "^connection \"ingress http\": ${client_ip//./\\.}:$client_port -> ${host_lan//./\\.}:$http_port => ${host_up//./\\.}:[0-9]+ -> ${ingress//./\\.}:80, " \
        "$work/pasarela.out"
}

check_connection_logged() {
    local got local_address request_bytes header_bytes body_bytes line up down
    got=$(fetch body -H 'Host: api.local' "$http_url/api/v1/items") || { fetch_failed "curl for the connection line"; return; }
    read -r _ _ local_address request_bytes header_bytes body_bytes <<< "$got"
    client_port=${local_address##*:}
    if [ "${local_address%:*}" != "$client_ip" ]; then
        check_failed "curl's local address is $local_address, expected $client_ip:PORT"
        return
    fi
    if ! wait_for 5 connection_line > /dev/null; then
        check_failed "no line 'connection \"ingress http\": $local_address -> $host_lan:$http_port => $host_up:PORT -> $ingress:80, ...' within 5 s"
        return
    fi
    line=$(connection_line)
    upstream_port=$(sed -E 's/.* => [0-9.]+:([0-9]+) -> .*/\1/' <<< "$line")
    up=$(sed -E 's/.* up ([0-9]+) bytes.*/\1/' <<< "$line")
    down=$(sed -E 's/.* down ([0-9]+) bytes.*/\1/' <<< "$line")
    if [ "$up" = "$request_bytes" ] && [ "$down" = $((header_bytes + body_bytes)) ]; then
        pass "connection stats name the client $local_address and the upstream $host_up:$upstream_port: $line"
    else
        check_failed "bytes in '$line': expected up $request_bytes, down $((header_bytes + body_bytes)) (as curl counted)"
    fi
}

# --log-requests: the client's request to the ingress, by its address and port,
# with Host, path, status and the body size curl counted.
check_request_logged() {
    local got local_address body_bytes pattern
    got=$(fetch body -H 'Host: api.local' "$http_url/api/v1/items?from=e2e") || { fetch_failed "curl for the request line"; return; }
    read -r _ _ local_address _ _ body_bytes <<< "$got"
    pattern="^request \"ingress http\": ${local_address//./\\.} GET api\\.local /api/v1/items\\?from=e2e -> 200 in [0-9]+ ms \\(first byte [0-9]+ ms\\), $body_bytes bytes\$"
    if wait_for 5 grep -Eq "$pattern" "$work/pasarela.out"; then
        pass "request logged: $(grep -E "$pattern" "$work/pasarela.out")"
    else
        check_failed "no line 'request \"ingress http\": $local_address GET api.local /api/v1/items?from=e2e -> 200 in ..., $body_bytes bytes' within 5 s"
    fi
}

# The HTTPS connection stays encrypted; its ClientHello names the host and offers h2.
check_tls_logged() {
    local got local_address pattern
    got=$(fetch body --http2 --cacert "$work/tls/ca.crt" --resolve "api.local:$https_port:$host_lan" \
        "https://api.local:$https_port/api/v1/items") || { fetch_failed "https for the tls line"; return; }
    read -r _ _ local_address _ <<< "$got"
    pattern="^tls \"ingress https\": ${local_address//./\\.} server name api\\.local, alpn h2(,|\$)"
    if wait_for 5 grep -Eq "$pattern" "$work/pasarela.out"; then
        pass "tls logged: $(grep -E "$pattern" "$work/pasarela.out")"
    else
        check_failed "no line 'tls \"ingress https\": $local_address server name api.local, alpn h2...' within 5 s"
    fi
    if grep -q '^request "ingress https"' "$work/pasarela.out"; then
        check_failed "a request line for the TLS rule: it must stay opaque"
    fi
}

check_no_direct_route() {
    local rc=0
    on_client curl -sS --connect-timeout 2 --max-time 4 -o /dev/null "http://$ingress:80/" 2> "$work/direct.err" || rc=$?
    if [ "$rc" -ne 0 ]; then
        pass "the client cannot reach the ingress $ingress:80 directly (curl exit $rc: $(cat "$work/direct.err"))"
    else
        check_failed "the client reached $ingress:80 directly: the host forwards, so the test proves nothing"
    fi
}

# The capture on the host PC, as the user read it in Wireshark: the client's SYN
# to the listen port on one side, and the upstream SYN from the logged local port
# on the other; the client's direct attempt stops at the host.
check_capture() {
    local syns
    syns=$(tshark -r "$work/capture.pcapng" -Y 'tcp.flags.syn == 1 && tcp.flags.ack == 0' -T fields \
        -e frame.interface_name -e ip.src -e tcp.srcport -e ip.dst -e tcp.dstport 2>/dev/null | tr '\t' ' ') \
        || { check_failed "tshark could not read the capture"; return; }
    if [ -z "$client_port" ] || [ -z "$upstream_port" ]; then
        check_failed "capture: no client and upstream ports to look for (the stats check failed)"
        return
    fi
    local client_syn="to-client $client_ip $client_port $host_lan $http_port"
    local upstream_syn="to-cluster $host_up $upstream_port $ingress 80"
    if grep -qx "$client_syn" <<< "$syns" && grep -qx "$upstream_syn" <<< "$syns"; then
        pass "capture: '$client_syn' and '$upstream_syn'"
    else
        check_failed "capture: expected SYNs '$client_syn' and '$upstream_syn'; the SYNs were:"$'\n'"$syns"
    fi
    if grep -q "^to-cluster $client_ip " <<< "$syns"; then
        check_failed "capture: a SYN from the client $client_ip on the cluster's side"
    elif ! grep -Eq "^to-client $client_ip [0-9]+ $ingress 80\$" <<< "$syns"; then
        check_failed "capture: the client's direct attempt (SYN to $ingress:80) is not on the client's side"
    else
        pass "capture: the client's direct SYNs to $ingress:80 reached the host and went no further"
    fi
}

started=$SECONDS
make_network
make_certs
start_nginx
start_pasarela
start_capture
check_services_by_host_and_path
check_default_backend
check_request_same_as_curl
check_https_sni_http2
check_connection_logged
check_request_logged
check_tls_logged
check_no_direct_route
stop_capture
check_capture

if [ "$failures" -ne 0 ]; then
    echo "FAIL - $failures check(s) failed"
    dump_logs
    exit 1
fi
echo "PASS ($((SECONDS - started)) s)"
