# Sourced by the shell tests and benchmarks: a scratch folder and background
# processes that go away on exit, free ports, and polling with a deadline.

work=$(mktemp -d)
pids=()
cleanup() {
    # Pasarela windows started on files of the scratch folder go first, so that
    # xvfb-run sees its program end and stops its X server itself.
    pkill -f -- "^[^ ]*/pasarela .*$work/" 2>/dev/null || true
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

listening() { ss -Htln "sport = :$1" | grep -q .; }

free_port() {
    local port
    while :; do
        # Below the kernel's ephemeral range, and not used by any socket.
        port=$(shuf -i 20000-32000 -n 1)
        [ "$port" != 31042 ] || continue  # the demo's fixed port
        ss -Htan "sport = :$port" | grep -q . || { echo "$port"; return; }
    done
}

# wait_for SECONDS COMMAND...: polls COMMAND until it succeeds; fails after SECONDS.
wait_for() {
    local deadline=$((SECONDS + $1)); shift
    until "$@"; do
        [ $SECONDS -lt $deadline ] || return 1
        sleep 0.1
    done
}
