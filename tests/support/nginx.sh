# Sourced after scratch.sh by the shell tests that run a real nginx as the
# ingress stand-in. Sourcing it skips the test (exit 77) when nginx or curl is
# missing. The sourcing script defines fail MESSAGE (report, then exit 1).

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
chmod 755 "$work"   # nginx workers may run as another user
nginx_pid=
nginx_port=

# nginx_conf < HTTP_BLOCK: writes $work/nginx.conf, a foreground nginx that keeps
# all its files in $work, with HTTP_BLOCK (directives, server blocks) inside http { }.
nginx_conf() {
    local user_line=
    [ "$(id -u)" -eq 0 ] && user_line="user root;"   # workers would drop to nobody otherwise
    {
        cat <<CONF
$user_line
worker_processes 1;
daemon off;
pid $work/nginx.pid;
error_log $work/error.log warn;
events { worker_connections 64; }
http {
    access_log $work/access.log;
    client_body_temp_path $work/client_body;
    proxy_temp_path $work/proxy;
    fastcgi_temp_path $work/fastcgi;
    uwsgi_temp_path $work/uwsgi;
    scgi_temp_path $work/scgi;
    default_type application/json;
CONF
        cat
        echo "}"
    } > "$work/nginx.conf"
}

# True once nginx answers HTTP on $nginx_port, or once it has exited. nginx
# writes its pid file only after binding: before that, another program may hold
# the port and answer instead.
nginx_ready() {
    kill -0 "$nginx_pid" 2>/dev/null || return 0   # exited: stop waiting
    [ -s "$work/nginx.pid" ] && curl -s --max-time 5 -o /dev/null "http://127.0.0.1:$nginx_port/"
}

# nginx_start WRITE_CONF: picks $nginx_port, runs WRITE_CONF (which writes the
# config with nginx_conf, or returns 1 to get other ports) and starts nginx.
# A port can be taken between the check and the bind: then it tries others.
nginx_start() {
    for _ in 1 2 3 4 5; do
        nginx_port=$(free_port)
        "$1" || continue
        : > "$work/error.log"
        "$nginx" -e "$work/error.log" -p "$work/" -c "$work/nginx.conf" &
        nginx_pid=$!
        pids+=("$nginx_pid")
        wait_for 15 nginx_ready || fail "nginx did not answer on 127.0.0.1:$nginx_port within 15 s"
        kill -0 "$nginx_pid" 2>/dev/null && return 0
        wait "$nginx_pid" || true
        nginx_pid=
        grep -q 'Address already in use' "$work/error.log" || fail "nginx exited at start"
    done
    fail "nginx found no free port in 5 attempts"
}
