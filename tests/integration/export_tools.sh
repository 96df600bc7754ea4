# Sourced (after ../support/scratch.sh) by the export tests. Defines fail MESSAGE.

fail() {
    echo "FAIL: $*"
    for f in "$work"/*.log "$work"/prefix/*.log; do
        [ -s "$f" ] && { echo "--- $f"; cat "$f"; }
    done
    exit 1
}

# need CHECK_COMMAND PACKAGE: skips the test (77) when the tool is missing; fails under CI.
need() {
    bash -c "$1" >/dev/null 2>&1 && return 0
    if [ "${CI:-}" = true ]; then
        echo "FAIL: '$1' does not work: CI must have package $2 (apt-get install $2)"
        exit 1
    fi
    echo "SKIP: '$1' does not work (apt-get install $2)"
    exit 77
}

# start_echo: an echo server (socat, a cat per connection) on 127.0.0.1:$echo_port.
start_echo() {
    echo_port=$(free_port)
    socat "TCP-LISTEN:$echo_port,bind=127.0.0.1,reuseaddr,fork" EXEC:cat 2>"$work/echo.log" &
    pids+=($!)
    wait_for 10 listening "$echo_port" || fail "the echo server did not listen on $echo_port"
}

# relay_check PORT: 256 KiB through 127.0.0.1:PORT, the client half-closes after
# sending, and the echo must come back whole.
relay_check() {
    head -c 262144 /dev/urandom > "$work/payload.bin"
    timeout 30 socat -t 20 - "TCP:127.0.0.1:$1" < "$work/payload.bin" > "$work/echoed.bin" \
        || fail "the client through port $1 failed"
    cmp "$work/payload.bin" "$work/echoed.bin" || fail "the bytes through port $1 differ from those sent"
}
