#!/usr/bin/env bash
# Pasarela against a direct connection, socat and nginx's stream proxy, in one run
# on loopback: iperf3 streams, wrk request rates, memory per idle connection, and
# the window's event-loop lag. Prints a table and Pasarela's ratios to the others.
#   bash tests/bench/compare.sh            (as root: installs what is missing)
# Environment: BENCH_SECONDS (per measurement, default 5), BENCH_ROUNDS (default 2),
# BENCH_CASES (default "streams rates memory lag": leave some out for a quicker run).
# The same build also runs on Qt's own event dispatcher (PASARELA_DISPATCHER=qt), so
# the gain of the epoll dispatcher is measured, not assumed.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/../.."
seconds=${BENCH_SECONDS:-5}
rounds=${BENCH_ROUNDS:-2}
cases=" ${BENCH_CASES:-streams rates memory lag} "
measured() { [[ "$cases" == *" $1 "* ]]; }

# --- what it needs ----------------------------------------------------------
packages=(iperf3 wrk socat nginx libnginx-mod-stream xvfb xauth iproute2 procps cmake g++ make
          pkg-config qt6-base-dev qt6-charts-dev libqt6opengl6-dev libgl-dev libqrencode-dev zlib1g-dev fonts-dejavu-core)
missing=()
for pkg in "${packages[@]}"; do
    [ "$(dpkg-query -W -f='${db:Status-Status}' "$pkg" 2>/dev/null)" = installed ] || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
    if [ "$(id -u)" -ne 0 ]; then
        echo "compare: missing ${missing[*]}: run as root, or apt-get install them" >&2
        exit 1
    fi
    echo "compare: installing ${missing[*]}" >&2
    DEBIAN_FRONTEND=noninteractive apt-get update -q >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}" >/dev/null
fi
# 10,000 held connections need about 40,000 descriptors across the processes.
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"

cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j"$(nproc)" --target pasarela bench_hold >/dev/null
pasarela=$PWD/build/app/pasarela
hold=$PWD/build/tests/bench/bench_hold

source tests/support/scratch.sh
chmod 755 "$work"

started() {
    wait_for 20 listening "$1" || { echo "compare: nothing listens on $1" >&2; exit 1; }
}

# --- targets: iperf3 and an nginx JSON endpoint -----------------------------
iperf_port=$(free_port)
http_port=$(free_port)
iperf3 -s -p "$iperf_port" >/dev/null 2>&1 &
pids+=($!)
# start_nginx NAME "MAIN DIRECTIVES" "CONFIG": an nginx of its own in $work/NAME,
# with room for the 10,000-connection case; sets nginx_pid.
start_nginx() {
    mkdir -p "$work/$1"
    cat > "$work/$1/nginx.conf" <<EOF
$2
worker_processes auto;
worker_rlimit_nofile 65536;
pid $work/$1/nginx.pid;
error_log $work/$1/error.log;
events { worker_connections 30000; }
$3
EOF
    nginx -c "$work/$1/nginx.conf" -g 'daemon off;' &
    nginx_pid=$!
    pids+=($nginx_pid)
}
start_nginx origin "" "
http {
    access_log off;
    keepalive_requests 1000000;
    server {
        listen 127.0.0.1:$http_port backlog=4096;
        location / {
            default_type application/json;
            return 200 '{\"items\":[{\"id\":1,\"name\":\"alpha\"},{\"id\":2,\"name\":\"beta\"}],\"pod\":\"api-7d4b9c-x2k\"}';
        }
    }
}"

# --- the relays, each on two ports: one to iperf3, one to the JSON endpoint --
declare -A iperf_via http_via
iperf_via[direct]=$iperf_port
http_via[direct]=$http_port

iperf_via[socat]=$(free_port)
http_via[socat]=$(free_port)
socat "TCP-LISTEN:${iperf_via[socat]},bind=127.0.0.1,fork,reuseaddr" "TCP:127.0.0.1:$iperf_port" &
pids+=($!)
socat "TCP-LISTEN:${http_via[socat]},bind=127.0.0.1,fork,reuseaddr" "TCP:127.0.0.1:$http_port" &
pids+=($!)
socat_http_pid=$!

iperf_via[nginx]=$(free_port)
http_via[nginx]=$(free_port)
# The stream proxy with its defaults; only the connection limit is raised, for the 10,000-connection case.
start_nginx stream "load_module /usr/lib/nginx/modules/ngx_stream_module.so;" "
stream {
    server { listen 127.0.0.1:${iperf_via[nginx]}; proxy_pass 127.0.0.1:$iperf_port; }
    server { listen 127.0.0.1:${http_via[nginx]}; proxy_pass 127.0.0.1:$http_port; }
}"
nginx_stream_pid=$nginx_pid

