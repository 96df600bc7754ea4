# Sourced by the fake minikube and kubectl: prints the answer to one call from
# fixtures/$PASARELA_FAKE_CLUSTER/KEY.{out,err,rc,sleep}, falling back to the
# "running" case for the calls a case does not change. With
# PASARELA_FAKE_CLUSTER_ANSWERS set (a folder, or a link to one that a test
# swaps while a program runs), KEY.* there wins over both. With
# PASARELA_FAKE_CLUSTER_LOG set, each call appends its KEY to that file. Bash
# builtins only, so the fakes work with a PATH that holds nothing else.
fake_dir=${PASARELA_FAKE_CLUSTER_DIR:-${BASH_SOURCE[0]%/*}}
fake_case=${PASARELA_FAKE_CLUSTER:-running}
fake_answers=
# Resolved once, so one call reads one version of the test's answers.
if [[ -n $PASARELA_FAKE_CLUSTER_ANSWERS ]]; then
    fake_answers=$(cd -P "$PASARELA_FAKE_CLUSTER_ANSWERS" && pwd) || exit 70
fi

answer() {
    local key=$1 base
    if [[ -n $PASARELA_FAKE_CLUSTER_LOG ]]; then
        printf '%s\n' "$key" >>"$PASARELA_FAKE_CLUSTER_LOG"
    fi
    for base in ${fake_answers:+"$fake_answers/$key"} "$fake_dir/fixtures/$fake_case/$key" \
        "$fake_dir/fixtures/running/$key" ""; do
        if [[ -z $base ]] || compgen -G "$base.*" >/dev/null; then
            break
        fi
    done
    if [[ -z $base ]]; then
        printf 'fake: no fixture for %s in case "%s"\n' "$key" "$fake_case" >&2
        exit 70
    fi
    if [[ -f $base.sleep ]]; then
        exec sleep "$(<"$base.sleep")"
    fi
    if [[ -f $base.out ]]; then printf '%s\n' "$(<"$base.out")"; fi
    if [[ -f $base.err ]]; then printf '%s\n' "$(<"$base.err")" >&2; fi
    local rc=0
    if [[ -f $base.rc ]]; then rc=$(<"$base.rc"); fi
    exit "$rc"
}

unexpected() {
    printf 'fake %s: unexpected arguments: %s\n' "$1" "${*:2}" >&2
    exit 64
}
