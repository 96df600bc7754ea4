#!/usr/bin/env bash
# Fuzzes the parsers that read outside input with libFuzzer (clang, ASan, UBSan),
# then replays the regression cases. The repository is not modified: each run
# starts from a copy of the seed corpus.
#
#   tests/fuzz/run.sh [SECONDS_EACH] [NAME...]   (default: 300 s each, all fuzzers)
#
# Build folder: $PASARELA_FUZZ_BUILD (default build-fuzz in the repository).
# On a crash, the scratch folder with logs and crashing inputs is kept and named
# at the end (PASARELA_FUZZ_KEEP=1 keeps it always); once the bug is fixed, keep
# the input under tests/fuzz/regressions/NAME/.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
seconds=${1:-300}
[ $# -gt 0 ] && shift
names=("$@")
[ ${#names[@]} -eq 0 ] && names=(rules address curl json commandline inspect)
build=${PASARELA_FUZZ_BUILD:-$repo/build-fuzz}

# Longest input per fuzzer: enough for a real file or command, small enough to stay fast.
max_len() {
    case "$1" in
        address) echo 256 ;;
        commandline) echo 2048 ;;
        *) echo 16384 ;;
    esac
}

source "$here/../../packaging/install_missing.sh"

# libclang-rt-14-dev holds libFuzzer and the sanitizer runtimes for Debian 12's clang.
install_missing cmake make clang libclang-rt-14-dev qt6-base-dev

CC=clang CXX=clang++ cmake -S "$here" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
targets=()
for name in "${names[@]}"; do targets+=("fuzz_$name"); done
cmake --build "$build" -j"$(nproc 2>/dev/null || echo 2)" --target "${targets[@]}"

# save() of the rules fuzzer syncs every file: a RAM disk keeps that cheap.
scratch_parent=${TMPDIR:-/tmp}
[ -d /dev/shm ] && [ -w /dev/shm ] && scratch_parent=/dev/shm
scratch=$(mktemp -d "$scratch_parent/pasarela-fuzz.XXXXXX")
export TMPDIR=$scratch

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

failed=0
summary=()
for name in "${names[@]}"; do
    fuzzer="$build/fuzz_$name"
    work="$scratch/$name"
    mkdir -p "$work/corpus" "$work/artifacts"
    cp -R "$here/corpus/$name/." "$work/corpus/"
    log="$work/fuzz.log"
    echo "fuzz: $name for ${seconds} s (log: $log)" >&2
    result=ok
    # Run in its own folder: -d @FILE in the command-line fuzzer reads relative paths.
    if ! (cd "$work" && "$fuzzer" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
            -max_len="$(max_len "$name")" -print_final_stats=1 -artifact_prefix="$work/artifacts/" \
            corpus >"$log" 2>&1); then
        result="CRASH: $(ls "$work/artifacts" | head -1) (see $log)"
        failed=1
    fi

    # Replayed with the fuzzer binary too, so ASan and UBSan see them.
    regressions=()
    if [ -d "$here/regressions/$name" ]; then
        mapfile -t regressions < <(find "$here/regressions/$name" -type f | sort)
    fi
    if [ ${#regressions[@]} -gt 0 ]; then
        if ! (cd "$work" && "$fuzzer" -timeout=10 -rss_limit_mb=2048 "${regressions[@]}" >"$work/regressions.log" 2>&1); then
            result="$result; REGRESSION failed (see $work/regressions.log)"
            failed=1
        fi
    fi

    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
    cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | cut -d' ' -f2)
    summary+=("fuzz_$name: ${seconds} s, ${runs:-?} runs (${speed:-?}/s), coverage ${cov:-?} edges, ${#regressions[@]} regression cases: $result")
done

printf '%s\n' "${summary[@]}"
if [ "$failed" -eq 0 ] && [ -z "${PASARELA_FUZZ_KEEP:-}" ]; then
    rm -rf "$scratch"
else
    echo "fuzz: logs, grown corpora and any crashing inputs in $scratch"
fi
exit "$failed"