iperf_via[pasarela]=$(free_port)
http_via[pasarela]=$(free_port)
cat > "$work/rules.json" <<JSON
{"version": 1, "rules": [
  {"name": "iperf3", "listen": "127.0.0.1:${iperf_via[pasarela]}", "target": "127.0.0.1:$iperf_port"},
  {"name": "http", "listen": "127.0.0.1:${http_via[pasarela]}", "target": "127.0.0.1:$http_port", "inspectHttp": false}
]}
JSON
"$pasarela" --headless --config "$work/rules.json" >/dev/null &
pids+=($!)
pasarela_pid=$!
# The same rule inspecting HTTP, for the cost of inspection (#10); a process of its
# own, so that the records it made do not blur the memory measured on the other.
inspect_port=$(free_port)
cat > "$work/inspect.json" <<JSON
{"version": 1, "rules": [
  {"name": "http inspected", "listen": "127.0.0.1:$inspect_port", "target": "127.0.0.1:$http_port", "inspectHttp": true}
]}
JSON
"$pasarela" --headless --config "$work/inspect.json" >/dev/null &
pids+=($!)
# The same rule with a fault that applies to no connection (toxicity 0): what the
# fault checks cost a rule whose connections get none (#19).
faults_port=$(free_port)
cat > "$work/faults.json" <<JSON
{"version": 1, "rules": [
  {"name": "http with faults", "listen": "127.0.0.1:$faults_port", "target": "127.0.0.1:$http_port", "inspectHttp": false,
   "faults": [{"type": "latency", "latencyMs": 100, "toxicity": 0}]}
]}
JSON
"$pasarela" --headless --config "$work/faults.json" >/dev/null &
pids+=($!)
# The same rule on Qt's own event dispatcher.
qt_port=$(free_port)
cat > "$work/qt.json" <<JSON
{"version": 1, "rules": [
  {"name": "http on Qt's dispatcher", "listen": "127.0.0.1:$qt_port", "target": "127.0.0.1:$http_port", "inspectHttp": false}
]}
JSON
PASARELA_DISPATCHER=qt "$pasarela" --headless --config "$work/qt.json" >/dev/null &
pids+=($!)

relays=(direct socat nginx pasarela)
for relay in "${relays[@]}"; do
    started "${iperf_via[$relay]}"
    started "${http_via[$relay]}"
done
started "$inspect_port"
started "$faults_port"
started "$qt_port"

# --- measurements -------------------------------------------------------------
declare -A sum count
record() {  # record CASE RELAY VALUE
    sum[$1,$2]=$(awk -v a="${sum[$1,$2]:-0}" -v b="$3" 'BEGIN { print a + b }')
    count[$1,$2]=$(( ${count[$1,$2]:-0} + 1 ))
}
mean() { awk -v a="${sum[$1,$2]:-0}" -v n="${count[$1,$2]:-0}" 'BEGIN { if (n) printf "%.2f", a / n; else print "-" }'; }

iperf_gbits() {  # PORT STREAMS
    iperf3 -c 127.0.0.1 -p "$1" -P "$2" -t "$seconds" -f g 2>/dev/null \
        | awk '/receiver/ { v = $(NF-2) } END { print v + 0 }'
}
# Milliseconds from wrk's "50%  1.23ms" lines.
wrk_ms() { awk -v p="$2" '$1 == p { v = $2; if (v ~ /us$/) v = v / 1000; else if (v ~ /ms$/) v = v + 0; else if (v ~ /s$/) v = v * 1000; print v + 0 }' "$1"; }

# Keep-alive requests while 5,000 idle connections are held open through the same
# relay: what the epoll dispatcher is for (Qt's polls every descriptor on each wake-up).
keepalive_with_idle() {  # NAME PORT
    coproc IDLE { "$hold" "$2" 5000; }
    read -r _ _ <&"${IDLE[0]}"
    wrk -t2 -c50 -d"${seconds}s" "http://127.0.0.1:$2/api" >"$work/wrk.txt"
    record idle "$1" "$(awk '/^Requests\/sec/ { print $2 }' "$work/wrk.txt")"
    echo go >&"${IDLE[1]}"
    read -r _ _ <&"${IDLE[0]}" || true
    wait "$IDLE_PID" || true
}

