#!/usr/bin/env bash
# Runs every libFuzzer target for SECONDS each, FUZZ_JOBS at a time (one per core by default),
# seeded from tests/data and resources/ (copied to a scratch corpus, so the repository stays
# clean), and prints one line per target: executions, the corpus it grew to, and whether it
# crashed, leaked or timed out. Exit 1 when any target failed;
# the crashing input is kept under OUT (default: a scratch folder, printed).
#   tests/fuzz/run.sh BUILD_DIR SECONDS [OUT] [TARGET…]   (no TARGET: all of them)
set -uo pipefail
build=$1
seconds=$2
root=$(cd "$(dirname "$0")/../.." && pwd)
out=${3:-$(mktemp -d)}
shift 3 2>/dev/null || shift $#
only=" $* "
mkdir -p "$out"
seeds() { # target → the folders and files of its seed corpus
    case $1 in
        prometheus) echo "$root/tests/data/prometheus" ;;
        alertmanager) echo "$root/tests/data/alertmanager" ;;
        health) echo "$root/tests/data/health" ;;
        loki) echo "$root/tests/data/loki" ;;
        logline) echo "$root/tests/data/loki" ;;
        querytext) echo "$root/tests/fuzz/seeds/querytext" ;;
        runbook) echo "$root/resources/runbooks" ;;
        dashboard) echo "$root/resources/dashboards $root/tests/fuzz/seeds/dashboard" ;;
        settings) echo "$root/tests/fuzz/seeds/settings" ;;
        grafana) echo "$root/tests/data/grafana" ;;
        dashboardwriter) echo "$root/resources/dashboards $root/tests/fuzz/seeds/dashboard" ;;
        logql) echo "$root/tests/fuzz/seeds/logql" ;;
        simhttp) echo "$root/tests/fuzz/seeds/simhttp" ;;
        secrets) echo "$root/tests/fuzz/seeds/secrets" ;;
        logfile) echo "$root/tests/fuzz/seeds/logfile" ;;
    esac
}
jobs=${FUZZ_JOBS:-$(nproc)}
fuzz_one() { # name exe → $out/name.result (its line), exit status 1 when it failed
    local name=$1 exe=$2 corpus="$out/corpus-$1" log="$out/$1.log" rc runs rate files result
    mkdir -p "$corpus"
    for s in $(seeds "$name"); do cp -r "$s"/. "$corpus"/ 2>/dev/null || true; done
    ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
        "$exe" "$corpus" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
        -artifact_prefix="$out/$name-" -print_final_stats=1 >"$log" 2>&1
    rc=$?
    runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1)
    rate=$(grep -o 'stat::average_exec_per_sec: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1)
    files=$(find "$corpus" -type f | wc -l)
    result=ok
    if [ $rc -ne 0 ]; then
        result="FAILED (exit $rc): $(grep -m1 -E 'ERROR: (libFuzzer|AddressSanitizer|LeakSanitizer)|runtime error' "$log" | cut -c1-120); log $log"
    fi
    printf '%-14s %12s %10s %8s  %s\n' "$name" "${runs:-?}" "${rate:-?}" "$files" "$result" >"$out/$name.result"
    [ $rc -eq 0 ]
}
# FUZZ_JOBS targets at a time (default: one per core); the lines come out in the targets' order.
names=()
for exe in "$build"/fuzz/fuzz_*; do
    name=$(basename "$exe"); name=${name#fuzz_}
    [ "$only" = "  " ] || [[ "$only" == *" $name "* ]] || continue
    while [ "$(jobs -rp | wc -l)" -ge "$jobs" ]; do wait -n; done
    names+=("$name")
    fuzz_one "$name" "$exe" &
done
wait
failed=0
printf '%-14s %12s %10s %8s  %s\n' target executions "exec/s" corpus result
for name in "${names[@]}"; do
    cat "$out/$name.result"
    grep -q '  ok$' "$out/$name.result" || failed=1
done
[ $failed -eq 0 ] || echo "fuzz: failures; artifacts and logs in $out"
exit $failed
