#!/usr/bin/env bash
# The GUI thread's event-loop lag while relaying at full speed: the window is
# visible under Xvfb with the connections table live, iperf3 runs through a rule,
# and the window's LagProbe (PASARELA_LAG_LOG) records how late a 10 ms timer fires.
#   tests/bench/gui_lag.sh [PASARELA_BINARY] [SECONDS] [STREAMS]
# Prints p50 / p99 / max lag in ms; the goal is p99 under 50 ms.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/../.."
binary=$(realpath "${1:-build/app/pasarela}")
seconds=${2:-10}
streams=${3:-1}
missing=()
for tool in iperf3 xvfb-run ss pkill; do command -v "$tool" >/dev/null || missing+=("$tool"); done
if [ ${#missing[@]} -gt 0 ]; then
    echo "gui_lag: missing ${missing[*]}: apt-get install iperf3 xvfb xauth iproute2 procps" >&2
    exit 1
fi
[ -x "$binary" ] || { echo "gui_lag: no binary at $binary: build first (bash packaging/quickstart.sh test)" >&2; exit 1; }

source tests/support/scratch.sh
wait_listening() {
    wait_for 20 listening "$1" || { echo "gui_lag: nothing listens on $1" >&2; exit 1; }
}

server=$(free_port)
listen=$(free_port)
iperf3 -s -p "$server" >/dev/null 2>&1 &
pids+=($!)
cat > "$work/rules.json" <<JSON
{"version": 1, "rules": [{"name": "iperf3", "listen": "127.0.0.1:$listen", "target": "127.0.0.1:$server"}]}
JSON

PASARELA_LAG_LOG="$work/lag.txt" XDG_CONFIG_HOME="$work/config" \
    xvfb-run -a -s "-screen 0 1280x800x24" "$binary" --config "$work/rules.json" >"$work/app.log" 2>&1 &
# Not in pids: killing xvfb-run would leave the window and Xvfb behind; cleanup ends the window instead.
wait_listening "$server"
wait_listening "$listen"
# Lag samples from here on are the ones under load.
until [ -s "$work/lag.txt" ]; do sleep 0.1; done
before=$(wc -l <"$work/lag.txt")
rate=$(iperf3 -c 127.0.0.1 -p "$listen" -t "$seconds" -P "$streams" -f g | awk '/receiver/ {r = $(NF-2) " " $(NF-1)} END {print r}')
sleep 1.1  # the probe flushes once a second
tail -n +"$((before + 1))" "$work/lag.txt" | sort -n >"$work/sorted.txt"
count=$(wc -l <"$work/sorted.txt")
[ "$count" -gt 0 ] || { echo "gui_lag: the probe recorded nothing" >&2; exit 1; }
pick() { sed -n "$(( ($1 * count + 99) / 100 ))p" "$work/sorted.txt"; }
echo "machine: $(nproc) cores, $(uname -r)"
echo "iperf3 through the rule ($streams stream(s)), window visible: $rate over ${seconds}s"
printf 'GUI event-loop lag (%d samples): p50 %s ms, p99 %s ms, max %s ms (goal: p99 < 50 ms)\n' \
    "$count" "$(pick 50)" "$(pick 99)" "$(tail -n 1 "$work/sorted.txt")"