for round in $(seq "$rounds"); do
    echo "round $round of $rounds..." >&2
    if measured streams; then
        for relay in "${relays[@]}"; do
            record stream1 "$relay" "$(iperf_gbits "${iperf_via[$relay]}" 1)"
        done
        for relay in "${relays[@]}"; do
            record stream4 "$relay" "$(iperf_gbits "${iperf_via[$relay]}" 4)"
        done
    fi
    measured rates || continue
    for relay in "${relays[@]}"; do
        wrk -t2 -c50 -d"${seconds}s" --latency "http://127.0.0.1:${http_via[$relay]}/api" >"$work/wrk.txt"
        record keepalive "$relay" "$(awk '/^Requests\/sec/ { print $2 }' "$work/wrk.txt")"
        record p50 "$relay" "$(wrk_ms "$work/wrk.txt" 50%)"
        record p99 "$relay" "$(wrk_ms "$work/wrk.txt" 99%)"
    done
    # Right after Pasarela without inspection, to the same target.
    wrk -t2 -c50 -d"${seconds}s" --latency "http://127.0.0.1:$inspect_port/api" >"$work/wrk.txt"
    record keepalive inspect "$(awk '/^Requests\/sec/ { print $2 }' "$work/wrk.txt")"
    record p99 inspect "$(wrk_ms "$work/wrk.txt" 99%)"
    wrk -t2 -c50 -d"${seconds}s" "http://127.0.0.1:$qt_port/api" >"$work/wrk.txt"
    record keepalive qt "$(awk '/^Requests\/sec/ { print $2 }' "$work/wrk.txt")"
    for relay in "${relays[@]}"; do
        wrk -t2 -c20 -d"${seconds}s" -H 'Connection: close' "http://127.0.0.1:${http_via[$relay]}/api" >"$work/wrk.txt"
        record close "$relay" "$(awk '/^Requests\/sec/ { print $2 }' "$work/wrk.txt")"
    done
    wrk -t2 -c20 -d"${seconds}s" -H 'Connection: close' "http://127.0.0.1:$faults_port/api" >"$work/wrk.txt"
    record close faults "$(awk '/^Requests\/sec/ { print $2 }' "$work/wrk.txt")"
    wrk -t2 -c20 -d"${seconds}s" -H 'Connection: close' "http://127.0.0.1:$qt_port/api" >"$work/wrk.txt"
    record close qt "$(awk '/^Requests\/sec/ { print $2 }' "$work/wrk.txt")"
    keepalive_with_idle pasarela "${http_via[pasarela]}"
    keepalive_with_idle qt "$qt_port"
done

# Resident memory (KiB) of a relay: its process and all its children.
rss_kib() {
    local total=0 pid
    for pid in "$1" $(pgrep -P "$1" || true); do
        total=$((total + $(awk '/^VmRSS/ { print $2 }' "/proc/$pid/status" 2>/dev/null || echo 0)))
    done
    echo "$total"
}

# Memory per idle connection (KiB) for N connections held through PORT, whose relay is PID.
declare -A memory relayed
hold_idle() {  # RELAY PORT PID N
    local before after held
    before=$(rss_kib "$3")
    coproc HOLD { "$hold" "$2" "$4"; }
    read -r _ held <&"${HOLD[0]}"
    after=$(rss_kib "$3")
    memory[$1,$4]=$(awk -v a="$after" -v b="$before" -v n="$held" 'BEGIN { printf "%.1f", (a - b) / n }')
    echo go >&"${HOLD[1]}"
    read -r _ ok <&"${HOLD[0]}" || ok=0
    wait "$HOLD_PID" || true
    relayed[$1,$4]="$ok/$held held"
}
if measured memory; then
    echo "memory per idle connection..." >&2
    for n in 5000 10000; do
        # A fresh process for each count: one that ran the cases above (or the count
        # before) has freed memory to reuse, and would seem to need none per connection.
        memory_port=$(free_port)
        "$pasarela" --headless --forward "$memory_port=127.0.0.1:$http_port" >/dev/null &
        memory_pid=$!
        pids+=($memory_pid)
        started "$memory_port"
        hold_idle pasarela "$memory_port" "$memory_pid" "$n"
        kill "$memory_pid"
        hold_idle nginx "${http_via[nginx]}" "$nginx_stream_pid" "$n"
    done
    # socat forks a process per connection: measured at 1,000.
    hold_idle socat "${http_via[socat]}" "$socat_http_pid" 1000
fi

lag=-
if measured lag; then
    echo "GUI event-loop lag..." >&2
    lag=$(bash tests/bench/gui_lag.sh "$pasarela" "$seconds" | sed -n 's/.*p99 \([0-9.]*\) ms.*/\1/p')
fi

