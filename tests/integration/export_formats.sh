#!/usr/bin/env bash
# `pasarela export` with the tools that take its output: the YAML formats parse
# (python3-yaml) with the fields Kubernetes requires, the systemd unit passes
# `systemd-analyze verify`, a socat line relays bytes; and the verb's exit codes.
# usage: export_formats.sh PATH_TO_PASARELA   (exit 77: a tool missing, unless CI=true)
set -euo pipefail

pasarela=${1:?usage: export_formats.sh PATH_TO_PASARELA}
here=$(dirname "${BASH_SOURCE[0]}")
source "$here/../support/scratch.sh"
source "$here/export_tools.sh"

# Debian's python, with python3-yaml, not whatever python3 comes first on PATH.
python=/usr/bin/python3
need "$python -c 'import yaml'" python3-yaml
need "systemd-analyze --version" systemd
need "socat -V" socat
start_echo
socat_port=$(free_port)

cat > "$work/rules.json" <<JSON
{
  "version": 1,
  "rules": [
    {"name": "echo", "listen": "127.0.0.1:$socat_port", "target": "127.0.0.1:$echo_port",
     "allow": ["127.0.0.0/8"], "connectTimeoutMs": 1500, "idleTimeoutS": 30},
    {"name": "web", "listen": "0.0.0.0:30080", "target": "192.168.49.2:31080", "allow": ["192.168.0.0/16"],
     "origin": {"context": "minikube", "namespace": "shop", "service": "web", "portName": "http",
                "port": 80, "nodePort": 31080}},
    {"name": "db", "listen": "[::]:5432", "target": "192.168.49.2:30432",
     "origin": {"context": "minikube", "namespace": "data", "service": "postgres", "port": 5432, "nodePort": 30432}},
    {"name": "off", "listen": "127.0.0.1:9999", "target": "127.0.0.1:9", "enabled": false,
     "origin": {"context": "minikube", "namespace": "x", "service": "off", "port": 9}}
  ]
}
JSON
cat > "$work/local.json" <<JSON
{"version": 1, "rules": [{"name": "echo", "listen": "127.0.0.1:$socat_port", "target": "127.0.0.1:$echo_port"},
                         {"name": "off", "listen": "127.0.0.1:9999", "target": "127.0.0.1:9", "enabled": false}]}
JSON

# expect CODE ARGS...: runs `pasarela export ARGS...`, output in $work/out and $work/err.
expect() {
    local code=$1 got=0; shift
    "$pasarela" export "$@" > "$work/out" 2> "$work/err" || got=$?
    [ "$got" = "$code" ] || fail "pasarela export $* exited with $got, not $code: $(cat "$work/err")"
}

# The verb itself.
expect 0 --help
grep -q 'nginx|tcp-services|service|socat|systemd' "$work/out" || fail "--help does not list the formats"
grep -q '^  3  nothing to export' "$work/out" || fail "--help does not list the exit codes"
expect 2 --config "$work/rules.json"
grep -q -- '--format is required' "$work/err" || fail "no word on the missing --format: $(cat "$work/err")"
expect 2 --format yaml --config "$work/rules.json"
expect 2 --format nginx --config "$work/missing.json"
expect 2 --format nginx --config "$work/rules.json" --rule nosuch
grep -q 'no rule named "nosuch"' "$work/err" || fail "the unknown rule is not named: $(cat "$work/err")"
expect 2 --format systemd --config "$work/rules.json" --rule echo
expect 3 --format nginx --config "$work/rules.json" --rule off
expect 3 --format service --config "$work/local.json"
grep -q 'not made from a cluster Service' "$work/err" || fail "no reason for exit 3: $(cat "$work/err")"
expect 2 --format nginx --config "$work/rules.json" --output "$work"
expect 0 --format nginx --config "$work/rules.json" --output "$work/out.conf"
[ ! -s "$work/out" ] && grep -q '^stream {$' "$work/out.conf" || fail "--output did not get the export"