# --- report -------------------------------------------------------------------
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2fx", a / b; else print "-" }'; }
ratio_inv() { awk -v a="$1" -v b="$2" 'BEGIN { if (a > 0) printf "%.2fx", b / a; else print "-" }'; }
echo
echo "Pasarela $("$pasarela" --version | cut -d' ' -f2), $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')), kernel $(uname -r)"
echo "$rounds rounds of ${seconds}s each, interleaved; means shown. nginx: worker_processes auto."
echo
printf '| %-34s | %9s | %9s | %9s | %9s | %-28s |\n' case direct socat "nginx" pasarela "pasarela vs socat / nginx / direct"
printf '|%s|%s|%s|%s|%s|%s|\n' "$(printf -- '-%.0s' {1..36})" -----------  ----------- ----------- ----------- "$(printf -- '-%.0s' {1..30})"
row() {  # LABEL CASE [inverse: lower is better]
    local d s n p
    d=$(mean "$2" direct); s=$(mean "$2" socat); n=$(mean "$2" nginx); p=$(mean "$2" pasarela)
    if [ "${3:-}" = inverse ]; then
        printf '| %-34s | %9s | %9s | %9s | %9s | %-28s |\n' "$1" "$d" "$s" "$n" "$p" \
            "$(ratio_inv "$p" "$s") / $(ratio_inv "$p" "$n") / $(ratio_inv "$p" "$d")"
    else
        printf '| %-34s | %9s | %9s | %9s | %9s | %-28s |\n' "$1" "$d" "$s" "$n" "$p" \
            "$(ratio "$p" "$s") / $(ratio "$p" "$n") / $(ratio "$p" "$d")"
    fi
}
row "iperf3, 1 stream (Gbit/s)" stream1
row "iperf3, 4 streams (Gbit/s)" stream4
row "wrk keep-alive, 50 conns (req/s)" keepalive
row "  latency p50 (ms)" p50 inverse
row "  latency p99 (ms)" p99 inverse
row "wrk Connection: close, 20 (conn/s)" close
on=$(mean keepalive inspect); off=$(mean keepalive pasarela)
printf '| %-34s | %9s | %9s | %9s | %9s | %-28s |\n' "  inspection on / off (req/s)" - - - "$on" \
    "off $off: on/off $(ratio "$on" "$off"), p99 on $(mean p99 inspect) ms"
fc=$(mean close faults)
printf '| %-34s | %9s | %9s | %9s | %9s | %-28s |\n' "  faults at toxicity 0 (conn/s)" - - - "$fc" \
    "none $(mean close pasarela): $(ratio "$fc" "$(mean close pasarela)")"
qk=$(mean keepalive qt); qc=$(mean close qt)
printf '| %-34s | %9s | %9s | %9s | %9s | %-28s |\n' "  on Qt's dispatcher: keep-alive" - - - "$qk" \
    "epoll / Qt's: $(ratio "$off" "$qk")"
printf '| %-34s | %9s | %9s | %9s | %9s | %-28s |\n' "  on Qt's dispatcher: close (conn/s)" - - - "$qc" \
    "epoll / Qt's: $(ratio "$(mean close pasarela)" "$qc")"
qi=$(mean idle qt); ei=$(mean idle pasarela)
printf '| %-34s | %9s | %9s | %9s | %9s | %-28s |\n' "  keep-alive, 5,000 idle open" - - - "$ei" \
    "on Qt's $qi: epoll / Qt's $(ratio "$ei" "$qi")"
for n in 5000 10000; do
    printf '| %-34s | %9s | %9s | %9s | %9s | %-28s |\n' "memory per idle conn, $n (KiB)" - \
        "$([ "$n" = 5000 ] && echo "${memory[socat,1000]:--}*" || echo -)" "${memory[nginx,$n]:--}" "${memory[pasarela,$n]:--}" \
        "relayed: pasarela ${relayed[pasarela,$n]:--}, nginx ${relayed[nginx,$n]:--}"
done
printf '| %-34s | %9s | %9s | %9s | %9s | %-28s |\n' "GUI event-loop lag p99 (ms)" - - - "$lag" "under iperf3, window visible"
echo
echo "* socat forks a process per connection; its memory is measured with 1,000 connections (relayed ${relayed[socat,1000]:--})."
echo "Targets: 1 stream >= 2.5x socat, 1.5x nginx, 0.6x direct; keep-alive >= 1.2x nginx;"
echo "new connections >= 1.2x nginx, 3.5x socat; <= 16 KiB per idle connection; lag p99 < 50 ms;"
echo "keep-alive with HTTP inspection on >= 0.90x off; a rule whose faults skip a connection as fast as one without."