# The YAML formats, read as kubectl would read them.
check_yaml() {
    "$python" - "$@" <<'PY'
import json, re, sys, yaml

kind, path, service_type = sys.argv[1], sys.argv[2], (sys.argv[3] if len(sys.argv) > 3 else None)
text = open(path).read()
docs = [d for d in yaml.safe_load_all(text) if d is not None]
label = re.compile(r'^[a-z]([-a-z0-9]{0,61}[a-z0-9])?$')

def check(condition, message):
    if not condition:
        sys.exit(f"{path}: {message}")

for doc in docs:
    check(doc.get('apiVersion') == 'v1', f"apiVersion {doc.get('apiVersion')!r}")
    check(doc.get('kind') == kind, f"kind {doc.get('kind')!r}")
    meta = doc.get('metadata') or {}
    check(isinstance(meta.get('name'), str) and label.match(meta['name']), f"metadata.name {meta.get('name')!r}")
    check(isinstance(meta.get('namespace'), str) and label.match(meta['namespace']), "metadata.namespace")

if kind == 'ConfigMap':
    check(len(docs) == 1, f"{len(docs)} documents")
    data = docs[0].get('data')
    check(data == {'30080': 'shop/web:80', '5432': 'data/postgres:5432'}, f"data {data!r}")
    # The controller's ports to add: the JSON patch in the comment.
    patch = re.search(r"--type=json -p '(\[.*\])'", text)
    check(patch, "no kubectl patch for the controller's ports")
    ports = sorted(op['value']['port'] for op in json.loads(patch.group(1)))
    check(ports == [5432, 30080], f"patched ports {ports}")
else:
    check(len(docs) == 2, f"{len(docs)} documents")
    by_name = {d['metadata']['name']: d for d in docs}
    check(set(by_name) == {'web-30080', 'postgres-5432'}, f"names {sorted(by_name)}")
    for doc in docs:
        spec = doc['spec']
        check(spec.get('type') == service_type, f"type {spec.get('type')!r}")
        for port in spec['ports']:
            check(isinstance(port.get('port'), int) and 0 < port['port'] < 65536, f"port {port!r}")
            check(port.get('protocol') == 'TCP' and isinstance(port.get('targetPort'), int), f"port {port!r}")
    web = by_name['web-30080']['spec']
    check(web['ports'][0]['targetPort'] == 80 and web['ports'][0]['name'] == 'http', "web's port")
    if service_type == 'LoadBalancer':
        check(web.get('loadBalancerSourceRanges') == ['192.168.0.0/16'], "web's source ranges")
    else:
        check(web['ports'][0].get('nodePort') == 30080, "web's nodePort")
        check('nodePort' not in by_name['postgres-5432']['spec']['ports'][0], "a nodePort outside the range")
PY
}
expect 0 --format tcp-services --config "$work/rules.json"
check_yaml ConfigMap "$work/out" || fail "the tcp-services export"
expect 0 --format service --config "$work/rules.json"
check_yaml Service "$work/out" LoadBalancer || fail "the service export"
expect 0 --format service --service-type NodePort --config "$work/rules.json"
check_yaml Service "$work/out" NodePort || fail "the NodePort service export"

# The unit: ExecStart is this very binary, so systemd-analyze finds it.
expect 0 --format systemd --config "$work/rules.json" --output "$work/pasarela-export.service"
grep -q "^ExecStart=$pasarela --headless --config $work/rules.json\$" "$work/pasarela-export.service" \
    || fail "ExecStart: $(grep ExecStart "$work/pasarela-export.service")"
systemd-analyze verify "$work/pasarela-export.service" > "$work/verify.log" 2>&1 \
    || fail "systemd-analyze verify: $(cat "$work/verify.log")"

# A socat line, run as written, relays bytes (with a half-close) to the echo server.
expect 0 --format socat --config "$work/rules.json" --rule echo
line=$(grep '^socat ' "$work/out") || fail "no socat line"
bash -c "exec $line" 2> "$work/socat.log" &
pids+=($!)
wait_for 10 listening "$socat_port" || fail "the exported socat did not listen on $socat_port"
relay_check "$socat_port"

echo "PASS: the verb's exit codes, YAML for Kubernetes, systemd-analyze verify, a socat line relaying bytes"
